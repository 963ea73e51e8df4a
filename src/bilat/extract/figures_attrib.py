"""Who a number is attributed to (`said_by`), where its data come from (`source_data`), and
which paragraph a sentence belongs to (periods and speakers carry within a paragraph).

Attribution uses the actor stage's person/organisation mentions (`ctx.mentions`); without
them `said_by` stays None. Verb lists live in `data/attribution.yaml`.
"""

from __future__ import annotations

import re
from functools import cache

from bilat.extract.context import DocContext, Mention, Sentence
from bilat.extract.figures_data import phrases
from bilat.extract.figures_measure import countries_in_text, state_name
from bilat.extract.wordre import words_re

__all__ = ["clause_speaker", "paragraph_ids", "sentence_speaker", "source_data"]

_SPEAKER_TYPES = ("person", "organization")


def paragraph_ids(ctx: DocContext) -> list[int]:
    """Paragraph number of each sentence: a new paragraph starts after a line break."""
    ids: list[int] = []
    current, prev_end = 0, 0
    for s in ctx.sentences:
        if "\n" in ctx.clean_text[prev_end : s.start] and ids:
            current += 1
        ids.append(current)
        prev_end = s.end
    return ids


@cache
def _verb_re() -> re.Pattern[str]:
    verbs = phrases("attribution.yaml", "speech_verbs")
    return words_re(verbs)


def sentence_speaker(ctx: DocContext, sent: Sentence) -> str | None:
    """The person or organisation a sentence reports: 'X said', 'according to X', 'he noted'
    (the nearest person before). None when the sentence has no attribution verb."""
    verbs = list(_verb_re().finditer(sent.text))
    if not verbs:
        return None
    verb_at = sent.start + verbs[0].start()
    speakers = [
        m
        for m in ctx.mentions_in(sent.start, sent.end)
        if _can_speak(m) and not _in_relative_clause(ctx.clean_text, m, verb_at)
    ]
    persons = [m for m in speakers if m.type == "person"]
    if persons or speakers:  # a person named in the sentence is the source, not his employer
        return _closest(persons or speakers, verb_at).actor
    pron = re.search(r"\b(?:he|she|him|her)\b", sent.text, re.I)
    if pron:
        prev = ctx.last_mention_before(sent.start, "person")
        return prev.actor if prev else None
    return None


# "Titov, who held talks with Zhao in Beijing on Monday, said": Zhao is inside the clause
_RELATIVE = re.compile(r",\s+(?:who|which|который|которая)\b[^,]*$", re.I)


def _in_relative_clause(text: str, m: Mention, verb_at: int) -> bool:
    """A mention inside a relative clause that ends (with a comma) before the verb."""
    if m.end >= verb_at:
        return False
    return bool(_RELATIVE.search(text, max(0, m.start - 200), m.start)) and (
        "," in text[m.end : verb_at]
    )


def _can_speak(m: Mention) -> bool:
    """People, and bodies named by a proper name ('the Federal Customs Service'); an adjective
    phrase ('Chinese customs data') is a data source, not a speaker."""
    if m.type not in _SPEAKER_TYPES:
        return False
    return m.type == "person" or sum(w[:1].isupper() for w in m.text.split()) >= 2


def _closest(mentions: list[Mention], pos: int) -> Mention:
    return min(mentions, key=lambda m: min(abs(m.start - pos), abs(m.end - pos)))


def source_data(text: str, ctx: DocContext, sent: Sentence) -> str | None:
    """'according to Chinese customs data' -> 'Chinese customs' (not a named speaker)."""
    m = re.search(r"\baccording to\s+((?:the\s+)?[\w' -]{2,60}?)(?=[,.;:)]|$)", text, re.I)
    if m is None:
        return None
    phrase = re.sub(r"^the\s+", "", m.group(1).strip(), flags=re.I)
    if re.fullmatch(r"(?:him|her|them|it|he|she)", phrase, re.I):
        return None
    start = sent.start + m.start(1)
    if any(_can_speak(mm) for mm in ctx.mentions_in(start, start + len(phrase) + 4)):
        return None
    tail = phrases("attribution.yaml", "source_tail")
    words = phrase.split()
    while len(words) > 1 and words[-1].lower() in tail:
        words.pop()
    return " ".join(words) or None


# "$228 billion, and not $244.8 billion, as the Chinese side reports": an attribution clause
# right after a number names the source of that number, not of the whole sentence.
_AS_SAYS = re.compile(
    r"[^.;:()]{0,40}?,\s*as\s+(?P<who>[^,.;:()]{2,60}?)\s+"
    r"(?:reports?|reported|says?|said|states?|stated|claims?|claimed|estimates?|estimated|"
    r"puts it|put it|calculated|calculates)\b"
)


def clause_speaker(ctx: DocContext, sent: Sentence, end: int) -> str | None:
    """The source an 'as X reports' clause names for the number ending at `end` (sentence
    offsets): the person, body or state mentioned in X ('the Chinese side', 'Beijing' are
    China); None without such a clause."""
    m = _AS_SAYS.match(sent.text, end)
    if m is None:
        return None
    start = sent.start + m.start("who")
    found = ctx.mentions_in(start, sent.start + m.end("who"))
    named = [x for x in found if x.type in (*_SPEAKER_TYPES, "state")]
    if named:
        return named[0].actor
    states = countries_in_text(m.group("who"))
    return state_name(states[0].iso) if states else None
