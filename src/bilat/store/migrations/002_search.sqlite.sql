-- Full-text search over the current clean text of documents (SQLite FTS5).
CREATE VIRTUAL TABLE documents_fts USING fts5 (title, clean_text, content='documents', content_rowid='id');
