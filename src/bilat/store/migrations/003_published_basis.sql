-- Where a document's publication date comes from: 'stated' (feed, page, dateline, URL) or
-- 'implied' by the text (bilat.ingest.implied_date), with the quotes it rests on (JSON list of
-- [start, end, quote] in the original text). Dates stored before this migration were stated.
ALTER TABLE documents ADD COLUMN published_basis TEXT;
ALTER TABLE documents ADD COLUMN published_evidence TEXT NOT NULL DEFAULT '[]';
UPDATE documents SET published_basis = 'stated' WHERE published IS NOT NULL;
