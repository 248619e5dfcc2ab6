package dev.sentinel.auth.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaHistoryTest {
    /** Flyway logs every step at INFO; held here so that java.util.logging keeps the level. */
    private static final Logger FLYWAY_LOGGER = Logger.getLogger("org.flywaydb");

    private JdbcDataSource database;

    @BeforeEach
    void newDatabase() {
        FLYWAY_LOGGER.setLevel(Level.WARNING);
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:history-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
        database.setUser("sa");
    }

    @Test
    void aNewDatabaseHasNoHistory() {
        assertEquals(SchemaHistory.State.ABSENT, SchemaHistory.read(database));
    }

    @Test
    void isCurrentOnceEveryMigrationOfThisBuildRan() {
        SchemaMigration.migrate(database);

        assertEquals(
                SchemaHistory.State.CURRENT,
                SchemaHistory.read(database),
                "the newest migration is not version " + SchemaHistory.LATEST_VERSION
                        + ": raise SchemaHistory.LATEST_VERSION with every new migration");
    }

    @Test
    void aFailedMigrationLeavesItToFlyway() throws SQLException {
        SchemaMigration.migrate(database);

        execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '"
                + SchemaHistory.LATEST_VERSION + "'");

        assertEquals(SchemaHistory.State.OTHER, SchemaHistory.read(database));
    }

    @Test
    void aSchemaNewerThanThisBuildLeavesItToFlyway() throws SQLException {
        SchemaMigration.migrate(database);

        execute("INSERT INTO \"flyway_schema_history\" SELECT \"installed_rank\" + 100, '"
                + (SchemaHistory.LATEST_VERSION + 1) + "', \"description\", \"type\", \"script\", \"checksum\","
                + " \"installed_by\", \"installed_on\", \"execution_time\", \"success\" FROM \"flyway_schema_history\""
                + " WHERE \"version\" = '" + SchemaHistory.LATEST_VERSION + "'");

        assertEquals(SchemaHistory.State.OTHER, SchemaHistory.read(database));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
