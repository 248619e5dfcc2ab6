package dev.sentinel.auth.error;

/** One answer for an unknown email and a wrong password, so that a response reveals nothing. */
public final class InvalidCredentialsException extends AuthException {
    public InvalidCredentialsException() {
        super("invalid_credentials", "The email or password is incorrect.");
    }
}
