package dev.sentinel.auth.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "login_failures")
class LoginFailureEntity {
    @Id
    @Column(name = "email_key")
    String emailKey;

    int failures;

    @Column(name = "locked_until")
    Long lockedUntil;

    @Column(name = "updated_at")
    long updatedAt;

    /** Changes go through the entity's own methods: EclipseLink's weaving tracks only those. */
    void record(int newFailures, Long newLockedUntil, long now) {
        failures = newFailures;
        lockedUntil = newLockedUntil;
        updatedAt = now;
    }
}
