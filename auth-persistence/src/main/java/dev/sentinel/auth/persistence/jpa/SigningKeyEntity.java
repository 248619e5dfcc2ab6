package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.token.SigningKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "signing_keys")
class SigningKeyEntity {
    @Id
    String kid;

    int generation;
    String algorithm;

    @Column(name = "private_key")
    String privateKey;

    @Column(name = "public_key")
    String publicKey;

    /** When the key was published. */
    @Column(name = "created_at")
    long createdAt;

    @Column(name = "signs_from")
    long signsFrom;

    static SigningKeyEntity from(SigningKey key) {
        SigningKeyEntity entity = new SigningKeyEntity();
        entity.kid = key.kid();
        entity.generation = key.generation();
        entity.algorithm = key.algorithm();
        entity.privateKey = key.privateKey();
        entity.publicKey = key.publicKeyX509();
        entity.createdAt = key.publishesAt().toEpochMilli();
        entity.signsFrom = key.signsFrom().toEpochMilli();
        return entity;
    }

    SigningKey toKey() {
        return new SigningKey(
                kid,
                generation,
                algorithm,
                privateKey,
                publicKey,
                Instant.ofEpochMilli(createdAt),
                Instant.ofEpochMilli(signsFrom));
    }
}
