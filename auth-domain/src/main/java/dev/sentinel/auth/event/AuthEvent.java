package dev.sentinel.auth.event;

import dev.sentinel.auth.session.ClientInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * One authentication decision, for the audit trail. Holds no secret by construction: there is no field for one.
 * {@code actorId} names the administrator who acted on {@code userId}, null when the user acted themselves.
 */
public record AuthEvent(
        Long id,
        AuthEventType type,
        Outcome outcome,
        UUID userId,
        String email,
        String ip,
        String userAgent,
        UUID sessionId,
        String reason,
        Instant occurredAt,
        UUID actorId) {
    public static final int MAX_EMAIL = 254;
    public static final int MAX_REASON = 64;

    public AuthEvent {
        email = cut(email, MAX_EMAIL);
        reason = cut(reason, MAX_REASON);
    }

    /** An event without an acting administrator. */
    public AuthEvent(
            Long id,
            AuthEventType type,
            Outcome outcome,
            UUID userId,
            String email,
            String ip,
            String userAgent,
            UUID sessionId,
            String reason,
            Instant occurredAt) {
        this(id, type, outcome, userId, email, ip, userAgent, sessionId, reason, occurredAt, null);
    }

    public static Builder of(AuthEventType type, Outcome outcome, Instant occurredAt) {
        return new Builder(type, outcome, occurredAt);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public static final class Builder {
        private final AuthEventType type;
        private final Outcome outcome;
        private final Instant occurredAt;
        private UUID userId;
        private String email;
        private ClientInfo client = new ClientInfo(null, null);
        private UUID sessionId;
        private String reason;
        private UUID actorId;

        private Builder(AuthEventType type, Outcome outcome, Instant occurredAt) {
            this.type = type;
            this.outcome = outcome;
            this.occurredAt = occurredAt;
        }

        public Builder user(UUID userId) {
            this.userId = userId;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder client(ClientInfo client) {
            this.client = client;
            return this;
        }

        public Builder session(UUID sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /** The administrator who acted. */
        public Builder actor(UUID actorId) {
            this.actorId = actorId;
            return this;
        }

        public AuthEvent build() {
            return new AuthEvent(
                    null,
                    type,
                    outcome,
                    userId,
                    email,
                    client.ip(),
                    client.userAgent(),
                    sessionId,
                    reason,
                    occurredAt,
                    actorId);
        }
    }
}
