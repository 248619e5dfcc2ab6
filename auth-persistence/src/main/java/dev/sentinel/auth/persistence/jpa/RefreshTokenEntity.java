package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.session.RefreshToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "refresh_tokens")
class RefreshTokenEntity {
    @Id
    @Column(name = "token_hash")
    String tokenHash;

    @Column(name = "session_id")
    String sessionId;

    @Column(name = "issued_at")
    long issuedAt;

    @Column(name = "expires_at")
    long expiresAt;

    @Column(name = "rotated_at")
    Long rotatedAt;

    @Column(name = "sealed_successor")
    String sealedSuccessor;

    static RefreshTokenEntity from(RefreshToken token) {
        RefreshTokenEntity entity = new RefreshTokenEntity();
        entity.tokenHash = token.tokenHash();
        entity.sessionId = token.sessionId().toString();
        entity.issuedAt = token.issuedAt().toEpochMilli();
        entity.expiresAt = token.expiresAt().toEpochMilli();
        entity.rotatedAt = Millis.of(token.rotatedAt());
        entity.sealedSuccessor = token.sealedSuccessor();
        return entity;
    }

    RefreshToken toToken() {
        return new RefreshToken(
                tokenHash,
                UUID.fromString(sessionId),
                Instant.ofEpochMilli(issuedAt),
                Instant.ofEpochMilli(expiresAt),
                Millis.toInstant(rotatedAt),
                sealedSuccessor);
    }
}
