-- record_item_refs also maps each agreement and commitment row to the history or status citing
-- it (bilat.store.record_keys), so a permalink reads one entry: a record stored before has no
-- such keys and is rebuilt on first use.
DELETE FROM record_meta;
-- Statement lists a page at a time in list order (document, id), on both dialects.
CREATE INDEX agreements_doc_id ON agreements (doc_id, id);
CREATE INDEX commitments_doc_id ON commitments (doc_id, id);
