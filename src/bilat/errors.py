"""Every exception bilat raises on purpose.

BilatError                 base: anything bilat reports to the user
├── ConfigError            a config file or option is invalid
├── InputRejected          one input document cannot be ingested (carries name + reason)
│   ├── FetchError         a URL could not be fetched safely
│   └── FeedError          a whole feed could not be fetched or parsed
├── StoreError             the database cannot be opened, migrated or written
│   └── NotFound           a document, actor or item asked for does not exist
├── ExtractionError        extraction failed on one document
├── WorkersUnavailable     the extraction workers cannot be started or reached (Dask)
├── GoldFormatError        a gold annotation file does not follow GOLD.md
└── ReviewError            a review action is invalid (unknown item, bad edit)
"""

from __future__ import annotations

__all__ = [
    "BilatError",
    "ConfigError",
    "ExtractionError",
    "FeedError",
    "FetchError",
    "GoldFormatError",
    "InputRejected",
    "NotFound",
    "ReviewError",
    "StoreError",
    "WorkersUnavailable",
]


class BilatError(Exception):
    """Base class of every error bilat raises deliberately."""


class ConfigError(BilatError):
    """A configuration file or option is invalid."""


class InputRejected(BilatError):
    """One input cannot be ingested; `name` is the input's name, `reason` why, `origin` where
    it came from when that is more precise than the file (a JSONL line: `path#LINE`)."""

    def __init__(self, name: str, reason: str, origin: str | None = None) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason
        self.origin = origin


class FetchError(InputRejected):
    """A URL could not be fetched (refused address, timeout, too large, HTTP error)."""


class FeedError(InputRejected):
    """A whole RSS/Atom feed could not be read (down, refused, not a feed)."""


class StoreError(BilatError):
    """The database cannot be opened, migrated or written."""


class NotFound(StoreError):
    """The requested document or item does not exist."""


class ExtractionError(BilatError):
    """Extraction failed on one document."""


class GoldFormatError(BilatError):
    """A gold annotation file does not follow the GOLD.md format."""


class ReviewError(BilatError):
    """A review action refers to an unknown item or carries an invalid edit."""


class WorkersUnavailable(BilatError):
    """The extraction workers cannot be started or reached (e.g. no Dask scheduler there)."""
