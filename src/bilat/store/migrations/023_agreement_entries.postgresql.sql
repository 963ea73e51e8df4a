-- The record's agreement histories statement by statement (bilat.store.agreement_entries): a
-- history entry's payload holds `"entries": null` and its statements are rows here, in
-- order (`seq`, spaced by 2^32 so a statement joining a history goes between its
-- neighbours), so adding documents writes only the statements a history gains (at 100,000
-- documents an `add10` joins nine histories of 160-3,900 statements each). `doc_id`: the
-- statement's document, so the keys find the histories citing a document by index.
-- A history written before keeps its statements in its payload (readers take either); the
-- first update splits them (`fill_agreement_entries`, marked by the row below).
CREATE TABLE record_agreement_entries (
    history TEXT NOT NULL,
    seq BIGINT NOT NULL,
    doc_id BIGINT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (history, seq)
);
CREATE INDEX record_agreement_entries_doc ON record_agreement_entries (doc_id);
CREATE TABLE agreement_entries_fill (n BIGINT NOT NULL);
INSERT INTO agreement_entries_fill (n) SELECT COUNT(*) FROM record_items
WHERE kind = 'agreements' HAVING COUNT(*) > 0;
