package dev.sentinel.auth.event;

import java.time.Instant;
import java.util.List;

/** Event counts per bucket, oldest bucket first, every bucket of the range present (an empty one has no counts). */
public record EventStats(StatsBucket bucket, List<Bucket> buckets) {
    public record Bucket(Instant start, List<EventCount> counts) {}
}
