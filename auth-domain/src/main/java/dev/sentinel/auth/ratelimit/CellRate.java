package dev.sentinel.auth.ratelimit;

import java.time.Duration;

/**
 * The generic cell rate algorithm: a token bucket kept as one number, the theoretical arrival time (TAT)
 * of the next request. Equivalent to a bucket of {@code capacity} refilled at {@code capacity/period},
 * and cheap to store as one database row per key.
 */
public final class CellRate {
    private CellRate() {}

    /** The new TAT (unchanged when refused) and the decision, for a request at {@code now}. */
    public record Step(long tat, RateDecision decision) {}

    public static Step step(long storedTat, long now, RateLimit limit) {
        long interval = limit.intervalMillis();
        long period = limit.periodMillis();
        long base = Math.max(storedTat, now);
        long nextTat = base + interval;
        if (nextTat - now > period) {
            Duration retryAfter = Duration.ofMillis(nextTat - period - now);
            return new Step(
                    storedTat, new RateDecision(false, limit.capacity(), 0, Duration.ofMillis(base - now), retryAfter));
        }
        int remaining = (int) ((period - (nextTat - now)) / interval);
        return new Step(
                nextTat,
                new RateDecision(true, limit.capacity(), remaining, Duration.ofMillis(nextTat - now), Duration.ZERO));
    }
}
