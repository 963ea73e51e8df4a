"""Agreements: documents and deals the article says were signed, adopted, announced or negotiated.

requires: DocContext.mentions, sentences, publication date
assigns : Agreement records (evidence in clean-text offsets)

A kind noun ("memorandum", "joint statement", "communique"...) opens a title that runs over
its prepositional phrase to the clause boundary (`agreement_bounds`); "agreed to establish
<Named Body>" is an agreement too. Generic plurals ("a package of agreements") are skipped.
Status comes from the verbs of the sentence, parties from the actors named in it (companies
first, then states).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from bilat.datafiles import read_data
from bilat.extract.agreement_batch_shapes import Batch, find_batches, one_batch
from bilat.extract.agreement_batches import batch_title, listed_ones, one_per_topic
from bilat.extract.agreement_bounds import (
    BARE_TAIL,
    goods_after,
    goods_before,
    goods_sold,
    is_specific,
    title_right,
    title_span,
)
from bilat.extract.agreement_occasions import (
    AFTER_MEETING,
    MEETING_RECORD,
    with_body,
    with_occasion,
)
from bilat.extract.agreement_titles import (
    DEFINITE,
    bare_words,
    between_subject,
    of_project,
    of_project_left,
    with_parties,
)
from bilat.extract.context import DocContext, Sentence, headline_end
from bilat.extract.denials import NONE_BEFORE, denied_at, unconfirmed
from bilat.extract.temporal import TimeExpr, find_time_expressions
from bilat.extract.wordre import in_capitals
from bilat.records import Agreement, Evidence

__all__ = ["DECREE", "extract_agreements"]


@dataclass(frozen=True, slots=True)
class _Lexicon:
    kinds: list[tuple[str, re.Pattern[str]]]
    any_kind: re.Pattern[str]  # the union of `kinds`: most sentences name none
    status: list[tuple[str, re.Pattern[str]]]
    agreed_to: re.Pattern[str]
    generic: re.Pattern[str]
    sectors: list[tuple[str, re.Pattern[str]]]


def _words(patterns: list[str], flags: int = re.I) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w-])", flags)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data: dict[str, Any] = read_data("agreements.yaml")
    return _Lexicon(
        kinds=[(k, _words(v)) for k, v in data["kinds"].items()],
        any_kind=_words([p for v in data["kinds"].values() for p in v]),
        status=[(k, _words(v)) for k, v in data["status"].items()],
        agreed_to=re.compile(data["agreed_to"], re.I),
        generic=_words(data["generic"]),
        sectors=[
            (k, _words(v, 0 if k in ("energy", "technology") else re.I))
            for k, v in data["sectors"].items()
        ],
    )


# a verb right after a definite document noun: the noun is the whole name
# where or at what the document told before was handled, not its name: "signed the treaty in
# the Kremlin", "at their summit", "submitted the treaty to the Majlis"
_WHERE_OR_WHEN = re.compile(
    r"\s+(?:in|at|to|during|after|before)\s+(?:(?:the|their|its|his|her|a)\s+)?"
    r"(?:(?-i:[A-Z])|(?:[\w-]+\s+){0,2}(?:summit|meeting|talks|ceremony|visit|briefing|session|"
    r"forum|parliament)\b)",
    re.I,
)
_COUNTED_PARTS = re.compile(r"^\d+-(?:article|page|point|word|clause)\s+", re.I)
_FINITE_VERB = re.compile(
    r"\s+(?:[a-z]+ed|is|are|was|were|has|have|had|will|would|could|can|may|might|must|does|did|"
    r"should|remains?|needs?|covers?|provides?|envisages?|sets?|allows?|includes?|"
    r"more\s+than|less\s+than)\b"
)


# a document a title refers to ("... on realization of the agreement on cooperation"), and
# one known by its year ("the 2015 intergovernmental agreement"): see _from_sentence
_REFERRED = re.compile(
    r"\b(?:of|on|under|to|with|implementing|amending)\s+(?:the|this|that|its|their)\s+"
    r"(?:(?!(?:and|or|as\s+well)\b)[\w-]+\s+){0,3}$",
    re.I,
)
# one side's decree (GOLD.md v1.1: a unilateral instrument, other/adopted)
DECREE = re.compile(r"\bdecrees?\b", re.I)
# a decree named by nothing but its issuer, or one ratifying a treaty (the treaty's own step)
_BARE_DECREE = re.compile(
    r"(?:(?:presidential|government|executive|royal|the|a|an)\s+)*decrees?(?:\s+in\s+force)?"
    r"|.*\bdecrees?\s+ratifying\b.*",
    re.I,
)
# a document told in force by what it does or since when: "..., which allows 52 weekly
# frequencies", "that took effect on May 28", "in force since 2018"
_IN_FORCE = re.compile(
    r"[^.;]{0,60}?,?\s+(?:which|that)\s+(?:allows|permits|provides\s+for|caps|limits|fixes|"
    r"governs|requires|took\s+effect|entered\s+into\s+force|came\s+into\s+force|(?:is|has\s+been)"
    r"\s+in\s+force)\b|[^.;]{0,40}?,?\s+in\s+force\s+since\b",
    re.I,
)
_UNDER_ONE = re.compile(r"\bunder\s+(?:the|their|its|this|that)\s+(?:[\w'’-]+\s+){0,6}$", re.I)
_BODY_AFTER = re.compile(r"\s+Organi[sz]ation\b")
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d\s+(?:[\w-]+\s+){0,2}$")


_ARRANGEMENT = re.compile(r"arrangements?$")


def _status(sentence: str, kind: str, at: int = 0) -> str:
    """The status word nearest the agreement's noun ('are negotiating the terms of a
    memorandum ..., but no signing was planned' is negotiating); of two ending alike the
    longer ('expect to sign' over 'sign'); other ties keep the list order."""
    best: tuple[int, int, int, str] | None = None
    for rank, (status, pattern) in enumerate(_lexicon().status):
        for m in pattern.finditer(sentence):
            gap = at - m.end() if m.end() <= at else 2 * (m.start() - at)
            if best is None or (gap, -len(m[0]), rank) < best[:3]:
                best = (gap, -len(m[0]), rank, status)
    if best is not None:
        return best[3]
    return "adopted" if kind in ("communique", "joint_statement", "declaration") else "announced"


def _sector(text: str) -> str:
    for sector, pattern in _lexicon().sectors:
        if pattern.search(text):
            return sector
    return "other"


def _parties(ctx: DocContext, s: Sentence, kind: str) -> tuple[str, ...]:
    found = [  # "gas to Iran via Azerbaijan": a transit state is no party
        m
        for m in ctx.mentions_in(s.start, s.end)
        if not _TRANSIT.search(ctx.clean_text, max(0, m.start - 20), m.start)
    ]
    if kind in ("joint_statement", "communique", "declaration"):
        return ctx.pair_names
    if _THE_COMPANIES.search(s.text) and not any(m.type == "company" for m in found):
        # "The companies also signed a memorandum on a line through Mongolia": the companies
        # the sentence before named, not the transit state
        before = ctx.sentences[s.index - 1] if s.index > 0 else None
        found = ctx.mentions_in(before.start, before.end) if before else found
    if _THE_SIDES.search(s.text) and not any(m.type == "company" for m in found):
        return ctx.pair_names  # "the two sides signed ...", whichever capital it was in
    for types in (("company",), ("state",), ("organization",)):
        names = [
            # "between the Government of the Russian Federation and the Government of ...":
            # the intergovernmental document's parties are the states
            _state_of(m.country, m.actor) if _GOVERNMENT.match(m.actor) else m.actor
            for m in found
            if m.type in types or (types == ("state",) and _GOVERNMENT.match(m.actor))
        ]
        if names:
            return tuple(dict.fromkeys(names))
    return ctx.pair_names


# a deal named by its term alone: "a 10-year deal", "a long-term contract"
_TERM = re.compile(r"(?:[\w-]+-year|long-term|short-term)\s+[\w-]+", re.I)
_GOVERNMENT = re.compile(r"(?:the\s+)?Government\s+of\b")


def _state_of(country: str | None, actor: str) -> str:
    """The name of the state a national government belongs to, else the government's own."""
    from bilat.extract.gazetteer import default_gazetteer

    try:
        return default_gazetteer().state(country).name if country else actor
    except KeyError:
        return actor


