package dev.sentinel.auth.mail;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A mail waiting to be sent. It holds no token: the link's token is minted when the mail actually goes
 * out, so that neither the queue nor its backups ever hold a secret.
 */
public record QueuedMail(
        UUID id,
        MailPurpose purpose,
        UUID userId,
        String email,
        Instant queuedAt,
        int attempts,
        Instant nextAttemptAt) {

    public static QueuedMail of(MailPurpose purpose, UUID userId, String email, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS); // the precision the store keeps
        return new QueuedMail(UUID.randomUUID(), purpose, userId, email, at, 0, at);
    }

    public boolean olderThan(java.time.Duration maxAge, Instant now) {
        return queuedAt.plus(maxAge).isBefore(now);
    }
}
