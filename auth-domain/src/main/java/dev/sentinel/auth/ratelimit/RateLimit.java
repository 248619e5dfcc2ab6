package dev.sentinel.auth.ratelimit;

import java.time.Duration;

/** {@code capacity} requests per {@code period}, refilled evenly (a token bucket). */
public record RateLimit(int capacity, Duration period) {
    public RateLimit {
        if (capacity < 1 || period.toMillis() < capacity) {
            throw new IllegalArgumentException("a rate limit needs capacity >= 1 and a period of at least capacity ms");
        }
    }

    long periodMillis() {
        return period.toMillis();
    }

    long intervalMillis() {
        return period.toMillis() / capacity;
    }
}
