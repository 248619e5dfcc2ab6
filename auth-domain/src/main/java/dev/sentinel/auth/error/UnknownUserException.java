package dev.sentinel.auth.error;

/** An administrator named a user that does not exist (404). */
public final class UnknownUserException extends AuthException {
    public UnknownUserException() {
        super("unknown_user", "No such user.");
    }
}
