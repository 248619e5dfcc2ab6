package dev.sentinel.auth.web.inbound.security;

import dev.sentinel.auth.usecase.ClientAuthentication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Whether the client of a client-credentials token still exists. A client found in the database is trusted for
 * one second, so that a busy client costs one query a second; a client deleted here is forgotten at once, and
 * one deleted on another instance within that second, as revoked sessions are (docs/api.md).
 */
@ApplicationScoped
public class LiveClients {
    static final Duration TRUSTED_FOR = Duration.ofSeconds(1);
    private static final int MAX_REMEMBERED = 10_000;

    @Inject
    ClientAuthentication clients;

    @Inject
    Clock clock;

    private final ConcurrentMap<String, Instant> seenAt = new ConcurrentHashMap<>();

    public boolean isLive(String clientId) {
        Instant now = clock.instant();
        Instant seen = seenAt.get(clientId);
        if (seen != null && now.isBefore(seen.plus(TRUSTED_FOR))) {
            return true;
        }
        if (!clients.exists(clientId)) {
            seenAt.remove(clientId);
            return false;
        }
        if (seenAt.size() >= MAX_REMEMBERED) {
            seenAt.clear();
        }
        seenAt.put(clientId, now);
        return true;
    }

    public void forget(String clientId) {
        seenAt.remove(clientId);
    }
}
