package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.token.SigningKey;
import dev.sentinel.auth.token.SigningKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

@ApplicationScoped
@TranslatesStoreErrors
public class JpaSigningKeyRepository implements SigningKeyRepository {
    private static final int FIRST_GENERATION = 1;

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
    public List<SigningKey> addIfNone(SigningKey key) {
        inserter.insertIfAbsent(SigningKeyEntity.from(key, FIRST_GENERATION));
        return all();
    }
}
