"""Titles of documents known only by their kind: by the work they concern ('supply contract
on Power of Siberia 2', 'intergovernmental agreement on Rasht-Astara railway') or, failing
that, by their parties ('joint statement of Kazakhstan and China').

requires: DocContext.mentions (projects), sentences
"""

from __future__ import annotations

import re
from functools import lru_cache

from bilat.datafiles import read_data
from bilat.extract.context import DocContext, Sentence
from bilat.records import Agreement

__all__ = [
    "DEFINITE",
    "bare_words",
    "between_subject",
    "of_project",
    "of_project_left",
    "with_parties",
]


@lru_cache(maxsize=1)
def bare_words() -> frozenset[str]:
    return frozenset(str(w) for w in read_data("agreements.yaml")["bare_title_words"])


def with_parties(title: str, kind: str, parties: tuple[str, ...]) -> str:
    """A title that names only a kind ('joint statement', 'intergovernmental agreement') is
    known by its parties: 'joint statement of Kazakhstan and China'."""
    words = re.findall(r"[a-z]+", title.lower())
    if len(parties) < 2 or title[:1].isdigit() or any(w not in bare_words() for w in words):
        return title  # named, or a counted batch ("20 cooperation documents")
    return f"{title} of {', '.join(parties[:-1])} and {parties[-1]}"


# "an intergovernmental agreement on it", "the memorandum on the project": the document of a
# work named before
_ON_ANAPHOR = re.compile(
    r"\s+(?:on|for)\s+(?:it|which|this|the\s+(?:project|line|plant|pipeline|railway|route|"
    r"crossing|bridge|hub|station|corridor|port|terminal|field))$",
    re.I,
)


def of_project(ctx: DocContext, s: Sentence, title: str, at: int) -> str:
    """A document known only by its kind ('a supply contract', 'built under an
    intergovernmental agreement') or by a pronoun ('an agreement on it') is the one of the
    named work (a pipeline, railway, plant: a project mention) the sentence is about, or
    the sentence before when this one names none: 'supply contract on Power of Siberia 2'."""
    tail = _ON_ANAPHOR.search(title)
    head = title[: tail.start()] if tail else title
    if not tail and any(w not in bare_words() for w in re.findall(r"[a-z]+", head.lower())):
        return title
    here = [m for m in ctx.mentions_in(s.start, s.end) if m.type == "project"]
    if not here and s.index > 0 and (tail or len(head.split()) > 1):  # "a contract": too loose
        before = ctx.sentences[s.index - 1]
        here = [m for m in ctx.mentions_in(before.start, before.end) if m.type == "project"][-1:]
    if not here:
        named = _work_named_before(ctx, s)
        return f"{head} on {named}" if named else title
    nearest = min(here, key=lambda m: abs(m.start - (s.start + at)))
    return f"{head} on {nearest.actor}"


# a work the sentence names by its kind alone ("The bridge was built under an
# intergovernmental agreement", "Russia agreed to finance the EUR 1.6bn project under ..."):
# the one of that kind the text named last
_THE_WORK = re.compile(
    r"\b[Tt]he\s+(?:[\w$€.,()-]+\s+){0,3}?(?P<head>project|plant|bridge|line|railway|"
    r"pipeline|crossing|station|corridor|port|terminal|refinery)\b"
)
_WORK_WORDS = {
    "plant": ("plant", "npp", "station"),
    "station": ("plant", "npp", "station"),
    "line": ("railway", "line", "pipeline", "railroad"),
    "railway": ("railway", "line", "railroad"),
    "pipeline": ("pipeline", "power of siberia", "stream"),
}


def _work_named_before(ctx: DocContext, s: Sentence) -> str | None:
    work = _THE_WORK.search(s.text)
    if not work:
        return None
    head = work["head"].lower()
    words = _WORK_WORDS.get(head, (head,))
    before = [m for m in ctx.mentions_in(0, s.start) if m.type == "project"]
    for m in reversed(before):
        named = f"{m.actor} {m.text}".lower()
        if head == "project" or any(w in named for w in words):
            return m.actor
    return None


def of_project_left(ctx: DocContext, ag: Agreement) -> str:
    """The same for a back-reference ('the contract') no document found before took in."""
    s = next((s for s in ctx.sentences if s.start <= ag.evidence.start < s.end), None)
    return of_project(ctx, s, ag.title, max(s.text.find(ag.title), 0)) if s else ag.title


# a back-reference ("the agreement", "the new deal"), not one known by its year ("the 2015
# intergovernmental agreement")
DEFINITE = re.compile(
    r"\b(?:the|this|that|said|its|their)\s+(?!(?:19|20)\d\d\b)(?:[\w-]+\s+){0,3}$", re.I
)


# the subject of the clause that makes the deal: "Elga Coal signed a contract with ...",
# "Kolmar is in talks with China Baowu on a term deal"
_MAKES = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:signed|inked|concluded|clinched|struck|sealed|"
    r"(?:is|are)\s+(?:still\s+)?negotiating)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}$"
)
_IN_TALKS = re.compile(
    r"\s+(?:is|are)\s+(?:still\s+)?in\s+talks\s+with\s+(?:[a-z]+\s+)?(?P<who>[A-Z][^,;]{1,60}?)\s+"
    r"(?:on|over|about)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}$"
)
_PARTY_TYPES = ("company", "organization", "state")


def between_subject(ctx: DocContext, s: Sentence, title: str, at: int) -> str:
    """A deal two named parties make, known by them: 'Elga Coal signed a contract with China
    Energy Investment ... to supply coal' is the 'contract between Elga Coal and China Energy
    Investment to supply coal'; 'Kolmar is in talks with China Baowu on a term deal' the 'term
    deal between Kolmar and China Baowu'. Only where the title names no one else already."""
    if " between " in title:
        return title
    before = s.text[:at]
    ends = {
        m.end - s.start: m.text
        for m in ctx.mentions_in(s.start, s.start + at)
        if m.type in _PARTY_TYPES
    }
    talks = _IN_TALKS.search(before)
    if talks and talks.start() in ends:
        return f"{title} between {ends[talks.start()]} and {talks['who']}"
    makes = _MAKES.search(before)
    with_whom = re.match(r"(?P<head>.+?)\s+with\s+(?=[A-Z])(?P<who>.+)$", title)
    if makes and with_whom and makes.start() in ends:
        return f"{with_whom['head']} between {ends[makes.start()]} and {with_whom['who']}"
    return title
