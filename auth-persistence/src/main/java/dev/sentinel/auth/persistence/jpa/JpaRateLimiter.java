package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.ratelimit.CellRate;
import dev.sentinel.auth.ratelimit.RateDecision;
import dev.sentinel.auth.ratelimit.RateLimit;
import dev.sentinel.auth.ratelimit.SharedRateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Rate-limit state in the database, so that every instance on it draws from the same buckets. */
@ApplicationScoped
@TranslatesStoreErrors
@Transactional
@Typed(SharedRateLimiter.class)
public class JpaRateLimiter implements SharedRateLimiter {
    @PersistenceContext(unitName = "auth")
    EntityManager em;

    @Inject
    KeyedRows rows;

    protected JpaRateLimiter() {}

    JpaRateLimiter(EntityManager em, KeyedRows rows) {
        this.em = em;
        this.rows = rows;
    }

    @Override
    public RateDecision acquire(String key, RateLimit limit, Instant now) {
        RateLimitEntity row = lockedRow(key);
        CellRate.Step step = CellRate.step(row.tat, CellRate.timeOf(now), limit);
        row.advanceTo(step.tat());
        return step.decision();
    }

    /** Deletes buckets that are full again: they hold nothing a fresh row would not. */
    @Override
    public int purgeIdle(Instant now) {
        return em.createQuery("DELETE FROM RateLimitEntity r WHERE r.tat < :now")
                .setParameter("now", CellRate.timeOf(now))
                .executeUpdate();
    }

    /** A new key's row is created with one statement in this transaction: one connection per request. */
    private RateLimitEntity lockedRow(String key) {
        rows.ensure(em, "rate_limits", "bucket_key", key);
        return em.find(RateLimitEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
    }
}
