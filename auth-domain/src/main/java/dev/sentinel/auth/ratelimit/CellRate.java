package dev.sentinel.auth.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * The generic cell rate algorithm: a token bucket kept as one number, the theoretical arrival time (TAT)
 * of the next request. Equivalent to a bucket of {@code capacity} refilled at {@code capacity/period},
 * and cheap to store as one database row per key.
 */
public final class CellRate {
    private CellRate() {}

    /** The time of {@code instant} as TATs count it: nanoseconds since 1970. */
    public static long timeOf(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** The new TAT (unchanged when refused) and the decision, for a request at {@code now}. */
    public record Step(long tat, RateDecision decision) {}

    /** {@code storedTat} and {@code now} in nanoseconds since 1970 ({@link #timeOf}). */
    public static Step step(long storedTat, long now, RateLimit limit) {
        long interval = limit.intervalNanos();
        long period = limit.periodNanos();
        long base = Math.max(storedTat, now);
        long nextTat = base + interval;
        if (nextTat - now > period) {
            Duration retryAfter = Duration.ofNanos(nextTat - period - now);
            return new Step(
                    storedTat, new RateDecision(false, limit.capacity(), 0, Duration.ofNanos(base - now), retryAfter));
        }
        int remaining = (int) ((period - (nextTat - now)) / interval);
        return new Step(
                nextTat,
                new RateDecision(true, limit.capacity(), remaining, Duration.ofNanos(nextTat - now), Duration.ZERO));
    }
}
