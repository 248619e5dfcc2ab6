package dev.sentinel.auth.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * The production RowInserter with what {@code @Transactional(REQUIRES_NEW)} does in the container:
 * each insert runs on an EntityManager of its own (its own connection) in a transaction of its own,
 * committed before the caller continues, or rolled back when the row already existed.
 */
final class SeparateTransactionRowInserter extends RowInserter {
    private final EntityManagerFactory factory;

    SeparateTransactionRowInserter(EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public boolean insertIfAbsent(Object entity) {
        EntityManager own = factory.createEntityManager();
        try {
            em = own;
            return new InTransaction(own).get(() -> super.insertIfAbsent(entity));
        } finally {
            em = null;
            own.close();
        }
    }
}
