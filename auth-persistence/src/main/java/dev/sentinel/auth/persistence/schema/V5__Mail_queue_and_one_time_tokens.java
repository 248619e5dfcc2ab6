package dev.sentinel.auth.persistence.schema;

import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 13: mail that is still to be sent (and, for an hour, what was sent, to limit reset mails per address),
 * the links' one-time tokens by their SHA-256, and the users who proved their address. A queued mail holds no
 * token: the link's token is minted when the mail goes out, and only its hash is kept.
 */
public class V5__Mail_queue_and_one_time_tokens extends BaseJavaMigration {
    private static final List<String> STATEMENTS = List.of(
            """
            CREATE TABLE mail_queue (
                id              CHAR(36)     NOT NULL PRIMARY KEY,
                purpose         VARCHAR(32)  NOT NULL,
                user_id         CHAR(36)     NOT NULL,
                email           VARCHAR(254) NOT NULL,
                queued_at       BIGINT       NOT NULL,
                attempts        INT          NOT NULL,
                next_attempt_at BIGINT       NOT NULL,
                sent_at         BIGINT,
                CONSTRAINT fk_mail_queue_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
            )""",
            "CREATE INDEX ix_mail_queue_due ON mail_queue (sent_at, next_attempt_at)",
            "CREATE INDEX ix_mail_queue_email ON mail_queue (email, purpose, queued_at)",
            "CREATE INDEX ix_mail_queue_user ON mail_queue (user_id)",
            """
            CREATE TABLE one_time_tokens (
                token_hash CHAR(64)    NOT NULL PRIMARY KEY,
                purpose    VARCHAR(32) NOT NULL,
                user_id    CHAR(36)    NOT NULL,
                expires_at BIGINT      NOT NULL,
                CONSTRAINT fk_one_time_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
            )""",
            "CREATE INDEX ix_one_time_tokens_user ON one_time_tokens (user_id, purpose)",
            "CREATE INDEX ix_one_time_tokens_expires ON one_time_tokens (expires_at)",
            """
            CREATE TABLE verified_emails (
                user_id     CHAR(36) NOT NULL PRIMARY KEY,
                verified_at BIGINT   NOT NULL,
                CONSTRAINT fk_verified_emails_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
            )""");

    @Override
    public void migrate(Context context) throws Exception {
        ExactTextTables.run(context.getConnection(), STATEMENTS);
    }
}
