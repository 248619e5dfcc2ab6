package dev.sentinel.auth.ratelimit;

import java.time.Duration;

/** After {@code threshold} consecutive failed logins an email is locked for {@code duration}. */
public record LockoutPolicy(int threshold, Duration duration) {
    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15));

    public LockoutPolicy {
        if (threshold < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("lockout needs a threshold >= 1 and a positive duration");
        }
    }
}
