package dev.sentinel.auth.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sentinel.auth.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStatsQueryTest {
    private static final Instant NOW = Instant.parse("2026-11-30T15:42:17.123Z");

    @Test
    void withoutARangeTheLastHourOfMinutesIsAsked() {
        EventStatsQuery query = EventStatsQuery.of(StatsBucket.MINUTE, null, null, NOW);

        assertEquals(Instant.parse("2026-11-30T14:42:00Z"), query.since());
        assertEquals(NOW, query.until());
        assertEquals(61, query.bucketStarts().size());
    }

    @Test
    void bucketsStartAtWholeUnitsOfUtc() {
        EventStatsQuery query = EventStatsQuery.of(
                StatsBucket.HOUR, Instant.parse("2026-11-30T10:15:00Z"), Instant.parse("2026-11-30T12:00:00Z"), NOW);

        assertEquals(
                List.of(Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-30T11:00:00Z")),
                query.bucketStarts());
        assertEquals(
                Instant.parse("2026-11-30T00:00:00Z"), StatsBucket.DAY.startOf(Instant.parse("2026-11-30T23:59:59Z")));
    }

    @Test
    void anInvertedOrEmptyRangeIsRefusedNamingSince() {
        InvalidInputException refused = assertThrows(
                InvalidInputException.class, () -> EventStatsQuery.of(StatsBucket.HOUR, NOW, NOW.minusSeconds(1), NOW));

        assertEquals("since", refused.errors().get(0).field());
        assertThrows(InvalidInputException.class, () -> EventStatsQuery.of(StatsBucket.HOUR, NOW, NOW, NOW));
    }

    @Test
    void aRangeOfMoreBucketsThanTheCapIsRefused() {
        Instant since = NOW.minus(Duration.ofMinutes(EventStatsQuery.MAX_BUCKETS));

        assertEquals(
                EventStatsQuery.MAX_BUCKETS,
                EventStatsQuery.of(
                                StatsBucket.MINUTE,
                                StatsBucket.MINUTE.startOf(NOW).minus(Duration.ofMinutes(1439)),
                                StatsBucket.MINUTE.startOf(NOW).plusSeconds(60),
                                NOW)
                        .bucketStarts()
                        .size());
        assertThrows(InvalidInputException.class, () -> EventStatsQuery.of(StatsBucket.MINUTE, since, NOW, NOW));
        assertThrows(
                InvalidInputException.class,
                () -> EventStatsQuery.of(StatsBucket.DAY, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), NOW));
    }

    @Test
    void instantsBeyondTheSupportedYearsAreRefused() {
        InvalidInputException refused = assertThrows(
                InvalidInputException.class, () -> EventStatsQuery.of(StatsBucket.DAY, Instant.MIN, Instant.MAX, NOW));

        assertEquals(
                List.of("since", "until"),
                refused.errors().stream().map(e -> e.field()).toList());
    }
}
