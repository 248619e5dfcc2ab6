package dev.sentinel.auth.error;

/** Base of every rule violation the domain reports; the web layer maps each kind to one HTTP answer. */
public abstract class AuthException extends RuntimeException {
    private final String reason;

    protected AuthException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** A short machine-readable reason, safe to store in an auth event (never a secret). */
    public String reason() {
        return reason;
    }
}
