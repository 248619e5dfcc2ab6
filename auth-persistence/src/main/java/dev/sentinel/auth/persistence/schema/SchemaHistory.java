package dev.sentinel.auth.persistence.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Reads Flyway's history table without Flyway, to tell whether there is anything to migrate. */
final class SchemaHistory {
    /** The newest migration of this build; SchemaHistoryTest fails when a newer one comes without raising it. */
    static final int LATEST_VERSION = 12;

    private static final String TABLE = "flyway_schema_history";

    private SchemaHistory() {}

    /** What the history table says, as far as skipping Flyway or preparing a first start goes. */
    enum State {
        /** No history table: a new database, which Flyway will create in full. */
        ABSENT,
        /** Every recorded migration succeeded and the newest is this build's newest: nothing to migrate. */
        CURRENT,
        /**
         * Anything else (an older or newer schema, a failed migration, a table it cannot read): Flyway's to handle
         * and explain.
         */
        OTHER
    }

    static State read(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection)) {
                return State.ABSENT;
            }
            return newestVersion(connection) == LATEST_VERSION ? State.CURRENT : State.OTHER;
        } catch (SQLException | NumberFormatException e) {
            return State.OTHER;
        }
    }

    /** Asked of the metadata rather than by a failing query, which Liberty would record as an incident. */
    private static boolean exists(Connection connection) throws SQLException {
        try (ResultSet tables = connection
                .getMetaData()
                .getTables(connection.getCatalog(), connection.getSchema(), TABLE, new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equals(TABLE)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** -1 when a migration failed. Flyway names its columns in lower case, quoted where the database folds case. */
    private static int newestVersion(Connection connection) throws SQLException {
        String quote = connection.getMetaData().getIdentifierQuoteString().strip();
        String sql = "SELECT " + quote + "version" + quote + ", " + quote + "success" + quote + " FROM " + quote + TABLE
                + quote;
        int newest = 0;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String version = rows.getString(1);
                if (!rows.getBoolean(2)) {
                    return -1;
                }
                if (version != null) {
                    newest = Math.max(newest, Integer.parseInt(version.strip()));
                }
            }
        }
        return newest;
    }
}
