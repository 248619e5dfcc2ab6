package dev.sentinel.auth.ratelimit;

import java.time.Instant;

/** Takes one request from the bucket of {@code key}; implementations keep the state in memory or in the database. */
public interface RateLimiter {
    RateDecision acquire(String key, RateLimit limit, Instant now);

    /** Forgets buckets that are full again; returns how many. */
    int purgeIdle(Instant now);
}
