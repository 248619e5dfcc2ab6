package dev.sentinel.auth.ratelimit;

import java.time.Duration;

/**
 * {@code capacity} requests per {@code period}, refilled evenly (a token bucket); capacity 0 switches the bucket
 * off. Time is counted in nanoseconds, so that even a billion requests per second keep a whole interval.
 */
public record RateLimit(int capacity, Duration period) {
    public static final int MAX_CAPACITY = 1_000_000_000;
    public static final Duration MIN_PERIOD = Duration.ofSeconds(1);
    /** Far beyond any sensible period, and well inside what nanoseconds since 1970 can hold. */
    public static final Duration MAX_PERIOD = Duration.ofDays(36_500);

    public RateLimit {
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be from 0 (off) to " + MAX_CAPACITY);
        }
        if (period == null || period.compareTo(MIN_PERIOD) < 0 || period.compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("period must be from PT1S to " + MAX_PERIOD);
        }
    }

    public boolean isOff() {
        return capacity == 0;
    }

    long periodNanos() {
        return period.toNanos();
    }

    long intervalNanos() {
        return period.toNanos() / capacity;
    }
}
