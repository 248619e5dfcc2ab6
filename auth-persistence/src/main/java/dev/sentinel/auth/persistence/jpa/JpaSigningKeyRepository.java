package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.token.SigningKey;
import dev.sentinel.auth.token.SigningKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
@TranslatesStoreErrors
public class JpaSigningKeyRepository implements SigningKeyRepository {
    @PersistenceContext(unitName = "auth")
    EntityManager em;

    @Inject
    RowInserter inserter;

    protected JpaSigningKeyRepository() {}

    JpaSigningKeyRepository(EntityManager em, RowInserter inserter) {
        this.em = em;
        this.inserter = inserter;
    }

    @Override
    @Transactional
    public List<SigningKey> all() {
        return em.createQuery("SELECT k FROM SigningKeyEntity k ORDER BY k.generation DESC", SigningKeyEntity.class)
                .getResultStream()
                .map(SigningKeyEntity::toKey)
                .toList();
    }

    @Override
    public boolean add(SigningKey key) {
        return inserter.insertIfAbsent(SigningKeyEntity.from(key));
    }

    /** Compare-and-set: of instances sealing the same key at once, the first write stays. */
    @Override
    @Transactional
    public void replacePrivateKey(String kid, String expected, String replacement) {
        em.createQuery("UPDATE SigningKeyEntity k SET k.privateKey = :replacement"
                        + " WHERE k.kid = :kid AND k.privateKey = :expected")
                .setParameter("replacement", replacement)
                .setParameter("kid", kid)
                .setParameter("expected", expected)
                .executeUpdate();
    }

    @Override
    @Transactional
    public void remove(Collection<String> kids) {
        if (kids.isEmpty()) {
            return;
        }
        em.createQuery("DELETE FROM SigningKeyEntity k WHERE k.kid IN :kids")
                .setParameter("kids", kids)
                .executeUpdate();
    }
}
