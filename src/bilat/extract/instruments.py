"""Named unilateral instruments: one side's measure, not a deal between two (GOLD.md v1.1:
"unilateral instruments (an executive order, a visa-free policy) are other/adopted with the
issuing state as party").

requires: DocContext.mentions, sentences, publication date, the gazetteer (state names and
          adjectives)
assigns : Agreement records of kind "other" (evidence in clean-text offsets)

Three kinds are named so that a reader can tell one from another, and each is told once:
- an executive order by its number ("Executive Order 14114", "E.O. 14024"): the United
  States' (the only state that numbers its executive orders so);
- a numbered sanctions package ("the bloc's 18th package of sanctions against Russia", "a
  19th sanctions package"): the European Union's when the sentence names it or "the bloc",
  planned when work on it is still to start;
- trade-defence duties a state imposed on the other's goods ("Beijing imposed definitive
  anti-dumping duties of 27.7% to 34.9% on European brandy", "the EU's countervailing duties
  on Chinese electric vehicles"): the imposing state's, named for their kind and the goods.
- export and import measures a state of the pair took on goods ("China's export controls on
  antimony products", "Beijing has restricted exports of gallium and germanium", "the
  Netherlands first required licenses for ASML's most advanced DUV systems", "China ...
  suspended imports of Japanese seafood", "added 140 companies to its Entity List"): the
  issuing state's, named for the measure and the goods; a third state's measure in a pair's
  report is context, not the pair's record.
Unnamed measures ("new tariffs", "sanctions on Russia") are no instrument one can tell apart.
"""

from __future__ import annotations

import re

from bilat.extract.context import DocContext, Sentence
from bilat.extract.denials import DENIED_RE
from bilat.extract.gazetteer import Gazetteer
from bilat.extract.visa_regimes import sentence_date
from bilat.records import Agreement, Evidence

__all__ = ["extract_instruments"]

_ORDER = re.compile(r"\b(?:Executive\s+Order|E\.\s?O\.)\s*(?:\(E\.O\.\)\s*)?(?:No\.\s*)?(1\d{4})\b")
_PACKAGE = re.compile(
    r"\b(\d{1,2})(st|nd|rd|th)\s+(?:sanctions\s+package|package(?:\s+of\s+sanctions)?)\b",
    re.I,
)
_SANCTIONS = re.compile(r"\bsanctions\s+package|\bpackage\s+of\s+sanctions", re.I)
_AGAINST = re.compile(r"\s+(?:against|on)\s+([A-Z][\w-]+)")
_EU = re.compile(r"\b(?:EU|E\.U\.|European\s+Union|the\s+bloc)\b")
_DUTIES = re.compile(
    r"\b(?:(?:provisional|definitive|temporary|additional)\s+)?(?P<kind>anti-dumping|"
    r"countervailing|anti-subsidy)\s+(?:duties|tariffs|levies)\b"
    r"(?:\s+of\s+[^,;]{1,40}?)?\s+on\s+(?:imports\s+of\s+)?(?P<goods>(?:[A-Z][\w-]*\s+|"
    r"Chinese-made\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})",
)
_IMPOSED_BY = re.compile(
    r"(?P<who>\b[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:['’]s\b|(?<=s)['’](?=\s)|"  # "Brussels' duties"
    r"\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:imposed|introduced|applied|slapped|levied|set|announced|extended|raised)\b)[^.;]{0,40}$"
)
_STILL_TO_COME = re.compile(
    r"\b(?:would|will|to)\s+(?:start|begin|prepare|draft|propose|adopt)\b|\bwork\s+on\b|\bdrafting\b|"
    r"\bnext\s+package\b|\bproposed\b",
    re.I,
)
_GOODS_STOP = re.compile(r"\s+(?:from|since|in|on|of|and|that|which|for|at|by)$")
# "China's export controls on antimony products", "new export restrictions on gallium"
_TRADE_NOUN = re.compile(
    r"\b(?P<dir>export|import)\s+(?P<kind>controls?|curbs|restrictions|bans?|"
    r"licen[cs](?:e|ing)\s+requirements?)\s+on\s+(?=\S)"
)
# "Beijing has restricted exports of gallium", "again suspended imports of Japanese seafood",
# "required licenses for exports of seven medium and heavy rare earths"
_TRADE_VERB = re.compile(
    r"\b(?P<verb>restricted|banned|curbed|suspended|halted|prohibited|required\s+licen[cs]es\s+for)"
    r"\s+(?:(?:all|the|further)\s+)?(?P<dir>export|import)s\s+of\s+(?=\S)"
)
_VERB_KIND = {"restricted": "restrictions", "banned": "ban", "curbed": "curbs",
    "suspended": "suspension", "halted": "suspension", "prohibited": "ban"}  # fmt: skip
