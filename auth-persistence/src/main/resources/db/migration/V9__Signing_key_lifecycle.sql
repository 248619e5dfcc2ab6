-- Rotation (issue 15): a key is published from created_at and signs from signs_from, once relying parties have
-- had time to fetch it; keys stored before rotation existed signed from their creation.
ALTER TABLE signing_keys ADD COLUMN signs_from BIGINT DEFAULT 0 NOT NULL;
UPDATE signing_keys SET signs_from = created_at;
