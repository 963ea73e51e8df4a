"""Parse the numeric expressions of a sentence: value, range, unit, rate and qualifier.

`find_quantities(text)` returns one `Quantity` per number that could quantify something:
money ("$245 billion", "1.6 trn RMB", "3.5 billion rubles"), physical amounts ("246 billion
cubic meters", "38 bcm", "213 million tons"), percentages ("80-85%"), durations ("10
minutes"), counts ("117 direct agreements", "Eight thousand tourists", "two dozen"),
multiplicative changes ("doubled", "2.5-fold") and fractions ("half", "by a third").
It skips what GOLD.md says is not a figure: years and dates (pass their spans in `exclude`),
ordinals, ages and spans of years, times of day, numbers inside names ("VVER-1200", "G20",
"5G", "Power of Siberia-2"), compound modifiers ("12-point plan", "five-year") and the pair
itself ("the two countries"): those judgements live in `numbers_skipped`. Values are in base
units; units follow GOLD.md. Word tables live in `data/units.yaml` and `data/qualifiers.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from bilat.extract.figures_data import load_data
from bilat.extract.figures_numwords import (
    WordHit,
    fraction_hits,
    multiplier_hits,
    qualifier_before,
    word_value,
)
from bilat.extract.numbers_rates import past_rate, rate_after, rate_before
from bilat.extract.numbers_skipped import TIME_UNITS, acceptable, is_name, time_span
from bilat.extract.wordre import alternation, mostly_cyrillic

__all__ = ["Quantity", "find_quantities", "other_currency_re", "qualifier_before"]


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int  # offsets into the text passed to find_quantities
    end: int
    text: str
    value: float
    value_max: float | None
    unit: str  # USD CNY RUB EUR t m3 m2 km percent minute hour day count
    per: str | None  # year | month | day
    qualifier: str  # exact | approx | at_least | at_most
    hint: str | None  # multiplier | fraction | by_fraction | None


@dataclass(slots=True)
class Parse:
    """Mutable state while one number is read left to right."""

    start: int
    end: int
    value: float
    value_max: float | None = None
    unit: str | None = None
    scaled: bool = False
    currency: bool = False
    words: bool = False
    per: str | None = None  # a unit that is a rate itself: "bpd"
    odd: bool = False  # "240 с лишним миллиардов": more than the number says


def find_quantities(text: str, *, exclude: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """All quantities in `text`, in text order; spans overlapping `exclude` are skipped."""
    return list(_quantities_cached(text, tuple(exclude)))


@lru_cache(maxsize=8192)
def _quantities_cached(text: str, exclude: tuple[tuple[int, int], ...]) -> tuple[Quantity, ...]:
    """Figures and commitments read the same sentences: parse each once."""
    return tuple(_in_minutes(q) for q in _find_quantities(text, exclude))


def _in_minutes(q: Quantity) -> Quantity:
    """'полтора часа', '1.5 hours': a part of an hour is told in minutes, as 'an hour and 25
    minutes' is (GOLD.md v1.1: 85 minutes)."""
    if q.unit != "hour" or float(q.value).is_integer() or q.value_max is not None:
        return q
    return replace(q, value=round(q.value * 60, 6), unit="minute")


def _find_quantities(text: str, exclude: Sequence[tuple[int, int]]) -> list[Quantity]:
    if mostly_cyrillic(text):
        original, text = text, _russian_numerals(text)
        return [replace(q, text=original[q.start : q.end]) for q in _find_in(text, exclude)]
    return _find_in(text, exclude)


_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_THOUSANDS_SPACE = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")


def _russian_numerals(text: str) -> str:
    """Russian digits in the English notation, same length: '153,938' -> '153.938',
    '1 000 000' -> '1,000,000' (offsets into the text are kept)."""
    return _THOUSANDS_SPACE.sub(",", _DECIMAL_COMMA.sub(".", text))