# "added 140 companies to its Entity List", "adding 140 Chinese entities to its trade
# restriction list"
_LISTED = re.compile(
    r"\badd(?:ed|s|ing)\s+(?:more\s+than\s+|nearly\s+|about\s+)?[\w,]+\s+(?:[A-Z][\w-]*\s+)?"
    r"(?:companies|entities|firms|organi[sz]ations)\s+to\s+(?:its|the)\s+(?P<list>Entity\s+List|"
    r"(?:trade\s+)?(?:restriction|export\s+control)\s+list|Unreliable\s+Entity\s+List)",
    re.I,
)
_GOODS_END = frozenset(
    {"took", "take", "takes", "taking", "that", "which", "since", "from", "to", "in", "on",
     "at", "by", "for", "with", "was", "were", "is", "are", "has", "have", "had", "will",
     "would", "after", "before", "under", "as", "amid", "over", "until", "while", "but",
     "or", "last", "this", "next"}
)  # fmt: skip


def extract_instruments(ctx: DocContext, gaz: Gazetteer) -> list[Agreement]:
    """Every named unilateral instrument the article tells, once per title."""
    out: dict[str, Agreement] = {}
    for s in ctx.sentences:
        if DENIED_RE.search(s.text):
            continue  # "denied reports that ...": none told
        for found in _in_sentence(ctx, gaz, s):
            kept = out.get(found.title.lower())
            if kept is None:
                out[found.title.lower()] = found
            elif kept.date is None and found.date is not None:
                out[found.title.lower()] = found  # told first, dated later
    return list(out.values())


def _in_sentence(ctx: DocContext, gaz: Gazetteer, s: Sentence) -> list[Agreement]:
    found = []
    for m in _ORDER.finditer(s.text):
        found.append(_made(ctx, s, f"Executive Order {m.group(1)}", "United States", False))
    for m in _PACKAGE.finditer(s.text):
        if not _EU.search(ctx.clean_text):
            continue  # the EU's packages are numbered so ('work on a 19th package')
        if "sanction" not in m.group(0).lower() and not _SANCTIONS.search(ctx.clean_text):
            continue  # a bare 'package' only in a report of sanctions packages
        planned = bool(_STILL_TO_COME.search(s.text))
        title = f"EU {m.group(1)}{m.group(2).lower()} package of sanctions"
        if against := _AGAINST.match(s.text, m.end()):
            title += f" against {against.group(1)}"
        found.append(_made(ctx, s, title, "European Union", planned))
    found += _trade_measures(ctx, gaz, s)
    for m in _DUTIES.finditer(s.text):
        issuer = _issuer(gaz, s.text[max(0, m.start() - 80) : m.start()])
        if issuer is None:
            continue
        goods = _GOODS_STOP.sub("", m["goods"].strip())
        adjective = _adjective(gaz, issuer)
        title = f"{adjective} {m['kind']} duties on {goods}"
        found.append(_made(ctx, s, title, issuer, False))
    return found