_TRANSIT = re.compile(
    r"\b(?:via|through|across|transiting|транзитом\s+через|через)\s+(?:the\s+)?$", re.I
)
_THE_SIDES = re.compile(
    r"\b(?:the\s+two\s+sides|both\s+sides|the\s+two\s+countries|both\s+countries)\b", re.I
)
_THE_COMPANIES = re.compile(r"\b(?:the|both)\s+(?:two\s+)?(?:companies|firms)\b", re.I)


def _date(ctx: DocContext, s: Sentence, at: int, title: str, planned: bool = False) -> str | None:
    """The date told nearest the document's noun ('signed a memorandum on its construction in
    September 2025, while talks ... continue, X told reporters last week' is September 2025);
    a day, a month or a year is a date, a span of months (a figure's period) is not, nor a date
    inside the title ('plan for 2027-2030'); a planned signing is dated ahead ('will witness
    the signing of 20 memorandums on September 2')."""
    tense = "future" if planned else "past"
    dates = [
        (abs(expr.start - at), expr.date)
        for expr in find_time_expressions(s.text, ctx.published, tense=tense)
        if expr.date and _dates_the_document(ctx, s.text, expr, at, title, planned)
    ]
    return min(dates)[1] if dates else None


def _dates_the_document(
    ctx: DocContext, text: str, expr: TimeExpr, at: int, title: str, planned: bool
) -> bool:
    point = expr.period in (None, expr.date, f"{expr.date}..{expr.date}")
    return (
        point
        and not (
            expr.text in title
            or (_after(expr.date or "", ctx.published) and not planned)  # a plan's date
            or _DEADLINE_BEFORE.search(text, 0, expr.start)  # "to $300 billion by 2030"
            or _SAID_BEFORE.search(text, 0, expr.start)  # "X told reporters last week"
            # "signed X in September 2025, while talks on Y continue": X's date
            or _CLAUSE_TURN.search(text[min(at, expr.start) : max(at, expr.end)])
        )
    )


