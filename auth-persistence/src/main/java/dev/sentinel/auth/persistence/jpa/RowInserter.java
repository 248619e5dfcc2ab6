package dev.sentinel.auth.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/**
 * Inserts a row in a transaction of its own, so that losing a race to another instance (a unique key
 * violation) does not doom the caller's transaction.
 */
@ApplicationScoped
@TranslatesStoreErrors
public class RowInserter {
    @PersistenceContext(unitName = "auth")
    EntityManager em;

    protected RowInserter() {}

    RowInserter(EntityManager em) {
        this.em = em;
    }

    /** Returns false when a row with the same key already exists. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean insertIfAbsent(Object entity) {
        try {
            em.persist(entity);
            em.flush();
            return true;
        } catch (PersistenceException e) {
            if (PersistenceExceptionConverter.isConstraintViolation(e)) {
                return false;
            }
            throw e;
        }
    }
}
