package dev.sentinel.auth.event;

import java.time.Instant;
import java.util.UUID;

/** Filters of the audit trail; null means "any". Results come newest first, after {@code cursor} when given. */
public record AuthEventQuery(
        AuthEventType type, UUID userId, String email, Instant since, Instant until, int limit, EventCursor cursor) {
    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 50;
}
