package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.Outcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "auth_events")
class AuthEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String type;
    String outcome;

    @Column(name = "user_id")
    String userId;

    String email;
    String ip;

    @Column(name = "user_agent")
    String userAgent;

    @Column(name = "session_id")
    String sessionId;

    String reason;

    @Column(name = "occurred_at")
    long occurredAt;

    @Column(name = "actor_id")
    String actorId;

    static AuthEventEntity from(AuthEvent event) {
        AuthEventEntity entity = new AuthEventEntity();
        entity.type = event.type().name();
        entity.outcome = event.outcome().name();
        entity.userId = event.userId() == null ? null : event.userId().toString();
        entity.email = event.email();
        entity.ip = event.ip();
        entity.userAgent = event.userAgent();
        entity.sessionId = event.sessionId() == null ? null : event.sessionId().toString();
        entity.reason = event.reason();
        entity.occurredAt = event.occurredAt().toEpochMilli();
        entity.actorId = event.actorId() == null ? null : event.actorId().toString();
        return entity;
    }

    AuthEvent toEvent() {
        return new AuthEvent(
                id,
                AuthEventType.valueOf(type),
                Outcome.valueOf(outcome),
                userId == null ? null : UUID.fromString(userId),
                email,
                ip,
                userAgent,
                sessionId == null ? null : UUID.fromString(sessionId),
                reason,
                Instant.ofEpochMilli(occurredAt),
                actorId == null ? null : UUID.fromString(actorId));
    }
}
