package dev.sentinel.auth.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A session of a deleted account, kept so that every instance's revocation feed still sees it end. */
@Entity
@Table(name = "removed_sessions")
class RemovedSessionEntity {
    @Id
    @Column(name = "session_id")
    String sessionId;

    @Column(name = "removed_at")
    long removedAt;
}
