package dev.sentinel.auth.user;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Which users proved they receive mail at their address (a mailed link opened, or a password reset). */
public interface VerifiedEmails {
    boolean isVerified(UUID userId);

    void markVerified(UUID userId, Instant at);

    /** Those of {@code userIds} that are verified: one question for a page of users. */
    default Set<UUID> verifiedAmong(Collection<UUID> userIds) {
        return userIds.stream().filter(this::isVerified).collect(Collectors.toSet());
    }
}