_YEAR_SPAN = re.compile(r"(?<![\d,.])(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d(?![\d,.]?\d|\s*%)")


def _find_in(text: str, exclude: Sequence[tuple[int, int]]) -> list[Quantity]:
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = list(exclude)
    taken += [m.span() for m in _YEAR_SPAN.finditer(text)]  # "на 2026–2030 годы": years
    for d in _durations(text):
        if not _overlaps(d.start, d.end, taken):
            found.append(d)
            taken.append((d.start, d.end))
    for hit in fraction_hits(text):  # before the numbers: "две трети" is no count of 2
        if not _overlaps(hit.start, hit.end, taken):
            found.append(_from_hit(text, hit))
            taken.append((hit.start, hit.end))
    for m in _core_re().finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        q = _read(text, m)
        if q is not None:
            found.append(q)
            taken.append((q.start, q.end))
    for hit in multiplier_hits(text):
        if not _overlaps(hit.start, hit.end, taken):
            found.append(_from_hit(text, hit))
            taken.append((hit.start, hit.end))
    return _rates_compared(text, _without_conversions(text, sorted(found, key=lambda q: q.start)))


# "to 44 bcm a year from 38 bcm", "12 bcm a year, up from 10 bcm": the level compared with
_COMPARED_FROM = re.compile(r"\s*,?\s+(?:up\s+|down\s+)?from\s+(?:about\s+|around\s+|some\s+)?$")


def _rates_compared(text: str, found: list[Quantity]) -> list[Quantity]:
    """A level told 'from' right after a rate of its unit is a rate of the same period (GOLD:
    the 38 bcm of 'to 44 bcm a year from 38 bcm' is 38 bcm a year)."""
    out = list(found)
    for i in range(1, len(out)):
        q, before = out[i], out[i - 1]
        if (
            q.per is None
            and before.per is not None
            and before.unit == q.unit
            and q.unit != "percent"
            and _COMPARED_FROM.fullmatch(past_rate(text[before.end : q.start]))
        ):
            out[i] = replace(q, per=before.per)
    return out


@cache
def _duration_re() -> re.Pattern[str]:
    nw = alternation(_map("number_words"), ignore_case=True)
    n = rf"(?:\d+|(?:{nw})(?:-(?:{nw}))?)"
    return re.compile(
        rf"\b(?P<h>{n}|an?|one)\s+hours?(?:,?\s+and|,)?\s+(?P<m>{n})\s+minutes?\b", re.I
    )


@cache
def _and_a_half_re() -> re.Pattern[str]:
    nw = alternation(_map("number_words"), ignore_case=True)
    return re.compile(
        rf"\b(?P<n>\d+|(?:{nw})(?:-(?:{nw}))?)\s+(?:and\s+a\s+half|с\s+половиной)\s+"
        r"(?P<unit>hours?|days?|час(?:а|ов)?|д(?:ня|ней)|суток)(?![\w-])",
        re.I,
    )


def _durations(text: str) -> list[Quantity]:
    """'one hour and twenty-five minutes' is 85 minutes (GOLD.md v1.1), not 25; 'two and a
    half hours', 'двух с половиной часов' is 150 minutes (`_in_minutes`), not a count of two
    and a half of something; 'три с половиной дня' is 3.5 days."""
    out = []
    for m in _duration_re().finditer(text):
        hours, minutes = (_number(m[g]) for g in ("h", "m"))
        qual = qualifier_before(text, m.start()) or "exact"
        value = hours * 60 + minutes
        out.append(
            Quantity(m.start(), m.end(), m.group(0), value, None, "minute", None, qual, None)
        )
    for m in _and_a_half_re().finditer(text):
        unit = "hour" if m["unit"].lower().startswith(("hour", "час")) else "day"
        qual = qualifier_before(text, m.start()) or "exact"
        value = _number(m["n"]) + 0.5
        out.append(Quantity(m.start(), m.end(), m.group(0), value, None, unit, None, qual, None))
    return out


