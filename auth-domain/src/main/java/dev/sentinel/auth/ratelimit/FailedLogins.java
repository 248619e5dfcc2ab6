package dev.sentinel.auth.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * The login attempts counted against one key (an email and client, an email, or a client) since
 * {@code windowStart}, and the lock they led to. An attempt is counted before its password is checked and
 * taken back when it succeeds, so concurrent attempts cannot overshoot the threshold.
 */
public record FailedLogins(int count, Instant windowStart, Instant lockedUntil) {
    public static final FailedLogins NONE = new FailedLogins(0, null, null);

    public boolean isNone() {
        return count == 0 && lockedUntil == null;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * One more attempt under {@code counter}'s rule; the attempt that reaches the threshold locks for
     * {@code lockFor}. A lock that has run out, or a window that has passed, starts a fresh count.
     */
    public FailedLogins afterAttempt(Instant now, FailureCounter counter, Duration lockFor) {
        boolean lockRanOut = lockedUntil != null && !isLocked(now);
        boolean windowPassed =
                counter.window() != null && windowStart != null && !now.isBefore(windowStart.plus(counter.window()));
        FailedLogins from = lockRanOut || windowPassed || windowStart == null ? new FailedLogins(0, now, null) : this;
        int attempts = from.count + 1;
        Instant until = attempts >= counter.threshold() ? now.plus(lockFor) : from.lockedUntil;
        return new FailedLogins(attempts, from.windowStart, until);
    }

    /** Takes back one attempt that did not fail; the lock it set, if any, goes with it. */
    public FailedLogins released(FailureCounter counter) {
        int attempts = Math.max(0, count - 1);
        return new FailedLogins(attempts, windowStart, attempts >= counter.threshold() ? lockedUntil : null);
    }

    public boolean reached(FailureCounter counter) {
        return count == counter.threshold() && lockedUntil != null;
    }
}
