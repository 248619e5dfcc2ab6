package dev.sentinel.auth.error;

public final class EmailNotVerifiedException extends AuthException {
    public EmailNotVerifiedException() {
        super("email_not_verified", "The email address of this account is not verified yet.");
    }
}
