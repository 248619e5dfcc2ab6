package dev.sentinel.auth.persistence.schema;

import dev.sentinel.auth.usecase.EmptyStore;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Brings the schema up to date before anything else touches the database. */
@ApplicationScoped
public class SchemaMigration {
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/auth")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "auth.db", defaultValue = "h2")
    String database;

    @Inject
    @ConfigProperty(name = "auth.db.tls", defaultValue = "off")
    String transport;

    /** Told before the schema of a new database is created, so that work which needs no schema can start. */
    @Inject
    Event<EmptyStore> emptyStore;

    void migrate(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object started) {
        requireConnection();
        migrate(dataSource, () -> emptyStore.fire(new EmptyStore()));
        warnIfEmbeddedDatabaseIsTemporary();
    }

    /**
     * A data source that cannot connect stops the application at start with one clear line, not a Flyway stack
     * trace. The driver's message names the host, port or file but never the password.
     */
    private void requireConnection() {
        DatabaseTransport required = DatabaseTransport.of(transport);
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
            if (database.strip().equalsIgnoreCase("mariadb")) {
                required.require(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The data source jdbc/auth cannot connect (SQLState " + e.getSQLState() + "): " + e.getMessage()
                            + ". Check AUTH_DB and AUTH_DB_HOST, AUTH_DB_PORT, AUTH_DB_NAME, AUTH_DB_USER,"
                            + " AUTH_DB_PASSWORD, AUTH_DB_TLS, AUTH_DB_TLS_CA, and the JDBC driver jar in the server's"
                            + " auth/jdbc folder.",
                    e);
        }
    }

    /**
     * A runnable jar extracts itself to a new folder at every start; an H2 file there would be lost at the
     * next one. Only H2's URL is looked at (it holds no password; MariaDB's may).
     */
    private void warnIfEmbeddedDatabaseIsTemporary() {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            if (url != null && url.startsWith("jdbc:h2:") && url.contains("wlpExtract")) {
                LOG.warning("The H2 database is in the runnable jar's temporary extraction folder and will not "
                        + "survive a restart: set WLP_OUTPUT_DIR to a lasting folder (" + url + ")");
            }
        } catch (SQLException e) {
            LOG.warning("cannot read the database URL: " + e.getSQLState());
        }
    }

    /**
     * Several instances may start together: Flyway takes a database lock and migrates once. A restart on a
     * current schema skips Flyway: bootstrapping it (with the Jackson it reads its configuration with) costs
     * some 1,600 classes and the better part of a second at every start, only to find nothing to do.
     */
    public static void migrate(DataSource dataSource) {
        migrate(dataSource, () -> {});
    }

    private static void migrate(DataSource dataSource, Runnable beforeCreatingTheSchema) {
        SchemaHistory.State history = SchemaHistory.read(dataSource);
        if (history == SchemaHistory.State.CURRENT) {
            LOG.info("Schema at version " + SchemaHistory.LATEST_VERSION + ": no migration to run.");
            return;
        }
        if (history == SchemaHistory.State.ABSENT) {
            beforeCreatingTheSchema.run();
        }
        FlywayMigrations.run(dataSource);
    }
}