_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told(?:\s+\w+){0,2}|announced|reported|stated|noted)\s+$", re.I
)
_CLAUSE_TURN = re.compile(r";|,\s*(?:while|whereas|but|although|though)\b", re.I)
_DEADLINE_BEFORE = re.compile(
    r"\b(?:by|until|till|before|through|to)\s+(?:the\s+end\s+of\s+)?$"
    # when it runs out, not when it was made: "contracts ... that expire at the end of 2025"
    r"|\bexpir(?:e|es|ed|ing|y)\s+(?:(?:at|in|on|by)\s+)?(?:the\s+end\s+of\s+)?$",
    re.I,
)


def _after(date: str, published: str | None) -> bool:
    """A date later than the report: a plan's, not a signing's."""
    return published is not None and date[:7] > published[:7]


# "14 intergovernmental and interdepartmental documents were signed": the noun's own verb
_IN_PRINCIPLE = re.compile(
    r"\s+in\s+principle\b[\"”’']?(?:\s+(?P<aim>(?:for|on|to)\s+(?:[^,;.\"”]|(?<=\d)[,.](?=\d))"
    r"{3,120}))?",
    re.I,
)
_PASSIVE_SIGNED = re.compile(r"\s+(?:was|were|have\s+been|has\s+been|had\s+been)\s+signed\b")


def _make(
    ctx: DocContext, s: Sentence, kind: str, title: str, at: int = 0, end: int | None = None
) -> Agreement:
    status = _status(s.text, kind, at)
    if end is not None and _PASSIVE_SIGNED.match(s.text, end):
        status = "signed"
    if status == "announced" and (
        (end is not None and _IN_FORCE.match(s.text, end))
        or _UNDER_ONE.search(s.text, max(0, at - 80), at)
    ):
        status = "signed"  # "their air services agreement, which allows 52 weekly flights",
        # "a price fixed under the intergovernmental agreement": one in force
    principle = _IN_PRINCIPLE.match(s.text, end) if end is not None else None
    if principle is not None:
        status = "negotiating"  # 'reached an "agreement in principle"': terms agreed, nothing
        # signed (the golds that have one: negotiating); named for what it is on
        if principle["aim"] and title.lower().endswith("in principle"):
            title += " " + " ".join(principle["aim"].split()[:14])
    return Agreement(
        title=title,
        kind=kind,
        status=status,
        date=_date(ctx, s, at, title, planned=status == "planned"),
        parties=_parties(ctx, s, kind),
        sector=_sector(title) if _sector(title) != "other" else _sector(s.text),
        evidence=Evidence(s.start, s.end, s.text),
    )


def _kind_matches(text: str) -> list[tuple[str, re.Match[str]]]:
    """Every kind noun in the text; where two overlap the longer names the document ('gas
    purchase and sale agreement' is a contract, not also an agreement)."""
    lex = _lexicon()
    if not lex.any_kind.search(text):
        return []
    found = [(kind, m) for kind, pattern in lex.kinds for m in pattern.finditer(text)]
    found.sort(key=lambda km: -(km[1].end() - km[1].start()))
    kept: list[tuple[str, re.Match[str]]] = []
    for kind, m in found:
        if not any(m.start() < o.end() and o.start() < m.end() for _, o in kept):
            kept.append((kind, m))
    return sorted(kept, key=lambda km: km[1].start())


# talks said to go on: "Talks on a possible second site are continuing", "переговоры
# продолжаются"
_TALKS_GO_ON = re.compile(
    r"\b(?:talks|negotiations|consultations)\b[^.;]{0,80}?\b(?:(?:are|is|remain)\s+(?:still\s+)?"
    r"(?:continuing|ongoing|under\s+way|in\s+progress)|continue)\b"
    r"|(?<![\w-])(?:переговоры|консультации)[^.;]{0,80}?продолжа\w+|продолжа\w+\s+(?:переговоры|"
    r"консультации)",
    re.I,
)


