package dev.sentinel.auth.mfa;

import java.time.Instant;
import java.util.Optional;

/** Pending second-factor logins. */
public interface MfaChallenges {
    void create(MfaChallenge challenge);

    /**
     * Counts one try of a live challenge with fewer than {@link MfaChallenge#MAX_TRIES} tries, in one conditional
     * update (concurrent tries cannot overshoot); empty when it is unknown, expired or spent.
     */
    Optional<MfaChallenge> beginTry(String tokenHash, Instant now);

    /** Ends the challenge; true only for the one request that ended it. */
    boolean consume(String tokenHash);

    /** Ends the challenge if its tries are spent. */
    void discardIfSpent(String tokenHash);

    int purgeExpired(Instant before);
}
