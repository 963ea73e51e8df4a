"""Measurable targets the sides set or are held to: "the goal of exceeding $200 billion in
bilateral trade in 2025", "to reach the $200 billion mark in 2024", "waiting time should not be
longer than 10 minutes".

A number is a target when goal language (goal, task, standard, should, plans to, to reach ...)
stands shortly before it, or a word such as "mark" follows it. `is_target` is shared with the
figure extractor so that a target is never also emitted as a figure. Cue words live in
`data/commitments.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from bilat.extract.context import DocContext, Sentence
from bilat.extract.denials import denied_at, unconfirmed
from bilat.extract.figures_attrib import paragraph_ids
from bilat.extract.figures_data import load_data, phrases
from bilat.extract.figures_measure import (
    countries_in,
    countries_in_text,
    find_flow,
    find_measure,
    money_by_context,
    state_name,
)
from bilat.extract.numbers import Quantity, find_quantities
from bilat.extract.numbers_rates import is_rate_level
from bilat.extract.temporal import TimeExpr, find_time_expressions
from bilat.extract.wordre import words_re
from bilat.records import Commitment, Evidence

__all__ = ["extract_commitments", "is_target", "paragraph_before"]


def _alt_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """Longest phrase first: 'should total' is read whole, not as 'should'."""
    return words_re(words)


@cache
def _cue_re() -> re.Pattern[str]:
    return _alt_re(phrases("commitments.yaml", "goal_cues") + _forecast_cues())


@cache
def _forecast_cues() -> tuple[str, ...]:
    return tuple(c.lower() for c in phrases("commitments.yaml", "forecast_cues"))


# the end of the year reported: an expected level of this year, no deadline of a goal
_THIS_YEARS_END = re.compile(
    r"^[^.;]{0,60}?(?:\b(?:by|before)\s+(?:the\s+)?(?:end\s+of\s+(?:the|this)\s+year|year[-\s]end)\b"
    r"|(?<![\w-])(?:к|до)\s+концу\s+(?:этого\s+|текущего\s+)?года)",
    re.I,
)
_DEADLINE = re.compile(
    r"^[^.;]{0,60}?(?:\b(?:by|before)\s+(?:the\s+)?(?:end\s+of\s+|set\s+)?"
    r"(?:(?:target|deadline|goal)\s+(?:of\s+|year\s+)?)?"
    r"(?:(?:19|20)\d{2}|this year|next year|the end)\b"
    # "к 2030 году", "к концу следующего года", "до 2030 года"
    r"|(?<![\w-])(?:к|до)\s+(?:концу\s+)?(?:(?:19|20)\d{2}\s+год|(?:этого|следующего)\s+года))",
    re.I,
)


@cache
def _suffix_re() -> re.Pattern[str]:
    words = phrases("commitments.yaml", "goal_suffix")
    return words_re(words, before=r"\s*(?:\w+\s+)?")


_DEAL_FIXES = re.compile(
    r"\b(?:deal|agreement|agreed|accord|joint\s+statement|truce|pact)\b[^.]*"
    r"\b(?:will|shall|to be)\b|"
    r"\b(?:will|shall|to be)\b[^.]*\b(?:under|by) the (?:deal|agreement|accord|truce|pact)\b"
    # "Under the deal struck in Geneva on May 12, the additional US tariff fell to 30 per cent"
    r"|^\W*under\s+(?:the|a|this|that|their)\s+(?:[\w'’-]+\s+){0,3}(?:deal|agreement|accord|"
    r"joint\s+statement|truce|pact|framework|arrangement)\b"
    # "The Busan truce cut the U.S. fentanyl-related tariff on Chinese goods to 10%"
    r"|\b(?:deal|agreement|truce|accord|pact|arrangement)\s+(?:also\s+|further\s+)?(?:cut|cuts"
    r"|lowered|lowers|reduced"
    r"|reduces|set|sets|fixed|fixes|halved|halves|brought|brings)\b"
    # "both sides agree to cut tariffs by 115 percentage points, leaving U.S. duties at 30%"
    r"|\b(?:agree[sd]?|deal|agreement|truce|accord)\b[^.]*\b(?:leaving|setting|fixing)\b",
    re.I,
)
_SPANS = frozenset({"day", "week", "month", "year", "hour", "minute"})
_FROM_TO = re.compile(r"\bfrom\s*$|\bfrom\s+[^,;]{1,30}?\s+to\s*$|\bот\s*$", re.I)


_FROM_LEVEL = re.compile(
    r"\bfrom\s+(?:(?:about|around|some|nearly|almost|roughly|approximately|just|over|under|"
    r"more\s+than|less\s+than)\s+)?$",
    re.I,
)


# "targets" as the verb of a sanctions action, right before whom it names: "today's action
# targets nearly 250 persons" (not "the target of 10 banks connected": a goal)
_SANCTIONS_TARGET = re.compile(
    r"target(?:s|ed)\s+(?:(?:nearly|almost|about|around|some|over|more\s+than)\s+)?[\d,.]+"
    r"(?:\s+[\w-]+){0,2}?\s+(?:persons|people|individuals|entities|companies|firms|vessels"
    r"|ships|tankers|banks|addresses|aircraft)\b",
    re.I,
)
# a relative clause telling what was done: "..., which shipped over 1,200 CNC machines"
_WHICH_DID = re.compile(
    r"\b(?:which|who|that)\s+(?!(?:agreed|pledged|aimed|planned|promised|"
    r"vowed|committed|hoped|wanted|intended|decided|targeted)\b)[a-z]+ed\b",
    re.I,
)


def is_target(text: str, q: Quantity, before: str = "") -> bool:
    """True when the quantity at text[q.start:q.end] is a goal, target or standard.
    `before`: the text before the sentence in its paragraph and the one before
    (`paragraph_before`: where a deal whose terms the sentence goes on with is named: "Under
    the arrangement, ... The reciprocal tariff will stay at 10%").

    Both ends of 'from X to Y' are levels (figures): 'an agreement to increase supplies from
    38 bcm to 44 bcm per year' states the old and the new volume."""
    if _FROM_TO.search(text[max(0, q.start - 60) : q.start]):
        return False
    if _FROM_LEVEL.search(text[max(0, q.start - 40) : q.start]):
        return False  # "to raise trade to $100 billion by 2030, from about $52 billion in 2024"
    if _AGAINST.search(text, 0, q.start) and _NOW_AFTER.match(text, q.end):
        return False  # "to 25 train pairs a day by 2027, against 19 train pairs a day now"
    if q.unit in _SPANS and re.search(r"\bfor\s+$", text[max(0, q.start - 6) : q.start], re.I):
        return False  # "agree to cut tariffs by 115 percentage points for 90 days": how long
    if _deal_or_regime_level(text, q) or _pledged_purchase(text, q):
        return True
    if is_rate_level(text, q) and (
        _DEAL_FIXES.search(text)
        or _held_level(text, q, before)
        or (_DEAL_FIXES.search(_this_paragraph(before)) and _TO_BE.search(text, 0, q.start))
    ):
        # "under the deal, tariffs will be cut to 47 percent": a level a deal fixes (GOLD)
        return not re.search(r"\bfrom\s+$", text[max(0, q.start - 8) : q.start])
    suffix = _suffix_re().match(text, q.end)
    if suffix and not _actual_before(text, q.start):
        # (not a mark passed: "It passed the $100 billion mark for the first time in 2018" is
        # a level reached; "surpassed a $200 billion target the two sides had set" is a goal)
        return not (_MARK.match(text, q.end) and _PASSED.search(text, 0, q.start))
    if _SET_AS_TARGET.match(text, q.end):
        return True  # "the $8.5 billion the two sides had set as an interim target for 2025"
    # a cue may run into the quantity's own words ("agreed to" + "to double")
    # (not "today's action targets nearly 250 persons, of which 52 ...": whom sanctions name)
    cues = [
        m
        for m in _cue_re().finditer(text, 0, q.end)
        if m.start() < q.start and not _SANCTIONS_TARGET.match(text, m.start())
    ]
    if not cues:
        return False
    between = text[min(cues[-1].end(), q.start) : q.start]
    if _WHICH_DID.search(between):
        return False  # "Among today's targets is Dalian ..., which shipped over 1,200": done
    window = int(load_data("commitments.yaml")["cue_window"])
    folded = _FOLD_TO.search(between) and _words_in(between) <= 3 * window
    if (_words_in(between) > window and not folded) or re.search(r"[();]", between):
        return False
    if q.unit in _CURRENCIES and _LENDS.match(between) and not _DEADLINE.match(text[q.end :]):
        return False  # "agreed to lend Tehran 1.3 billion euros": the loan's amount, a figure
        # (as a contract's volume is); "to invest $10 billion by 2030" stays a goal
    if _only_forecast(text, cues, q) and (
        not _DEADLINE.match(text[q.end :]) or _THIS_YEARS_END.match(text[q.end :])
    ):
        return False  # "expects throughput to reach 210,000 TEU by the end of the year"
    return not _actual_before(text, q.start)


# the share of trade a free trade deal frees ("will scrap tariffs on 95 percent of tariff
# lines", "applies zero duty to 75% of its tariff lines", "will remove or cut tariffs on
# nearly 90 percent of goods traded"): a level the deal fixes (GOLD v1.1), not one reached
_OF_TARIFF_LINES = re.compile(r"\s*(?:of\s+)?(?:its\s+|their\s+|the\s+)?tariff\s+lines\b", re.I)
_FREED_GOODS = re.compile(
    r"\b(?:will|to|set\s+to|shall|would)\s+(?:gradually\s+|progressively\s+)?"
    r"(?:eliminate|remove|scrap|abolish|cut|reduce|phase\s+out|lift|waive)\w*\s+"
    r"(?:or\s+(?:cut|reduce|lower)\s+)?(?:import\s+)?(?:tariffs|duties|customs\s+duties)\s+on\s+"
    r"(?:about\s+|nearly\s+|almost\s+|some\s+|around\s+|over\s+|more\s+than\s+)?$",
    re.I,
)
# how long a visa-free regime lets one stay ("may stay visa-free for up to 45 days", "без визы
# до 30 дней"): the standard the regime sets
_VISA_FREE = re.compile(
    r"visa[- ]free|without\s+(?:a\s+)?visas?|visa\s+waiver|без\s+виз|безвиз", re.I
)
_NOW = re.compile(r"\b(?:now|already)\b|(?<![а-яё])(?:теперь|уже)(?![а-яё])", re.I)
_UP_TO = re.compile(r"(?:up\s+to|no\s+more\s+than|not\s+more\s+than|не\s+более|до)\s+$", re.I)


# a rate a measure keeps in place: "The order keeps the additional US levy at 10% until Nov.
# 10", "would keep suspending a 24% portion of its tariff for 90 days, retaining 10%" (the
# portion suspended is no level kept)
_KEEPS = re.compile(
    r"\b(?:keep|keeps|kept|keeping|retain|retains|retained|retaining|maintain|maintains"
    r"|maintained|maintaining|leave|leaves|leaving)\b(?:(?!suspen|paus)[^.;]){0,50}$",
    re.I,
)
# (a truce or a deal, not a side's own pause: "he paused it for 90 days, leaving a 10%
# baseline tariff in place" tells a level in force, a figure)
_DEAL_TOLD = re.compile(r"\b(?:truce|deal|agreement|accord|arrangement|consensus)\b", re.I)
# what a deal's terms read like: "will stay at 10%", "would fall to about 47%"
_TO_BE = re.compile(r"\b(?:will|would|shall|is\s+to|are\s+to)\b", re.I)


def _this_paragraph(before: str) -> str:
    """Of `paragraph_before`'s text, the sentence's own paragraph."""
    return before[before.rfind("\n") + 1 :]


# a sentence that goes on with the measure told before: "The order, signed on Monday, keeps
# ...", "The extension leaves ..."
_GOES_ON = re.compile(
    r"^\W*(?:the|this|that)\s+(?:executive\s+)?(?:order|decree|extension|truce|deal|agreement"
    r"|arrangement|decision|move|pause)\b",
    re.I,
)


def _held_level(text: str, q: Quantity, before: str) -> bool:
    """A rate a truce or a deal keeps where it is (`_KEEPS`), told in the sentence or its
    paragraph, or in the paragraph before when the sentence goes on with the measure told
    there (`_GOES_ON`)."""
    if not _KEEPS.search(text, max(0, q.start - 70), q.start):
        return False
    context = before if _GOES_ON.match(text) else _this_paragraph(before)
    return bool(_DEAL_TOLD.search(text) or _DEAL_TOLD.search(context))


# a purchase to be made: "China will buy at least 12 million metric tons of U.S. soybeans in
# the last two months of 2025", "will purchase 12 million tons by year-end"
_PURCHASE = re.compile(
    r"\b(?:will|would|shall|to)\s+(?:buy|purchase)\s+(?P<floor>at\s+least\s+)?"
    r"(?:an?\s+additional\s+|a\s+further\s+|another\s+)?[$€]?\s*$",
    re.I,
)


def _pledged_purchase(text: str, q: Quantity) -> bool:
    """A purchase a side is to make, as a floor or by a deadline, is a pledge (GOLD: China's
    soybean purchases under a deal); a contract's volume ('to buy up to 500,000 barrels per
    day') stays a figure."""
    found = _PURCHASE.search(text, max(0, q.start - 50), q.start)
    if found is None or _actual_before(text, q.start):
        return False
    after = text[q.end :]
    return bool(found["floor"] or _DEADLINE.match(after) or _THIS_YEARS_END.match(after))


def _deal_or_regime_level(text: str, q: Quantity) -> bool:
    if q.unit == "percent" and not _actual_before(text, q.start):
        if _OF_TARIFF_LINES.match(text, q.end):
            return True
        if _FREED_GOODS.search(text[max(0, q.start - 90) : q.start]):
            return True
    if q.unit == "day" and _VISA_FREE.search(text) and not _NOW.search(text, 0, q.start):
        return bool(_UP_TO.search(text[max(0, q.start - 15) : q.start]))  # (not "Russians can
        # now stay in China for up to 30 days without a visa": where things stand, a figure)
    return False


def _only_forecast(text: str, cues: list[re.Match[str]], q: Quantity) -> bool:
    """Every cue in reach of the quantity is forecast language ('expected to reach'), none a
    goal ('working to boost', 'plans to bring')."""
    window = int(load_data("commitments.yaml")["cue_window"])
    near = [c for c in cues if _words_in(text[c.end() : q.start]) <= window]
    return all(c.group(0).lower() in _forecast_cues() for c in near)


def _words_in(text: str) -> int:
    """Words, not the dashes of a name ("the Dostyk - Alashankou crossing" is four)."""
    return sum(1 for w in text.split() if re.search(r"\w", w))


_AGAINST = re.compile(
    r"\b(?:against|compared\s+(?:with|to)|versus|vs\.?)\s+(?:about\s+|around\s+|some\s+)?$", re.I
)
_NOW_AFTER = re.compile(
    r"(?:\s+[\w/-]+){0,4}?\s+(?:now|currently|today|at\s+present|at\s+the\s+moment)\b", re.I
)
_MARK = re.compile(r"\s+(?:mark|threshold|milestone|level)\b", re.I)
_PASSED = re.compile(
    r"\b(?:passed|crossed|surpassed|topped|exceeded|hit|broke\s+through|breached)\s+"
    r"(?:the\s+|a\s+)?(?:[\w$.,-]+\s+){0,2}$",
    re.I,
)


def _actual_before(text: str, pos: int) -> bool:
    left = " ".join(text[:pos].split()[-4:]).lower()
    left = re.sub(r"\bnow\s+(?=(?:want|wants|aim|aims|plan|plans|seek|seeks)\b)", "", left)
    words = phrases("commitments.yaml", "actual_cues")
    if _WITH_REACHING.search(" ".join(text[:pos].split()[-6:])):
        return True  # "the target had been met ahead of schedule, with two-way trade reaching"
    return any(re.search(rf"\b{re.escape(w)}\b", left) for w in words)


# an absolute clause telling where a level stands: "with two-way trade reaching $152.4 billion"
_WITH_REACHING = re.compile(
    r"\bwith\s+(?:[\w-]+\s+){1,3}(?:reaching|hitting|totalling|totaling|standing\s+at)"
    r"(?:\s+(?:about|almost|nearly|over|more\s+than))?\s*$",
    re.I,
)


def extract_commitments(ctx: DocContext) -> list[Commitment]:
    """One commitment per distinct target (value, unit) in the document, in text order."""
    paras = paragraph_ids(ctx)
    found: list[Commitment] = []
    for i, sent in enumerate(ctx.sentences):
        times = find_time_expressions(sent.text, ctx.published, tense="future")
        spans = [(t.start, t.end) for t in times]
        quantities = find_quantities(sent.text, exclude=spans)
        hearsay = list(unconfirmed(sent.text)) if quantities else []
        for q in quantities:
            if _fold_to_level(sent.text, q, quantities):
                continue  # "to double the number of students to 1,000": the target is 1,000
            if denied_at(sent.text, q.start) or any(a <= q.start < b for a, b in hearsay):
                continue  # "described as 'incorrect' reports that the two sides had agreed
                # to pull back 50,000 troops each": no target told
            if is_target(sent.text, q, paragraph_before(ctx, sent)):
                before = _previous_in_paragraph(ctx, paras, i)
                after = ctx.sentences[i + 1].text if i + 1 < len(ctx.sentences) else ""
                para = _para_text(ctx, paras, i)
                found.append(_commitment(ctx, sent, q, times, para, before, after))
    return _dedupe(found)


# what a loan or a financing deal provides: its amount is the deal's, not a level to reach
_LENDS = re.compile(
    r"\s*(?:lend|loan|finance|fund|provide|extend|allocate|grant|invest|give)\b[^.;]{0,40}?"
    r"(?:\b(?:the|a|an|about|some|around|up\s+to|over|more\s+than)\s+)?[$€£¥]?$",
    re.I,
)
_CURRENCIES = frozenset({"USD", "EUR", "CNY", "RUB"})
_SET_AS_TARGET = re.compile(
    r"[^.;]{0,50}?\b(?:set|agreed|adopted|declared|named)\s+as\s+(?:an?|the|their|its)\s+"
    r"(?:[\w-]+\s+)?(?:target|goal|objective|benchmark)\b"
    # "have repeatedly named $100 billion as their goal for annual trade"
    r"|\s+as\s+(?:an?|the|their|its)\s+(?:[\w-]+\s+)?(?:target|goal|objective|benchmark)\b",
    re.I,
)


# a goal's fold told with the level it brings ("set a goal of doubling the number of joint PhD
# placements between Indian and Australian universities to 600 by 2028"): the level is the
# goal's, however long the noun between
_FOLD_TO = re.compile(
    r"^\s*(?:of\s+)?(?:doubling|tripling|quadrupling|to\s+double|to\s+triple)\b[^.;()]*?\bto\s+"
    r"(?:about\s+|around\s+|some\s+|at\s+least\s+)?[$€]?$",
    re.I,
)


def _fold_to_level(text: str, q: Quantity, quantities: list[Quantity]) -> bool:
    """A fold ('to double') whose clause goes on to the level it is to reach ('... to 1,000
    by 2027'): the level is the target."""
    if q.hint != "multiplier":
        return False
    return any(
        later.start > q.end
        and re.search(r"\s(?:to|at)\s+(?:about\s+|some\s+|around\s+)?$", text[q.end : later.start])
        and not re.search(r"[;.]", text[q.end : later.start])
        for later in quantities
    )


def paragraph_before(ctx: DocContext, sent: Sentence) -> str:
    """The text before the sentence in its paragraph and the one before that (a paragraph
    ends at a line break; blank lines are no paragraphs)."""
    text = ctx.clean_text[: sent.start].rstrip(" \t")
    start = text.rfind("\n") + 1
    start = text.rstrip().rfind("\n", 0, start) + 1 if start else 0
    return text[start:]


def _previous_in_paragraph(ctx: DocContext, paras: list[int], i: int) -> str:
    """The paragraph's text before sentence i (where a target's measure may be named)."""
    return " ".join(ctx.sentences[k].text for k in range(i) if paras[k] == paras[i])


def _measure_with_context(sent: str, q: Quantity, before: str) -> str:
    """The target's measure; a sentence that names none ('the task ... to reach the $200
    billion mark') takes it from the sentence before ('this year's trade turnover ...')."""
    measure = find_measure(sent, q.start, q.end, q.unit)
    if measure != "other" or not before:
        return measure
    joined = before + " " + sent
    shift = len(before) + 1
    return find_measure(joined, q.start + shift, q.end + shift, q.unit)


_LEVEL_REF = re.compile(
    r"^\s+(?:this|that|the|its|their|bilateral|mutual)?\s*(?:figure|level|volume|amount|"
    r"indicator|trade|turnover|exports|imports|supplies)\b",
    re.I,
)


def _multiple_of_level(text: str, q: Quantity, before: str, after: str = "") -> Quantity:
    """'Trade amounted to $41 billion. The parties intend to double this figure': the target
    is twice the level just stated ($82 billion), in its unit (GOLD: a target's value); with
    no level before it, the one the next sentence states of that measure ('aim to double
    bilateral trade by 2030. Trade ... reached $3.8 billion in 2024')."""
    ref = _LEVEL_REF.match(text[q.end :])
    if q.hint != "multiplier" or q.value <= 0 or not ref:
        return q
    stated = [
        x
        for x in find_quantities(before + " " + text[: q.start])
        if x.unit not in ("percent", "count")
    ]
    noun = ref.group(0).split()[-1].lower()
    if not stated and re.search(rf"\b{noun}\b", after, re.I):
        stated = [x for x in find_quantities(after) if x.unit not in ("percent", "count")][:1]
    if not stated:
        return q
    level = stated[-1]
    factor = 1 + q.value / 100
    return replace(q, value=level.value * factor, unit=level.unit, per=level.per, hint=None)


def _para_text(ctx: DocContext, paras: list[int], i: int) -> str:
    return " ".join(s.text for s, p in zip(ctx.sentences, paras, strict=True) if p == paras[i])


def _commitment(
    ctx: DocContext,
    sent: Sentence,
    q: Quantity,
    times: list[TimeExpr],
    para: str,
    before: str,
    after: str = "",
) -> Commitment:
    q = money_by_context(q, sent.text, ctx.clean_text[max(0, sent.start - 2000) : sent.start])
    q = _multiple_of_level(sent.text, q, before, after)
    measure = _measure_with_context(sent.text, q, before)
    status = _status(sent.text)
    flow = find_flow(sent.text, q.start, measure, countries_in(ctx, sent), ctx.pair)
    text = ctx.clean_text[sent.start : sent.end]
    return Commitment(
        measure=measure,
        measure_text=_measure_text(sent.text, q),
        relation=_relation(sent.text, q),
        value=q.value,
        value_max=q.value_max,
        unit=q.unit,
        per=q.per,
        deadline=_deadline(sent.text, q, times),
        parties=_parties(ctx, sent, status, para),
        status=status,
        evidence=Evidence(sent.start, sent.end, text),
        flow=flow,
    )


_END_OF = r"(?:the\s+)?(?:(?:end|close)\s+of\s+(?:the\s+)?)?"  # "(the) end of (the)"
_YEAR_AFTER = re.compile(rf"\s+{_END_OF}(?:19|20)\d{{2}}\b")


def _relation(text: str, q: Quantity) -> str:
    left = text[max(0, q.start - 60) : q.start].lower()
    best, where = "=", (-1, 0)
    # the phrase ending closest to the number wins; on a tie the longer one ("no more than"
    # over the "more than" inside it)
    for rel, words in load_data("commitments.yaml")["relations"].items():
        for w in words:
            for m in re.finditer(rf"\b{re.escape(w)}\b", left):
                if _YEAR_AFTER.match(left, m.end()):
                    continue  # "no later than 2029": the deadline's word, not the value's
                if (m.end(), len(m.group(0))) > where:
                    best, where = str(rel), (m.end(), len(m.group(0)))
    for rel, patterns in load_data("commitments.yaml")["relation_patterns"].items():
        for pat in patterns:
            for m in re.finditer(pat, left):
                if (m.end(), len(m.group(0))) > where:
                    best, where = str(rel), (m.end(), len(m.group(0)))
    if best == "=" and q.value_max is None:
        if q.unit == "percent" and _DEAL_FIXES.search(text):
            return "="  # a rate a deal fixes: "leaving U.S. duties at 30%"
        # a target to reach is a floor; a standard of time ("10 minutes") is a ceiling;
        # a range ("to 90-95%") stays a band
        return "<=" if q.unit in ("minute", "hour", "day") else ">="
    return best


def _deadline(text: str, q: Quantity, times: list[TimeExpr]) -> str | None:
    tail = text[q.end : q.end + 40].lower()
    if any(v in tail for v in phrases("commitments.yaml", "vague_deadlines")):
        return None
    after = [t for t in times if t.start >= q.end and (t.period or t.date)]
    by = [t for t in times if t.end <= q.start and _by_before(text, t.start)]
    pick = after[0] if after else (by[-1] if by else None)
    return (pick.period or pick.date) if pick else None


_BY = re.compile(rf"\b(?:by|until|before|no later than)\s+{_END_OF}$", re.I)


def _by_before(text: str, pos: int) -> bool:
    """'by 2024', 'by the end of 2024', 'no later than 2030': a deadline, also before the value
    ('by the end of 2024 we will reach the target of $200 billion')."""
    return bool(_BY.search(text, max(0, pos - 30), pos))


def _status(text: str) -> str:
    data = load_data("commitments.yaml")
    table = data["status"]
    denied = any(re.search(p, text, re.I) for p in data["not_agreed"])
    for status in ("proposed", "agreed"):
        if status == "agreed" and denied:
            continue  # "although no such figure appears in the joint statement"
        if any(re.search(rf"\b{re.escape(w)}\b", text, re.I) for w in table[status]):
            return status
    return "aspiration"


def _parties(ctx: DocContext, sent: Sentence, status: str, para: str) -> tuple[str, ...]:
    mentions = ctx.mentions_in(sent.start, sent.end)
    named = [m.actor for m in mentions if m.type in ("state", "person")]
    if named:
        return tuple(dict.fromkeys(named))
    if status == "agreed":
        return ctx.pair_names
    isos = [h.iso for h in countries_in(ctx, sent)] or [h.iso for h in countries_in_text(para)]
    return (state_name(isos[0]),) if isos else ()


def _measure_text(text: str, q: Quantity) -> str | None:
    clause = re.split(r"[,;:()–—•]", text[: q.start])[-1].strip()
    words = clause.split()
    return " ".join(words[-8:]) or None


def _dedupe(found: list[Commitment]) -> list[Commitment]:
    kept: dict[tuple[float, float | None, str], Commitment] = {}
    for c in found:
        key = (c.value, c.value_max, c.unit)
        if key not in kept or (kept[key].relation == "=" and c.relation != "="):
            kept[key] = c
    return sorted(kept.values(), key=lambda c: c.evidence.start)