def _trade_measures(ctx: DocContext, gaz: Gazetteer, s: Sentence) -> list[Agreement]:
    """Export and import measures of a state of the pair (see the module docstring)."""
    found = []
    told: list[tuple[int, str]] = []  # (start, title) of each measure, text order
    dated = sentence_date(ctx, s, planned=False) is not None
    for m in _TRADE_NOUN.finditer(s.text) if dated else ():  # (told with its date, not
        # named in passing: "asked Wang to ease Chinese export controls")
        kind = re.sub(r"^licen[cs](?:e|ing)\s+requirements?$", "licensing requirements", m["kind"])
        goods = _goods(s.text[m.end() :])
        if goods:
            told.append((m.start(), f"{m['dir']} {kind} on {goods}"))
    for m in _TRADE_VERB.finditer(s.text):
        verb = m["verb"].split()[0]
        goods = _goods(s.text[m.end() :])
        if not goods:
            continue
        if verb == "required":
            told.append((m.start(), f"{m['dir']} licensing requirements for {goods}"))
        else:
            kind = _VERB_KIND[verb]
            on = "of" if kind == "suspension" else "on"
            told.append((m.start(), f"{kind} {on} {m['dir']}s of {goods}"))
    for m in _LISTED.finditer(s.text):
        told.append((m.start(), f"{' '.join(m['list'].split())} additions"))
    for at, what in told:
        issuer = _trade_issuer(ctx, gaz, s, at)
        if issuer is None or issuer not in ctx.pair_names:
            continue  # a third state's measure in a pair's report is context
        planned = bool(re.search(r"\bpropos\w*|\bwould\b|\bplans?\s+to\b", s.text[:at]))
        found.append(_made(ctx, s, f"{_adjective(gaz, issuer)} {what}", issuer, planned))
    return found


def _goods(after: str) -> str:
    """What a measure is on: the words after it up to a clause's word or a stop ('gallium
    and germanium, two metals ...', 'antimony products took effect')."""
    kept: list[str] = []
    for word in after.split()[:8]:
        bare = word.rstrip(",.;:)")
        if bare.lower() in _GOODS_END or not re.fullmatch(r"[\w'’-]+", bare):
            break
        kept.append(bare)
        if bare != word:
            break
    while kept and kept[-1].lower() in ("and", "of", "the", "a"):
        kept.pop()
    return " ".join(kept)


def _trade_issuer(ctx: DocContext, gaz: Gazetteer, s: Sentence, at: int) -> str | None:
    """The state that took a trade measure: that of the nearest actor the actor stage found
    before it in its sentence ('Beijing has restricted', "China's export controls", 'The US
    Commerce Department on Monday added'); none when that actor has no state ("since the
    European Union banned imports")."""
    before = ctx.mentions_in(s.start + max(0, at - 100), s.start + at)
    if not before or before[-1].country is None:
        return None
    try:
        return gaz.state(before[-1].country).name
    except KeyError:
        return None


def _issuer(gaz: Gazetteer, before: str) -> str | None:
    """The state (or the EU) that imposed them: 'Beijing imposed ...', "the EU's ..."."""
    m = _IMPOSED_BY.search(before)
    if m is None:
        return None
    who = re.sub(r"^The\s+", "", m["who"].strip())
    if _EU.fullmatch(who) or who in ("EU", "Brussels"):
        return "European Union"
    entry = gaz.state_named(who) or gaz.state_for_adjective(who)  # "Beijing", "Chinese"
    return entry.name if entry is not None else None


def _adjective(gaz: Gazetteer, issuer: str) -> str:
    if issuer == "European Union":
        return "EU"
    if issuer == "United States":
        return "US"  # as the measures are known: "US Entity List additions", "US duties"
    entry = gaz.state_named(issuer)
    return entry.adjectives[0] if entry is not None and entry.adjectives else issuer


def _made(ctx: DocContext, s: Sentence, title: str, party: str, planned: bool) -> Agreement:
    return Agreement(
        title=title,
        kind="other",
        status="planned" if planned else "adopted",
        date=None if planned else sentence_date(ctx, s, planned=False),
        parties=(party,),
        sector="trade",
        evidence=Evidence(s.start, s.end, s.text),
    )
