package dev.sentinel.auth.persistence.schema;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Closes an embedded H2 database when the application stops, after the application-scoped beans (and so the
 * last queued auth events) are done with it. Left open at exit, H2 reopened at an older version and the
 * commits of the last run were gone. Liberty validates pooled H2 connections, so a restarted application
 * replaces the closed ones instead of failing on them.
 */
@Dependent
public class EmbeddedDatabaseShutdown {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseShutdown.class.getName());

    @Resource(lookup = "jdbc/auth")
    DataSource dataSource;

    void close(@Observes @Destroyed(ApplicationScoped.class) Object stopped) {
        try (Connection connection = dataSource.getConnection()) {
            if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                }
            }
        } catch (SQLException e) {
            LOG.warning("cannot close the embedded database cleanly: " + e.getSQLState() + " " + e.getMessage());
        }
    }
}
