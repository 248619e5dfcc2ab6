package dev.sentinel.auth.user;

import java.time.Instant;
import java.util.UUID;

/** Which users proved they receive mail at their address (a mailed link opened, or a password reset). */
public interface VerifiedEmails {
    boolean isVerified(UUID userId);

    void markVerified(UUID userId, Instant at);
}
