package dev.sentinel.auth.event;

import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.error.InvalidInputException.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Event counts per bucket from {@code since} (the start of its bucket) until {@code until} (exclusive). The
 * number of buckets is bounded, so that one call cannot ask for an answer of unbounded size.
 */
public record EventStatsQuery(StatsBucket bucket, Instant since, Instant until) {
    /** A day of minutes, about two months of hours, about four years of days. */
    public static final int MAX_BUCKETS = 1440;

    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public EventStatsQuery {
        since = bucket.startOf(since);
    }

    /**
     * The query an operator means: until defaults to now, since to the bucket's default range before until.
     * Throws InvalidInputException naming the field when the range is empty, inverted or too long.
     */
    public static EventStatsQuery of(StatsBucket bucket, Instant since, Instant until, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        outOfRange("since", since, errors);
        outOfRange("until", until, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant end = until == null ? now : until;
        Instant start = since == null ? end.minus(bucket.defaultRange()) : since;
        if (!start.isBefore(end)) {
            errors.add(new FieldError(since == null ? "until" : "since", "must be before until"));
        } else if (bucketCount(bucket, start, end) > MAX_BUCKETS) {
            errors.add(new FieldError(
                    "since",
                    "the range holds more than " + MAX_BUCKETS + " buckets: ask for a shorter range or"
                            + " a wider bucket"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new EventStatsQuery(bucket, start, end);
    }

    /** The starts of every bucket in the range, oldest first. */
    public List<Instant> bucketStarts() {
        List<Instant> starts = new ArrayList<>();
        for (Instant start = since; start.isBefore(until); start = start.plus(bucket.length())) {
            starts.add(start);
        }
        return starts;
    }

    private static void outOfRange(String field, Instant value, List<FieldError> errors) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            errors.add(new FieldError(field, "must be between " + EARLIEST + " and " + LATEST));
        }
    }

    private static long bucketCount(StatsBucket bucket, Instant since, Instant until) {
        long first = bucket.startOf(since).toEpochMilli();
        // ceiling division without overflow: the range can be centuries long
        return Math.floorDiv(until.toEpochMilli() - first - 1, bucket.millis()) + 1;
    }
}