def _talks_go_on(ctx: DocContext, s: Sentence) -> bool:
    """The sentence, or the one after it, says talks go on."""
    after = ctx.clean_text[s.end : s.end + 300].split(".")[0]
    return bool(_TALKS_GO_ON.search(s.text) or _TALKS_GO_ON.search(after))


def _from_sentence(ctx: DocContext, s: Sentence) -> list[Agreement]:
    lex = _lexicon()
    batches = find_batches(ctx, s, lex.any_kind)
    out = [
        made for b in batches if b.title and _about_pair(ctx, s, made := _batch(ctx, s, b.title, b))
    ]
    spans: list[tuple[int, int]] = []  # the titles made so far in the sentence
    listed: list[tuple[int, int]] = []  # the lists of documents told one by one
    for kind, m in _kind_matches(s.text):
        if any(b.start <= m.start() < b.end for b in batches):
            continue  # one of a batch's documents: the batch is recorded
        if any(a < m.start() < b for a, b in spans) and _ARRANGEMENT.search(m.group(0)):
            continue  # "an agreement on patrolling arrangements along the LAC": its subject
        if any(a <= m.start() < b for a, b in listed):
            continue  # "including one on renewing a currency swap": the memorandum is
        if (
            any(a < m.start() < b for a, b in spans)
            and _REFERRED.search(s.text, max(0, m.start() - 40), m.start())
            and not _YEAR_BEFORE.search(s.text, max(0, m.start() - 30), m.start())
        ):
            continue  # "the Plan of measures ... on realization of the agreement on
            # cooperation": a document the title names, not one signed (not "amending the
            # 2015 intergovernmental agreement": known by its year, told as signed then)
        if _DEAL_WITH.match(s.text, m.start()) and _VERB_BEFORE.search(s.text[: m.start()]):
            continue  # "to jointly deal with threats": the verb
        if _BODY_AFTER.match(s.text, m.end()):
            continue  # "the Collective Security Treaty Organization": a body's name
        if _NOT_A_DOCUMENT.search(s.text[max(0, m.start() - 80) : m.start()]):
            continue  # "is the most important agreement": said of one already named
        if any(a <= m.start() < b for a, b in unconfirmed(s.text)):
            if not _talks_go_on(ctx, s):
                continue  # "reports that Rosneft had signed a contract ... were not confirmed"
            pending = True  # "Reports that the two sides have signed an agreement on a second
            # plant are not true. Talks on a possible second site are continuing."
        else:
            pending = False
        if denied_at(s.text, m.start()) or NONE_BEFORE.search(
            s.text, max(0, m.start() - 40), m.start()
        ):
            if not _NOT_YET_SIGNED.match(s.text, m.end()) or spans:
                continue  # "denied reports that a new deal ...", "There is no nuclear deal";
                # "in talks on a long-term deal ..., but no agreement has been signed": that one
            pending = True  # "denied reports that a contract ... had been finalized", "no
            # contract was signed this week either": one still under negotiation
        if re.match(r"['’]s\b", s.text[m.end() : m.end() + 2]) and re.search(
            r"\bthe\s+$", s.text[max(0, m.start() - 5) : m.start()], re.I
        ):
            continue  # "under the contract's current schedule": the one told before
        if _STILL_TO_COME.match(s.text, m.end()) and re.search(
            r"\bthe\s+$", s.text[max(0, m.start() - 5) : m.start()], re.I
        ):
            continue  # "expect the contract to be finalised in 2027": the one under talks
        if _told_back(ctx, s, m):
            continue  # "the Supply Agreement constitutes ...", "the contract secures feedstock"
        each = one_per_topic(s.text, m.start(), m.end())
        if each:  # "four MoUs on trade facilitation, health, water and the digital economy"
            made_each = [_make(ctx, s, kind, t, m.start(), m.end()) for t in each]
            out += [a for a in made_each if _about_pair(ctx, s, a)]
            spans.append((m.start(), len(s.text)))
            listed.append((m.end(), listed_ones(s.text, m.start(), m.end())[1]))
            continue
        begin, title = title_span(s.text, m.start(), m.end())
        definite = DEFINITE.search(s.text[max(0, begin - 40) : m.start()])
        if definite and (
            _FINITE_VERB.match(s.text, m.end()) or _WHERE_OR_WHEN.match(s.text, m.end())
        ):
            title = s.text[begin : m.end()]  # "The treaty changed the language", "Moscow
            # needs the deal more than it does", "after signing the treaty in the Kremlin":
            # the one told before, named by its noun
            title = _COUNTED_PARTS.sub("", title)  # "the 47-article treaty"
        title = _without_counterpart(ctx, s, title)
        tail = (
            title[len(m.group(0)) :].strip()
            if title.lower().startswith(m.group(0).lower())
            else None
        )
        goods = goods_before(s.text, m.start()) if tail is not None else None
        if tail == "" and not goods:
            goods = goods_after(s.text, m.end())  # "a contract worth $1 billion for 113 engines"
        if goods and (not tail or BARE_TAIL.match(tail)):
            title = f"{m.group(0).lower()} for {goods}"  # "deal for eight submarines": goods
            kind = "contract"  # bought or built under it
        sold = goods_sold(s.text, m.end()) if tail == "" or _TERM.fullmatch(title) else None
        if sold and kind in ("agreement", "contract"):
            title, kind = f"{title} for {sold}", "contract"  # "a 10-year deal for ... of crude"
        if kind == "agreement" and _TO_SUPPLY.search(title):
            kind = "contract"  # "a three-year agreement to supply 1.5 mil mt/year of thermal
            # coal to China Huaneng", "a 10-year deal with Rosneft to take 500,000 b/d": a sale
        supplied = _SUPPLIED_UNDER.search(s.text, max(0, begin - 220), begin)
        if kind == "agreement" and supplied and not _TO_SUPPLY.search(title):
            # "Rosneft has agreed to supply up to 500,000 bpd of crude to Reliance under a
            # 10-year deal": the sale it is made under, named by what it supplies
            kind = "contract"
            title = f"{title} to {supplied['verb'].lower()} {supplied['goods'].lower()}"
        if not definite:
            title = of_project(ctx, s, title, m.start())  # a back-reference is merged first
            title = between_subject(ctx, s, title, m.start())
        title = with_occasion(ctx, s, with_body(ctx, s, title), kind)
        context = s.text[max(0, begin - 30) : m.end() + 20]
        if lex.generic.search(context):
            continue
        record = MEETING_RECORD.match(title) and AFTER_MEETING.search(s.text)
        if not record and not is_specific(title, m.group(0)):
            batch = batch_title(ctx, s, (begin, m.end()), title, lex.any_kind)
            if batch is None:
                continue
            title = batch  # "46 cooperation agreements signed at the forum"
        signers = _SIGNED_BY.match(s.text, m.end())
        if signers and all(w in bare_words() for w in re.findall(r"[a-z]+", title.lower())):
            title += f" between {signers.group(1)}"  # "the memorandum signed by X and Y"
        if _SUBJECT_ONLY.match(m.group(0)):
            title = f"agreement on the {title}"  # 'negotiations on the creation of a hub'
        if record:
            # "Following the meeting the Protocol was signed": the meeting's own record
            kind, title = "other", with_body(ctx, s, f"{title.lower()} of the meeting")
        talks = _TALKS_AFTER.match(s.text, m.end())
        if talks:  # "the contract talks between Gazprom and CNPC": a contract under negotiation
            title = title.replace(talks.group(0), "", 1)
        made = _make(ctx, s, kind, title, m.start(), m.end())
        if talks or pending:
            made = replace(made, status="negotiating")
        spans.append((begin, begin + len(title)))
        if kind == "other" and re.search(r"\bsigned\b", s.text, re.I):
            made = replace(made, status="signed")
        if DECREE.search(m.group(0)):
            if _BARE_DECREE.fullmatch(title):
                continue  # "under a government decree": no telling which
            if made.status in ("signed", "announced"):
                made = replace(made, status="adopted")  # one side's instrument (GOLD.md v1.1)
        if _about_pair(ctx, s, made):
            out.append(made)
            out += _as_well_between(ctx, s, made)
    agreed = lex.agreed_to.search(s.text)
    if agreed and re.match(r"\s+(?:an?\s+|the\s+)?[A-Z]", s.text[agreed.end() :]):
        end = title_right(s.text, agreed.end())
        title = "agreement to " + s.text[agreed.start() + len("agreed to ") : end].strip()
        out.append(replace(_make(ctx, s, "agreement", title), status="announced"))
    return out


