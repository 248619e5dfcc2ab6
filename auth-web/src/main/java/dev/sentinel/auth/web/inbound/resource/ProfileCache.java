package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.usecase.ProfileService;
import dev.sentinel.auth.web.inbound.dto.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * GET /me is the hot protected call: it answers from memory for a few seconds instead of a database round
 * trip each time. Safe because a profile hardly changes through the API (a verified address, a second factor
 * turned on or off, or an administrator's change forgets the entry on this instance, others see it within the
 * 30 s), and a revoked session is refused before this is asked (taking a role away or disabling the account ends
 * every session).
 */
@ApplicationScoped
public class ProfileCache {
    private static final Duration FRESH_FOR = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 50_000;

    private final ConcurrentMap<UUID, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    ProfileService profiles;

    @Inject
    Clock clock;

    public UserView profileOf(UUID userId) {
        Instant now = clock.instant();
        Entry cached = entries.get(userId);
        if (cached != null && now.isBefore(cached.freshUntil)) {
            return cached.view;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // crude but bounded: the next calls refill what is hot
        }
        UserView view = UserView.of(
                profiles.profileOf(userId), profiles.isEmailVerified(userId), profiles.isMfaEnabled(userId));
        entries.put(userId, new Entry(view, now.plus(FRESH_FOR)));
        return view;
    }

    /** After a change of the profile (a verified address), so that the next read is fresh. */
    public void forget(UUID userId) {
        entries.remove(userId);
    }

    private record Entry(UserView view, Instant freshUntil) {}
}
