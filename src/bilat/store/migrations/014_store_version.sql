-- A version of what the record is built from (documents, their extracted items, judgements):
-- every write to those tables adds one to `n` in its own transaction (triggers: per row on
-- SQLite, once per transaction on PostgreSQL), and record_meta keeps the `n` the record was
-- built from, so asking whether the record is current is one read of two one-row tables instead of
-- counting the big tables (Store.record_is_current). `source` (the counts fingerprint) stays:
-- bilat.record.added_documents reads what changed from it.
CREATE TABLE store_version (
    id INTEGER PRIMARY KEY,
    n BIGINT NOT NULL
);
INSERT INTO store_version (id, n) VALUES (1, 0);
ALTER TABLE record_meta ADD COLUMN version BIGINT;
-- A record current before this migration (its fingerprint is the store's) stays current.
UPDATE record_meta SET version = 0 WHERE source = (
    CAST((SELECT COUNT(*) FROM documents) AS TEXT)
    || ':' || CAST((SELECT COALESCE(MAX(id), 0) FROM documents) AS TEXT)
    || ':' || CAST((SELECT COUNT(*) FROM actors) AS TEXT)
    || ':' || CAST((SELECT COALESCE(MAX(id), 0) FROM actors) AS TEXT)
    || ':' || CAST((SELECT COUNT(*) FROM events) AS TEXT)
    || ':' || CAST((SELECT COALESCE(MAX(id), 0) FROM events) AS TEXT)
    || ':' || CAST((SELECT COUNT(*) FROM figures) AS TEXT)
    || ':' || CAST((SELECT COALESCE(MAX(id), 0) FROM figures) AS TEXT)
    || ':' || CAST((SELECT COUNT(*) FROM agreements) AS TEXT)
    || ':' || CAST((SELECT COALESCE(MAX(id), 0) FROM agreements) AS TEXT)
    || ':' || CAST((SELECT COUNT(*) FROM commitments) AS TEXT)
    || ':' || CAST((SELECT COALESCE(MAX(id), 0) FROM commitments) AS TEXT)
    || ':' || CAST((SELECT COUNT(*) FROM documents WHERE status = 'ok' AND is_current = 1) AS TEXT)
    || ':' || CAST((SELECT COUNT(*) FROM judgements) AS TEXT)
    || ':' || CAST((SELECT COUNT(*) FROM judgements WHERE revoked_at IS NOT NULL) AS TEXT)
);
