"""An official the text names by office alone ('Trade, Industry and Competition Minister Parks
Tau', 'Deputy President Paul Mashatile'), of no state the text or the gazetteer tells: in a
report on a pair of which one side is Russia or China, the official of the other side.

requires: the document's pair (bilat.extract.pair), actors and ctx.mentions
assigns : country of such persons, in the actors and in ctx.mentions

The gazetteer holds the office-holders of Russia and China (the central government, the
regions, the envoys), and Chinese names are told by their pinyin shape: an unknown official
with an office title in, say, a South Africa-China report is South Africa's. Not when both
sides are Russia and China (either may be meant), not for a name that looks Chinese or
Russian, not for an ambassador or envoy (posted by either side).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bilat.extract.context import DocContext
from bilat.extract.palladius import looks_pinyin
from bilat.records import Actor

__all__ = ["home_side"]

_COVERED = frozenset({"RU", "CN"})
# an office right before the name: "Trade, Industry and Competition Minister", "Deputy
# President", "Commerce secretary", "Undersecretary for International Economic Relations"
_OFFICE = re.compile(
    r"(?:\b(?i:minister|deputy\s+president|vice[-\s]president|president|premier|"
    r"prime\s+minister|secretary|undersecretary|under-secretary|governor|chancellor|speaker))"
    r"(?:\s+(?:of|for)\s+(?:[A-Z][\w,'’-]*\s+|and\s+){1,6})?\s+$"
)
_RUSSIAN_SURNAME = re.compile(r"(?:ov|ev|yov|ova|eva|in|ina|yn|sky|skiy|skaya|tsky)$")


def home_side(ctx: DocContext, actors: list[Actor]) -> list[Actor]:
    """The actors with the other side's unknown officials placed (see the module)."""
    covered = _COVERED & set(ctx.pair)
    if len(covered) != 1:
        return actors
    (other,) = set(ctx.pair) - covered
    placed = {
        a.name
        for a in actors
        if a.type == "person"
        and a.country is None
        and not (looks_pinyin(a.name) or _RUSSIAN_SURNAME.search(a.name))
        and any(_OFFICE.search(ctx.clean_text, max(0, m.start - 80), m.start) for m in a.mentions)
    }
    if not placed:
        return actors
    ctx.mentions = [replace(m, country=other) if m.actor in placed else m for m in ctx.mentions]
    return [replace(a, country=other) if a.name in placed else a for a in actors]
