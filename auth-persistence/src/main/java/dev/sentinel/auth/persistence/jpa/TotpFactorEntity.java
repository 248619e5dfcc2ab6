package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.mfa.TotpFactor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "totp_factors")
class TotpFactorEntity {
    @Id
    @Column(name = "user_id")
    String userId;

    @Column(name = "sealed_secret")
    String sealedSecret;

    boolean enabled;

    @Column(name = "last_used_step")
    long lastUsedStep;

    @Column(name = "created_at")
    long createdAt;

    static TotpFactorEntity from(TotpFactor factor) {
        TotpFactorEntity entity = new TotpFactorEntity();
        entity.userId = factor.userId().toString();
        entity.sealedSecret = factor.sealedSecret();
        entity.enabled = factor.enabled();
        entity.lastUsedStep = factor.lastUsedStep();
        entity.createdAt = factor.createdAt().toEpochMilli();
        return entity;
    }

    TotpFactor toFactor() {
        return new TotpFactor(
                UUID.fromString(userId), sealedSecret, enabled, lastUsedStep, Instant.ofEpochMilli(createdAt));
    }
}
