package dev.sentinel.auth.usecase;

import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventQuery;
import dev.sentinel.auth.event.AuthEventRepository;
import dev.sentinel.auth.event.EventCount;
import dev.sentinel.auth.event.EventCursor;
import dev.sentinel.auth.event.EventPage;
import dev.sentinel.auth.event.EventStats;
import dev.sentinel.auth.event.EventStatsQuery;
import dev.sentinel.auth.event.StatsBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Operators read the audit trail page by page and as counts per time bucket; old events are purged after the
 * retention period.
 */
public final class AuditTrail {
    private final AuthEventRepository events;
    private final Clock clock;

    public AuditTrail(AuthEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public EventPage page(AuthEventQuery query) {
        AuthEventQuery oneMore = query.withLimit(query.limit() + 1);
        List<AuthEvent> found = events.search(oneMore);
        if (found.size() <= query.limit()) {
            return new EventPage(found, null);
        }
        List<AuthEvent> page = found.subList(0, query.limit());
        return new EventPage(List.copyOf(page), EventCursor.after(page.get(page.size() - 1)));
    }

    /**
     * Every bucket of the range, oldest first, with the counts the database found in it. A null since or until
     * takes its default (see {@link EventStatsQuery#of}).
     */
    public EventStats stats(StatsBucket bucket, Instant since, Instant until) {
        EventStatsQuery query = EventStatsQuery.of(bucket, since, until, clock.instant());
        Map<Instant, List<EventCount>> found =
                events.count(query).stream().collect(Collectors.groupingBy(EventCount::bucketStart));
        return new EventStats(
                query.bucket(),
                query.bucketStarts().stream()
                        .map(start -> new EventStats.Bucket(start, found.getOrDefault(start, List.of())))
                        .toList());
    }

    public int purgeOlderThan(Duration retention) {
        return events.purgeBefore(clock.instant().minus(retention));
    }
}
