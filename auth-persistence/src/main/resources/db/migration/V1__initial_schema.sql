-- One schema for H2 (MODE=LEGACY) and MariaDB: instants are epoch milliseconds in BIGINT columns,
-- which sidesteps the two databases' different timestamp and time-zone semantics.

CREATE TABLE users (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(100),
    password_hash VARCHAR(255) NOT NULL,
    roles         VARCHAR(64)  NOT NULL,
    created_at    BIGINT       NOT NULL,
    CONSTRAINT uk_users_email UNIQUE (email)
);

CREATE TABLE sessions (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    user_id      CHAR(36)     NOT NULL,
    created_at   BIGINT       NOT NULL,
    last_used_at BIGINT       NOT NULL,
    expires_at   BIGINT       NOT NULL,
    revoked_at   BIGINT,
    ip           VARCHAR(45),
    user_agent   VARCHAR(255),
    CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_sessions_user ON sessions (user_id);
CREATE INDEX ix_sessions_revoked ON sessions (revoked_at);
CREATE INDEX ix_sessions_expires ON sessions (expires_at);

CREATE TABLE refresh_tokens (
    token_hash       CHAR(64)     NOT NULL PRIMARY KEY,
    session_id       CHAR(36)     NOT NULL,
    issued_at        BIGINT       NOT NULL,
    expires_at       BIGINT       NOT NULL,
    rotated_at       BIGINT,
    sealed_successor VARCHAR(128),
    CONSTRAINT fk_tokens_session FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE
);
CREATE INDEX ix_tokens_session ON refresh_tokens (session_id);
CREATE INDEX ix_tokens_expires ON refresh_tokens (expires_at);

CREATE TABLE auth_events (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    type        VARCHAR(32)  NOT NULL,
    outcome     VARCHAR(8)   NOT NULL,
    user_id     CHAR(36),
    email       VARCHAR(254),
    ip          VARCHAR(45),
    user_agent  VARCHAR(255),
    session_id  CHAR(36),
    reason      VARCHAR(64),
    occurred_at BIGINT       NOT NULL
);
CREATE INDEX ix_events_occurred ON auth_events (occurred_at, id);
CREATE INDEX ix_events_user ON auth_events (user_id, occurred_at);
CREATE INDEX ix_events_email ON auth_events (email, occurred_at);
CREATE INDEX ix_events_type ON auth_events (type, occurred_at);

-- generation is unique so that instances starting together store exactly one first key.
CREATE TABLE signing_keys (
    kid         VARCHAR(64)   NOT NULL PRIMARY KEY,
    generation  INT           NOT NULL,
    algorithm   VARCHAR(16)   NOT NULL,
    private_key VARCHAR(4000) NOT NULL,
    public_key  VARCHAR(2000) NOT NULL,
    created_at  BIGINT        NOT NULL,
    CONSTRAINT uk_signing_keys_generation UNIQUE (generation)
);

CREATE TABLE login_failures (
    email_key    VARCHAR(254) NOT NULL PRIMARY KEY,
    failures     INT          NOT NULL,
    locked_until BIGINT,
    updated_at   BIGINT       NOT NULL
);
CREATE INDEX ix_login_failures_updated ON login_failures (updated_at);

-- One row per rate-limit key: the theoretical arrival time of the generic cell rate algorithm.
CREATE TABLE rate_limits (
    bucket_key VARCHAR(128) NOT NULL PRIMARY KEY,
    tat        BIGINT       NOT NULL
);
CREATE INDEX ix_rate_limits_tat ON rate_limits (tat);
