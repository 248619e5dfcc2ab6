package dev.sentinel.auth.persistence.schema;

import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 14: TOTP factors (the secret sealed, the last time step used, so that no code is accepted twice), the
 * SHA-256 of recovery codes, pending second-factor logins by the SHA-256 of their mfa_token, and whether a session
 * was opened with a second factor (the access tokens' amr). Everything goes with its user (ON DELETE CASCADE).
 */
public class V7__Second_factors extends BaseJavaMigration {
    private static final List<String> STATEMENTS = List.of(
            """
            CREATE TABLE totp_factors (
                user_id        CHAR(36)     NOT NULL PRIMARY KEY,
                sealed_secret  VARCHAR(512) NOT NULL,
                enabled        BOOLEAN      NOT NULL,
                last_used_step BIGINT       NOT NULL,
                created_at     BIGINT       NOT NULL,
                CONSTRAINT fk_totp_factors_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
            )""",
            """
            CREATE TABLE recovery_codes (
                code_hash CHAR(64) NOT NULL PRIMARY KEY,
                user_id   CHAR(36) NOT NULL,
                CONSTRAINT fk_recovery_codes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
            )""",
            "CREATE INDEX ix_recovery_codes_user ON recovery_codes (user_id)",
            """
            CREATE TABLE mfa_challenges (
                token_hash         CHAR(64) NOT NULL PRIMARY KEY,
                user_id            CHAR(36) NOT NULL,
                credential_version INT      NOT NULL,
                expires_at         BIGINT   NOT NULL,
                tries              INT      NOT NULL,
                CONSTRAINT fk_mfa_challenges_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
            )""",
            "CREATE INDEX ix_mfa_challenges_user ON mfa_challenges (user_id)",
            "CREATE INDEX ix_mfa_challenges_expires ON mfa_challenges (expires_at)",
            "ALTER TABLE sessions ADD COLUMN second_factor BOOLEAN DEFAULT FALSE NOT NULL");

    @Override
    public void migrate(Context context) throws Exception {
        ExactTextTables.run(context.getConnection(), STATEMENTS);
    }
}
