package dev.sentinel.auth.error;

/** Keys come from a file the operator manages (AUTH_SIGNING_KEY_FILE): the service cannot rotate them. */
public final class KeyRotationUnavailableException extends AuthException {
    public KeyRotationUnavailableException() {
        super(
                "key_rotation_unavailable",
                "Access tokens are signed with the key of AUTH_SIGNING_KEY_FILE: replace that file to change keys.");
    }
}