def _number(word: str) -> float:
    return float(word) if word.isdigit() else word_value(word)


def _without_conversions(text: str, found: list[Quantity]) -> list[Quantity]:
    """'17,000 square kilometers (6,600 square miles)': the bracketed equivalent restates the
    number before it in another unit system; it is not a second figure."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.unit == q.unit
            and re.fullmatch(
                r"\s*\(\s*(?:about|some|around|approximately|~)?\s*", text[prev.end : q.start]
            )
            and abs(q.value - prev.value) <= 0.02 * abs(prev.value)
        ):
            continue
        out.append(q)
    return out


def _from_hit(text: str, hit: WordHit) -> Quantity:
    return Quantity(
        hit.start,
        hit.end,
        text[hit.start : hit.end],
        hit.value,
        None,
        "percent",
        None,
        hit.qualifier,
        hit.hint,
    )


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


# ---------------------------------------------------------------------------- tables


def _units() -> dict[str, Any]:
    return load_data("units.yaml")


def _map(key: str) -> dict[str, Any]:
    value = _units()[key]
    assert isinstance(value, dict)
    return value


@cache
def _core_re() -> re.Pattern[str]:
    nw = alternation([*_map("number_words"), "hundred"], ignore_case=True)
    digits = (
        # (a currency code glued to the number counts as a space: "RMB1,384.6 million",
        # "USD1.2bn", "RM12.5 billion")
        r"(?:(?<![\w.,:])|(?<=\b(?:RMB|Rmb|USD|CNY|EUR|RUB|INR|PKR|MYR|IDR))|(?<=\bR[Ms]))"
        # ("5,00,000 bpd": the Indian grouping of lakhs, as PTI and ANI write it)
        r"(?:\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?![\d,])"
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?=\s*(?:trillion|billion|"
        r"million|trn|bn|mln|thousand|%))|\d+(?:\.\d+)?)"
    )
    # ("half a million": 500,000)
    words = r"\b(?:(?:half\s+an?|a|an|one)"
    words += r"(?=\s+(?:hundred|thousand|dozen|million|billion|trillion)\b)"
    words += rf"|(?:{nw})(?:(?:-|\s+)(?:{nw}))*)\b"
    return re.compile(rf"(?P<d>{digits})|(?P<w>{words})", re.I)


@cache
def _scale_re() -> re.Pattern[str]:
    return re.compile(
        # "$11.9-billion", "R214.6-billion": the scale joined by a hyphen (South African and
        # Canadian press)
        rf"(?:\s*|-)(?P<s>{alternation(_map('scales'), ignore_case=True)})(?![A-Za-zА-Яа-яЁё])",
        re.I,
    )


@cache
def _unit_re() -> re.Pattern[str]:
    return re.compile(
        rf"\s*(?P<u>{alternation(_map('unit_suffix'), ignore_case=True)})(?![A-Za-zА-Яа-яЁё²³])",
        re.I,
    )


@cache
def _compound_re() -> re.Pattern[str]:
    units = alternation(_map("compound_units"), ignore_case=True)
    return re.compile(rf"\s*(?P<u>{units})(?!\w)", re.I)  # (?!\w): also after "барр."


@cache
def _currency_re() -> re.Pattern[str]:
    return re.compile(rf"(?P<c>{alternation(_map('currency_prefix'))})\s?$")


@cache
def _currency_prefix_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(_map('currency_prefix'))})\s?")


@cache
def _other_prefix_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z])(?:{alternation(_map('other_currency_prefix'))})\s?$")


@cache
def other_currency_re() -> re.Pattern[str]:
    """The name or code of a currency outside GOLD.md's unit set ('lira', 'Saudi riyals',
    'тенге', 'TL'): names in any case, codes in capitals."""
    names = [w for w in _map("other_currency_suffix") if not w.isupper()]
    codes = [w for w in _map("other_currency_suffix") if w.isupper()]
    return re.compile(
        rf"(?:{alternation(names, ignore_case=True)}|(?-i:{alternation(codes)}))"
        r"(?![A-Za-zА-Яа-яЁё])",
        re.I,
    )


_SPACE = re.compile(r"\s*")
_NATION = re.compile(r"\s*(?:[A-Z][a-z]+|UAE|US)\s+")  # "Saudi riyals", "Kazakh tenge"


def _other_currency(text: str, m: re.Match[str], p: Parse) -> bool:
    """A sum in a currency outside the unit set: '₹3.9 lakh crore', 'RM12.5 billion',
    'HK$5 billion', '1.2 trillion lira', '5 billion Kazakh tenge', '300 млрд тенге'."""
    if p.unit is not None and not (p.unit == "USD" and p.currency):
        return False  # a unit of the set, or "$" that may be "HK$"
    if _other_prefix_re().search(text[max(0, m.start() - 4) : m.start()]):
        return True
    if p.unit is not None:
        return False
    nation = _NATION.match(text, p.end)
    at = nation.end() if nation else _SPACE.match(text, p.end).end()  # type: ignore[union-attr]
    named = other_currency_re().match(text, at)
    # "won" is the currency after a scale word ("2.4 trillion won"), else the verb
    return named is not None and (p.scaled or named[0].lower() != "won")


# ---------------------------------------------------------------------------- reading


def _read(text: str, m: re.Match[str]) -> Quantity | None:
    p = _start(text, m)
    if p is None or is_name(text, m, p):
        return None
    _range(text, p, m)
    _scale(text, p)
    _unit(text, p)
    _between(text, p)
    _from_to(text, p)
    if (
        p.unit is None
        and p.scaled
        and not p.words
        and _NO_NOUN_AFTER.match(text, p.end)
        and _WORD_BEFORE.search(text, max(0, p.start - 24), p.start)  # (not "HUF 3.9 trillion")
    ):
        p.unit = _money_told_before(text, p.start)  # "to $115.5 billion, while imports
        p.currency = p.unit is not None  # rose to about 129.3 billion": the same currency
    if _other_currency(text, m, p) or not acceptable(text, p, m):
        return None
    unit = p.unit or "count"
    if unit in TIME_UNITS and time_span(text, p):
        return None
    per = (
        None
        if unit == "percent"
        else p.per or rate_after(text, p.end) or rate_before(text, p, unit)
    )
    qual = (
        qualifier_before(text, p.start)
        or _qualifier_after(text, p.end)
        or ("at_least" if p.odd else "exact")
    )
    value_max = None if p.value_max is None else _exact(p.value_max)
    return Quantity(
        p.start, p.end, text[p.start : p.end], _exact(p.value), value_max, unit, per, qual, None
    )


# a scaled number that names no unit of its own (nothing counted follows it) ...
_NO_NOUN_AFTER = re.compile(
    r"\s*(?:[,.;:)]|$|(?:in|last|this|a\s+year|from|to|for|on|over|against|while|and|but|"
    r"according|year[- ]on[- ]year)\b)",
    re.I,
)
# (a level a verb of amount leads to: "rose to about 129.3 billion", "fell 14.5 percent to
# just 14.25 billion"; not "the population is 146 million")
_WORD_BEFORE = re.compile(
    r"(?:^|\s)(?:to|at|reached|totall?ed|amounted\s+to|stood\s+at|worth|of|from)\s+"
    r"(?:(?:about|around|some|nearly|almost|roughly|just|only|over|more\s+than|less\s+than)\s+)?$"
)
# ... after a sum told in a currency of the set, earlier in the sentence
_MONEY_BEFORE = re.compile(
    r"(?:(?P<sign>US\$|\$|€|₽)\s?\d[\d.,]*|\d[\d.,]*\s*(?:billion|million|trillion|bn|mln)\s+"
    r"(?:US\s+|U\.S\.\s+)?(?P<word>dollars|euros|yuan|rubles|roubles)\b)",
    re.I,
)
_SIGNS = {"us$": "USD", "$": "USD", "€": "EUR", "₽": "RUB"}
_WORDS = {"dollars": "USD", "euros": "EUR", "yuan": "CNY", "rubles": "RUB", "roubles": "RUB"}


def _money_told_before(text: str, start: int) -> str | None:
    """The currency of the last sum told before `start` in the sentence, if any."""
    sums = list(_MONEY_BEFORE.finditer(text, 0, start))
    if not sums:
        return None
    last = sums[-1]
    if last["sign"]:
        return _SIGNS[last["sign"].lower()]
    return _WORDS[last["word"].lower()]


def _exact(value: float) -> float:
    """The decimal value the text wrote: 136.2 billion is 136200000000, not ...99998."""
    return float(f"{value:.12g}")


def _start(text: str, m: re.Match[str]) -> Parse | None:
    if m["d"]:
        value = float(
            m["d"].replace(",", "") if re.search(r",\d{3}", m["d"]) else m["d"].replace(",", ".")
        )
        p = Parse(m.start(), m.end(), value)
    else:
        p = Parse(m.start(), m.end(), word_value(m["w"]), words=True)
    cur = _currency_re().search(text[max(0, p.start - 4) : p.start])
    if cur:
        p.unit = str(_map("currency_prefix")[cur["c"]])
        p.currency = True
        p.start -= len(cur.group(0))
    return p


def _range(text: str, p: Parse, m: re.Match[str]) -> None:
    before = text[max(0, p.start - 12) : p.start].lower()
    joiner = r"\s*(?:[-–—]|to)\s*" if not re.search(r"\bfrom\s*\W?$", before) else r"\s*[-–—]\s*"
    if re.search(r"\bbetween\s*\W?$", before):
        joiner = r"\s+and\s+"
    elif re.search(r"(?<![а-яё])от\s*$", before):
        joiner = r"\s*(?:[-–—]|до)\s*"  # "в диапазоне от 7 до 9%": a range (not "с 38 до 44")
    # "230,000-250,000 b/d": the second end in thousands as well
    nxt = re.match(
        rf"{joiner}(?:[$€¥₽]\s?)?(\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d|,\d)",
        text[p.end :],
        re.I,
    )
    if nxt and float(nxt.group(1).replace(",", "")) > p.value:
        p.value_max = float(nxt.group(1).replace(",", ""))
        p.end += nxt.end()


_AND_NUMBER = re.compile(r"\s+and\s+")


def _between(text: str, p: Parse) -> None:
    """'between $220 billion and $225 billion', 'between 20% and 30%': one range, the second
    end read with its own scale and unit, which must be the first's."""
    if p.value_max is not None or not re.search(
        r"\bbetween\s*$", text[max(0, p.start - 12) : p.start], re.I
    ):
        return
    joined = _AND_NUMBER.match(text, p.end)
    second = _second_end(text, joined.end()) if joined else None  # "and $225 billion"
    if second is None:
        return
    q, _read = second
    if p.unit is None and p.scaled and q.unit in ("t", "m3", "km") and not q.currency:
        p.unit = q.unit  # "between 3 million and 4 million tonnes"
    if q.unit == p.unit and q.value > p.value:
        p.value_max, p.end = q.value, q.end


