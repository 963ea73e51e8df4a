-- Feed ingest skips entries already seen: a link stored as a document's url (indexed here), or
-- a link whose page had the text of a stored document (recorded in feed_seen, not stored again).
CREATE INDEX documents_url ON documents (url);

CREATE TABLE feed_seen (
    link TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    doc_id BIGINT REFERENCES documents(id) ON DELETE CASCADE,
    seen_at TEXT NOT NULL
);
