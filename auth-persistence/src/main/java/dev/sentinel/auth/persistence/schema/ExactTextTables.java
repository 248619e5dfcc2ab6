package dev.sentinel.auth.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Runs migration statements, naming utf8mb4_bin on each new MariaDB table. A connection keeps the database default
 * it saw when it opened: when instances start together on a fresh database, one may create tables after another's
 * V2 changed that default, in the old character set, and MariaDB then refuses their foreign keys to users (errno
 * 150). H2 has no such clause and needs none.
 */
final class ExactTextTables {
    private static final String UTF8_EXACT = " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";

    private ExactTextTables() {}

    static void run(Connection connection, List<String> statements) throws SQLException {
        boolean mariaDb = connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("mariadb");
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                boolean table = sql.strip().startsWith("CREATE TABLE");
                statement.execute(mariaDb && table ? sql + UTF8_EXACT : sql);
            }
        }
    }
}
