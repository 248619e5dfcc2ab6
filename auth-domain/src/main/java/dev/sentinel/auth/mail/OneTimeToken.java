package dev.sentinel.auth.mail;

import java.time.Instant;
import java.util.UUID;

/** A mailed link's token as stored: only its hash, what it is for, whose it is and until when it works. */
public record OneTimeToken(String hash, MailPurpose purpose, UUID userId, Instant expiresAt) {
    public boolean worksFor(MailPurpose expected, Instant now) {
        return purpose == expected && now.isBefore(expiresAt);
    }
}
