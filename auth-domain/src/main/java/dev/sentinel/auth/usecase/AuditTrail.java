package dev.sentinel.auth.usecase;

import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventQuery;
import dev.sentinel.auth.event.AuthEventRepository;
import dev.sentinel.auth.event.EventCursor;
import dev.sentinel.auth.event.EventPage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Operators read the audit trail page by page; old events are purged after the retention period. */
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

    public int purgeOlderThan(Duration retention) {
        return events.purgeBefore(clock.instant().minus(retention));
    }
}