def _batch(ctx: DocContext, s: Sentence, title: str, b: Batch) -> Agreement:
    """The record of a batch of documents the sentence does not list."""
    made = _make(ctx, s, b.kind, title, b.start, b.end)
    if not b.planned:
        return replace(made, status="signed")
    return replace(made, status="planned", date=_date(ctx, s, b.start, title, planned=True))


# a deal to sell a commodity or a quantity of it: a contract (GOLD.md kinds), not a treaty
_TO_SUPPLY = re.compile(
    r"\bto\s+(?:supply|take|buy|purchase|deliver|ship)\s+(?:[\w$.,/-]+\s+){0,6}?"
    r"(?:crude|oil|gas|LNG|coal|uranium|wheat|grain|fuel|ore|fertili[sz]ers?|urea|potash|diesel"
    r"|gasoline|tonnes|tons|barrels|b/d|bpd|bcm|mt)\b"
    # "a 10-year deal ... for the supply of crude", "a deal signed in October 2018 for four
    # ships": goods sold or built under it
    r"|\bfor\s+(?:the\s+)?(?:supply|purchase|delivery|sale|construction)\s+of\b"
    r"|\bfor\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:ships|frigates|corvettes|submarines|squadrons|aircraft|jets|fighters"
    r"|helicopters|tankers|vessels|icebreakers|units|reactors|locomotives|trucks|buses)\b",
    re.I,
)
_TALKS_AFTER = re.compile(r"\s+(?:talks|negotiations)\b", re.I)
# goods to be supplied under the deal named next: "agreed to supply up to 500,000 barrels per
# day (bpd) of crude to India's Reliance Industries under a"
_SUPPLIED_UNDER = re.compile(
    r"\b(?:to|will|would)\s+(?P<verb>supply|deliver|ship|sell|buy|purchase)\s+[^.;]{0,80}?\bof\s+"
    r"(?P<goods>crude(?:\s+oil)?|oil|gas|LNG|coal|uranium|wheat|grain|fuel|iron\s+ore|ore|urea"
    r"|potash|diesel|gasoline|fertili[sz]ers?|soybeans)\b[^.;]{0,80}?\bunder\s+(?:a|an|the)\s+$",
    re.I,
)