def _second_end(text: str, at: int) -> tuple[Parse, float] | None:
    """The number a range's second end starts at `at` with, read with its own scale and unit
    (a currency sign before it too), and the value as written."""
    cur = _currency_prefix_re().match(text, at)
    nxt = _core_re().match(text, cur.end() if cur else at)
    if nxt is None or not nxt["d"]:
        return None
    q = _start(text, nxt)
    if q is None:
        return None
    read = q.value
    _scale(text, q)
    _unit(text, q)
    return q, read


_FROM_BEFORE = re.compile(r"(?:\bfrom|(?<![а-яё])(?:от|с|со))\s+(?:about\s+|около\s+)?$", re.I)
_TO_AFTER = re.compile(r"\s*(?:to|до)\s+")
# a word that moves a level: "rose from 20 to 30%" is two levels, "reject from 20 to 30% of
# transfers" one range
_CHANGE_WORD = re.compile(
    r"\b(?:rais|rise|rose|risen|ris|grow|grew|increas|decreas|declin|fell|fall|drop|cut|"
    r"reduc|extend|expand|boost|lift|lower|climb|jump|surg|slid|slump|shr[iu]nk|widen|narrow|"
    r"doubl|halv|chang|mov|went|going|upgrad|revis|adjust|push|bring|brought|switch|shift|"
    r"soar|plung|recover|improv|up|down|вырос|выросл|рост|увелич|сниз|сниж|сократ|сокращ|упал|"
    r"повыс|повыш|расшир|продл|подня|уменьш|нараст|довест|довед|измен|возрос|подскоч)",
    re.I,
)


