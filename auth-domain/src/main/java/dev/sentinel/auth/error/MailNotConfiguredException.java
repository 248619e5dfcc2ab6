package dev.sentinel.auth.error;

public final class MailNotConfiguredException extends AuthException {
    public MailNotConfiguredException() {
        super("mail_not_configured", "This server cannot send mail: it has no SMTP server configured.");
    }
}
