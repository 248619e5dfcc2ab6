package dev.sentinel.auth.mail;

/** The SMTP server could not be reached or refused the mail; the message names no recipient and no token. */
public final class MailDeliveryException extends RuntimeException {
    public MailDeliveryException(String message) {
        super(message, null, false, false);
    }
}
