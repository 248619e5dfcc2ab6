package dev.sentinel.auth.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Every test starts on empty tables of the {@link TestDatabase}, with a fresh EntityManager. */
abstract class JpaTestSupport {
    EntityManagerFactory factory;
    EntityManager em;
    InTransaction tx;

    @BeforeEach
    void emptyTablesAndOpenEntityManager() throws SQLException {
        TestDatabase database = TestDatabase.get();
        database.emptyTables();
        factory = database.factory;
        em = factory.createEntityManager();
        tx = new InTransaction(em);
    }

    @AfterEach
    void closeEntityManager() {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
        em.close();
    }
}
