-- The timeline's mode menu lists the distinct modes by index (bilat.store.item_lists
-- distinct_values), one seek per mode, instead of reading every event.
CREATE INDEX events_mode ON events (mode);
