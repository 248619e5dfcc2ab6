package dev.sentinel.auth.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedLoginLockoutTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private static final LockoutPolicy POLICY = new LockoutPolicy(5, Duration.ofMinutes(15));

    @Test
    void fourFailuresDoNotLock() {
        FailedLogins failures = failTimes(4, NOW);

        assertEquals(4, failures.count());
        assertFalse(failures.isLocked(NOW));
        assertNull(failures.lockedUntil());
    }

    @Test
    void theThresholdthFailureLocksForTheDuration() {
        FailedLogins failures = failTimes(5, NOW);

        assertTrue(failures.isLocked(NOW));
        assertEquals(NOW.plus(Duration.ofMinutes(15)), failures.lockedUntil());
    }

    @Test
    void lockHoldsUntilOneMilliBeforeItsEnd() {
        FailedLogins locked = failTimes(5, NOW);

        assertTrue(locked.isLocked(locked.lockedUntil().minusMillis(1)));
    }

    @Test
    void lockIsOverAtItsEnd() {
        FailedLogins locked = failTimes(5, NOW);

        assertFalse(locked.isLocked(locked.lockedUntil()));
    }

    @Test
    void aLockThatRanOutStartsAFreshCount() {
        // given
        FailedLogins locked = failTimes(5, NOW);
        Instant afterLock = locked.lockedUntil().plusSeconds(1);

        // when
        FailedLogins next = locked.afterFailure(afterLock, POLICY);

        // then
        assertEquals(1, next.count());
        assertFalse(next.isLocked(afterLock));
    }

    @Test
    void noFailuresMeansNotLocked() {
        assertFalse(FailedLogins.NONE.isLocked(NOW));
        assertEquals(0, FailedLogins.NONE.count());
    }

    @Test
    void thresholdOfOneLocksOnTheFirstFailure() {
        LockoutPolicy strict = new LockoutPolicy(1, Duration.ofMinutes(1));

        assertTrue(FailedLogins.NONE.afterFailure(NOW, strict).isLocked(NOW));
    }

    @Test
    void policyNeedsAPositiveThresholdAndDuration() {
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(5, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(5, Duration.ofMinutes(-1)));
    }

    private static FailedLogins failTimes(int times, Instant at) {
        FailedLogins failures = FailedLogins.NONE;
        for (int i = 0; i < times; i++) {
            failures = failures.afterFailure(at, POLICY);
        }
        return failures;
    }
}
