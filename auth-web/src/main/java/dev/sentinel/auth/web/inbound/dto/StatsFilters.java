package dev.sentinel.auth.web.inbound.dto;

import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.error.InvalidInputException.FieldError;
import dev.sentinel.auth.event.StatsBucket;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The query string of GET /api/admin/auth-events/stats, parsed as text so that each bad parameter is named. */
public class StatsFilters {
    /** The bucket widths by the ISO-8601 durations the query string and the answer spell them with. */
    private static final Map<String, StatsBucket> BUCKETS = new LinkedHashMap<>();

    static {
        BUCKETS.put("PT1M", StatsBucket.MINUTE);
        BUCKETS.put("PT1H", StatsBucket.HOUR);
        BUCKETS.put("P1D", StatsBucket.DAY);
    }

    private static final String DEFAULT_BUCKET = "PT1H";

    @QueryParam("bucket")
    String bucket;

    @QueryParam("since")
    String since;

    @QueryParam("until")
    String until;

    public Request parse() {
        List<FieldError> errors = new ArrayList<>();
        StatsBucket parsedBucket = BUCKETS.get(bucket == null || bucket.isBlank() ? DEFAULT_BUCKET : bucket.strip());
        if (parsedBucket == null) {
            errors.add(new FieldError("bucket", "must be one of " + BUCKETS.keySet()));
        }
        Instant parsedSince = instant("since", since, errors);
        Instant parsedUntil = instant("until", until, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Request(parsedBucket, parsedSince, parsedUntil);
    }

    /** The ISO-8601 name of a bucket width: "PT1M", "PT1H" or "P1D". */
    public static String name(StatsBucket bucket) {
        return BUCKETS.entrySet().stream()
                .filter(entry -> entry.getValue() == bucket)
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant, e.g. 2026-11-30T15:00:00Z"));
            return null;
        }
    }

    /** A null since or until means the default. */
    public record Request(StatsBucket bucket, Instant since, Instant until) {}
}
