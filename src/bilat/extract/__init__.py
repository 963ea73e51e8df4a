"""Extract: stored document -> actors, events, figures, agreements, commitments.

nlp.py          spaCy pipeline (sentences + NER)
gazetteer.py    states, people with dated roles, organisations, companies, projects (data/)
actors.py       names, role phrases by date, surnames -> one actor each (+ roles.py, gazmatch.py)
events.py       PLOVER CONSULT/COOPERATE events, participants, dates, status
temporal.py     dates and periods resolved against the publication date
numbers.py      numbers, units, qualifiers
figures.py      figures with measure, period, flow, speaker
agreements.py   agreements with kind, status, parties, sector
commitments.py  measurable targets
pipeline.py     runs the stages, maps spans to the original text, verifies every quote
workers.py      what an extraction worker runs: a batch of documents -> one result each
executors.py    where batches run: a local process pool or Dask workers
runner.py       streams documents to the workers, saves each result in input order
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bilat.extract.pipeline import EXTRACTOR_VERSION, extract_document
    from bilat.extract.runner import Extractor, run_extraction

__all__ = ["EXTRACTOR_VERSION", "Extractor", "extract_document", "run_extraction"]


def __getattr__(name: str) -> Any:
    """The pipeline (every stage's module) loads on first use, not when a command only needs
    one module of this package (`bilat.extract.gazetteer` for actor names)."""
    if name in ("EXTRACTOR_VERSION", "extract_document"):
        from bilat.extract import pipeline

        return getattr(pipeline, name)
    if name in ("Extractor", "run_extraction"):
        from bilat.extract import runner

        return getattr(runner, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
