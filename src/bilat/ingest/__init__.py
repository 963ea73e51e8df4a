"""Ingest: read inputs, clean them, detect duplicates, store them, extract from them.

readers.py   paths / stdin / JSON(L) / HTML  -> RawInput -> Article   (fetch.py for --urls)
feeds.py     RSS/Atom feeds (feedparser) -> a RawInput per new entry, its page fetched
clean.py     Article -> CleanDocument (boilerplate removed, offsets kept)
dates.py     publication date from metadata or a dateline, never guessed
language.py  language of the clean text
dedupe.py    content hash + MinHash/LSH near-duplicate detection (bands kept in the store)
pipeline.py  ties them together, one transaction per document, streaming the stored documents
"""

from bilat.ingest.pipeline import IngestReport, StoredDocument, ingest, stored_documents

__all__ = ["IngestReport", "StoredDocument", "ingest", "stored_documents"]
