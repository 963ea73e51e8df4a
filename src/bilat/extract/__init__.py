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
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bilat.extract.pipeline import (
        EXTRACTOR_VERSION,
        Extractor,
        extract_document,
        run_extraction,
    )

__all__ = ["EXTRACTOR_VERSION", "Extractor", "extract_document", "run_extraction"]


def __getattr__(name: str) -> Any:
    """The pipeline (every stage's module) loads on first use, not when a command only needs
    one module of this package (`bilat.extract.gazetteer` for actor names)."""
    if name in __all__:
        from bilat.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
