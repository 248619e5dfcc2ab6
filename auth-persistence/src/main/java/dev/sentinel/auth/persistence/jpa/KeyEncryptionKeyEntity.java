package dev.sentinel.auth.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "key_encryption_keys")
class KeyEncryptionKeyEntity {
    /** There is one generated key; its row has this id, so two instances racing to store one collide. */
    static final String THE_KEY = "generated";

    @Id
    String id;

    @Column(name = "key_bytes")
    String keyBytes;

    @Column(name = "created_at")
    long createdAt;
}
