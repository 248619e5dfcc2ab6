package dev.sentinel.auth.mail;

/** Sends a mail now (SMTP); the queue decides when. */
public interface Mailer {
    boolean isConfigured();

    /** @throws MailDeliveryException when the mail could not be handed to the server; it is tried again later */
    void send(OutgoingMail mail);
}
