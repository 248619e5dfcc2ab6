package dev.sentinel.auth.error;

/** A wrong, replayed or expired second-factor code presented by a logged-in user (400). */
public final class InvalidCodeException extends AuthException {
    public InvalidCodeException(String reason) {
        super(reason, "The code is not valid.");
    }
}
