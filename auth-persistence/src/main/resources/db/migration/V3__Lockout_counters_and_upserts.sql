-- Lockout counts per email and client, per email, and per client (docs/api.md "Rate limits and lockout"):
-- the key grows to hold an email and a client network. Counts are short-lived, so the old rows are dropped.
-- Every column but the key has a default, so that a missing row is created by one upsert of its key alone
-- (INSERT ... ON DUPLICATE KEY UPDATE on MariaDB, MERGE ... KEY on H2) in the caller's transaction.
DROP TABLE login_failures;
CREATE TABLE login_failures (
    email_key    VARCHAR(320) NOT NULL PRIMARY KEY,
    failures     INT          DEFAULT 0 NOT NULL,
    window_start BIGINT,
    locked_until BIGINT,
    updated_at   BIGINT       DEFAULT 0 NOT NULL
);
CREATE INDEX ix_login_failures_updated ON login_failures (updated_at);

ALTER TABLE rate_limits ALTER COLUMN tat SET DEFAULT 0;
