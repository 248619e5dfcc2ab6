package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.mfa.RecoveryCodes;
import dev.sentinel.auth.mfa.TotpFactor;
import dev.sentinel.auth.mfa.TotpFactors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * TOTP factors and their recovery codes. Every decision that two requests could race for (turning a factor on,
 * using a code's step, using a recovery code) is one conditional UPDATE or DELETE: the row lock decides, on any
 * instance, and the loser sees zero rows changed.
 */
@ApplicationScoped
@TranslatesStoreErrors
@Transactional
public class JpaTotpFactors implements TotpFactors, RecoveryCodes {
    @PersistenceContext(unitName = "auth")
    EntityManager em;

    protected JpaTotpFactors() {}

    JpaTotpFactors(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<TotpFactor> find(UUID userId) {
        return Optional.ofNullable(em.find(TotpFactorEntity.class, userId.toString()))
                .map(TotpFactorEntity::toFactor);
    }

    @Override
    public boolean isEnabled(UUID userId) {
        return !em.createQuery(
                        "SELECT f.userId FROM TotpFactorEntity f WHERE f.userId = :user AND f.enabled = TRUE",
                        String.class)
                .setParameter("user", userId.toString())
                .getResultList()
                .isEmpty();
    }

    @Override
    public Set<UUID> enabledAmong(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return em.createQuery(
                        "SELECT f.userId FROM TotpFactorEntity f WHERE f.userId IN :ids AND f.enabled = TRUE",
                        String.class)
                .setParameter("ids", userIds.stream().map(UUID::toString).toList())
                .getResultStream()
                .map(UUID::fromString)
                .collect(Collectors.toSet());
    }

    @Override
    public boolean savePending(TotpFactor factor) {
        em.createQuery("DELETE FROM TotpFactorEntity f WHERE f.userId = :user AND f.enabled = FALSE")
                .setParameter("user", factor.userId().toString())
                .executeUpdate();
        if (em.find(TotpFactorEntity.class, factor.userId().toString()) != null) {
            return false; // an enabled factor stays
        }
        em.persist(TotpFactorEntity.from(factor));
        return true;
    }

    @Override
    public boolean enable(UUID userId, long step) {
        return em.createQuery("UPDATE TotpFactorEntity f SET f.enabled = TRUE, f.lastUsedStep = :step"
                                + " WHERE f.userId = :user AND f.enabled = FALSE")
                        .setParameter("step", step)
                        .setParameter("user", userId.toString())
                        .executeUpdate()
                == 1;
    }

    @Override
    public boolean useStep(UUID userId, long step) {
        return em.createQuery("UPDATE TotpFactorEntity f SET f.lastUsedStep = :step"
                                + " WHERE f.userId = :user AND f.enabled = TRUE AND f.lastUsedStep < :step")
                        .setParameter("step", step)
                        .setParameter("user", userId.toString())
                        .executeUpdate()
                == 1;
    }

    @Override
    public boolean remove(UUID userId) {
        em.createQuery("DELETE FROM RecoveryCodeEntity c WHERE c.userId = :user")
                .setParameter("user", userId.toString())
                .executeUpdate();
        return em.createQuery("DELETE FROM TotpFactorEntity f WHERE f.userId = :user")
                        .setParameter("user", userId.toString())
                        .executeUpdate()
                == 1;
    }

    @Override
    public void replace(UUID userId, List<String> hashes) {
        em.createQuery("DELETE FROM RecoveryCodeEntity c WHERE c.userId = :user")
                .setParameter("user", userId.toString())
                .executeUpdate();
        hashes.forEach(hash -> em.persist(RecoveryCodeEntity.of(userId.toString(), hash)));
    }

    @Override
    public boolean consume(UUID userId, String hash) {
        return em.createQuery("DELETE FROM RecoveryCodeEntity c WHERE c.userId = :user AND c.codeHash = :hash")
                        .setParameter("user", userId.toString())
                        .setParameter("hash", hash)
                        .executeUpdate()
                == 1;
    }
}
