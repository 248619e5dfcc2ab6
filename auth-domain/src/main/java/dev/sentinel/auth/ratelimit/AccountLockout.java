package dev.sentinel.auth.ratelimit;

import dev.sentinel.auth.error.TooManyRequestsException;
import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.Outcome;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.user.Email;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Locks an email after consecutive failed logins, whether or not an account has it,
 * so that a locked answer tells an attacker nothing about which emails exist.
 */
public final class AccountLockout {
    private final LoginFailureStore store;
    private final LockoutPolicy policy;
    private final AuthEventLog events;
    private final Clock clock;

    public AccountLockout(LoginFailureStore store, LockoutPolicy policy, AuthEventLog events, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /** Returns the failures it saw, for {@link #recordSuccess}. */
    public FailedLogins ensureNotLocked(Email email, ClientInfo client) {
        Instant now = clock.instant();
        FailedLogins failures = store.find(email.value());
        if (failures.isLocked(now)) {
            throw TooManyRequestsException.locked(Duration.between(now, failures.lockedUntil()));
        }
        return failures;
    }

    public void recordFailure(Email email, ClientInfo client) {
        Instant now = clock.instant();
        FailedLogins after = store.update(email.value(), failures -> failures.afterFailure(now, policy));
        if (after.isLocked(now) && after.count() == policy.threshold()) {
            events.recordAttempt(AuthEvent.of(AuthEventType.ACCOUNT_LOCKED, Outcome.FAILURE, now)
                    .email(email.value())
                    .client(client)
                    .reason("too_many_failed_logins")
                    .build());
        }
    }

    /**
     * Most logins follow no failure: they write nothing (on MariaDB a delete of a missing row would still take
     * a gap lock). A failure counted meanwhile by a concurrent attempt is then kept, which errs on the safe side.
     */
    public void recordSuccess(Email email, FailedLogins seenBefore) {
        if (!seenBefore.isNone()) {
            store.clear(email.value());
        }
    }
}
