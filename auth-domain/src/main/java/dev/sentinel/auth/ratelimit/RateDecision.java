package dev.sentinel.auth.ratelimit;

import java.time.Duration;

/** The answer to one request against a bucket, with what the RateLimit headers report. */
public record RateDecision(boolean allowed, int limit, int remaining, Duration resetAfter, Duration retryAfter) {}
