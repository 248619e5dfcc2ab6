package dev.sentinel.auth.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * MariaDB creates tables in its database's default character set and collation: often latin1, which cannot
 * hold every email address, and otherwise utf8mb4_general_ci, which compares "josé" equal to "jose" (and
 * every emoji equal to every other), so two addresses shared one account. The application normalises case
 * itself, so text is stored as utf8mb4 and compared exactly, as H2 already does (there this changes nothing).
 * Named as Flyway names migrations: the name gives the version.
 */
public class V2__Exact_text_comparison_on_MariaDB extends BaseJavaMigration {
    private static final String UTF8_EXACT = "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
    private static final List<String> TABLES = List.of(
            "users", "sessions", "refresh_tokens", "auth_events", "signing_keys", "login_failures", "rate_limits");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("mariadb")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + UTF8_EXACT); // for tables later migrations create
            // MariaDB refuses to change the character set of a column a foreign key joins: drop, convert, add
            statement.execute("ALTER TABLE refresh_tokens DROP FOREIGN KEY IF EXISTS fk_tokens_session");
            statement.execute("ALTER TABLE sessions DROP FOREIGN KEY IF EXISTS fk_sessions_user");
            for (String table : TABLES) {
                statement.execute("ALTER TABLE " + table + " CONVERT TO " + UTF8_EXACT);
            }
            statement.execute("ALTER TABLE sessions ADD CONSTRAINT fk_sessions_user FOREIGN KEY IF NOT EXISTS"
                    + " (user_id) REFERENCES users (id) ON DELETE CASCADE");
            statement.execute("ALTER TABLE refresh_tokens ADD CONSTRAINT fk_tokens_session FOREIGN KEY IF NOT EXISTS"
                    + " (session_id) REFERENCES sessions (id) ON DELETE CASCADE");
        }
    }
}
