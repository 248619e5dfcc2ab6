package dev.sentinel.auth.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The width of one bucket of event statistics. Buckets start at whole minutes, hours or days of UTC, so the
 * same bucket has the same start whoever asks and whatever the range.
 */
public enum StatsBucket {
    MINUTE(Duration.ofMinutes(1), Duration.ofHours(1)),
    HOUR(Duration.ofHours(1), Duration.ofDays(1)),
    DAY(Duration.ofDays(1), Duration.ofDays(30));

    private final Duration length;
    private final Duration defaultRange;

    StatsBucket(Duration length, Duration defaultRange) {
        this.length = length;
        this.defaultRange = defaultRange;
    }

    public static Optional<StatsBucket> of(Duration length) {
        return Arrays.stream(values()).filter(b -> b.length.equals(length)).findFirst();
    }

    public Duration length() {
        return length;
    }

    public long millis() {
        return length.toMillis();
    }

    /** How far back statistics go when the caller names no start: 60 minutes, 24 hours or 30 days. */
    public Duration defaultRange() {
        return defaultRange;
    }

    /** The start of the bucket that holds {@code instant}. */
    public Instant startOf(Instant instant) {
        long at = instant.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(at, millis()) * millis());
    }
}