def _from_to(text: str, p: Parse) -> None:
    """'from 20 to 30%', 'с 190 до 240 млрд долларов': a bare first end is read in the second
    end's scale and unit; with no word of change before it ('reject from 20 to 30% of
    transfers', 'discounts ranged from $10 to $12') the two ends are one range."""
    if p.value_max is not None or p.words:
        return
    if not _FROM_BEFORE.search(text, max(0, p.start - 14), p.start):
        return
    joined = _TO_AFTER.match(text, p.end)
    second = _second_end(text, joined.end()) if joined else None
    if second is None:
        return
    q, read = second
    if p.unit is None and not p.scaled and not p.currency:
        if q.unit is None and not q.scaled:
            return
        factor = q.value / read if read else 1.0
        p.value, p.unit, p.per = p.value * factor, q.unit, q.per
        p.scaled, p.currency = q.scaled, q.currency
    elif p.unit is None and p.scaled and q.unit in ("t", "m3", "km") and not q.currency:
        p.unit = q.unit  # "from 20 million to 30 million tonnes"
    if p.unit != q.unit or q.value <= p.value:
        return
    clause = re.split(r"[.;:!?]\s|\n", text[max(0, p.start - 160) : p.start])[-1]
    if not _CHANGE_WORD.search(clause):
        p.value_max, p.end = q.value, q.end


