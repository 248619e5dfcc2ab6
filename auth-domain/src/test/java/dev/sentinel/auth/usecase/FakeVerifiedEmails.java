package dev.sentinel.auth.usecase;

import dev.sentinel.auth.user.VerifiedEmails;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

final class FakeVerifiedEmails implements VerifiedEmails {
    final Map<UUID, Instant> verified = new HashMap<>();

    @Override
    public boolean isVerified(UUID userId) {
        return verified.containsKey(userId);
    }

    @Override
    public void markVerified(UUID userId, Instant at) {
        verified.putIfAbsent(userId, at);
    }
}
