package dev.sentinel.auth.error;

public final class EmailAlreadyVerifiedException extends AuthException {
    public EmailAlreadyVerifiedException() {
        super("already_verified", "The email address is already verified.");
    }
}
