package dev.sentinel.auth.ratelimit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellRateTest {
    private static final RateLimit FIVE_PER_HOUR = new RateLimit(5, Duration.ofHours(1));
    private static final long NOW = 1_735_725_600_000_000_000L; // 2025-01-01T10:00:00Z in nanoseconds
    private static final long MINUTE = 60_000_000_000L;

    @Test
    void allowsCapacityRequestsInABurst() {
        List<RateDecision> decisions = burst(5, NOW);

        assertTrue(decisions.stream().allMatch(RateDecision::allowed));
    }

    @Test
    void remainingCountsDownFromFourToZero() {
        List<Integer> remaining =
                burst(5, NOW).stream().map(RateDecision::remaining).toList();

        assertEquals(List.of(4, 3, 2, 1, 0), remaining);
    }

    @Test
    void reportsTheCapacityAsLimit() {
        assertEquals(5, burst(1, NOW).get(0).limit());
    }

    @Test
    void refusesTheSixthWithARetryAfterOfTwelveMinutes() {
        // given
        long tat = tatAfter(5, NOW);

        // when
        CellRate.Step sixth = CellRate.step(tat, NOW, FIVE_PER_HOUR);

        // then
        assertFalse(sixth.decision().allowed());
        assertEquals(0, sixth.decision().remaining());
        assertEquals(Duration.ofMinutes(12), sixth.decision().retryAfter());
    }

    @Test
    void aRefusalDoesNotUseUpCapacity() {
        long tat = tatAfter(5, NOW);

        assertEquals(tat, CellRate.step(tat, NOW, FIVE_PER_HOUR).tat());
    }

    @Test
    void oneIntervalLaterOneMoreRequestIsAllowed() {
        // given
        long tat = tatAfter(5, NOW);

        // when
        CellRate.Step later = CellRate.step(tat, NOW + 12 * MINUTE, FIVE_PER_HOUR);

        // then
        assertTrue(later.decision().allowed());
        assertEquals(0, later.decision().remaining());
    }

    @Test
    void justBeforeOneIntervalTheRequestIsStillRefused() {
        long tat = tatAfter(5, NOW);

        CellRate.Step early = CellRate.step(tat, NOW + 12 * MINUTE - 1, FIVE_PER_HOUR);

        assertFalse(early.decision().allowed());
        assertEquals(Duration.ofNanos(1), early.decision().retryAfter());
    }

    @Test
    void afterAFullPeriodTheBucketIsFullAgain() {
        long tat = tatAfter(5, NOW);

        List<RateDecision> decisions = burstFrom(tat, 5, NOW + 60 * MINUTE);

        assertTrue(decisions.stream().allMatch(RateDecision::allowed));
        assertEquals(4, decisions.get(0).remaining());
    }

    @Test
    void resetAfterTellsWhenTheBucketIsFullAgain() {
        assertEquals(Duration.ofMinutes(12), burst(1, NOW).get(0).resetAfter());
        assertEquals(Duration.ofMinutes(60), burst(5, NOW).get(4).resetAfter());
    }

    @Test
    void allowedRequestsHaveNoRetryAfter() {
        assertEquals(Duration.ZERO, burst(1, NOW).get(0).retryAfter());
    }

    @Test
    void capacityZeroSwitchesTheBucketOff() {
        assertTrue(new RateLimit(0, Duration.ofMinutes(1)).isOff());
        assertFalse(FIVE_PER_HOUR.isOff());
    }

    @Test
    void anyCapacityUpToABillionPerSecondIsAccepted() {
        assertDoesNotThrow(() -> new RateLimit(100_000, Duration.ofMinutes(1)));
        assertDoesNotThrow(() -> new RateLimit(RateLimit.MAX_CAPACITY, Duration.ofSeconds(1)));
    }

    @Test
    void limitsOutsideTheDocumentedRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(-1, Duration.ofMinutes(1)));
        assertThrows(
                IllegalArgumentException.class, () -> new RateLimit(RateLimit.MAX_CAPACITY + 1, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(5, Duration.ofMillis(999)));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(5, Duration.ofDays(40_000)));
    }

    @Test
    void aHundredThousandPerMinuteAllowsExactlyAHundredThousandInABurst() {
        RateLimit limit = new RateLimit(100_000, Duration.ofMinutes(1));
        long tat = 0;
        for (int i = 0; i < 100_000; i++) {
            CellRate.Step step = CellRate.step(tat, NOW, limit);
            assertTrue(step.decision().allowed(), "request " + (i + 1));
            tat = step.tat();
        }

        assertFalse(CellRate.step(tat, NOW, limit).decision().allowed());
    }

    @Test
    void aBillionPerSecondRefillsOneRequestEachNanosecond() {
        RateLimit limit = new RateLimit(RateLimit.MAX_CAPACITY, Duration.ofSeconds(1));
        long full = NOW + Duration.ofSeconds(1).toNanos();

        CellRate.Step first = CellRate.step(full, NOW, limit);

        assertFalse(first.decision().allowed());
        assertTrue(CellRate.step(full, NOW + 1, limit).decision().allowed());
    }

    @Test
    void timeIsNanosecondsSince1970() {
        assertEquals(NOW + 7, CellRate.timeOf(java.time.Instant.ofEpochSecond(1_735_725_600L, 7)));
    }

    private static List<RateDecision> burst(int requests, long at) {
        return burstFrom(0, requests, at);
    }

    private static List<RateDecision> burstFrom(long tat, int requests, long at) {
        List<RateDecision> decisions = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            CellRate.Step step = CellRate.step(tat, at, FIVE_PER_HOUR);
            decisions.add(step.decision());
            tat = step.tat();
        }
        return decisions;
    }

    private static long tatAfter(int requests, long at) {
        long tat = 0;
        for (int i = 0; i < requests; i++) {
            tat = CellRate.step(tat, at, FIVE_PER_HOUR).tat();
        }
        return tat;
    }
}
