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
    r"(?P<who>\b[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:['’]s|\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:imposed|introduced|applied|slapped|levied|set|announced|extended|raised))\b[^.;]{0,40}$"
)
_STILL_TO_COME = re.compile(
    r"\b(?:would|will|to)\s+(?:start|begin|prepare|draft|propose|adopt)\b|\bwork\s+on\b|\bdrafting\b|"
    r"\bnext\s+package\b|\bproposed\b",
    re.I,
)
_GOODS_STOP = re.compile(r"\s+(?:from|since|in|on|of|and|that|which|for|at|by)$")


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
    for m in _DUTIES.finditer(s.text):
        issuer = _issuer(gaz, s.text[max(0, m.start() - 80) : m.start()])
        if issuer is None:
            continue
        goods = _GOODS_STOP.sub("", m["goods"].strip())
        adjective = _adjective(gaz, issuer)
        title = f"{adjective} {m['kind']} duties on {goods}"
        found.append(_made(ctx, s, title, issuer, False))
    return found


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
