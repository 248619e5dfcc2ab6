package dev.sentinel.auth.ratelimit;

/** A rate limiter whose buckets every instance on the same database draws from. */
public interface SharedRateLimiter extends RateLimiter {}
