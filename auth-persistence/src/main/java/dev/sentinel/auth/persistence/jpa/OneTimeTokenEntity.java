package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.mail.MailPurpose;
import dev.sentinel.auth.mail.OneTimeToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "one_time_tokens")
class OneTimeTokenEntity {
    @Id
    @Column(name = "token_hash")
    String tokenHash;

    String purpose;

    @Column(name = "user_id")
    String userId;

    @Column(name = "expires_at")
    long expiresAt;

    static OneTimeTokenEntity from(OneTimeToken token) {
        OneTimeTokenEntity entity = new OneTimeTokenEntity();
        entity.tokenHash = token.hash();
        entity.purpose = token.purpose().name();
        entity.userId = token.userId().toString();
        entity.expiresAt = token.expiresAt().toEpochMilli();
        return entity;
    }

    OneTimeToken toOneTimeToken() {
        return new OneTimeToken(
                tokenHash, MailPurpose.valueOf(purpose), UUID.fromString(userId), Instant.ofEpochMilli(expiresAt));
    }
}
