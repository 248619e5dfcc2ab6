package dev.sentinel.auth.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {
    private static final RateLimit FIVE_PER_HOUR = new RateLimit(5, Duration.ofHours(1));
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");

    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter();

    @Test
    void allowsFiveThenRefusesTheSixthWithRetryAfterOfTwelveMinutes() {
        // given
        List<RateDecision> firstFive = acquire("10.0.0.1", 5, NOW);

        // when
        RateDecision sixth = limiter.acquire("10.0.0.1", FIVE_PER_HOUR, NOW);

        // then
        assertEquals(
                List.of(4, 3, 2, 1, 0),
                firstFive.stream().map(RateDecision::remaining).toList());
        assertTrue(firstFive.stream().allMatch(RateDecision::allowed));
        assertFalse(sixth.allowed());
        assertEquals(Duration.ofMinutes(12), sixth.retryAfter());
    }

    @Test
    void keysAreIndependent() {
        // given
        acquire("10.0.0.1", 6, NOW);

        // when
        RateDecision other = limiter.acquire("10.0.0.2", FIVE_PER_HOUR, NOW);

        // then
        assertTrue(other.allowed());
        assertEquals(4, other.remaining());
    }

    @Test
    void refillsOverTime() {
        acquire("10.0.0.1", 6, NOW);

        RateDecision later = limiter.acquire("10.0.0.1", FIVE_PER_HOUR, NOW.plus(Duration.ofMinutes(12)));

        assertTrue(later.allowed());
    }

    @Test
    void evictingIdleBucketsForgetsOnlyFullOnes() {
        // given: one key emptied, the other used an hour ago
        acquire("busy", 5, NOW.plus(Duration.ofHours(1)));
        acquire("idle", 5, NOW);

        // when
        limiter.purgeIdle(NOW.plus(Duration.ofHours(1)));

        // then
        assertFalse(limiter.acquire("busy", FIVE_PER_HOUR, NOW.plus(Duration.ofHours(1)))
                .allowed());
        assertEquals(
                4,
                limiter.acquire("idle", FIVE_PER_HOUR, NOW.plus(Duration.ofHours(1)))
                        .remaining());
    }

    private List<RateDecision> acquire(String key, int times, Instant at) {
        List<RateDecision> decisions = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            decisions.add(limiter.acquire(key, FIVE_PER_HOUR, at));
        }
        return decisions;
    }
}
