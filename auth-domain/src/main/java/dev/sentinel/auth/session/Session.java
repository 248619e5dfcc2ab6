package dev.sentinel.auth.session;

import java.time.Instant;
import java.util.UUID;

/** One login of one user on one device: the family every rotated refresh token of it belongs to. */
public record Session(
        UUID id,
        UUID userId,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt,
        String ip,
        String userAgent) {

    public static Session open(UUID userId, ClientInfo client, Instant now, SessionPolicy policy) {
        return new Session(
                UUID.randomUUID(),
                userId,
                now,
                now,
                now.plus(policy.maxLifetime()),
                null,
                client.ip(),
                client.userAgent());
    }

    public boolean isLive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
