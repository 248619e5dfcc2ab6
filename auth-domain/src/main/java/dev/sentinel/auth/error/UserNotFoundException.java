package dev.sentinel.auth.error;

public final class UserNotFoundException extends AuthException {
    public UserNotFoundException() {
        super("user_not_found", "No such user.");
    }
}
