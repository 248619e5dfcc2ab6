package dev.sentinel.auth.it.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of signing_keys as the database holds them: MariaDB at any time, H2 from its file once the server has
 * stopped (the embedded database is the server's own while it runs).
 */
public final class StoredSigningKeys {
    private StoredSigningKeys() {}

    public record Row(String kid, int generation, String algorithm, String privateKey, Instant publishesAt) {}

    /** {@code outputDir}: the server's WLP_OUTPUT_DIR (H2); {@code database}: its MariaDB database, or null on H2. */
    public static List<Row> read(Path outputDir, String database) throws SQLException {
        try (Connection db = database == null
                ? DriverManager.getConnection(
                        "jdbc:h2:" + outputDir.resolve("authServer/data/auth") + ";MODE=LEGACY;IFEXISTS=TRUE", "sa", "")
                : TestEnvironment.connectToMariaDb(database)) {
            return rows(db);
        }
    }

    private static List<Row> rows(Connection db) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT kid, generation, algorithm, private_key, created_at FROM signing_keys ORDER BY generation")) {
            while (result.next()) {
                rows.add(new Row(
                        result.getString(1),
                        result.getInt(2),
                        result.getString(3),
                        result.getString(4),
                        Instant.ofEpochMilli(result.getLong(5))));
            }
        }
        return rows;
    }
}
