package dev.sentinel.auth.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Creates a counter row that may not exist yet with one statement in the caller's transaction, whichever
 * request or instance gets there first: an upsert of the key alone, the other columns taking their defaults.
 * An insert in a transaction of its own would hold a second connection while the caller holds the first,
 * and enough requests from new clients at once would drain the pool.
 */
@ApplicationScoped
@TranslatesStoreErrors
public class KeyedRows {
    private volatile Boolean mariaDb;

    KeyedRows() {}

    KeyedRows(boolean mariaDb) {
        this.mariaDb = mariaDb;
    }

    /** Afterwards the row exists; on MariaDB it is also write-locked until the caller's transaction ends. */
    void ensure(EntityManager em, String table, String keyColumn, String key) {
        String sql = onMariaDb(em)
                ? "INSERT INTO " + table + " (" + keyColumn + ") VALUES (?) ON DUPLICATE KEY UPDATE " + keyColumn
                        + " = " + keyColumn
                : "MERGE INTO " + table + " (" + keyColumn + ") KEY (" + keyColumn + ") VALUES (?)";
        em.createNativeQuery(sql).setParameter(1, key).executeUpdate();
    }

    /** Asked of the caller's own connection (never a second one), once. */
    private boolean onMariaDb(EntityManager em) {
        Boolean known = mariaDb;
        if (known == null) {
            try {
                known = em.unwrap(Connection.class)
                        .getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(Locale.ROOT)
                        .contains("mariadb");
            } catch (SQLException e) {
                throw new jakarta.persistence.PersistenceException(e);
            }
            mariaDb = known;
        }
        return known;
    }
}
