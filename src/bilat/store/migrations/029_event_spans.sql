-- The stored events dated to a span (a `date_end`), by first date (bilat.store.
-- event_shelves): an update reads the events dated near a month from the index on
-- COALESCE(date, ''), and those whose span reaches the month from an earlier date from this
-- one (one event in thirteen at 100,000 documents), not every event's outline.
CREATE INDEX events_spans ON events (date, date_end) WHERE date_end IS NOT NULL;
