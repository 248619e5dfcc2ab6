-- A password replacement raises the user's credential version; a session keeps the version it was opened
-- with, so that a session opened with a replaced password is refused (issue 12, item 9).
ALTER TABLE users ADD COLUMN credential_version INT DEFAULT 0 NOT NULL;
ALTER TABLE sessions ADD COLUMN credential_version INT DEFAULT 0 NOT NULL;

-- Sealed successors are erased once the reuse window has passed; they are found by rotation time.
CREATE INDEX ix_tokens_rotated ON refresh_tokens (rotated_at);
