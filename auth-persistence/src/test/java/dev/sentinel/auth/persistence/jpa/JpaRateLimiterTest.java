package dev.sentinel.auth.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.ratelimit.RateDecision;
import dev.sentinel.auth.ratelimit.RateLimit;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaRateLimiterTest extends JpaTestSupport {
    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00.123Z");
    private static final RateLimit THREE_PER_MINUTE = new RateLimit(3, Duration.ofMinutes(1));

    private JpaRateLimiter limiter;

    @BeforeEach
    void createLimiter() {
        limiter = new JpaRateLimiter(em, new KeyedRows(false));
    }

    private RateDecision acquire(String key, Instant now) {
        return tx.get(() -> limiter.acquire(key, THREE_PER_MINUTE, now));
    }

    @Test
    void threeRequestsPassAndTheFourthIsRefused() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            RateDecision decision = acquire("login:203.0.113.7", NOW);
            assertTrue(decision.allowed());
            assertEquals(3, decision.limit());
            assertEquals(remaining, decision.remaining());
        }

        RateDecision refused = acquire("login:203.0.113.7", NOW);

        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(Duration.ofSeconds(20), refused.retryAfter());
    }

    @Test
    void bucketsAreIndependentPerKeyAndRefillOverTime() {
        for (int i = 0; i < 3; i++) {
            acquire("a", NOW);
        }
        assertFalse(acquire("a", NOW).allowed());
        assertTrue(acquire("b", NOW).allowed(), "another key has its own bucket");

        assertTrue(acquire("a", NOW.plusSeconds(20)).allowed(), "one request back after a third of the period");
        assertFalse(acquire("a", NOW.plusSeconds(20)).allowed());
    }

    @Test
    void purgeIdleDeletesOnlyRefilledBuckets() {
        acquire("a", NOW);
        acquire("b", NOW.plusSeconds(40));

        assertEquals(1, tx.get(() -> limiter.purgeIdle(NOW.plusSeconds(30))));

        assertEquals(
                1L,
                tx.get(() -> em.createQuery("SELECT COUNT(r) FROM RateLimitEntity r", Long.class)
                        .getSingleResult()));
        assertEquals(1, acquire("b", NOW.plusSeconds(40)).remaining(), "b kept its state");
    }
}
