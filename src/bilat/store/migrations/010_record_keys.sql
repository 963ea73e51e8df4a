-- Keys into the record rows (bilat.store.record_keys), so a page reads only its own entries:
-- record_item_refs: the record entry each item row belongs to (an event mention's cluster);
-- record_names: every normalised name (id, name, alias) of a canonical actor, to find it by name;
-- `label` is the actor's own name (what a list of names shows).
CREATE TABLE record_item_refs (
    kind TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    pos BIGINT NOT NULL,  -- record positions leave 64-bit gaps (009_record_sort)
    PRIMARY KEY (kind, item_id)
);
CREATE INDEX record_item_refs_pos ON record_item_refs (kind, pos);
CREATE TABLE record_names (
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    pos BIGINT NOT NULL,  -- record positions leave 64-bit gaps (009_record_sort)
    label TEXT NOT NULL,
    PRIMARY KEY (kind, name, pos)
);
-- What a list shows of a big entry, without its members: an actor's names, roles, article count.
CREATE TABLE record_summaries (
    kind TEXT NOT NULL,
    pos BIGINT NOT NULL,  -- record positions leave 64-bit gaps (009_record_sort)
    payload TEXT NOT NULL,
    PRIMARY KEY (kind, pos)
);
-- Item rows of current documents per kind (figures also per flow and document pair), counted
-- when the record is written: while the record is current (its fingerprint) they are exact.
CREATE TABLE record_item_counts (
    kind TEXT NOT NULL,
    flow TEXT NOT NULL,
    doc_pair TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (kind, flow, doc_pair)
);
-- Lists read newest first, one index range per page (keyset on date, id); figures by measure.
CREATE INDEX events_recent ON events ((COALESCE(date, '')), id);
CREATE INDEX events_type_recent ON events (type, (COALESCE(date, '')), id);
CREATE INDEX events_doc_id ON events (doc_id, id);
CREATE INDEX figures_measure_doc ON figures (measure, doc_id, id);
CREATE INDEX figures_doc_id ON figures (doc_id, id);
CREATE INDEX documents_recent ON documents ((COALESCE(published, '')), id);
-- The keys above are written with the record: a record stored before them is rebuilt on first use.
DELETE FROM record_meta;
