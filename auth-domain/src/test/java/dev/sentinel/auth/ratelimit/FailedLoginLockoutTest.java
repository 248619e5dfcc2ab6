package dev.sentinel.auth.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailedLoginLockoutTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private static final Duration LOCK = Duration.ofMinutes(15);
    private static final FailureCounter CONSECUTIVE =
            new FailureCounter(FailureCounter.Scope.EMAIL_AND_CLIENT, "k", 5, null);
    private static final FailureCounter HOURLY =
            new FailureCounter(FailureCounter.Scope.CLIENT, "c", 5, Duration.ofHours(1));

    @Test
    void fourAttemptsDoNotLock() {
        FailedLogins failures = attempts(4, CONSECUTIVE, NOW);

        assertEquals(4, failures.count());
        assertFalse(failures.isLocked(NOW));
        assertNull(failures.lockedUntil());
    }

    @Test
    void theThresholdthAttemptLocksForTheDuration() {
        FailedLogins failures = attempts(5, CONSECUTIVE, NOW);

        assertTrue(failures.isLocked(NOW));
        assertTrue(failures.reached(CONSECUTIVE));
        assertEquals(NOW.plus(LOCK), failures.lockedUntil());
    }

    @Test
    void lockHoldsUntilOneMilliBeforeItsEndAndIsOverAtItsEnd() {
        FailedLogins locked = attempts(5, CONSECUTIVE, NOW);

        assertTrue(locked.isLocked(locked.lockedUntil().minusMillis(1)));
        assertFalse(locked.isLocked(locked.lockedUntil()));
    }

    @Test
    void aLockThatRanOutStartsAFreshCount() {
        FailedLogins locked = attempts(5, CONSECUTIVE, NOW);
        Instant afterLock = locked.lockedUntil().plusSeconds(1);

        FailedLogins next = locked.afterAttempt(afterLock, CONSECUTIVE, LOCK);

        assertEquals(1, next.count());
        assertFalse(next.isLocked(afterLock));
    }

    @Test
    void consecutiveFailuresHaveNoWindow() {
        FailedLogins four = attempts(4, CONSECUTIVE, NOW);

        assertTrue(four.afterAttempt(NOW.plus(Duration.ofDays(2)), CONSECUTIVE, LOCK)
                .isLocked(NOW.plus(Duration.ofDays(2))));
    }

    @Test
    void aPassedWindowStartsAFreshCount() {
        FailedLogins four = attempts(4, HOURLY, NOW);
        Instant later = NOW.plus(Duration.ofHours(1));

        FailedLogins next = four.afterAttempt(later, HOURLY, LOCK);

        assertEquals(1, next.count());
        assertEquals(later, next.windowStart());
        assertFalse(next.isLocked(later));
    }

    @Test
    void releasingTheAttemptThatLockedTakesTheLockBack() {
        FailedLogins locked = attempts(5, CONSECUTIVE, NOW);

        FailedLogins released = locked.released(CONSECUTIVE);

        assertEquals(4, released.count());
        assertFalse(released.isLocked(NOW));
    }

    @Test
    void releasingBelowZeroStaysAtZero() {
        assertEquals(0, FailedLogins.NONE.released(CONSECUTIVE).count());
    }

    @Test
    void noFailuresMeansNotLocked() {
        assertFalse(FailedLogins.NONE.isLocked(NOW));
        assertTrue(FailedLogins.NONE.isNone());
    }

    @Test
    void thresholdOfOneLocksOnTheFirstAttempt() {
        FailureCounter strict = new FailureCounter(FailureCounter.Scope.EMAIL, "e", 1, LOCK);

        assertTrue(FailedLogins.NONE.afterAttempt(NOW, strict, LOCK).isLocked(NOW));
    }

    @Test
    void anAttemptCountsAgainstTheEmailAndClientTheEmailAndTheClientInKeyOrder() {
        List<FailureCounter> counters = LockoutPolicy.DEFAULT.countersFor("a@example.com", "2001:db8:1:2:0:0:0:0/64");

        assertEquals(
                List.of(
                        "client:2001:db8:1:2:0:0:0:0/64",
                        "email:a@example.com",
                        "email:a@example.com|2001:db8:1:2:0:0:0:0/64"),
                counters.stream().map(FailureCounter::key).toList());
        assertEquals(
                List.of(50, 50, 5),
                counters.stream().map(FailureCounter::threshold).toList());
        assertEquals(
                counters.stream().map(FailureCounter::key).sorted().toList(),
                counters.stream().map(FailureCounter::key).toList());
    }

    @Test
    void policyNeedsPositiveThresholdsAndDuration() {
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(0, 50, 50, LOCK));
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(5, 0, 50, LOCK));
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(5, 50, 0, LOCK));
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(5, 50, 50, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(5, 50, 50, Duration.ofMinutes(-1)));
    }

    private static FailedLogins attempts(int times, FailureCounter counter, Instant at) {
        FailedLogins failures = FailedLogins.NONE;
        for (int i = 0; i < times; i++) {
            failures = failures.afterAttempt(at, counter, LOCK);
        }
        return failures;
    }
}
