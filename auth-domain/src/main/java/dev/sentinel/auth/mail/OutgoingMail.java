package dev.sentinel.auth.mail;

import java.time.Duration;

/** A mail on its way to the SMTP server: the only place a link's token exists in clear, in memory. */
public record OutgoingMail(String to, MailPurpose purpose, String token, Duration linkLifetime) {
    @Override
    public String toString() {
        return "OutgoingMail[" + purpose + ", redacted]";
    }
}
