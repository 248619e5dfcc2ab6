package dev.sentinel.auth.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "rate_limits")
class RateLimitEntity {
    @Id
    @Column(name = "bucket_key")
    String bucketKey;

    long tat;

    /** Changes go through the entity's own methods: EclipseLink's weaving tracks only those. */
    void advanceTo(long newTat) {
        tat = newTat;
    }
}
