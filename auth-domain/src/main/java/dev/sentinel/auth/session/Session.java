package dev.sentinel.auth.session;

import dev.sentinel.auth.user.User;
import java.time.Instant;
import java.util.UUID;

/**
 * One login of one user on one device: the family every rotated refresh token of it belongs to. {@code
 * secondFactor}: the login proved a second factor as well as the password (RFC 8176 amr "otp", "mfa").
 */
public record Session(
        UUID id,
        UUID userId,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt,
        String ip,
        String userAgent,
        int credentialVersion,
        boolean secondFactor) {

    /** A session opened with the password alone. */
    public Session(
            UUID id,
            UUID userId,
            Instant createdAt,
            Instant lastUsedAt,
            Instant expiresAt,
            Instant revokedAt,
            String ip,
            String userAgent,
            int credentialVersion) {
        this(id, userId, createdAt, lastUsedAt, expiresAt, revokedAt, ip, userAgent, credentialVersion, false);
    }

    /** A session opened before credential versions were kept, or with a password never replaced. */
    public Session(
            UUID id,
            UUID userId,
            Instant createdAt,
            Instant lastUsedAt,
            Instant expiresAt,
            Instant revokedAt,
            String ip,
            String userAgent) {
        this(id, userId, createdAt, lastUsedAt, expiresAt, revokedAt, ip, userAgent, 0);
    }

    public static Session open(UUID userId, ClientInfo client, Instant now, SessionPolicy policy) {
        return open(userId, 0, client, now, policy);
    }

    /** {@code credentialVersion}: the version of the password the user proved. */
    public static Session open(
            UUID userId, int credentialVersion, ClientInfo client, Instant now, SessionPolicy policy) {
        return open(userId, credentialVersion, false, client, now, policy);
    }

    public static Session open(
            UUID userId,
            int credentialVersion,
            boolean secondFactor,
            ClientInfo client,
            Instant now,
            SessionPolicy policy) {
        return new Session(
                UUID.randomUUID(),
                userId,
                now,
                now,
                now.plus(policy.maxLifetime()),
                null,
                client.ip(),
                client.userAgent(),
                credentialVersion,
                secondFactor);
    }

    /** Opened with a password that has been replaced since: it must not outlive that password. */
    public boolean predatesPasswordOf(User user) {
        return credentialVersion < user.credentialVersion();
    }

    public boolean isLive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
