package dev.sentinel.auth.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "recovery_codes")
class RecoveryCodeEntity {
    @Id
    @Column(name = "code_hash")
    String codeHash;

    @Column(name = "user_id")
    String userId;

    static RecoveryCodeEntity of(String userId, String codeHash) {
        RecoveryCodeEntity entity = new RecoveryCodeEntity();
        entity.userId = userId;
        entity.codeHash = codeHash;
        return entity;
    }
}
