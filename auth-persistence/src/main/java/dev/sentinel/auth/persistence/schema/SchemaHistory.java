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

    /**
     * True only when every recorded migration succeeded and the newest is this build's newest. Anything else
     * (a new database, an older or newer schema, a failed migration, a table it cannot read) is Flyway's to
     * handle and explain.
     */
    static boolean isCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return exists(connection) && newestVersion(connection) == LATEST_VERSION;
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }

    /** True when the history table is not there: a new database, which Flyway will create in full. */
    static boolean isAbsent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return !exists(connection);
        } catch (SQLException e) {
            return false;
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
