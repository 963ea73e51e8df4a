"""Word-level number helpers: number words, qualifiers, multiplicative changes and fractions.

Used by `bilat.extract.numbers`; tables live in `data/units.yaml` and `data/qualifiers.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilat.extract.figures_data import load_data, phrases
from bilat.extract.wordre import words_re

__all__ = ["WordHit", "fraction_hits", "multiplier_hits", "qualifier_before", "word_value"]


@dataclass(frozen=True, slots=True)
class WordHit:
    """A percentage written in words: a multiplier ("doubled") or a fraction ("half")."""

    start: int
    end: int
    value: float
    qualifier: str
    hint: str  # multiplier | fraction | by_fraction


def word_value(words: str) -> float:
    """'Eight' -> 8, 'twenty-five' -> 25, 'two hundred' -> 200, 'a'/'one' -> 1."""
    table = load_data("units.yaml")["number_words"]
    total = 0.0
    parts = re.split(r"[-\s]+", words.lower())
    if parts[:1] == ["half"]:  # "half a (million)"
        return 0.5
    for w in parts:
        if w == "hundred":
            total = (total or 1) * 100
        elif w in ("a", "an", "one"):
            total += 1
        else:
            total += float(table[w])
    return total


@cache
def _qualifier_table() -> tuple[tuple[str, str], ...]:
    table = load_data("qualifiers.yaml")["qualifiers"]
    pairs = [(str(p).lower(), str(q)) for q, ps in table.items() for p in ps]
    return tuple(sorted(pairs, key=lambda pq: len(pq[0]), reverse=True))


def qualifier_before(text: str, pos: int) -> str | None:
    """The qualifier class of the phrase that ends right before `pos` ("more than", "~")."""
    left = text[max(0, pos - 40) : pos].lower().rstrip()
    left = re.sub(r"(?:us\$|\$|€|¥|₽|rmb|usd)\s*$", "", left).rstrip()
    left = re.sub(r"\b(?:the|a|на)\s*$", "", left).rstrip()  # "почти на четверть"
    for phrase, qual in _qualifier_table():
        if left.endswith(phrase) and _word_start(left, len(left) - len(phrase)):
            if phrase == "up to" and _REVISED_UP.search(left, 0, len(left) - len(phrase)):
                return None  # "revised its November figure up to $19.4 billion": a verb's "up"
            return qual
    return None


# a verb whose particle is the "up" of "up to": "revised (its estimate) up to", "raised ... up to"
_REVISED_UP = re.compile(r"\b(?:revis|rais|mark|bump|ratchet|scal)ed(?:\s+[\w'’-]+){0,4}\s+$")


def _word_start(text: str, idx: int) -> bool:
    return idx <= 0 or not text[idx - 1].isalnum() or not text[idx].isalnum()


@cache
def _multiplier_re() -> re.Pattern[str]:
    return words_re(load_data("units.yaml")["multipliers"])


@cache
def _times_re() -> re.Pattern[str]:
    nums = "|".join(load_data("units.yaml")["number_words"])
    return re.compile(rf"\b(?P<n>\d+(?:\.\d+)?|{nums})(?:\s*-?\s*fold|\s+times|\s+раза?)\b", re.I)


def multiplier_hits(text: str) -> list[WordHit]:
    """'doubled' (100), 'nearly tripled' (200, at_most), 'grew 2.5 times' (150)."""
    table = load_data("units.yaml")["multipliers"]
    hits = [
        WordHit(
            m.start(),
            m.end(),
            _fold(text, m, float(table[m.group(0).lower()])),
            qualifier_before(text, m.start()) or "exact",
            "multiplier",
        )
        for m in _multiplier_re().finditer(text)
    ]
    hits += [h for m in _as_many_re().finditer(text) if (h := _as_many_hit(text, m))]
    taken = [(h.start, h.end) for h in hits]
    return hits + [
        h
        for m in _times_re().finditer(text)
        if not any(a <= m.start() < b for a, b in taken) and (h := _times_hit(text, m))
    ]


_ADVERB_FOLD = re.compile(r"(?:\w+-?fold|вдвое|втрое|вчетверо)$", re.I)
_LESS_AFTER = re.compile(r"\s+(?:меньше|ниже|less|lower|fewer|smaller)\b", re.I)


def _fold(text: str, m: re.Match[str], value: float) -> float:
    """'сократились почти вдвое', 'fell twofold': a fold adverb after a fall is a fall (-50),
    elsewhere the growth the table gives."""
    if value <= 0 or not _ADVERB_FOLD.match(m.group(0)):
        return value
    less = _LESS_AFTER.match(text, m.end())  # "почти вдвое меньше, чем годом ранее": half
    if not less and _change_verb(text[max(0, m.start() - 100) : m.start()]) >= 0:
        return value
    return round((1 / (1 + value / 100) - 1) * 100, 6)


@cache
def _as_many_re() -> re.Pattern[str]:
    nums = "|".join(load_data("units.yaml")["number_words"])
    return re.compile(
        rf"\b(?P<n>twice|thrice|half|(?:\d+(?:\.\d+)?|{nums})\s+times)\s+as\s+"
        r"(?:many|much|high|large|big|great|long|fast)\b(?=[^.;]{0,60}?\bas\b)",
        re.I,
    )


def _as_many_hit(text: str, m: re.Match[str]) -> WordHit | None:
    """'almost twice as many as a year earlier' (100, at_most), 'half as much as' (-50),
    'three times as high as' (200): a fold change against what follows 'as'."""
    n = m["n"].lower()
    factor = {"twice": 2.0, "thrice": 3.0, "half": 0.5}.get(n)
    if factor is None:
        word = n.split()[0]
        factor = float(word) if word[0].isdigit() else word_value(word)
    if factor <= 0 or factor == 1:
        return None
    qual = qualifier_before(text, m.start()) or "exact"
    return WordHit(m.start(), m.end(), round((factor - 1) * 100, 6), qual, "multiplier")


_THE_LEVEL_OF = re.compile(
    r"\s+(?:the\s+)?(?:level|volume|value|amount|size|figure)\s+(?:of|in|seen|recorded)\b|"
    r"\s+that\s+of\b"
    # Chinese 是去年同期的1.3倍 translated word for word: "1.3 times of the same period last year"
    r"|\s+(?:of\s+)?(?:the\s+|its\s+)?(?:same|corresponding)\s+period\b"
    # "2.3 times the figure a year earlier", "1.5 times the 2023 level", "twice last year's
    # total"
    r"|\s+(?:the\s+|its\s+)?(?:(?:19|20)\d\d\s+|previous\s+|prior\s+|last\s+year['’]s\s+)?"
    r"(?:level|volume|value|amount|figure|total)\s+(?:a\s+year\s+(?:earlier|ago|before)"
    r"|(?:a|one)\s+(?:month|quarter)\s+(?:earlier|ago|before)|in\s+(?:19|20)\d\d|last\s+year)\b"
    r"|\s+(?:the\s+|its\s+)?(?:(?:19|20)\d\d|previous|prior|last\s+year['’]s)\s+"
    r"(?:level|volume|value|amount|figure|total)\b",
    re.I,
)


def _times_hit(text: str, m: re.Match[str]) -> WordHit | None:
    """'grew 2.5 times' (150), 'increased by 1.5 times' (50), 'decreased by 2 times' (-50):
    N times is a change next to a growth word, or after 'by' following a change verb."""
    near = text[max(0, m.start() - 40) : m.end() + 20].lower()
    near = re.sub(r"\bmore than\b", " ", near)  # "met more than 40 times": a qualifier, no growth
    growth = phrases("units.yaml", "growth_words")
    by = re.search(
        r"(?:\bby|(?<!\w)в)\s+(?:about\s+|almost\s+|nearly\s+|more than\s+|почти\s+|"
        r"более\s+чем\s+|около\s+)?$",
        text[: m.start()],
        re.I,
    )  # "decreased by 2 times", "сократился в 1,5 раза"
    verb = _change_verb(text[max(0, m.start() - 100) : m.start()]) if by else 0
    level = _THE_LEVEL_OF.match(text, m.end())  # "nearly seven times the level of 2019-20"
    if not (verb or level or any(re.search(rf"\b{re.escape(w)}\b", near) for w in growth)):
        return None
    n = m["n"].lower()
    factor = float(n) if n[0].isdigit() else word_value(n)
    if factor <= 1:
        return None
    qual = qualifier_before(text, m.start()) or "exact"
    value = (1 / factor - 1) * 100 if verb < 0 else (factor - 1) * 100
    return WordHit(m.start(), m.end(), round(value, 6), qual, "multiplier")


_CHANGE_VERB = re.compile(
    r"(?<!\w)(?:(?P<up>increased|grew|rose|expanded|boosted|raised|увеличил\w*|вырос\w*|"
    r"повысил\w*|возрос\w*)|(?P<down>decreased|fell|dropped|declined|reduced|shrank|"
    r"contracted|cut|slipped|сократил\w*|снизил\w*|уменьшил\w*|упал\w*))(?!\w)",
    re.I,
)


def _change_verb(text: str) -> int:
    """+1 / -1 for the last change verb in `text` ('decreased by 2 times'), 0 without one."""
    verbs = list(_CHANGE_VERB.finditer(text))
    if not verbs:
        return 0
    return 1 if verbs[-1]["up"] else -1


@cache
def _fraction_re() -> re.Pattern[str]:
    return words_re(load_data("units.yaml")["fractions"], after=r"\b(?![-\w])")


def fraction_hits(text: str) -> list[WordHit]:
    """'Half of the projects' (50, approx), 'grew by a third' (33.3, by_fraction)."""
    table = {str(k).lower(): float(v) for k, v in load_data("units.yaml")["fractions"].items()}
    hits = []
    for m in _fraction_re().finditer(text):
        if _blocked(text, m) or _as_many_re().match(text, m.start()):
            continue  # "half as much as": a fold change (multiplier_hits)
        before = text[max(0, m.start() - 24) : m.start()].lower()
        by = (
            r"\bby\s+(?:(?:about|around|roughly|almost|nearly|some|over|more than|less than)\s+)?$"
            r"|\bна\s+(?:(?:почти|около|более|менее|примерно)\s+)?$"
        )
        hint = "by_fraction" if re.search(by, before) else "fraction"
        qual = qualifier_before(text, m.start()) or "approx"
        hits.append(WordHit(m.start(), m.end(), table[m.group(0).lower()], qual, hint))
    return hits


# what may follow a fraction that is one: "a third of", "a fifth more", "a third, ..."; an
# ordinal before a noun is none ("a third country", "a third term", "half a million")
_AFTER_FRACTION = re.compile(
    r"\s+(?!(?:of|more|less|fewer|larger|smaller|higher|lower|bigger|from|to|in|on|over|"
    r"since|compared|year|last|this|and|or|as|than|between|versus|vs|while|when|but|after|"
    r"before|amid|because|due|по|в|от|с|до|за|на)\b)"
    r"[a-z]+\b"
)


def _blocked(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 14) : m.start()].lower()
    after = text[m.end() : m.end() + 16].lower()
    by = re.search(r"\bby\s+(?:[a-z]+\s+)?$", before)  # "cut by around a third while ..."
    if m.group(0)[:1].isascii() and not by and _AFTER_FRACTION.match(text, m.end()):
        return True
    for w in phrases("units.yaml", "fraction_blockers"):
        if re.search(rf"\b{re.escape(w)}\s+$", before):
            return True
    return bool(
        re.match(
            r"\s+(?:of\s+)?(?:a|an|the)?\s*(?:year|century|hour|day|month|"
            r"(?:19|20)\d\d|(?:текущего\s+|этого\s+|прошлого\s+)?(?:года|году|год|века|"
            r"месяца|дня|часа))\b",
            after,
        )
    )
