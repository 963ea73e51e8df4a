"""Participants by office: the people an office phrase stands for ("the heads of state",
"the two foreign ministers", "глав правительств"), read from the gazetteer's dated roles.

`pair_by_office(ctx, gaz, clause)`: each side's holder of the office the clause names by the
plural, when the document names them, else the pair's states; `heads_of_state(ctx, gaz, on)`:
each side's head of state on that date as the document names them, else the state.
"""

from __future__ import annotations

import re

from bilat.extract.context import DocContext, Mention
from bilat.extract.event_clauses import Clause, lexicon
from bilat.extract.gazetteer import Gazetteer

__all__ = ["heads_of_state", "pair_by_office"]


def pair_by_office(ctx: DocContext, gaz: Gazetteer, clause: Clause) -> list[Mention]:
    """'переговоры глав стран' with no state named after it: the heads of the pair's states,
    recorded as the states (GOLD.md: people when named, otherwise the states)."""
    m = lexicon().plural_heads.search(clause.text)
    if m is None:
        return []
    start, end = clause.start + m.start(), clause.start + m.end()
    if any(
        x.type == "state"
        and re.fullmatch(r"\s*(?:of\s+)?(?:the\s+)?", ctx.clean_text[end : x.start])
        for x in ctx.mentions_in(end, min(clause.end, end + 24))
    ):
        return []  # "глав правительств России и Китая": the states are named (not "... held
        # talks in Moscow")
    holders = _named_holders(ctx, gaz, _office_key(m.group(0)))
    if holders:
        return holders  # "the two heads of state" after Putin and Xi were named: those two
    return pair_states(ctx, gaz, start, end, m.group(0))


def pair_states(ctx: DocContext, gaz: Gazetteer, start: int, end: int, text: str) -> list[Mention]:
    """The pair's two states as mentions of the words at [start, end) that stand for them
    ('the two heads of government', 'the parties', 'the joint exercise')."""
    return [Mention(start, end, text, gaz.state(c).name, "state", c) for c in ctx.pair]


_OFFICES = (
    # "officials / deputy chiefs of the general staffs of the two countries": no office one
    # person holds, so the states stand in
    (
        "officials",
        re.compile(
            r"officials|representatives|experts|delegations|chiefs|deputy|заместител|начальник"
            r"|представител|эксперт|делегаци",
            re.I,
        ),
    ),
    ("head_of_government", re.compile(r"government|prime|premier|правительств", re.I)),
    ("foreign_minister", re.compile(r"foreign|МИД|внешнеполит", re.I)),
    ("defence_minister", re.compile(r"defen[cs]e|оборон", re.I)),
)


def _office_key(phrase: str) -> str:
    key = next((key for key, words in _OFFICES if words.search(phrase)), "head_of_state")
    return "leader" if key == "head_of_state" and _LEADERS.search(phrase) else key


_LEADERS = re.compile(r"leader|лидер", re.I)


def _named_holders(ctx: DocContext, gaz: Gazetteer, key: str) -> list[Mention]:
    """Each side's holder of the office on the publication date when the document names
    both of them; else nothing (the states stand in)."""
    sides = _office_holders(ctx, gaz, key, ctx.published)
    if key == "leader":  # "the leaders of the two countries": each side's head of state, or
        # head of government where that is who leads it (India's prime minister)
        states = _office_holders(ctx, gaz, "head_of_state", ctx.published)
        governments = _office_holders(ctx, gaz, "head_of_government", ctx.published)
        sides = [a or b for a, b in zip(states, governments, strict=True)]
    return [m for m in sides if m is not None] if None not in sides else []


def _office_holders(
    ctx: DocContext, gaz: Gazetteer, key: str, on: str | None
) -> list[Mention | None]:
    """Per side of the pair, the holder of the office on `on` as the document names them,
    or None when it does not name them."""
    named = {m.actor: m for m in ctx.mentions if m.type == "person"}
    out: list[Mention | None] = []
    for iso in ctx.pair:
        holders = [e.name for e in gaz.holders(key, iso, on) if e.name in named]
        out.append(named[holders[0]] if holders else None)
    return out


def heads_of_state(ctx: DocContext, gaz: Gazetteer, on: str) -> list[Mention]:
    """Each side's head of state on that date, as the document names them; else the state."""
    heads = _office_holders(ctx, gaz, "head_of_state", on)
    return [
        head or Mention(0, 0, state, state, "state", iso)
        for head, iso, state in zip(heads, ctx.pair, ctx.pair_names, strict=True)
    ]
