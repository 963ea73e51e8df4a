-- Full-text search over documents (PostgreSQL tsvector, English configuration).
ALTER TABLE documents ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || clean_text)) STORED;
CREATE INDEX documents_search ON documents USING gin (search);
