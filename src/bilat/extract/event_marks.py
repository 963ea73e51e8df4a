"""What tells events of one mode apart, and how many a clause reports.

requires: the clause, its event word and mode (bilat.extract.events)
assigns : nothing; events.py puts into each `Found` (bilat.extract.event_merge) its
          `marks_of` (forum body, kind of drill, exercise name, ordinal, talks told before or
          again), `exercise_phase` (an exercise's start or end) and `contacts_told` ("met
          twice")
"""

from __future__ import annotations

import re

from bilat.extract.event_clauses import Clause, lexicon
from bilat.extract.figures_data import load_data

__all__ = ["contacts_told", "exercise_phase", "marks_of"]


_ORDINAL = re.compile(
    r"\b(\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|twentieth|thirtieth|fortieth)\b",
    re.I,
)


_THE_TALKS = re.compile(r"(?:talks|negotiations|consultations)", re.I)
_DEFINITE = re.compile(r"(?:^|[.;]\s*|\s)[Tt]he\s+(?:[A-Z][\w-]+\s+)?$")
# talks of two held beside a body's meeting: their own event
_ASIDE = re.compile(
    r"\b(?:prior\s+to|before|ahead\s+of)\s+the\s+(?:meeting|session|plenary)\b"
    r"|\bin\s+(?:a\s+)?(?:narrow|restricted|one-on-one|tete-a-tete|tête-à-tête)\s+format\b"
    r"|(?<![\w-])перед\s+(?:заседанием|встречей|пленарным)|в\s+узком\s+составе|в\s+формате\s+тет-а-тет"
    # "The same day, X received Y", "В тот же день министр встретился с премьером": one more
    r"|^\W*(?:on\s+)?(?:that|the)\s+same\s+day\b|^\W*в\s+(?:тот|этот)\s+же\s+день",
    re.I,
)
_PRIOR = re.compile(
    r"\b(?:last\s+time|last|previously|the\s+previous|в\s+последний\s+раз|в\s+прошлый\s+раз|"
    r"ранее|предыдущ\w+)\s+(?:\w+\s+){0,2}$",
    re.I,
)


# a clause told as before the report's news: "Ранее, в октябре, Демешин посетил Харбин",
# "Earlier, in October, ..."
_PRIOR_OPENING = re.compile(r"\W*(?:ранее|earlier|previously)\s*,", re.I)
_ALSO = re.compile(r"\b(?:also|также)\b", re.I)
_NEXT = re.compile(r"(?:next|upcoming|forthcoming)\b", re.I)
# what a verb of holding is to hold: "agreed to convene the next session of the commission"
_NEXT_OBJECT = re.compile(
    r"\s+(?:the|its|their)\s+(?:next|upcoming|forthcoming)\b|\s+(?:следующ|очередн)\w*", re.I
)
_NEXT_BEFORE = re.compile(
    r"(?:\b(?:next|upcoming|forthcoming)|(?<![\w-])(?:следующ|очередн|предстоящ)\w*)"
    r"(?:[\s,]+[\w-]+){0,2}\s+$",
    re.I,
)


def marks_of(clause: Clause, mode: str, trig: re.Match[str]) -> frozenset[str]:
    marks = set()
    if mode == "multilateral":
        marks |= {
            "body:" + b.group(0).lower()
            for b in lexicon().bodies.finditer(clause.text)
            if b.group(0).lower() != "forum"
        }
    if mode == "military":
        patrol = re.search(r"patrol|патрул", trig.group(0), re.I)
        marks.add("drill:" + ("patrol" if patrol else "exercise"))
        marks |= {  # "Ocean-2024" and "North-Joint 2024" are two exercises
            "name:" + re.sub(r"[\s-]+", "-", n.group(0).lower())
            for n in lexicon().exercise_names.finditer(clause.text)
        }
    if (
        mode == "meeting"
        and _THE_TALKS.fullmatch(trig.group(0))
        and _DEFINITE.search(clause.text[max(0, trig.start() - 30) : trig.start()])
    ):
        marks.add("the")  # "The Beijing talks were held by ...": talks already told
    if _PRIOR.search(clause.text[max(0, trig.start() - 40) : trig.start()]) or (
        _PRIOR_OPENING.match(clause.text) and trig.start() < 80
    ):
        marks.add("prior")  # "the ministers last met in April": not the talks reported now
    if mode == "meeting" and _ASIDE.search(clause.text):
        marks.add("aside")  # "Prior to the meeting, X and Y held talks in a narrow format"
    if (
        _NEXT.match(trig.group(0))
        or _NEXT_BEFORE.search(clause.text[max(0, trig.start() - 30) : trig.start()])
        or _NEXT_OBJECT.match(clause.text, trig.end())
    ):
        marks.add("next")  # "its next session would take place in the autumn": a later one
    if _ALSO.search(clause.text, 0, trig.start()):
        marks.add("also")  # "He will also take part in the commission's session": another one
    ordinal = _ORDINAL.search(clause.text[max(0, trig.start() - 30) : trig.start()])
    if ordinal and mode in ("meeting", "multilateral"):
        marks.add(f"nth:{_ordinal_value(ordinal.group(1))}")
    return frozenset(marks)


def _ordinal_value(word: str) -> str:
    """'30th' and 'thirtieth' are the same meeting."""
    digits = re.match(r"\d+", word)
    if digits:
        return digits.group(0)
    table = load_data("temporal.yaml")["ordinals"]
    return str(table.get(word.lower(), word.lower()))


def exercise_phase(text: str) -> str:
    """'The exercise began on July 19', '... was completed today': the stage the clause
    dates (its start and its end make one span); '' when it names neither or both."""
    lex = lexicon()
    start, end = lex.exercise_start.search(text), lex.exercise_end.search(text)
    return "start" if start and not end else "end" if end and not start else ""


_TIMES = {"twice": 2, "two times": 2, "three times": 3, "thrice": 3, "дважды": 2,
          "два раза": 2, "трижды": 3, "три раза": 3}  # fmt: skip
_TIMES_RE = re.compile(r"\b(?:" + "|".join(_TIMES) + r")\b", re.I)


def contacts_told(text: str, trig: re.Match[str]) -> int:
    """'met twice this year', 'дважды встречались': how many contacts the clause reports
    (GOLD.md: that many events); 'more than 40 times' is a count figure, not events."""
    near = _TIMES_RE.search(text, max(0, trig.start() - 30), min(len(text), trig.end() + 20))
    return _TIMES[near.group(0).lower()] if near else 1
