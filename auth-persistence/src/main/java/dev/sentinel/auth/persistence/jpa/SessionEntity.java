package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.session.Session;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "sessions")
class SessionEntity {
    @Id
    String id;

    @Column(name = "user_id")
    String userId;

    @Column(name = "created_at")
    long createdAt;

    @Column(name = "last_used_at")
    long lastUsedAt;

    @Column(name = "expires_at")
    long expiresAt;

    @Column(name = "revoked_at")
    Long revokedAt;

    String ip;

    @Column(name = "user_agent")
    String userAgent;

    @Column(name = "credential_version")
    int credentialVersion;

    @Column(name = "second_factor")
    boolean secondFactor;

    static SessionEntity from(Session session) {
        SessionEntity entity = new SessionEntity();
        entity.id = session.id().toString();
        entity.userId = session.userId().toString();
        entity.createdAt = session.createdAt().toEpochMilli();
        entity.lastUsedAt = session.lastUsedAt().toEpochMilli();
        entity.expiresAt = session.expiresAt().toEpochMilli();
        entity.revokedAt = Millis.of(session.revokedAt());
        entity.ip = session.ip();
        entity.userAgent = session.userAgent();
        entity.credentialVersion = session.credentialVersion();
        entity.secondFactor = session.secondFactor();
        return entity;
    }

    Session toSession() {
        return new Session(
                UUID.fromString(id),
                UUID.fromString(userId),
                Instant.ofEpochMilli(createdAt),
                Instant.ofEpochMilli(lastUsedAt),
                Instant.ofEpochMilli(expiresAt),
                Millis.toInstant(revokedAt),
                ip,
                userAgent,
                credentialVersion,
                secondFactor);
    }
}
