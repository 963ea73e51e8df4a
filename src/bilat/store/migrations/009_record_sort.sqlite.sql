-- Record rows in a stable order (bilat.store.record_order): `sort_key` is the entry's place in
-- its part as text, and positions leave gaps, so adding documents inserts and removes only the
-- entries they change.
ALTER TABLE record_items ADD COLUMN sort_key TEXT;
CREATE INDEX record_items_sort ON record_items (kind, sort_key);
