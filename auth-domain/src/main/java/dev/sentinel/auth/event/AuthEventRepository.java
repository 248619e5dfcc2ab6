package dev.sentinel.auth.event;

import java.time.Instant;
import java.util.List;

public interface AuthEventRepository {
    /** In a transaction of its own. */
    void appendAll(List<AuthEvent> events);

    /** In the caller's transaction, which must exist: the event commits or rolls back with the change it records. */
    void appendToCurrentTransaction(AuthEvent event);

    /** Up to {@code query.limit()} events, newest first. */
    List<AuthEvent> search(AuthEventQuery query);

    /** Counts per bucket, type and outcome of the events in the query's range, in one grouped query. */
    List<EventCount> count(EventStatsQuery query);

    int purgeBefore(Instant before);
}
