package dev.sentinel.auth.ratelimit;

import java.time.Instant;

/** The consecutive failures counted against one email, and the lock they led to. */
public record FailedLogins(int count, Instant lockedUntil) {
    public static final FailedLogins NONE = new FailedLogins(0, null);

    public boolean isNone() {
        return equals(NONE);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** One more failure; a lock that has run out starts a fresh count. */
    public FailedLogins afterFailure(Instant now, LockoutPolicy policy) {
        int failures = (lockedUntil != null && !isLocked(now)) ? 1 : count + 1;
        Instant until = failures >= policy.threshold() ? now.plus(policy.duration()) : null;
        return new FailedLogins(failures, until);
    }
}
