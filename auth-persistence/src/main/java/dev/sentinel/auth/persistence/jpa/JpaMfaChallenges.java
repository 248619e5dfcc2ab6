package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.mfa.MfaChallenge;
import dev.sentinel.auth.mfa.MfaChallenges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Pending second-factor logins; tries are counted by a conditional UPDATE, so concurrent ones cannot overshoot. */
@ApplicationScoped
@TranslatesStoreErrors
@Transactional
public class JpaMfaChallenges implements MfaChallenges {
    @PersistenceContext(unitName = "auth")
    EntityManager em;

    protected JpaMfaChallenges() {}

    JpaMfaChallenges(EntityManager em) {
        this.em = em;
    }

    @Override
    public void create(MfaChallenge challenge) {
        em.persist(MfaChallengeEntity.from(challenge));
    }

    @Override
    public Optional<MfaChallenge> beginTry(String tokenHash, Instant now) {
        int counted = em.createQuery("UPDATE MfaChallengeEntity c SET c.tries = c.tries + 1"
                        + " WHERE c.tokenHash = :hash AND c.tries < :max AND c.expiresAt > :now")
                .setParameter("hash", tokenHash)
                .setParameter("max", MfaChallenge.MAX_TRIES)
                .setParameter("now", now.toEpochMilli())
                .executeUpdate();
        if (counted != 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(MfaChallengeEntity.class, tokenHash)).map(MfaChallengeEntity::toChallenge);
    }

    @Override
    public boolean consume(String tokenHash) {
        return em.createQuery("DELETE FROM MfaChallengeEntity c WHERE c.tokenHash = :hash")
                        .setParameter("hash", tokenHash)
                        .executeUpdate()
                == 1;
    }

    @Override
    public void discardIfSpent(String tokenHash) {
        em.createQuery("DELETE FROM MfaChallengeEntity c WHERE c.tokenHash = :hash AND c.tries >= :max")
                .setParameter("hash", tokenHash)
                .setParameter("max", MfaChallenge.MAX_TRIES)
                .executeUpdate();
    }

    @Override
    public int purgeExpired(Instant before) {
        return em.createQuery("DELETE FROM MfaChallengeEntity c WHERE c.expiresAt < :before")
                .setParameter("before", before.toEpochMilli())
                .executeUpdate();
    }
}
