package dev.sentinel.auth.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.util.function.Supplier;

/**
 * Stands in for {@code @Transactional} outside CDI: runs work in a resource-local transaction of one
 * EntityManager, commits it, or rolls it back when the work throws or marked it rollback-only.
 * The persistence context is cleared afterwards, so that the next call reads from the database.
 */
final class InTransaction {
    private final EntityManager em;

    InTransaction(EntityManager em) {
        this.em = em;
    }

    <T> T get(Supplier<T> work) {
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        try {
            T result = work.get();
            if (tx.getRollbackOnly()) {
                tx.rollback();
            } else {
                tx.commit();
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.clear();
        }
    }

    void run(Runnable work) {
        get(() -> {
            work.run();
            return null;
        });
    }
}
