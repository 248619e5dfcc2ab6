package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.ratelimit.FailedLogins;
import dev.sentinel.auth.ratelimit.LoginFailureStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.function.UnaryOperator;

@ApplicationScoped
@TranslatesStoreErrors
@Transactional
public class JpaLoginFailureStore implements LoginFailureStore {
    @PersistenceContext(unitName = "auth")
    EntityManager em;

    @Inject
    RowInserter inserter;

    protected JpaLoginFailureStore() {}

    JpaLoginFailureStore(EntityManager em, RowInserter inserter) {
        this.em = em;
        this.inserter = inserter;
    }

    @Override
    public FailedLogins find(String emailKey) {
        LoginFailureEntity row = em.find(LoginFailureEntity.class, emailKey);
        return row == null ? FailedLogins.NONE : new FailedLogins(row.failures, Millis.toInstant(row.lockedUntil));
    }

    /** A row lock serialises the read-modify-write, so failures counted on two instances add up. */
    @Override
    public FailedLogins update(String emailKey, UnaryOperator<FailedLogins> change) {
        if (!exists(emailKey)) {
            LoginFailureEntity fresh = new LoginFailureEntity();
            fresh.emailKey = emailKey;
            inserter.insertIfAbsent(fresh);
        }
        LoginFailureEntity row = em.find(LoginFailureEntity.class, emailKey, LockModeType.PESSIMISTIC_WRITE);
        FailedLogins after = change.apply(new FailedLogins(row.failures, Millis.toInstant(row.lockedUntil)));
        row.record(after.count(), Millis.of(after.lockedUntil()), System.currentTimeMillis());
        return after;
    }

    @Override
    public void clear(String emailKey) {
        em.createQuery("DELETE FROM LoginFailureEntity f WHERE f.emailKey = :key")
                .setParameter("key", emailKey)
                .executeUpdate();
    }

    @Override
    public int purgeStale(Instant before) {
        return em.createQuery("DELETE FROM LoginFailureEntity f WHERE f.updatedAt < :before "
                        + "AND (f.lockedUntil IS NULL OR f.lockedUntil < :before)")
                .setParameter("before", before.toEpochMilli())
                .executeUpdate();
    }

    private boolean exists(String emailKey) {
        return em.createQuery("SELECT COUNT(f) FROM LoginFailureEntity f WHERE f.emailKey = :key", Long.class)
                        .setParameter("key", emailKey)
                        .getSingleResult()
                > 0;
    }
}
