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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Locks an email for a client, an email everywhere, or a client for every email after failed logins
 * (docs/api.md "Rate limits and lockout"), whether or not an account has the email, so that a lock tells an
 * attacker nothing about which emails exist. Each attempt is counted before its password is checked, under
 * the counters' row locks, so that concurrent guesses cannot get past a threshold.
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

    /** An attempt counted against its counters, to be settled by one of the methods below. */
    public record Attempt(
            Email email, ClientInfo client, List<FailureCounter> counters, Map<String, FailedLogins> after) {}

    /** Counts the attempt, or refuses it (changing nothing) while one of its counters is locked. */
    public Attempt begin(Email email, ClientInfo client) {
        Instant now = clock.instant();
        List<FailureCounter> counters = policy.countersFor(email.value(), client.network());
        Map<String, FailedLogins> after = new HashMap<>();
        Map<String, FailedLogins> before = store.update(keys(counters), states -> {
            if (lockedUntil(states, now) != null) {
                return states;
            }
            counters.forEach(c -> after.put(c.key(), stateOf(states, c).afterAttempt(now, c, policy.duration())));
            return after;
        });
        Instant lockedUntil = lockedUntil(before, now);
        if (lockedUntil != null) {
            throw TooManyRequestsException.locked(Duration.between(now, lockedUntil));
        }
        return new Attempt(email, client, counters, Map.copyOf(after));
    }

    /** The password was wrong: the attempt stays counted; a lock it completed is recorded. */
    public void failed(Attempt attempt) {
        Instant now = clock.instant();
        for (FailureCounter counter : attempt.counters()) {
            if (attempt.after().get(counter.key()).reached(counter)) {
                events.recordAttempt(lockEvent(counter, attempt, now));
            }
        }
    }

    /**
     * The password was right: the email's counts start again. The client's budget only takes this attempt
     * back, so that an attacker's own account cannot refill it between sprayed guesses.
     */
    public void succeeded(Attempt attempt) {
        store.update(keys(attempt.counters()), states -> {
            Map<String, FailedLogins> reset = new HashMap<>();
            for (FailureCounter counter : attempt.counters()) {
                FailedLogins state = stateOf(states, counter);
                reset.put(
                        counter.key(),
                        counter.scope() == FailureCounter.Scope.CLIENT ? state.released(counter) : FailedLogins.NONE);
            }
            return reset;
        });
    }

    /** The attempt could not be decided (the store or the hasher failed): it does not count. */
    public void abandoned(Attempt attempt) {
        store.update(keys(attempt.counters()), states -> {
            Map<String, FailedLogins> released = new HashMap<>();
            attempt.counters()
                    .forEach(c -> released.put(c.key(), stateOf(states, c).released(c)));
            return released;
        });
    }

    /** Unlocks {@code email} for every client: its owner proved control of it (a password reset). */
    public void clear(Email email) {
        store.clearFamily(policy.emailKey(email.value()));
    }

    /** Until when {@code email} is locked for every client (the account-wide rule), or null when it is not. */
    public Instant lockedEverywhereUntil(Email email) {
        FailedLogins state = store.find(policy.emailKey(email.value()));
        return state.isLocked(clock.instant()) ? state.lockedUntil() : null;
    }

    /** For each of {@code emails} that is locked for every client, until when. */
    public Map<Email, Instant> lockedEverywhere(Collection<Email> emails) {
        Instant now = clock.instant();
        Map<String, FailedLogins> found = store.findAll(
                emails.stream().map(email -> policy.emailKey(email.value())).toList());
        Map<Email, Instant> locked = new HashMap<>();
        for (Email email : emails) {
            FailedLogins state = found.get(policy.emailKey(email.value()));
            if (state != null && state.isLocked(now)) {
                locked.put(email, state.lockedUntil());
            }
        }
        return locked;
    }

    /** What the store's key of an email's account-wide counter starts with, for searching locked accounts. */
    public String accountKeyPrefix() {
        return policy.emailKey("");
    }

    private static List<String> keys(List<FailureCounter> counters) {
        return counters.stream().map(FailureCounter::key).toList();
    }

    private static FailedLogins stateOf(Map<String, FailedLogins> states, FailureCounter counter) {
        return states.getOrDefault(counter.key(), FailedLogins.NONE);
    }

    /** The latest end of the locks in force, or null when none is. */
    private static Instant lockedUntil(Map<String, FailedLogins> states, Instant now) {
        return states.values().stream()
                .filter(state -> state.isLocked(now))
                .map(FailedLogins::lockedUntil)
                .max(Instant::compareTo)
                .orElse(null);
    }

    private static AuthEvent lockEvent(FailureCounter counter, Attempt attempt, Instant now) {
        return switch (counter.scope()) {
            case EMAIL_AND_CLIENT, EMAIL ->
                AuthEvent.of(AuthEventType.ACCOUNT_LOCKED, Outcome.FAILURE, now)
                        .email(attempt.email().value())
                        .client(attempt.client())
                        .reason(
                                counter.scope() == FailureCounter.Scope.EMAIL
                                        ? "too_many_failed_logins_for_account"
                                        : "too_many_failed_logins")
                        .build();
            case CLIENT ->
                AuthEvent.of(AuthEventType.RATE_LIMITED, Outcome.FAILURE, now)
                        .client(attempt.client())
                        .reason("failed_login_budget")
                        .build();
        };
    }
}
