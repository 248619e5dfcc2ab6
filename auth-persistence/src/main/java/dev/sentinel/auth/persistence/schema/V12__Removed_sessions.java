package dev.sentinel.auth.persistence.schema;

import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The sessions of a deleted account: the account's rows go with it (ON DELETE CASCADE), but the other
 * instances learn of revocations by reading revoked sessions, so each removed session leaves its id here until
 * no access token of it can still be unexpired.
 */
public class V12__Removed_sessions extends BaseJavaMigration {
    private static final List<String> STATEMENTS =
            List.of("""
            CREATE TABLE removed_sessions (
                session_id CHAR(36) NOT NULL PRIMARY KEY,
                removed_at BIGINT   NOT NULL
            )""", "CREATE INDEX ix_removed_sessions_removed ON removed_sessions (removed_at)");

    @Override
    public void migrate(Context context) throws Exception {
        ExactTextTables.run(context.getConnection(), STATEMENTS);
    }
}