# "Agreements on twin-city relations between Shymkent and Xi'an, as well as between North
# Kazakhstan region and Shaanxi province were signed too": one more of the same kind
_AS_WELL_BETWEEN = re.compile(
    r"\s*,?\s+as\s+well\s+as\s+(?P<who>between\s+[^.;,]+?\s+and\s+[^.;,]+?)"
    r"(?=\s+(?:were|was|have\s+been|has\s+been)\b|[.;,]|$)",
    re.I,
)


def _as_well_between(ctx: DocContext, s: Sentence, made: Agreement) -> list[Agreement]:
    head = made.title.split(" between ", 1)
    at = s.text.find(head[-1]) if len(head) == 2 else -1
    more = _AS_WELL_BETWEEN.match(s.text, at + len(head[-1])) if at >= 0 else None
    if more is None:
        return []
    return [replace(made, title=f"{head[0]} {more['who']}")]


_WITH_TAIL = re.compile(r"\s+with\s+(?P<who>[A-Z][^,;]*)$")


def _without_counterpart(ctx: DocContext, s: Sentence, title: str) -> str:
    """'to sign a comprehensive strategic partnership treaty with Vladimir Putin': the person
    it is signed with is no part of the treaty's name."""
    tail = _WITH_TAIL.search(title)
    if tail is None:
        return title
    people = {m.text for m in ctx.mentions_in(s.start, s.end) if m.type == "person"}
    who = re.sub(r"^(?:President|Prime Minister|Premier|Chancellor)\s+", "", tail["who"])
    return title[: tail.start()] if who in people or tail["who"] in people else title


# "the memorandum of understanding signed by the General Administration of Customs and
# Rosselkhoznadzor in May 2024": a bare document known by its two signatories
_SIGNED_BY = re.compile(
    r"\s+(?:was\s+|were\s+)?signed\s+(?:[\w\s]{0,25}?\s)?by\s+((?:the\s+)?[A-Z][^,.;]{1,80}?"
    r"\s+and\s+(?:the\s+)?[A-Z][^,.;]{1,60}?)(?=\s+(?:in|on|at|last|this|during|to)\b|[,.;]|$)"
)


# a kind noun as the predicate of a copula describes a document already named ("the
# memorandum ... is the most important agreement between the two countries"); one after a
# negation ("not just to place orders and sign contracts") names none
_NOT_A_DOCUMENT = re.compile(
    # (not "Among them is an agreement on ...", "Also signed was a memorandum": one of a batch)
    r"(?<!\bthem\s)(?<!\bthese\s)(?<!\bthose\s)(?<!\bsigned\s)"
    r"\b(?:is|was|are|were|be|become|became)\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}$|"
    r"\bnot\s+(?:just\s+|only\s+|merely\s+)?to\b[^.;]*$"
    # "... -- the biggest energy deal ever struck between the two countries": the deal told
    # before, ranked
    r"|(?:[,;(]|--|—|–)\s*the\s+(?:biggest|largest|most\s+[\w-]+|first|second|latest|"
    r"single\s+largest)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_NOT_YET_SIGNED = re.compile(
    r"(?:\s+[\w()-]+){0,16}?\s+(?:had|has|have|was|were)\s+(?:been\s+)?"
    r"(?:finali[sz]ed|signed|agreed|concluded|reached|sealed)\b",
    re.I,
)
# a term a filing defines ('a supply agreement (the "Supply Agreement")'), and a kind noun
# told back bare: "the contract" not going on into a title ("the contract over its term",
# "the memorandum may or may not lead to"), unlike "the contract for 10 bcm"
_DEFINES = re.compile(r"\((?:the\s+)?[\"“]([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})[\"”]\)")
_CAPITALISED_BEFORE = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w-]*\s+){0,4})$")
_BARE_THE = re.compile(r"(?:^|\s)(?:[Tt]he|[Tt]his|[Tt]hat)\s+$")
_GOES_ON = re.compile(
    r"(?:\s+of\s+understanding)?\s+(?:on|of|for|with|between|to|concerning|covering|"
    r"regarding|in|at|dated|signed|under|from|until|worth|valued|by|[a-z]+ing)\b"
    r"|\s*[(\"“«]|\s+[A-Z\d]",
)


