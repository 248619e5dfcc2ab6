package dev.sentinel.auth.web.inbound.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * A refused bearer token is a client's mistake, not the server's: it costs a counter
 * (auth_token_rejections_total{reason}) and a share of one summary line a minute, never a line of its own.
 */
@ApplicationScoped
public class TokenRejections {
    static final Duration SUMMARY_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(TokenRejections.class.getName());

    @Inject
    MetricRegistry registry;

    @Inject
    Clock clock;

    private final Map<String, LongAdder> sinceSummary = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastSummary = new AtomicReference<>(Instant.EPOCH);

    public void record(String reason) {
        registry.counter("auth_token_rejections", new Tag("reason", reason)).inc();
        sinceSummary.computeIfAbsent(reason, r -> new LongAdder()).increment();
        Instant now = clock.instant();
        Instant last = lastSummary.get();
        if (!now.isBefore(last.plus(SUMMARY_INTERVAL)) && lastSummary.compareAndSet(last, now)) {
            summarise();
        }
    }

    private void summarise() {
        Map<String, Long> counts = new TreeMap<>();
        sinceSummary.forEach((reason, count) -> counts.put(reason, count.sumThenReset()));
        counts.values().removeIf(count -> count == 0);
        LOG.info("bearer tokens refused since the last summary, by reason: " + counts);
    }
}
