package dev.sentinel.auth.persistence.schema;

import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 16: disabled accounts and their last login, the administrator who caused an event, and the one row that
 * every change which may take an administrator away updates first, so that such changes are decided one after
 * the other on every instance (the last-admin rule).
 */
public class V10__User_administration extends BaseJavaMigration {
    private static final List<String> STATEMENTS = List.of(
            "ALTER TABLE users ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL",
            "ALTER TABLE users ADD COLUMN last_login_at BIGINT",
            "ALTER TABLE auth_events ADD COLUMN actor_id CHAR(36)",
            "CREATE INDEX ix_events_actor ON auth_events (actor_id, occurred_at)",
            """
            CREATE TABLE admin_guard (
                id      INT    NOT NULL PRIMARY KEY,
                changes BIGINT NOT NULL
            )""",
            "INSERT INTO admin_guard (id, changes) VALUES (1, 0)");

    @Override
    public void migrate(Context context) throws Exception {
        ExactTextTables.run(context.getConnection(), STATEMENTS);
    }
}
