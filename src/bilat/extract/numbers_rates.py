"""Rates and rate levels of the numbers `numbers` reads: "per year", "annually", "/day" after
a number, "an annual capacity of 38 bcm" before it, and a tariff or tax rate told as a level
("a 50% tariff"), which GOLD.md records as an amount in percent.

requires: a number's span (and, for `rate_before`, its parse and unit) from `numbers`
assigns : nothing; readings for `numbers` and the figure builders
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from bilat.extract.figures_data import has_phrase, load_data

if TYPE_CHECKING:
    from bilat.extract.numbers import Parse, Quantity  # what this module reads

__all__ = ["is_rate_level", "past_rate", "rate_after", "rate_before"]


@cache
def _per_re() -> re.Pattern[str]:
    per = load_data("units.yaml")["per"]
    alts = [(str(k), str(p)) for k, ps in per.items() for p in ps]
    body = "|".join(_per_alt(f"{k}{i}", p) for i, (k, p) in enumerate(alts))
    return re.compile(body, re.I)


def _per_alt(name: str, phrase: str) -> str:
    """One rate phrase; a one-word one in lower case only ("daily", not "told Daily Sabah")."""
    lead = "" if phrase.startswith("/") else r"\b"
    body = re.escape(phrase)
    if phrase.isalpha() and phrase.islower():
        body = f"(?-i:{body})"
    return rf"(?P<{name}>{lead}{body}\b)"


def rate_before(text: str, p: Parse, unit: str) -> str | None:
    """'yearly supply of 10 bcm', 'an annual capacity of 38 bcm', 'raise annual capacity by 30
    million tons': a physical flow per year;
    'an annual capacity of 150,000 vehicles': an output counted per year."""
    if unit not in ("t", "m3", "count"):
        return None
    before = text[max(0, p.start - 50) : p.start]
    if unit == "count":
        return "year" if _ANNUAL_OUTPUT.search(before) else None
    # ... also what it rises by: "raise the port's annual transport capacity by about
    # 30 million tons"
    pattern = r"\b(?:yearly|annual)\s+(?:[a-z-]+\s+){0,3}(?:of|by)\s+(?:[a-z]+\s+){0,2}$"
    russian = r"\b(?:ежегодн|годов)[а-яё]*\s+(?:[^\s\d]+\s+){0,8}$"  # "ежегодно поставляет ..."
    if re.search(pattern, before, re.I) or re.search(russian, before, re.I):
        return "year"
    clause = re.split(r"[.;:]\s|\d", text[max(0, p.start - 160) : p.start])[-1]
    flow = _RATE_SUBJECT.search(clause)
    return _RATE_WORD[flow["r"].lower()] if flow else None


_ANNUAL_OUTPUT = re.compile(
    r"\b(?:yearly|annual)\s+(?:production\s+|output\s+|design\s+)?(?:capacity|output|production"
    r"|throughput)\s+of\s+(?:up\s+to\s+|about\s+|some\s+)?$",
    re.I,
)
# "daily exports of gas to China ... set a record, reaching 112.4 mcm": the subject's rate
_RATE_SUBJECT = re.compile(
    r"\b(?P<r>daily|monthly)\s+(?:[a-z-]+\s+){0,2}(?:exports?|imports?|"
    r"supplies|supply|deliveries|output|production|shipments?|throughput|flows?|pumping)\b",
    re.I,
)
_RATE_WORD = {"daily": "day", "monthly": "month"}  # keys lower-cased on use


def rate_after(text: str, end: int) -> str | None:
    """'per year', 'annually', '/day' within a few words after `end` (no digit between)."""
    joined = re.match(r"[-–](?:per|a)[-–](year|annum|month|day)\b", text[end : end + 14])
    if joined:  # "a 50 bcm-per-year pipeline"
        return "year" if joined.group(1) == "annum" else joined.group(1)
    window = re.split(r"\d", text[end : end + 60], maxsplit=1)[0]
    for m in _per_re().finditer(window):
        after = window[m.end() : m.end() + 12].lower()
        before = window[max(0, m.start() - 6) : m.start()].lower()
        if re.match(r"\s*(earlier|ago|before|later|after)|-on-|-over-", after) or "than" in before:
            continue
        if "," in window[: m.start()] and re.match(_ADJECTIVE_USE, after):
            continue  # "to $19.6 billion, the first monthly increase since March": of another
            # noun, after a comma
        key = next(str(k) for k, v in m.groupdict().items() if v)
        return re.sub(r"\d+$", "", key)
    return None


def past_rate(gap: str) -> str:
    """`gap`, the text after a rate's number, past its rate phrase and the unit words before
    it ("bcm a year from" -> " from"); `gap` itself when no rate phrase opens it."""
    m = _per_re().search(gap)
    if m is None or not re.fullmatch(r"\s*(?:[^\W\d][\w/]*\s*){0,3}", gap[: m.start()]):
        return gap
    return gap[m.end() :]


# a rate word used as an adjective: "monthly increase", "daily average", "annual growth"
_ADJECTIVE_USE = r"\s+(?!(?:to|from|in|on|at|by|for|and|or|since|until|through)\b)[a-z]{3,}"


_RATE = r"(?:tariffs?|dut(?:y|ies)|tax(?:es)?|levy|rates?)"


_PORTION_OF = re.compile(rf"\s*(?:portion|part)\s+of\s+(?:[\w'’-]+\s+){{0,3}}{_RATE}\b", re.I)
_ADDITIONAL = re.compile(r"\ban?\s+(?:additional|extra|further)\s+$")
# what a rate is set to: "to 30%", "at 10%", "retaining 10%", "fall to about 47%"
_LEVEL_BEFORE = re.compile(
    r"\b(?:to|from|at|of|retaining|leaving|keeping|maintaining)\s+(?:about\s+|around\s+|some\s+"
    r"|nearly\s+|almost\s+|roughly\s+|approximately\s+)?$"
)


def is_rate_level(text: str, q: Quantity) -> bool:
    """A tariff, duty or tax rate stated as a level ('a 50% tariff', 'tariffs are cut to 47
    percent from 57 percent', 'the rate of 13%'): GOLD records it as an amount in percent."""
    if q.unit != "percent" or q.hint is not None:
        return False
    # the rate noun near the number, or opening its clause: "raised the tariff on Canadian
    # goods not covered by the USMCA trade pact to 35% from 25%"
    clause = text[max(0, q.start - 140) : q.start]
    clause = clause[max(clause.rfind(c) for c in ",;:()") + 1 :]
    near = text[max(0, q.start - 60) : q.end + 25]
    after = text[q.end : q.end + 40]
    # the levy named after the number: "a 24% portion of its own tariff"; or named in the
    # sentence, the number being its rate: "the 34% rate announced in April", "with an
    # additional 24% suspended"
    portion = _PORTION_OF.match(after)
    levy = (
        re.match(r"\s*rate\b", after)
        or (
            _ADDITIONAL.search(text, max(0, q.start - 20), q.start)
            and re.match(r"\s*(?:suspended|imposed|levied|paused|on)\b", after)
        )
    ) and has_phrase(text, "qualifiers.yaml", "rate_nouns")
    # ("cut tariffs by 115 percentage points, leaving U.S. duties at 30%": a unit, no share)
    told = re.sub(r"\bpercentage\s+points?\b", "", text[max(0, q.start - 60) : q.start], flags=re.I)
    if not (
        portion
        or levy
        or has_phrase(near, "qualifiers.yaml", "rate_nouns")
        or has_phrase(clause, "qualifiers.yaml", "rate_nouns")
    ) or has_phrase(told, "qualifiers.yaml", "share_cues"):
        return False
    return bool(
        portion
        or levy
        or _LEVEL_BEFORE.search(text, max(0, q.start - 30), q.start)
        or re.match(rf"\s*(?:[a-z]+\s+)?{_RATE}\b", after)
        or re.search(rf"{_RATE}\s+(?:is|are|was|were|stands? at|of)\s+$", text[: q.start])
    )
