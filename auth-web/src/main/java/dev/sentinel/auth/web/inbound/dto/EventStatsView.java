package dev.sentinel.auth.web.inbound.dto;

import dev.sentinel.auth.event.EventCount;
import dev.sentinel.auth.event.EventStats;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code {"bucket":"PT1H","items":[{"start":"...","counts":{"LOGIN/SUCCESS":3,...}}]}}, oldest bucket first. */
public record EventStatsView(String bucket, List<BucketView> items) {
    public static EventStatsView of(EventStats stats) {
        return new EventStatsView(
                StatsFilters.name(stats.bucket()),
                stats.buckets().stream().map(BucketView::of).toList());
    }

    public record BucketView(String start, Map<String, Long> counts) {
        static BucketView of(EventStats.Bucket bucket) {
            Map<String, Long> counts = new TreeMap<>();
            for (EventCount count : bucket.counts()) {
                counts.merge(count.type().name() + "/" + count.outcome().name(), count.count(), Long::sum);
            }
            return new BucketView(bucket.start().toString(), counts);
        }
    }
}
