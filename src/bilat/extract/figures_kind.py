"""A figure's kind and sign: whether a number is an amount, a change or a share, and which
way a change went ('fell 9.5%', 'a decrease of 7.1%', '6.2% more', 'fell to 17% from 25%':
levels, not changes), from the direction words of data/qualifiers.yaml around it.

requires: the sentence text and the `Quantity` found in it
assigns : nothing; (kind, signed value) for `figures`
"""

from __future__ import annotations

import re

from bilat.extract.figures_data import has_phrase, phrases
from bilat.extract.numbers import Quantity
from bilat.extract.numbers_rates import is_rate_level

__all__ = ["figure_kind"]


def _words(key: str) -> tuple[str, ...]:
    return phrases("qualifiers.yaml", key)


def _direction(text: str) -> int:
    """+1 / -1 for the last direction word in `text`, 0 when there is none."""
    best, where = 0, -1
    for sign, key in ((1, "change_up"), (-1, "change_down")):
        for w in _words(key):
            for m in re.finditer(rf"\b{re.escape(w)}\b", text, re.I):
                if m.start() > where and not _THAN.match(text, m.end()):
                    best, where = sign, m.start()
    return best


_THAN = re.compile(r"\s+than\b", re.I)  # "edged up by less than 2%": a bound, not a fall


def _after_direction(text: str, end: int) -> int:
    """Direction right after a percentage: '6.2% more', '1.8% and 6.2% higher', '5% decline'."""
    m = re.match(r"\s*(?:(?:and|,)\s*[\d.]+\s*%\s*)*((?:[\w-]+\s*){0,2})", text[end:])
    for word in (m.group(1).split() if m else [])[:2]:
        if word.lower() in ("of", "in", "to", "for", "on", "at"):
            return 0
        if direction := _direction(word) or _after_only(word):
            return direction
    return 0


def _after_only(word: str) -> int:
    low = word.lower()
    return (
        1 if low in _words("change_up_after") else -1 if low in _words("change_down_after") else 0
    )


def figure_kind(text: str, q: Quantity) -> tuple[str, float]:
    """(kind, signed value) of a quantity inside sentence `text`."""
    if q.unit != "percent" or is_rate_level(text, q):
        return "amount", q.value
    if q.hint == "multiplier":
        return "change", q.value
    before = text[max(0, q.start - 160) : q.start]
    sign = _SIGN.search(before)
    if sign and q.hint is None:  # "+12% y/y", "(−11,3%)", a table's "2025 228.1 -6.9%"
        return "change", _signed(q.value, 1 if sign[1] == "+" else -1)
    if _YEAR_ON_YEAR.match(text, q.end) and q.hint is None:
        return "change", _signed(q.value, _direction(before[-60:]) or 1)
    if _SHARE_AFTER.match(text, q.end) and q.hint is None:
        return "share", q.value  # "down 9%, and a 13.1% share of the market": a level
    if q.hint == "fraction":  # "a quarter of exports"; "a third higher": a change
        after = _after_direction(text, q.end)
        return ("change", _signed(q.value, after)) if after else ("share", q.value)
    if re.search(r"\b(?:by|на)\s+(?:\w+\s+)?$", before, re.I) or q.hint == "by_fraction":
        return "change", _signed(q.value, _direction(before) or _after_direction(text, q.end))
    after = _after_direction(text, q.end)
    if after:
        return "change", _signed(q.value, after)
    noun = _CHANGE_OF.search(before)  # "or 69% of the total, a decrease of 7.1%": the change
    if noun and (_direction(noun.group(1)) or noun.group(1).lower() in ("growth", "change")):
        return "change", _signed(q.value, _direction(noun.group(1)) or 1)
    if _TO_OR_FROM.search(before):
        return "share", q.value  # "fell to 17% from 25% a year earlier": the levels moved
    verb = _VERB_RIGHT_BEFORE.search(before)
    if (
        verb
        and _direction(verb.group(0))
        and not re.match(r"\s*of\b", text[q.end :])  # "made up about 45% of that": a share
        and not _MADE_UP.search(before)
    ):  # "accounted for most of the decline, falling 9.5%"
        return "change", _signed(q.value, _direction(verb.group(0)))
    if re.match(r"\s*of\b", text[q.end :]) or _has(before[-80:], "share_cues"):
        return "share", q.value
    direction = _direction(before)
    if direction or _has(before, "change_cues"):
        return "change", _signed(q.value, direction or 1)
    return "share", q.value


# a sign written right before the number: a change told as a signed figure (a minus sign,
# a hyphen or a dash used as one; not "5-10%", "2023-24%": the sign starts a word)
_SIGN = re.compile(r"(?:^|[\s(\[,;:])([+\u2212\u2013-])$")
# a change stated against the year before right after it: "12% year on year", "4,1% г/г"
_YEAR_ON_YEAR = re.compile(
    r"\s*(?:y/y|yoy|y-o-y|year[- ]on[- ]year|year[- ]over[- ]year|г/г|в\s+годовом\s+выражении)",
    re.I,
)


# a share named right after the percentage: "a 19.8% share of total imports", "its 13.1% market
# share", "a 20% stake"
_SHARE_AFTER = re.compile(r"\s*(?:market\s+)?(?:share|stake)\b", re.I)


# the word right before a percentage, a verb of direction ("falling 9.5%", "up 12%")
_VERB_RIGHT_BEFORE = re.compile(
    r"\b[a-zа-яё]+\s+(?:(?:about|around|nearly|almost|some|roughly|over|just|only|more\s+than|"
    r"less\s+than|почти|около|более\s+чем)\s+)?$",
    re.I,
)
# a change told as a noun right before the percentage: "a decrease of 7.1%", "growth of 5%"
_CHANGE_OF = re.compile(
    r"\b([a-z]+)\s+of\s+(?:(?:about|around|nearly|almost|some|roughly|over|just|only|"
    r"more\s+than|less\s+than)\s+)?$",
    re.I,
)
_MADE_UP = re.compile(r"\b(?:make|makes|made|making)\s+up\s+(?:\w+\s+)?$", re.I)
_TO_OR_FROM = re.compile(
    # "from a peak of almost 40%", "to a low of 12%": the levels moved
    r"\b(?:to|from)\s+(?:an?\s+(?:(?:record|all-time|historic)\s+)?(?:peak|high|low|level)\s+of\s+)?"
    r"(?:(?:about|around|nearly|almost|some|roughly|over|under|just|only|"
    r"more\s+than|less\s+than|a\s+record)\s+)?$"
    # ... in Russian: "доля снизилась с 61% в 2024 году до 55%", "меньше пиковых 4%"
    r"|(?<![а-яё])(?:с|со|до)\s+(?:почти\s+|около\s+|примерно\s+)?$"
    r"|(?<![а-яё])(?:пиков|рекордн|максимальн|минимальн)\w*\s+$",
    re.I,
)


def _has(text: str, key: str) -> bool:
    return has_phrase(text, "qualifiers.yaml", key)


def _signed(value: float, direction: int) -> float:
    return -abs(value) if direction < 0 else abs(value)
