package dev.sentinel.auth.event;

import java.time.Instant;

/** How many events of one type and outcome occurred in the bucket that starts at {@code bucketStart}. */
public record EventCount(Instant bucketStart, AuthEventType type, Outcome outcome, long count) {}
