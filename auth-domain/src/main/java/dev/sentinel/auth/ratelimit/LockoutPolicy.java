package dev.sentinel.auth.ratelimit;

import java.time.Duration;
import java.util.List;

/**
 * docs/api.md "Rate limits and lockout": {@code threshold} consecutive failed logins for one email from one
 * client, {@code accountThreshold} for one email from anywhere within {@code duration}, or
 * {@code clientThreshold} from one client across all emails within an hour lock for {@code duration}.
 */
public record LockoutPolicy(int threshold, int accountThreshold, int clientThreshold, Duration duration) {
    public static final Duration CLIENT_WINDOW = Duration.ofHours(1);
    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, 50, 50, Duration.ofMinutes(15));

    public LockoutPolicy {
        if (threshold < 1 || accountThreshold < 1 || clientThreshold < 1) {
            throw new IllegalArgumentException("lockout thresholds must be at least 1");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("lockout needs a positive duration");
        }
    }

    /** The counters an attempt for {@code email} from {@code network} is counted against, in key order. */
    public List<FailureCounter> countersFor(String email, String network) {
        String client = network == null ? "unknown" : network;
        return List.of(
                new FailureCounter(FailureCounter.Scope.CLIENT, "client:" + client, clientThreshold, CLIENT_WINDOW),
                new FailureCounter(FailureCounter.Scope.EMAIL, "email:" + email, accountThreshold, duration),
                new FailureCounter(
                        FailureCounter.Scope.EMAIL_AND_CLIENT, "email:" + email + "|" + client, threshold, null));
    }
}
