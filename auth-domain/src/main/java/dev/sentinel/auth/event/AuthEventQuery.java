package dev.sentinel.auth.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters of the audit trail; null means "any". Results come newest first, after {@code cursor} when given.
 * {@code actorId}: events of what that administrator did.
 */
public record AuthEventQuery(
        AuthEventType type,
        UUID userId,
        String email,
        Instant since,
        Instant until,
        int limit,
        EventCursor cursor,
        UUID actorId) {
    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 50;

    public AuthEventQuery(
            AuthEventType type,
            UUID userId,
            String email,
            Instant since,
            Instant until,
            int limit,
            EventCursor cursor) {
        this(type, userId, email, since, until, limit, cursor, null);
    }

    public AuthEventQuery withLimit(int newLimit) {
        return new AuthEventQuery(type, userId, email, since, until, newLimit, cursor, actorId);
    }
}
