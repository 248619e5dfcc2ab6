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

    @Column(name = "created_at")
    long createdAt;

    static SigningKeyEntity from(SigningKey key, int generation) {
        SigningKeyEntity entity = new SigningKeyEntity();
        entity.kid = key.kid();
        entity.generation = generation;
        entity.algorithm = key.algorithm();
        entity.privateKey = key.privateKeyPkcs8();
        entity.publicKey = key.publicKeyX509();
        entity.createdAt = key.createdAt().toEpochMilli();
        return entity;
    }

    SigningKey toKey() {
        return new SigningKey(kid, algorithm, privateKey, publicKey, Instant.ofEpochMilli(createdAt));
    }
}
