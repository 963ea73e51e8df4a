-- The fields the record reads of every current document (`bilat.record.load_sourced`: a full
-- rebuild reads them per stage, an update of the record once), kept in an index so they are
-- read from it alone: in the table they come after the document's texts, so reading them
-- walked every document's text pages (0.34 s CPU at 100,000 documents; 0.11 s from this
-- index). SQLite only: PostgreSQL stores long texts apart from the row (and caps the size of
-- an index entry, which a long name or source could pass).
CREATE INDEX documents_sourced ON documents
    (is_current, status, id, name, published, source, extractor_version, pair);
