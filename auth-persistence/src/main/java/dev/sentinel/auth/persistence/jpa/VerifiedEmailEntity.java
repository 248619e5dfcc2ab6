package dev.sentinel.auth.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "verified_emails")
class VerifiedEmailEntity {
    @Id
    @Column(name = "user_id")
    String userId;

    @Column(name = "verified_at")
    long verifiedAt;

    static VerifiedEmailEntity of(String userId, long verifiedAt) {
        VerifiedEmailEntity entity = new VerifiedEmailEntity();
        entity.userId = userId;
        entity.verifiedAt = verifiedAt;
        return entity;
    }
}
