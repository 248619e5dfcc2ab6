package dev.sentinel.auth.web.token;

import dev.sentinel.auth.session.RevokedSessions;
import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.web.config.SessionSettings;
import dev.sentinel.auth.web.config.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Sessions revoked recently enough that their access tokens may still be unexpired. Checking a request
 * is a hash lookup; the list learns of this instance's revocations at once and of other instances'
 * by polling the database (see {@link #poll()}), so a revoked token dies everywhere within one poll interval.
 * When the polls have failed for {@link #STALE_AFTER_POLLS} intervals the list is stale: another instance's
 * revocation may be missing, so protected calls are refused with 503 and readiness is DOWN until a poll
 * succeeds again (docs/api.md, "Logout and revocation").
 */
@ApplicationScoped
public class RevocationList implements RevokedSessions {
    /** Covers commit delays and clock differences between instances: rows are re-read, never missed. */
    private static final Duration LOOKBACK = Duration.ofSeconds(30);

    private static final Duration TOKEN_SKEW = Duration.ofSeconds(30);

    static final int STALE_AFTER_POLLS = 5;

    private final ConcurrentMap<UUID, Instant> revoked = new ConcurrentHashMap<>();
    /** When the last successful read began: everything revoked before it (less the lookback) is known. */
    private volatile Instant lastPoll;

    @Inject
    SessionRepository sessions;

    @Inject
    TokenSettings settings;

    @Inject
    SessionSettings sessionSettings;

    @Inject
    Clock clock;

    public boolean isRevoked(UUID sessionId) {
        return revoked.containsKey(sessionId);
    }

    /** Whether revocations were read recently enough for {@link #isRevoked} to be trusted. */
    public boolean isFresh() {
        Instant last = lastPoll;
        Duration staleAfter = sessionSettings.revocationPollInterval().multipliedBy(STALE_AFTER_POLLS);
        return last != null && !clock.instant().isAfter(last.plus(staleAfter));
    }

    /** @throws RevocationsStaleException when {@link #isFresh()} is false */
    public void requireFresh() {
        if (!isFresh()) {
            throw new RevocationsStaleException();
        }
    }

    @Override
    public void revoked(Collection<UUID> sessionIds) {
        Instant now = clock.instant();
        sessionIds.forEach(id -> revoked.put(id, now));
    }

    /** Loads every revocation whose access tokens could still be presented. */
    public void loadInitial() {
        Instant now = clock.instant();
        sessions.revokedSince(now.minus(retention())).forEach(id -> revoked.putIfAbsent(id, now));
        lastPoll = now;
    }

    public void poll() {
        Instant now = clock.instant();
        Instant since = (lastPoll == null ? now.minus(retention()) : lastPoll).minus(LOOKBACK);
        sessions.revokedSince(since).forEach(id -> revoked.putIfAbsent(id, now));
        lastPoll = now;
        Instant forgetBefore = now.minus(retention()).minus(LOOKBACK);
        revoked.values().removeIf(seen -> seen.isBefore(forgetBefore));
    }

    private Duration retention() {
        return settings.accessTokenTtl().plus(TOKEN_SKEW);
    }
}