# Chinese 亿 and 万 translated word for word: "1783.6 100 million yuan", "36.5 10,000 tons"
_CN_SCALE = re.compile(r"\s+(100 million|10,000|10 thousand)\s+(?=[A-Za-z])")
_CN_SCALES = {"100 million": 1e8, "10,000": 1e4, "10 thousand": 1e4}


def _scale(text: str, p: Parse) -> None:
    cn = _CN_SCALE.match(text, p.end)
    number = text[p.start : p.end]
    if (
        cn
        and not p.words
        and re.fullmatch(r"\d{1,4}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?", number)
        and not (re.fullmatch(r"(?:19|20)\d\d", number))
    ):
        factor = _CN_SCALES[cn.group(1)]
        p.value *= factor
        p.value_max = p.value_max * factor if p.value_max is not None else None
        p.end, p.scaled = cn.end(1), True
        return
    odd = _ODD.match(text, p.end)
    if odd and _scale_re().match(text, odd.end()):
        p.end, p.odd = odd.end(), True  # "в 240 с лишним миллиардов долларов"
    for _ in range(2):
        s = _scale_re().match(text, p.end)
        if s is None:
            return
        word = s["s"].lower()
        if word in _units()["digit_only_scales"] and (
            s.start("s") != p.end or not (p.currency or _physical_after(text, s.end()))
        ):
            return
        factor = float(_map("scales")[word])
        p.value *= factor
        p.value_max = p.value_max * factor if p.value_max is not None else None
        p.end, p.scaled = s.end(), True


