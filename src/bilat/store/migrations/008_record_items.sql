-- The reconciled record as rows (bilat.store.record_rows) instead of one JSON value: readers
-- fetch the part they show, for one pair, in record order, without parsing the rest.
-- record_items: one row per record entry; `pos` is its place in its part (the record's order),
-- the sort/filter columns come from the payload (dates, measure, status, actor country).
CREATE TABLE record_items (
    kind TEXT NOT NULL,
    pos INTEGER NOT NULL,
    item_key TEXT NOT NULL,
    date_from TEXT,
    date_to TEXT,
    measure TEXT,
    status TEXT,
    country TEXT,
    payload TEXT NOT NULL,
    PRIMARY KEY (kind, pos)
);
CREATE INDEX record_items_key ON record_items (kind, item_key);
CREATE INDEX record_items_date ON record_items (kind, date_from, pos);
CREATE INDEX record_items_measure ON record_items (kind, measure, pos);
CREATE INDEX record_items_country ON record_items (kind, country, pos);
-- Which pair(s) each entry is about: "" none, "*" every pair (a document of no known pair).
CREATE TABLE record_item_pairs (
    kind TEXT NOT NULL,
    pair TEXT NOT NULL,
    pos INTEGER NOT NULL,
    PRIMARY KEY (kind, pair, pos)
);
-- Entries per part per pair, maintained by the writer (pair "*": the whole part).
CREATE TABLE record_counts (
    kind TEXT NOT NULL,
    pair TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (kind, pair)
);
-- One row: when the record was built, from what (Store.record_source), its parts in order.
CREATE TABLE record_meta (
    id INTEGER PRIMARY KEY,
    built_at TEXT NOT NULL,
    source TEXT,
    parts TEXT NOT NULL
);
DROP TABLE reconciled;
