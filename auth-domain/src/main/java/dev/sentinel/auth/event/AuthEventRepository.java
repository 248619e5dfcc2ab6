package dev.sentinel.auth.event;

import java.time.Instant;
import java.util.List;

public interface AuthEventRepository {
    void appendAll(List<AuthEvent> events);

    /** Up to {@code query.limit()} events, newest first. */
    List<AuthEvent> search(AuthEventQuery query);

    int purgeBefore(Instant before);
}