def _told_back(ctx: DocContext, s: Sentence, m: re.Match[str]) -> bool:
    """The kind noun tells back a document named before: a defined term used again, or
    'the <noun>' with nothing after it that names the document, after a sentence before
    told of one by that noun."""
    text = s.text
    lead = _CAPITALISED_BEFORE.search(text, max(0, m.start() - 60), m.start())
    if lead is not None and m[0][:1].isupper():
        term = f"{lead[1]}{m[0]}"
        defined = {d[1] for d in _DEFINES.finditer(ctx.clean_text)}
        if term in defined and not re.match(r"[\"”]", text[m.end() : m.end() + 1]):
            return True
    if not _BARE_THE.search(text, max(0, m.start() - 6), m.start()):
        return False
    if _GOES_ON.match(text, m.end()) or m.end() >= len(text.rstrip(" .")) - 1:
        return False
    told = re.compile(rf"\b{re.escape(m[0])}\b", re.I)
    return told.search(ctx.clean_text, 0, s.start) is not None  # (no copy of the text before)


_STILL_TO_COME = re.compile(r"\s+(?:to\s+be|will\s+be|is\s+to\s+be)\s+\w+ed\b", re.I)
_SUBJECT_ONLY = re.compile(r"(?:the\s+)?(?:creation|establishment|construction)$", re.I)
_DEAL_WITH = re.compile(r"deal\s+with\b", re.I)
_VERB_BEFORE = re.compile(
    r"\b(?:to|jointly|can|could|will|would|must|should|cannot|able to)\s+$", re.I
)


def _about_pair(ctx: DocContext, s: Sentence, ag: Agreement) -> bool:
    """A deal between third parties ('Iran's nuclear agreement with global powers', 'a peace
    deal between the US and Ukraine') is context, not part of the pair's record; so is one
    that joins one side of the pair to others ('a deal to end the war' between Ukraine, the
    United States and Russia in an article on Russia and China)."""
    if ag.parties == ctx.pair_names:
        return True
    countries = {  # the parties (told here or in the sentence before), and the people who
        m.country  # act for their states
        for m in ctx.mentions_in(s.start, s.end)
        if m.actor in ag.parties or m.type == "person"
    } | {m.country for m in ctx.mentions if m.actor in ag.parties and m.type == "company"}
    if not countries - {None}:  # companies of no known state ("Trader Kolmar is in talks
        # with China Baowu"): the states the sentence names say whose deal it is
        countries |= {m.country for m in ctx.mentions_in(s.start, s.end) if m.type == "state"}
    sides = countries & set(ctx.pair)
    if not countries - {None} and _joint_bodies_only(ctx, ag):
        return True  # "During the meeting of the Cooperation Committee, ... were signed"
    return len(sides) == 2 or (len(sides) == 1 and not countries - sides - {None})


def _joint_bodies_only(ctx: DocContext, ag: Agreement) -> bool:
    """The parties are bodies of no one state (a joint committee) and the sentence names no
    state or person: the pair's committee, in a report on the pair."""
    kinds = {m.actor: (m.type, m.country) for m in ctx.mentions if m.actor in ag.parties}
    return bool(kinds) and all(t == "organization" and c is None for t, c in kinds.values())


