"""What a number measures (`measure`, `measure_text`) and which way it flows (`flow`).

Keyword rules live in `data/measures.yaml`; country names in `data/countries.yaml` (used with,
or instead of, the actor stage's state mentions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

from bilat.errors import ConfigError
from bilat.extract.context import DocContext, Sentence
from bilat.extract.figures_data import load_data
from bilat.extract.gazetteer import default_gazetteer
from bilat.extract.gazetteer_ru import russian_names
from bilat.extract.numbers import Quantity, find_quantities, other_currency_re
from bilat.extract.wordre import mostly_cyrillic, words_re

__all__ = [
    "CountryHit",
    "commodity_in",
    "countries_in",
    "countries_in_text",
    "find_flow",
    "find_measure",
    "measure_phrase",
    "state_name",
]


@dataclass(frozen=True, slots=True)
class CountryHit:
    start: int  # offsets into the sentence text
    end: int
    iso: str


# ---------------------------------------------------------------------------- measure


@dataclass(frozen=True, slots=True)
class _Rule:
    measure: str
    tier: int
    units: frozenset[str]
    pattern: re.Pattern[str]


@cache
def _rules() -> tuple[_Rule, ...]:
    rules = []
    for r in load_data("measures.yaml")["rules"]:
        pat = words_re(str(k) for k in r["keywords"])
        rules.append(_Rule(str(r["measure"]), int(r["tier"]), frozenset(r["units"]), pat))
    return tuple(rules)


def _hits(text: str, unit: str, tier: int) -> list[tuple[int, int, str]]:
    """(start, end, measure) for every keyword of the rules of `tier` that allow `unit`."""
    return [
        (s, e, rule.measure)
        for rule, s, e in _keyword_spans(text)
        if rule.tier == tier and unit in rule.units
    ]


@cache
def _not_commodities() -> re.Pattern[str]:
    return words_re(str(k) for k in load_data("measures.yaml")["not_commodities"])


# "ships" as a verb, before what is shipped ("Russia ships 107 million tons of crude oil"):
# no vessels
_SHIPS_VERB = re.compile(
    r"\bships\s+(?=(?:about|around|some|nearly|almost|over|more\s+than|up\s+to)?\s*[$€£¥]?\d)",
    re.I,
)


@lru_cache(maxsize=16)  # one sentence is asked about for each of its numbers
def _keyword_spans(text: str) -> tuple[tuple[_Rule, int, int], ...]:
    masked = [(m.start(), m.end()) for m in _not_commodities().finditer(text)]
    masked += [(m.start(), m.end()) for m in _SHIPS_VERB.finditer(text)]
    return tuple(
        (r, m.start(), m.end())
        for r in _rules()
        for m in r.pattern.finditer(text)
        if not any(s < m.end() and m.start() < e for s, e in masked)
    )


def _nearest(
    text: str, hits: list[tuple[int, int, str]], start: int, end: int
) -> tuple[int, str] | None:
    """The closest keyword; one after the number counts double unless it follows at once
    ("tons of oil"), since the subject usually precedes the number."""
    best: tuple[int, int, str] | None = None
    for s, e, measure in hits:
        if s >= end and re.search(r"[,;]", text[end:s]):
            continue  # a keyword after the number but in the next clause
        gap = max(0, s - end)
        dist = start - e if e <= start else (gap if gap <= 12 else 2 * gap)
        if best is None or (dist, -(e - s)) < best[:2]:  # the longer phrase on a tie
            best = (dist, -(e - s), measure)
    return None if best is None else (best[0], best[2])


def find_measure(text: str, start: int, end: int, unit: str) -> str:
    """The measure of the number at text[start:end]: a close specific keyword (oil, tourists,
    projects) wins, then the nearest generic one (trade, investment), then any specific one."""
    window = int(load_data("measures.yaml")["tier1_window"])
    near1 = _nearest(text, _hits(text, unit, 1), start, end)
    near2 = _nearest(text, _hits(text, unit, 2), start, end)
    listed = {m for _s, _e, m in _hits(text, unit, 1) if m in _COMMODITIES}
    if near1 is not None and near1[0] <= window:
        if near1[1] in listed and len(listed) > 1 and near2 and near2[1] == "trade_flow":
            return "trade_flow"  # "Imports from Russia, mostly crude oil, fertilisers and coal"
        return near1[1]
    if near2 is not None:
        if near2[1] == "trade_flow" and (goods := commodity_in(text, unit)):
            return goods  # "increased gas supplies to China ..., by 37.4%": gas, not any goods
        return near2[1]
    return near1[1] if near1 is not None else "other"


_COMMODITIES = frozenset({"gas_supply", "oil_supply", "coal_supply"})


def commodity_in(text: str, unit: str) -> str | None:
    """The one commodity (gas, oil, coal) the text names, if it names exactly one."""
    found = {m for _s, _e, m in _hits(text, unit, 1) if m in _COMMODITIES}
    return found.pop() if len(found) == 1 else None


def measure_phrase(text: str, start: int, end: int, doc_span: Any = None) -> str | None:
    """A short phrase naming what is measured: the noun phrase after the number ("tons of
    oil", "direct agreements") or the subject noun chunk before it (with a spaCy span)."""
    after = re.match(r"\s*((?:of\s+)?[A-Za-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3})", text[end:])
    if after:
        words = after.group(1).split()
        stop = next((i for i, w in enumerate(words) if w.lower() in _STOP and i > 0), len(words))
        phrase = " ".join(words[:stop])
        if phrase and phrase.lower() not in _STOP:
            return phrase
    return _chunk_before(doc_span, start) if doc_span is not None else None


_STOP = frozenset(load_data("measures.yaml")["phrase_stop_words"])


def _chunk_before(span: Any, start: int) -> str | None:
    """The last noun chunk before `start`; None when the doc has no dependency parse."""
    try:
        chunks = [c for c in span.noun_chunks if c.end_char - span.start_char <= start]
    except (
        ValueError,
        AttributeError,
        NotImplementedError,
    ):  # spaCy E029: noun_chunks needs the parser
        return None
    return str(chunks[-1].text) if chunks else None


# ---------------------------------------------------------------------------- countries


@cache
def _country_re() -> tuple[re.Pattern[str], dict[str, str]]:
    table = load_data("countries.yaml")["countries"]
    forms = {str(f): str(iso) for iso, row in table.items() for f in row["forms"]}
    after = r"(?![\w])(?!\s+dollars?\b)(?!\s?\$)"  # "US dollars", "US $136.2 billion": money
    return words_re(forms, ignore_case=False, before=r"(?<![\w])", after=after), forms


def state_name(iso: str) -> str:
    """Common English name of a state ('RU' -> 'Russia'); the code itself if unknown."""
    try:
        return default_gazetteer().state(iso).name
    except (KeyError, ConfigError):
        return iso


def countries_in(ctx: DocContext, sent: Sentence) -> list[CountryHit]:
    """State references in a sentence: the actor stage's state mentions plus table matches."""
    hits = [
        CountryHit(m.start - sent.start, m.end - sent.start, m.country)
        for m in ctx.mentions_in(sent.start, sent.end)
        if m.type == "state" and m.country
    ]
    for h in countries_in_text(sent.text):
        if not any(k.start <= h.start < k.end for k in hits):
            hits.append(h)
    return sorted(hits, key=lambda h: h.start)


def countries_in_text(text: str) -> list[CountryHit]:
    """Country names, adjectives and capitals from `data/countries.yaml` found in `text`;
    in Russian text also the states' adjectives in any case form ("российской нефти")."""
    pattern, forms = _country_re()
    hits = [CountryHit(m.start(), m.end(), forms[m.group(0)]) for m in pattern.finditer(text)]
    if mostly_cyrillic(text):
        hits = sorted(hits + _russian_adjectives(text), key=lambda h: h.start)
    return hits


_RU_ADJECTIVE = re.compile(
    r"\b[а-яё]+(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|им|ими)\b", re.I
)


def _russian_adjectives(text: str) -> list[CountryHit]:
    names = russian_names(default_gazetteer())
    out = []
    for m in _RU_ADJECTIVE.finditer(text):
        entry = names.state_for_adjective(m.group(0))
        if entry is not None and entry.country:
            out.append(CountryHit(m.start(), m.end(), entry.country))
    return out


# ---------------------------------------------------------------------------- flow

_BILATERAL = re.compile(
    r"\b(?:bilateral|mutual|two-way|between (?:the|our|both) (?:two )?"
    r"(?:countries|nations|states|sides)|between the countries|"
    r"trade turnover)\b",
    re.I,
)


def _directed(text: str, hits: list[CountryHit]) -> list[tuple[int, str]]:
    """(position, 'A->B') for each directional phrase: 'from A to B', 'A's exports to B',
    'B imported ... from A', 'imports from A'."""
    out: list[tuple[int, str]] = []
    for a, b in pairwise(hits):
        gap = text[a.end : b.start].lower()
        pre = text[max(0, a.start - 40) : a.start].lower()
        if a.iso == b.iso:
            continue
        if (_FROM.search(pre) and _TO.fullmatch(gap)) or _OUTBOUND.search(gap):
            out.append((a.start, f"{a.iso}->{b.iso}"))
        elif _INBOUND.search(gap):
            out.append((a.start, f"{b.iso}->{a.iso}"))
    return out


_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$|\bиз\s+$")
_TO = re.compile(r"\s+(?:to|into)\s+(?:the\s+)?|\s+в\s+")
_OUTBOUND = re.compile(
    r"\b(?:export\w*|suppl\w*|deliver\w*|ship\w*|sales?|sold)\b.*\bto\s+(?:the\s+)?$"
    r"|\b(?:tourists?|visitors?|travell?ers?|delegations?)\s+(?:\w+\s+)?"
    r"(?:visited|travell?ed to|came to|went to|arrived in)\s+(?:the\s+)?$"
)
_INBOUND = re.compile(
    r"\b(?:import\w*|purchas\w*|bought|buys?|receiv\w*)\b.*\b(?:from|of)\s+(?:the\s+)?$"
)


def _one_sided(text: str, hits: list[CountryHit], pair: tuple[str, str]) -> list[tuple[int, str]]:
    """'imports from China' / 'exports to Russia' with the other side implied by the pair."""
    out: list[tuple[int, str]] = []
    for h in hits:
        if h.iso not in pair:
            continue
        other = pair[1] if h.iso == pair[0] else pair[0]
        pre = text[max(0, h.start - 25) : h.start].lower()
        pre_ru = text[max(0, h.start - 40) : h.start].lower()
        if (
            re.search(r"\bimports?\s+from\s+(?:the\s+)?$", pre)
            or _RU_FROM.search(pre_ru)
            or (_GOODS_OF.search(pre) and re.match(r"\s+[a-z]", text[h.end :]))
        ):  # "imports of Russian wheat": the goods' state is where they come from
            out.append((h.start, f"{h.iso}->{other}"))
        elif re.search(_EXPORT_TO, pre) or re.search(_TRAVEL_TO, pre) or _RU_INTO.search(pre_ru):
            out.append((h.start, f"{other}->{h.iso}"))
    return out


# Russian: "импорт нефти из России" (from), "поставки / импорт российской нефти в КНР" (into)
_RU_FROM = re.compile(
    r"\b(?:импорт|ввоз|закуп|турпоток|туристов|туристы|пассажиропоток)\w*\s+(?:[а-яё]+\s+){0,3}из\s+$"
)
_RU_INTO = re.compile(
    r"\b(?:импорт|ввоз|экспорт|вывоз|постав|отгруз)\w*\s+(?:[а-яё]+\s+){0,3}в\s+$"
)
_GOODS_OF = re.compile(
    r"\b(?:imports?|exports?|supplies|deliveries|shipments|purchases)\s+of\s+$", re.I
)
_EXPORT_TO = r"\b(?:exports?|supplies|deliveries)\s+to\s+(?:the\s+)?$"
_TRAVEL_TO = (
    r"\b(?:trips?|visits?|tourists?|travell?ers|visitors|flights|arrivals)"
    r"(?:\s+\w+){0,2}\s+to\s+(?:the\s+)?$"
)


def _attached_after(text: str, pos: int, directed: list[tuple[int, str]]) -> str | None:
    """A directed phrase right after the number ('580,000 trips to Russia'), not one in the
    next clause ('9.6%, and imports from China')."""
    for where, flow in directed:
        between = text[pos:where]
        clean = not re.search(r",(?!\d)|;|\band\b", between)
        if where > pos and clean and len(between.split()) <= 6:
            return flow
    return None


def find_flow(
    text: str, pos: int, measure: str, hits: list[CountryHit], pair: tuple[str, str]
) -> str | None:
    """Flow of the number at `pos` in sentence `text` (ISO2 'A->B', 'A<->B' or None)."""
    directed = sorted(_one_sided(text, hits, pair)) + _directed(text, hits)
    directed.sort(key=lambda d: d[0])  # stable: a full 'from A to B' wins at equal positions
    if directed:
        attached = _attached_after(text, pos, directed)
        if attached:
            return attached
        before = [d for d in directed if d[0] <= pos]
        where, flow = before[-1] if before else directed[0]
        return _the_other_way(text, where, pos, flow) or flow
    return _undirected(text, pos, measure, hits, pair)


# "India's exports to Russia were $4.9 billion, while imports stood at $63.8 billion": the
# other flow of the same state, told with a bare word after the first
_BARE_FLOW = re.compile(
    r"(?:,|\bwhile|\bwhereas|\band|;)\s+(?:its\s+|their\s+)?(?P<w>imports|exports)\b"
    r"(?!\s+(?:from|to|of|into)\b)",
    re.I,
)


def _the_other_way(text: str, where: int, pos: int, flow: str) -> str | None:
    if "->" not in flow or where >= pos:
        return None
    bare = _BARE_FLOW.search(text, where, pos)
    if bare is None:
        return None
    told = re.search(r"import|export", text[max(0, where - 40) : where + 40], re.I)
    if told is None or told.group(0).lower() == bare["w"].lower()[:6]:
        return None
    a, b = flow.split("->")
    return f"{b}->{a}"


def _undirected(
    text: str, pos: int, measure: str, hits: list[CountryHit], pair: tuple[str, str]
) -> str | None:
    isos = list(dict.fromkeys(h.iso for h in hits if h.start < pos + 40))
    if measure == "trade_flow":
        return None
    bilateral = bool(_BILATERAL.search(text))
    third = [i for i in isos if i not in pair]
    if third and len(isos) >= 2 and measure != "other":
        mine = next((i for i in isos if i in pair), third[-1])
        return f"{third[0]}<->{mine}"
    if set(pair) <= set(isos) and (measure != "other" or bilateral):
        return f"{pair[0]}<->{pair[1]}"
    if (bilateral or measure in _BILATERAL_MEASURES) and not third:
        return f"{pair[0]}<->{pair[1]}"
    return None


_BILATERAL_MEASURES = frozenset({"trade_turnover", "settlement_currency_share"})


# ---------------------------------------------------------------------------- currency

_SCALED = re.compile(
    r"billion|million|trillion|\bbn\b|\bmln\b|млрд|миллиард|млн|миллион|трлн", re.I
)
_CURRENCY = re.compile(
    r"(?P<USD>\$|\bUSD\b|\bdollars?\b|\bдолл\w*|\bдоллар\w*)|(?P<CNY>\bCNY\b|\bRMB\b|\byuan\b|"
    r"\bюан\w*)|(?P<RUB>₽|\bRUB\b|\br[o]?ubles?\b|\bруб\w*)|(?P<EUR>€|\bEUR\b|\beuros?\b|\bевро\b)",
    re.I,
)
_MONEY_MEASURES = frozenset({"trade_turnover", "trade_flow", "investment"})


def money_by_context(q: Quantity, sentence: str, before: str) -> Quantity:
    """'удвоить его от 100 миллиардов до 200 миллиардов в год' in a report on trade in dollars:
    a scaled number without a unit, where a money measure is named, is in the currency the
    article last named (`before`: the text before the sentence, and the sentence itself)."""
    if q.unit != "count" or not _SCALED.search(q.text):
        return q
    counted = _COUNTED.match(sentence, q.end)
    if counted and counted.group(1).lower() not in _NOT_NOUNS:
        return q  # "exported about 1.17 million cars to Russia": cars, not roubles
    told = before + " " + sentence[: q.start]
    named = list(_CURRENCY.finditer(told))
    if not named:
        return q
    other = [m.start() for m in other_currency_re().finditer(told)]
    if other and other[-1] > named[-1].start():
        return q  # the sums of the report are in lira or tenge: no unit of the record
    currency = str(named[-1].lastgroup)
    if find_measure(sentence, q.start, q.end, currency) not in _MONEY_MEASURES and not (
        _told_before(q, before[-600:])
    ):
        return q
    return replace(q, unit=currency)


# what a number counts, right after it: "1.17 million cars", "5 million tourists", "2.1
# million entry and exit passengers"
_COUNTED = re.compile(
    r"\s+(?:(?!(?:in|of|to|for|from|by|on|at|with|per|a|an|the|and|or|but|while|whereas)\b)"
    r"[a-z-]+\s+(?:(?!(?:in|of|to|for|from|by|on|at|with|per|a|an|the)\b)[a-z-]+\s+){0,2})?"
    r"([a-z]{2,}s|people)\b"
)
_NOT_NOUNS = frozenset(
    {
        "is",
        "was",
        "has",
        "as",
        "this",
        "thus",
        "plus",
        "less",
        "across",
        "versus",
        "whereas",
        "unless",
        "its",
        "his",
        "yes",
        "us",
    }
)


def _told_before(q: Quantity, before: str) -> bool:
    """'... удвоить его до 200 миллиардов в год. Планировалось, что отметка в 200 миллиардов
    будет достигнута': the same sum told just before, in a text that names its currency."""
    return any(x.value == q.value and x.unit != "percent" for x in find_quantities(before))
