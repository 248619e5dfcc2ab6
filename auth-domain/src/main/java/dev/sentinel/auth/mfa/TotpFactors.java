package dev.sentinel.auth.mfa;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Where TOTP factors are kept, at most one per user. */
public interface TotpFactors {
    Optional<TotpFactor> find(UUID userId);

    boolean isEnabled(UUID userId);

    /** Which of these users have a factor on: one question for a page of users. */
    Set<UUID> enabledAmong(Collection<UUID> userIds);

    /** Stores a pending factor in place of a pending one; changes nothing and answers false when one is enabled. */
    boolean savePending(TotpFactor factor);

    /**
     * Turns the pending factor on with its first accepted step; false when there was none pending (or another request
     * turned it on first).
     */
    boolean enable(UUID userId, long step);

    /**
     * Records {@code step} as used, only if it is later than the last used one: one conditional update, so that of two
     * uses of a code, on any instance, only one succeeds.
     */
    boolean useStep(UUID userId, long step);

    /** Removes the user's factor and its recovery codes; false when there was no factor. */
    boolean remove(UUID userId);
}
