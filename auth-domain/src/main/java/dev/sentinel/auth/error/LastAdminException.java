package dev.sentinel.auth.error;

public final class LastAdminException extends AuthException {
    public LastAdminException() {
        super("last_admin", "This would leave no active administrator: make another account an administrator first.");
    }
}
