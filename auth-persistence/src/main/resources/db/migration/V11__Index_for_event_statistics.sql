-- The stats endpoint counts events per time bucket, type and outcome over a range of occurred_at: with these
-- three columns in one index the database reads the index alone, never the rows (on MariaDB, 1,000,000 events:
-- a day per hour about 4 times faster than through ix_events_occurred plus row lookups; see bench/stats).
CREATE INDEX ix_events_stats ON auth_events (occurred_at, type, outcome);
