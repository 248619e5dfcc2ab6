package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.mail.OneTimeToken;
import dev.sentinel.auth.mail.OneTimeTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
@TranslatesStoreErrors
@Transactional
public class JpaOneTimeTokenRepository implements OneTimeTokenRepository {
    @PersistenceContext(unitName = "auth")
    EntityManager em;

    protected JpaOneTimeTokenRepository() {}

    JpaOneTimeTokenRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void replace(OneTimeToken token) {
        em.createQuery("DELETE FROM OneTimeTokenEntity t WHERE t.userId = :user AND t.purpose = :purpose")
                .setParameter("user", token.userId().toString())
                .setParameter("purpose", token.purpose().name())
                .executeUpdate();
        em.persist(OneTimeTokenEntity.from(token));
    }

    @Override
    public Optional<OneTimeToken> find(String hash) {
        return Optional.ofNullable(em.find(OneTimeTokenEntity.class, hash)).map(OneTimeTokenEntity::toOneTimeToken);
    }

    /** The DELETE decides: of two uses at once, on any instance, only one deletes the row. */
    @Override
    public Optional<OneTimeToken> consume(String hash) {
        Optional<OneTimeToken> found = find(hash);
        if (found.isEmpty()) {
            return found;
        }
        int deleted = em.createQuery("DELETE FROM OneTimeTokenEntity t WHERE t.tokenHash = :hash")
                .setParameter("hash", hash)
                .executeUpdate();
        return deleted == 1 ? found : Optional.empty();
    }

    @Override
    public int purgeExpired(Instant before) {
        return em.createQuery("DELETE FROM OneTimeTokenEntity t WHERE t.expiresAt < :before")
                .setParameter("before", before.toEpochMilli())
                .executeUpdate();
    }
}