_ODD = re.compile(r"\s+с\s+лишним(?=\s)", re.I)


def _physical_after(text: str, end: int) -> bool:
    """A physical unit right after a scale letter: '1.52m b/d', '3.4bn cubic metres'."""
    c = _compound_re().match(text, end)
    u = _unit_re().match(text, end)
    return c is not None or (u is not None and _map("unit_suffix")[u["u"].lower()] in ("t", "m3"))


def _unit(text: str, p: Parse) -> None:
    c = _compound_re().match(text, p.end)
    if c is not None:
        unit_factor: list[Any] = _map("compound_units")[c["u"].lower()]
        factor = float(unit_factor[1])
        if c["u"].lower() == "mt" and (p.scaled or p.value >= 1000):
            factor = 1.0  # "8.47 million mt", "282,000 MT": metric tons (alone, a small number,
            # "50 mt" is million tonnes: not thousands of millions)
        _apply(p, str(unit_factor[0]), factor, c.end())
        p.per = str(unit_factor[2]) if len(unit_factor) > 2 else None
        return
    length = _HYPHEN_LENGTH.match(text, p.end)
    if length is not None and not p.currency:  # "the 162-km line": a length all the same
        _apply(p, "km", 1.0, length.end())
        return
    u = _unit_re().match(text, p.end)
    if u is None and p.scaled and not p.currency:
        scaled = re.match(r"\s*([a-z]+)\b", text[p.end :], re.I)
        table = _map("scaled_unit_suffix")
        if scaled and scaled.group(1).lower() in table:
            _apply(p, str(table[scaled.group(1).lower()]), 1.0, p.end + scaled.end())
        return
    if u is None or (u["u"] == "t" and not p.scaled) or (u["u"].lower() == "tu" and u["u"] != "tU"):
        return  # tonnes of uranium are written "tU": "two Tu-95MS" are aircraft
    if p.currency and u["u"].lower() not in ("%",):
        # "$5 billion dollars" is rare; a currency prefix already fixed the unit
        if str(_map("unit_suffix")[u["u"].lower()]) in ("USD", "CNY", "RUB", "EUR"):
            p.end = u.end()
        return
    _apply(p, str(_map("unit_suffix")[u["u"].lower()]), 1.0, u.end())
    _percent_range(text, p)


_HYPHEN_LENGTH = re.compile(r"[-–](?:km|kilomet(?:re|er)s?)\b(?![-–])", re.I)


def _apply(p: Parse, unit: str, factor: float, end: int) -> None:
    p.unit, p.end = unit, end
    p.value *= factor
    p.value_max = p.value_max * factor if p.value_max is not None else None


def _percent_range(text: str, p: Parse) -> None:
    """'80%-85%': a second percentage joined to the first by a dash (by "to" after of/by)."""
    if p.unit != "percent" or p.value_max is not None:
        return
    # "commissions of 3% to 5%", "raised by 70% to 85%" (not "from 5% to 10%": two levels)
    of_by = re.search(r"\b(?:of|by)\s+(?:about\s+|some\s+|roughly\s+)?$", text[: p.start], re.I)
    joiner = r"(?:[-–—]|to)" if of_by else r"[-–—]"
    nxt = re.match(rf"\s*{joiner}\s*(\d+(?:\.\d+)?)\s*%", text[p.end :])
    if nxt and float(nxt.group(1)) > p.value:
        p.value_max, p.end = float(nxt.group(1)), p.end + nxt.end()


def _qualifier_after(text: str, end: int) -> str | None:
    tail = text[end : end + 12].lower()
    table = load_data("qualifiers.yaml")["qualifier_suffix"]
    for qual, words in table.items():
        for w in words:
            if re.match(rf"\s*{re.escape(w)}(?!\w)", tail):
                return str(qual)
    return None
