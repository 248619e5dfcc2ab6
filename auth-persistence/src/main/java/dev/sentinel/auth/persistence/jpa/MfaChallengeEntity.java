package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.mfa.MfaChallenge;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "mfa_challenges")
class MfaChallengeEntity {
    @Id
    @Column(name = "token_hash")
    String tokenHash;

    @Column(name = "user_id")
    String userId;

    @Column(name = "credential_version")
    int credentialVersion;

    @Column(name = "expires_at")
    long expiresAt;

    int tries;

    static MfaChallengeEntity from(MfaChallenge challenge) {
        MfaChallengeEntity entity = new MfaChallengeEntity();
        entity.tokenHash = challenge.tokenHash();
        entity.userId = challenge.userId().toString();
        entity.credentialVersion = challenge.credentialVersion();
        entity.expiresAt = challenge.expiresAt().toEpochMilli();
        return entity;
    }

    MfaChallenge toChallenge() {
        return new MfaChallenge(tokenHash, UUID.fromString(userId), credentialVersion, Instant.ofEpochMilli(expiresAt));
    }
}