def _content(title: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", title.lower().replace("–", "-"))
    return {w for w in words if len(w) > 2 and w not in {"the", "and", "for", "with", "on"}}


def _same(a: Agreement, b: Agreement) -> bool:
    """Same kind and most title words shared, or a bare back-reference ('the joint
    statement') to a titled one already found."""
    wa, wb = _content(a.title), _content(b.title)
    if not wa:
        return False
    if len(wa) <= 2 and wa <= wb:
        return True  # 'the new deal' after 'the new gas supply deal', whatever its kind
    return a.kind == b.kind and 2 * len(wa & wb) >= len(wa) + len(wb)


def extract_agreements(ctx: DocContext) -> list[Agreement]:
    if ctx.language == "ru":  # Russian documents: bilat.extract.agreements_ru (imports this)
        from bilat.extract.agreements_ru import extract_agreements_ru

        return _without_headline_repeats(ctx, extract_agreements_ru(ctx))
    found = _of_the_batch(
        [ag for s in ctx.sentences if not in_capitals(s.text) for ag in _from_sentence(ctx, s)]
    )
    found = _renewals([_listed_as_signed(ctx, ag) for ag in found])
    merged = one_batch(_merged(_without_headline_repeats(ctx, found)))
    return [
        replace(a, title=with_parties(of_project_left(ctx, a), a.kind, a.parties)) for a in merged
    ]


# "an agreement with the PBOC to renew the activated portion of the currency swap": the
# agreement reached is the renewal of the document named after the verb
_TO_RENEW = re.compile(r"\bto\s+(?:renew|extend|roll\s+over|prolong|amend)\b", re.I)


def _renewals(found: list[Agreement]) -> list[Agreement]:
    """Of an agreement 'to renew' a document the same sentence names after the verb, that
    document (with the agreement's status and date), not two."""
    out = []
    for ag in found:
        verb = _TO_RENEW.search(ag.evidence.quote) if _TO_RENEW.search(ag.title) else None
        after = ag.evidence.quote[verb.end() :].lower() if verb else ""
        if verb and any(
            b is not ag and b.evidence == ag.evidence and b.title.lower() in after for b in found
        ):
            continue
        out.append(ag)
    return out


# one of the documents told just before: "Among them is an agreement on ...", "These include"
_AMONG = re.compile(
    r"^\W*(?:among\s+(?:them|these|those|the\s+documents)|(?:these|they)\s+include)\b", re.I
)


def _of_the_batch(found: list[Agreement]) -> list[Agreement]:
    """A document told as one of those signed just before ('... signed a joint statement and
    31 other documents on Tuesday. Among them is an agreement on ...') was signed then too."""
    out: list[Agreement] = []
    for ag in found:
        before = [a for a in out if a.evidence.end <= ag.evidence.start]
        if _AMONG.match(ag.evidence.quote) and before and before[-1].status == "signed":
            ag = replace(ag, status="signed", date=ag.date or before[-1].date)
        out.append(ag)
    return out


# a list of documents under a line that says they were signed: "Documents signed in the
# presence of the President of Russia and the President of China:", "I. Agreements and MoUs
# exchanged", "The following documents were signed:"
_LIST_HEADER = re.compile(r"\b(?:signed|exchanged|concluded|inked|подписан\w*|подписал\w*)\b", re.I)
_LIST_ITEM = re.compile(
    r"\s*(?:[-–—•*·]\s*|\d{1,2}[.)]\s+|[a-z][.)]\s+)|\s*(?:Agreement|Memorandum|MoU|Protocol|"
    r"Contract|Programme|Program|Plan|Roadmap|Road\s+map|Joint|Declaration|Treaty|Convention|"
    r"Statement|Communiqu|Minutes|Letter|Action|Framework|Соглашени|Меморандум|Протокол|"
    r"Контракт|Программ|План|Дорожн|Совместн|Декларац|Договор)",
    re.I,
)


def _listed_as_signed(ctx: DocContext, ag: Agreement) -> Agreement:
    """A document told only by its name in a list the line above says was signed or
    exchanged is signed (no verb of its own gave it a status)."""
    if ag.status != "announced":
        return ag
    text = ctx.clean_text
    line_start = text.rfind("\n", 0, ag.evidence.start) + 1
    if not _LIST_ITEM.match(text, line_start):
        return ag
    lines = text[:line_start].rstrip("\n").split("\n")[-40:]
    for line in reversed(lines):
        if not line.strip() or _LIST_ITEM.match(line):
            continue
        heading = line.rstrip().endswith(":") or not line.rstrip().endswith((".", "!", "?"))
        if heading and len(line) < 300 and _LIST_HEADER.search(line):
            return replace(ag, status="signed")
        return ag
    return ag


def _without_headline_repeats(ctx: DocContext, found: list[Agreement]) -> list[Agreement]:
    """A headline's document is one the report then tells in full ('Russia and China issue
    roadmap for relations' over the communique it reports): when the body names any, the
    headline's own wording is no document of its own."""
    end = headline_end(ctx)
    body = [a for a in found if a.evidence.start >= end]
    return body if body else found


def _merged(found: list[Agreement]) -> list[Agreement]:
    """One agreement per document, in text order."""
    out: list[Agreement] = []
    for ag in found:
        if any(_same(ag, kept) for kept in out):
            continue
        # a headline's bare "cooperation agreement" is the one the report then names
        known = next((i for i, kept in enumerate(out) if _same(kept, ag)), None)
        if known is not None and out[known].kind == ag.kind:
            out[known] = ag
        else:
            out.append(ag)
    return out
