package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.persistence.schema.SchemaMigration;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An in-memory H2 database migrated by the real Flyway scripts, and the real persistence unit "auth" turned
 * into a Java SE, RESOURCE_LOCAL unit on it. Built once per test JVM (bootstrapping Flyway and EclipseLink is
 * what costs time) and emptied before every test; the tests of this module do not run in parallel.
 */
final class TestDatabase {
    /** Children first, so that foreign keys never stand in the way. */
    private static final String[] TABLES = {
        "refresh_tokens",
        "sessions",
        "recovery_codes",
        "totp_factors",
        "mfa_challenges",
        "users",
        "auth_events",
        "signing_keys",
        "login_failures",
        "rate_limits",
        "service_clients"
    };

    /**
     * Flyway logs every migration step at INFO through java.util.logging: keep its warnings only. The field
     * holds the logger, which java.util.logging references only weakly, so that the level sticks.
     */
    private static final Logger FLYWAY_LOGGER = quiet(Logger.getLogger("org.flywaydb"));

    final JdbcDataSource dataSource;
    final EntityManagerFactory factory;

    private TestDatabase() {
        String url = "jdbc:h2:mem:auth-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
        dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        SchemaMigration.migrate(dataSource);
        factory = Persistence.createEntityManagerFactory(
                "auth",
                Map.of(
                        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.jtaDataSource", "",
                        "jakarta.persistence.jdbc.driver", "org.h2.Driver",
                        "jakarta.persistence.jdbc.url", url,
                        "jakarta.persistence.jdbc.user", "sa",
                        "jakarta.persistence.jdbc.password", "",
                        "eclipselink.target-server", "None",
                        // Expected unique key violations (duplicate email, RowInserter losing) log stack traces at
                        // WARNING.
                        "eclipselink.logging.level", "SEVERE"));
    }

    private static final class Holder {
        static final TestDatabase INSTANCE = new TestDatabase();
    }

    static TestDatabase get() {
        return Holder.INSTANCE;
    }

    void emptyTables() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.WARNING);
        return logger;
    }
}
