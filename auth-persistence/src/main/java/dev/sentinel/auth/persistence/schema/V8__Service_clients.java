package dev.sentinel.auth.persistence.schema;

import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 15: the services that call with client credentials (RFC 6749 §4.4). The secret is kept only as its
 * SHA-256; the id is compared exactly (utf8mb4_bin on MariaDB, see ExactTextTables).
 */
public class V8__Service_clients extends BaseJavaMigration {
    private static final List<String> STATEMENTS = List.of("""
            CREATE TABLE service_clients (
                id          VARCHAR(64)  NOT NULL PRIMARY KEY,
                name        VARCHAR(100) NOT NULL,
                groups_list VARCHAR(64)  NOT NULL,
                secret_hash CHAR(64)     NOT NULL,
                created_at  BIGINT       NOT NULL
            )""");

    @Override
    public void migrate(Context context) throws Exception {
        ExactTextTables.run(context.getConnection(), STATEMENTS);
    }
}
