package dev.sentinel.auth.ratelimit;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** For a single instance: the same algorithm, kept in this JVM. */
public final class InMemoryRateLimiter implements RateLimiter {
    private final ConcurrentMap<String, Long> tats = new ConcurrentHashMap<>();

    @Override
    public RateDecision acquire(String key, RateLimit limit, Instant now) {
        RateDecision[] decision = new RateDecision[1];
        tats.compute(key, (k, tat) -> {
            CellRate.Step step = CellRate.step(tat == null ? 0 : tat, CellRate.timeOf(now), limit);
            decision[0] = step.decision();
            return step.tat();
        });
        return decision[0];
    }

    /** Drops buckets that are full again, so that memory stays bounded by the active keys. */
    @Override
    public int purgeIdle(Instant now) {
        int before = tats.size();
        long time = CellRate.timeOf(now);
        tats.values().removeIf(tat -> tat <= time);
        return before - tats.size();
    }
}
