"""Visa-free regimes: one state's instrument for the other's citizens (GOLD.md v1.1:
"unilateral instruments (an executive order, a visa-free policy) are other/adopted with the
issuing state as party").

requires: DocContext.mentions, sentences, publication date, the gazetteer (state adjectives)
assigns : Agreement records of kind "other" (evidence in clean-text offsets)

A sentence that tells a visa-free regime ("introduced visa-free entry for citizens of Russia",
"waived visas for Russian citizens", "отменил визы для граждан России", "граждане РФ могут
находиться в Китае без визы") names the citizens it is for; the state that grants it is the
other side of the pair (or the other state the sentence names). "Russia introduced a similar
regime for Chinese citizens" after one is told is the other side's. A regime inside an
agreement's title ("the agreement on visa-free group tours") is that agreement's, not one of
its own. Planned when told in the future ("will introduce", "is being prepared").
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from bilat.extract.context import DocContext, Mention, Sentence
from bilat.extract.gazetteer import Entry, Gazetteer
from bilat.extract.temporal import find_time_expressions
from bilat.extract.temporal_ru import find_time_expressions_ru
from bilat.records import Agreement, Evidence

__all__ = ["extract_visa_regimes", "sentence_date"]

_REGIME = re.compile(
    r"\bvisa-free\s+(?:regime|entry|travel|stay|policy|access|arrangement)|\bvisa\s+waivers?\b|"
    r"\b(?:waived|waives|abolished|abolishes|lifted|lifts|scrapped|cancell?ed)\s+(?:the\s+)?"
    r"(?:entry\s+)?visas?\b|\bwithout\s+(?:a\s+)?visas?\b|"
    r"безвизов\w*\s+(?:режим|въезд|пребывани|поездк)\w*|\bотмени\w*\s+виз\w*|\bбез\s+виз[ыу]?\b",
    re.I,
)
# "a similar regime", "аналогичный режим": the other side's answer to one told before
_ANSWER = re.compile(
    r"\b(?:similar|mirror|reciprocal)\s+(?:visa-free\s+)?regime|"
    r"(?:аналогичн|зеркальн|ответн)\w*\s+(?:безвизов\w*\s+)?режим\w*",
    re.I,
)
_INSIDE_TITLE = re.compile(
    r"\b(?:agreement|treaty|memorandum|protocol|amendments?|соглашени\w*|договор\w*|"
    r"меморандум\w*|протокол\w*)\b(?:\s+[\w-]+){0,5}\s*$",
    re.I,
)
_CITIZENS = re.compile(
    r"\b(?:citizens|nationals|passport\s+holders|tourists|travell?ers|граждан\w*|туристов)\b",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|plans?\s+to|intends?\s+to|is\s+being\s+prepared|are\s+being\s+prepared|"
    r"to\s+be\s+introduced|введ[её]т|планиру\w*|намерен\w*|готовится|будет)\b",
    re.I,
)

# in force already, whatever else the sentence says will happen ("came into force on Monday
# and will be in effect for one year")
_IN_FORCE = re.compile(
    r"\b(?:came|comes|entered|enters)\s+into\s+force|\btook\s+effect|\b(?:introduced|"
    r"extended|waived|abolished|lifted|scrapped|launched)\b|\b(?:ввел|ввела|ввёл|ввели|"
    r"отменил\w*|вступил\w*|действует)\b",
    re.I,
)


def extract_visa_regimes(ctx: DocContext, gaz: Gazetteer) -> list[Agreement]:
    """Every visa-free regime the article tells, once per granting state."""
    out: list[Agreement] = []
    for s in (c for sentence in ctx.sentences for c in _clauses(sentence)):
        found = _from_sentence(ctx, gaz, s, told=bool(out))
        if found is None:
            continue
        same = next((i for i, a in enumerate(out) if a.parties == found.parties), None)
        if same is None:
            out.append(found)
        elif out[same].date is None and found.date is not None:
            out[same] = replace(out[same], date=found.date)  # told first, dated later
    return out


_CLAUSE_CUT = re.compile(r"[,;]\s+(?:(?:and|while|whereas|but|а|и)\s+)?")


def _clauses(s: Sentence) -> list[Sentence]:
    """The sentence cut between the regimes it tells, each with its own ("China introduced
    visa-free entry for Russians from September 15, and Russia reciprocated with visa-free
    entry for Chinese citizens from December 1"): one regime and its date per clause."""
    cues = list(_REGIME.finditer(s.text))
    cuts = [0]
    for before, after in pairwise(cues):
        between = list(_CLAUSE_CUT.finditer(s.text, before.end(), after.start()))
        if between:
            cuts.append(between[-1].end())
    if len(cuts) == 1:
        return [s]
    bounds = [*cuts, len(s.text)]
    return [Sentence(s.index, s.start + a, s.start + b, s.text[a:b]) for a, b in pairwise(bounds)]


def _from_sentence(ctx: DocContext, gaz: Gazetteer, s: Sentence, told: bool) -> Agreement | None:
    cue = _REGIME.search(s.text) or (_ANSWER.search(s.text) if told else None)
    if cue is None or _INSIDE_TITLE.search(s.text[max(0, cue.start() - 60) : cue.start()]):
        return None
    states = _states(ctx, gaz, s)
    for_whom = _citizens_of(gaz, s, states)
    if for_whom is None:
        return None
    grantor = _grantor(ctx, gaz, states, for_whom)
    if grantor is None:
        return None
    planned = bool(_FUTURE.search(s.text)) and not _IN_FORCE.search(s.text)
    adjective = for_whom.adjectives[0] if for_whom.adjectives else for_whom.name
    return Agreement(
        title=f"{grantor.name}'s visa-free regime for {adjective} citizens",
        kind="other",
        status="planned" if planned else "adopted",
        date=sentence_date(ctx, s, planned),
        parties=(grantor.name,),
        sector="other",
        evidence=Evidence(s.start, s.end, s.text),
    )


def _states(ctx: DocContext, gaz: Gazetteer, s: Sentence) -> list[tuple[Mention, Entry]]:
    """The states the sentence names (by name, place or adjective), in text order."""
    out = []
    for m in ctx.mentions_in(s.start, s.end):
        if m.type in ("state", "place") and m.country and len(m.country) == 2:
            try:
                out.append((m, gaz.state(m.country)))
            except KeyError:
                continue
    return out


def _citizens_of(gaz: Gazetteer, s: Sentence, states: list[tuple[Mention, Entry]]) -> Entry | None:
    """Whose citizens: 'for Russian citizens', 'for citizens of Russia', 'граждан России',
    'граждане РФ'."""
    for word in _CITIZENS.finditer(s.text):
        at = s.start + word.start()
        after = [e for m, e in states if 0 <= m.start - (s.start + word.end()) <= 12]
        if after:
            return after[0]
        before = re.search(r"([A-Z][a-z]+)\s+$", s.text[max(0, word.start() - 20) : word.start()])
        if before and (entry := gaz.state_for_adjective(before.group(1))) is not None:
            return entry
        adjacent = [e for m, e in states if 0 <= at - m.end <= 2]
        if adjacent:
            return adjacent[0]
    return None


def _grantor(
    ctx: DocContext, gaz: Gazetteer, states: list[tuple[Mention, Entry]], for_whom: Entry
) -> Entry | None:
    """The state that lets them in: another state the sentence names, else the pair's other
    side."""
    named = next((e for _, e in states if e.country != for_whom.country), None)
    if named is not None or for_whom.country not in ctx.pair:
        return named
    other = next(c for c in ctx.pair if c != for_whom.country)
    try:
        return gaz.state(other)
    except KeyError:
        return None


def sentence_date(ctx: DocContext, s: Sentence, planned: bool) -> str | None:
    """The day or month a sentence tells an instrument by: the most precise, and of two days
    the one told with its number ('on Friday (18 July)'); a span is no such date."""
    tense = "future" if planned else "past"
    find = find_time_expressions_ru if ctx.language == "ru" else find_time_expressions
    found = [
        e
        for e in find(s.text, ctx.published, tense=tense)
        if e.date and e.period in (None, e.date, f"{e.date}..{e.date}")
    ]
    found.sort(key=lambda e: (-len(e.date or ""), not re.search(r"\d", e.text)))
    return found[0].date if found else None
