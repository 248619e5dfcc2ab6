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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

@ApplicationScoped
@TranslatesStoreErrors
@Transactional
public class JpaLoginFailureStore implements LoginFailureStore {
    @PersistenceContext(unitName = "auth")
    EntityManager em;

    @Inject
    KeyedRows rows;

    protected JpaLoginFailureStore() {}

    JpaLoginFailureStore(EntityManager em, KeyedRows rows) {
        this.em = em;
        this.rows = rows;
    }

    @Override
    public FailedLogins find(String key) {
        LoginFailureEntity row = em.find(LoginFailureEntity.class, key);
        return row == null ? FailedLogins.NONE : row.toFailedLogins();
    }

    @Override
    public Map<String, FailedLogins> findAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT f FROM LoginFailureEntity f WHERE f.emailKey IN :keys", LoginFailureEntity.class)
                .setParameter("keys", List.copyOf(keys))
                .getResultStream()
                .collect(Collectors.toMap(row -> row.emailKey, LoginFailureEntity::toFailedLogins));
    }

    /**
     * Row locks, taken in the order given, serialise the read-modify-write of every instance: attempts counted
     * at once on two instances add up, and none reads a count another is about to raise.
     */
    @Override
    public Map<String, FailedLogins> update(List<String> keys, UnaryOperator<Map<String, FailedLogins>> change) {
        Map<String, LoginFailureEntity> locked = new LinkedHashMap<>();
        Map<String, FailedLogins> before = new LinkedHashMap<>();
        for (String key : keys) {
            rows.ensure(em, "login_failures", "email_key", key);
            LoginFailureEntity row = em.find(LoginFailureEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
            locked.put(key, row);
            before.put(key, row.toFailedLogins());
        }
        long now = System.currentTimeMillis();
        change.apply(Map.copyOf(before)).forEach((key, after) -> {
            LoginFailureEntity row = locked.get(key);
            if (row != null && !after.equals(before.get(key))) {
                row.record(after, now);
            }
        });
        return before;
    }

    @Override
    public void clearFamily(String key) {
        String prefix = key + "|";
        em.createQuery("DELETE FROM LoginFailureEntity f WHERE f.emailKey = :key "
                        + "OR (LENGTH(f.emailKey) > :length AND SUBSTRING(f.emailKey, 1, :length) = :prefix)")
                .setParameter("key", key)
                .setParameter("length", prefix.length())
                .setParameter("prefix", prefix)
                .executeUpdate();
    }

    @Override
    public int purgeStale(Instant before) {
        return em.createQuery("DELETE FROM LoginFailureEntity f WHERE f.updatedAt < :before "
                        + "AND (f.lockedUntil IS NULL OR f.lockedUntil < :before)")
                .setParameter("before", before.toEpochMilli())
                .executeUpdate();
    }
}
