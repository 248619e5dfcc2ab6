package dev.sentinel.auth.error;

/** Client authentication failed (RFC 6749 §5.2 invalid_client): unknown client, wrong secret or none. */
public final class InvalidClientException extends AuthException {
    public InvalidClientException() {
        super("invalid_client", "Client authentication failed.");
    }
}
