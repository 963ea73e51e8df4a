-- Record rows in a stable order (bilat.store.record_order): `sort_key` is the entry's place in
-- its part as text, compared byte by byte ("C": Python's order of the same strings), and
-- positions leave gaps (64-bit), so adding documents inserts and removes only the entries
-- they change.
ALTER TABLE record_items ADD COLUMN sort_key TEXT COLLATE "C";
ALTER TABLE record_items ALTER COLUMN pos TYPE BIGINT;
ALTER TABLE record_item_pairs ALTER COLUMN pos TYPE BIGINT;
CREATE INDEX record_items_sort ON record_items (kind, sort_key);
