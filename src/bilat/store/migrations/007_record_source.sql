-- What the stored record was built from (see Store.record_source): a reader finding it differs
-- from the store's current state knows the record is stale (e.g. a rebuild was killed).
ALTER TABLE reconciled ADD COLUMN source TEXT;
