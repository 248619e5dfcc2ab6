package dev.sentinel.auth.error;

/** A second-factor step that does not fit the factor's state: already enabled, or nothing pending (409). */
public final class SecondFactorStateException extends AuthException {
    private SecondFactorStateException(String reason, String message) {
        super(reason, message);
    }

    public static SecondFactorStateException alreadyEnabled() {
        return new SecondFactorStateException("mfa_already_enabled", "A second factor is already enabled.");
    }

    public static SecondFactorStateException nothingPending() {
        return new SecondFactorStateException("no_pending_factor", "No second factor waits for confirmation.");
    }
}
