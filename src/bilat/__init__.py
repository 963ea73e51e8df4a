"""bilat: a sourced, queryable, reconciled record of a bilateral relationship from news reports.

Pipeline: ingest -> clean -> extract -> reconcile -> store -> serve (see README).
"""

from bilat.config import Options, load_options
from bilat.errors import BilatError
from bilat.records import (
    Actor,
    Agreement,
    Article,
    CleanDocument,
    Commitment,
    Document,
    Event,
    Evidence,
    Extraction,
    Figure,
)
from bilat.store import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Agreement",
    "Article",
    "BilatError",
    "CleanDocument",
    "Commitment",
    "Document",
    "Event",
    "Evidence",
    "Extraction",
    "Figure",
    "Options",
    "Store",
    "__version__",
    "load_options",
    "open_store",
]
