package dev.sentinel.auth.error;

public final class EmailAlreadyTakenException extends AuthException {
    public EmailAlreadyTakenException() {
        super("email_taken", "An account with this email already exists.");
    }
}
