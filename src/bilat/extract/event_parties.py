"""Who takes part in an event beyond the people a clause names: the states of the forces in
an exercise, the states of a joint body ('the Russian-Chinese commission', 'the China-Russia
Energy Business Forum'), the states of people counted only by office; and who does not: the
sender of a telegram or message to an occasion.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from bilat.extract.context import DocContext, Mention
from bilat.extract.event_clauses import Clause
from bilat.extract.gazetteer import Entry, Gazetteer
from bilat.extract.organizations import states_named_in

__all__ = [
    "JOINT",
    "coordinated_sides",
    "counterpart_adjectives",
    "delegation_sender",
    "forces",
    "greets",
    "joint_body",
    "joint_mentions",
    "joint_states",
    "state_of",
    "unnamed_as_states",
    "unplaced_counterpart",
]


def unnamed_as_states(ctx: DocContext, gaz: Gazetteer, parts: list[Mention]) -> list[Mention]:
    """People the text never names but counts by office ('the heads of government of Russia
    and China': one span, two people) take part as their states (GOLD: people when named,
    otherwise the states). 'The two leaders' after Putin and Xi were named stay those two."""
    spans: dict[tuple[int, int], int] = {}
    for m in ctx.mentions:
        if m.type == "person":
            spans[(m.start, m.end)] = spans.get((m.start, m.end), 0) + 1
    named = {m.actor for m in ctx.mentions if m.type == "person" and spans[(m.start, m.end)] == 1}
    out = []
    for m in parts:
        if m.type == "person" and m.actor not in named:
            state = state_of(gaz, m)
            if state is not None:
                out.append(state)
                continue
        out.append(m)
    return list({m.actor: m for m in out}.values())


_SIDES = re.compile(
    r"\b([A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)\s+(?:[a-z-]+\s+){0,2}?(?:officials|diplomats|"
    r"ministers|leaders|delegations|negotiators|experts|representatives|lawmakers|"
    r"parliamentarians|heads|presidents|premiers|counterparts|envoys|chiefs|commanders|"
    r"governors|mayors|officers)\b"
)


def coordinated_sides(gaz: Gazetteer, clause: Clause) -> list[Mention]:
    """'Russian and Chinese officials met', 'the Russian and Chinese foreign ministers spoke':
    people the text counts only by their two states take part as those states."""
    out = []
    for m in _SIDES.finditer(clause.text):
        for group in (1, 2):
            entry = gaz.state_for_adjective(m.group(group))
            if entry is None or not entry.country:
                return []
            pos = clause.start + m.start(group)
            word = m.group(group)
            out.append(Mention(pos, pos + len(word), word, entry.name, "state", entry.country))
    return out


_WITH_ADJECTIVE = re.compile(  # also "X and his Mongolian counterpart held a videoconference",
    # "would meet a Chinese delegation in London on Monday"
    r"\b(?:with\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?|and\s+(?:his|her|their)\s+"
    r"|(?:meet|meets|meeting|met|receive[sd]?|receiving|host(?:s|ed|ing)?)\s+(?:a\s+|an\s+|the\s+)?)"
    r"([A-Z][a-z]+)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:partners|counterparts?|colleagues|officials|companies|side|businesses|investors|"
    r"delegation|representatives|authorities|government|leadership|officers)\b"
)


def counterpart_adjectives(gaz: Gazetteer, clause: Clause) -> list[Mention]:
    """'will hold talks with Chinese partners': a counterpart named only by its state's
    adjective takes part as that state."""
    out = []
    for m in _WITH_ADJECTIVE.finditer(clause.text):
        entry = gaz.state_for_adjective(m.group(1))
        if entry is not None and entry.country:
            pos = clause.start + m.start(1)
            out.append(
                Mention(pos, pos + len(m.group(1)), m.group(1), entry.name, "state", entry.country)
            )
    return out


_FORCES = re.compile(r"Navy|Army|Air Force|Fleet|Armed Forces|Aerospace Forces|Theater Command")


def forces(ctx: DocContext, gaz: Gazetteer, clause: Clause) -> list[Mention]:
    """Joint exercises: the states and armed forces named in the clause (adjectives count:
    'the Chinese and Russian navies')."""
    found = [  # the pair's forces named anywhere (another state's only in the clause)
        m
        for m in ctx.mentions
        if m.type == "organization" and _FORCES.search(m.actor) and m.country in ctx.pair
    ]
    found += [
        m for m in ctx.mentions_in(clause.start, clause.end) if m.type in ("state", "organization")
    ]
    for word in re.finditer(r"\b[A-Z][a-z]+\b", clause.text):
        entry = gaz.state_for_adjective(word.group(0))
        if entry is not None and entry.country:
            pos = clause.start + word.start()
            found.append(
                Mention(
                    pos, pos + len(word.group(0)), word.group(0), entry.name, "state", entry.country
                )
            )
    states = [state_of(gaz, m) for m in found if m.type == "organization" and m.country]
    found += [m for m in states if m is not None]
    # "Совместное российско-монгольское учение", "the Russian-Mongolian exercise"
    found += joint_mentions(gaz, clause)
    return list({m.actor: m for m in found}.values())


def joint_mentions(gaz: Gazetteer, clause: Clause) -> list[Mention]:
    """The two states of the clause's last compound ('российско-монгольское'), each a
    mention of the compound."""
    for pattern in (JOINT, _JOINT_RU):
        for m in reversed(list(pattern.finditer(clause.text))):
            states = joint_states(gaz, m.group(0))
            if states:
                at, end = clause.start + m.start(), clause.start + m.end()
                return [Mention(at, end, m.group(0), e.name, "state", e.country) for e in states]
    return []


def state_of(gaz: Gazetteer, m: Mention) -> Mention | None:
    """The state of a body or person, as a mention at the same place ('the Russian Navy' ->
    Russia): exercises are between states (GOLD), and the forces stay named beside them."""
    try:
        state = gaz.state(str(m.country))
    except KeyError:
        return None
    return Mention(m.start, m.end, m.text, state.name, "state", state.country)


_GREETS = re.compile(
    r"^\W{0,3}(?:\w+\s+){0,2}(?:sent|addressed|delivered)\s+(?:a|an|his|her|their)?\s*"
    r"(?:\w+\s+)?(?:telegram|message|letter|greetings?|address)\b",
    re.I,
)


JOINT = re.compile(r"\b([A-Z][a-z]+)\s?[-–—]\s?([A-Z][a-z]+)\b")


_BODY = re.compile(
    r"\b(?:(?:sub-?)?commission|(?:sub-?)?committee|council|dialogue|forum|expo|"
    r"working group|roundtable|round table|"
    r"(?:под|межправ)?комисси\w*|(?:под)?комитет\w*|совет[аеуы]?\b|форум\w*|диалог\w*|"
    r"рабоч\w+ групп\w*|выставк\w*)",
    re.I,
)


# between an event word and its body: nothing ('Forum' is both), 'of the (Nth) ... ', or in
# Russian the genitive that follows ('заседание российско-китайской комиссии')
_BODY_OF = re.compile(
    r"|\s+(?:of|under)\s+(?:the\s+)?[\w\s,'’-]{0,80}?|\s+(?:[а-яё][а-яё\s-]{0,80}?)?", re.I
)


def greets(ctx: DocContext, m: Mention) -> bool:
    """'Xi sent a telegram to the participants of the forum': not at the forum (GOLD)."""
    return bool(_GREETS.match(ctx.clean_text[m.end : m.end + 60]))


def joint_body(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, trig: re.Match[str]
) -> list[Mention]:
    """The states of the joint body this event word is about ('the 20th meeting of the
    Russian-Chinese commission', 'the China-Russia Energy Business Forum'), or of the one
    the text named before when the clause says 'the Commission'."""
    body = _BODY.search(clause.text, trig.start())
    if body is None or not _BODY_OF.fullmatch(clause.text[trig.end() : body.start()]):
        body = _body_before(clause.text, trig)
    offset = clause.start
    if body is None and _NO_SUBJECT.match(clause.text):  # "..., will hold its next session"
        offset = clause.sentence.start
        body = _SUBJECT_BODY.match(clause.sentence.text)
    if body is None:
        return []
    pos = offset + body.start()
    named = _named_body(ctx, pos, pos + len(body.group(0)))
    found = _body_states(ctx, gaz, ctx.clean_text[offset : offset + body.end()], named)
    head = body.group(0).lower().split()[-1].removeprefix("sub-").removeprefix("sub")
    head = head.removeprefix("межправ")  # "межправкомиссии": "комиссии" named before
    if not found and named is None:  # 'the Commission': the last one the text named
        named, found = _body_named_before(ctx, gaz, ctx.clean_text[: clause.start], head)
    said = ctx.clean_text[max(offset, pos - 40) : pos + len(body.group(0))]
    if not found and (_BILATERAL.search(said) or (named is not None and _bilateral(ctx, named))):
        found = [gaz.state(iso) for iso in ctx.pair]  # "the intergovernmental commission"
    states = [Mention(pos, pos + len(body.group(0)), body.group(0), e.name, "state", e.country)
              for e in found]  # fmt: skip
    return states + ([replace(named, start=pos, end=pos + len(body.group(0)))] if named else [])


# "the Intergovernmental Commission on Investment Cooperation", "the Joint Economic
# Commission": a body of two governments, in an article about a pair the pair's
_BILATERAL = re.compile(
    r"\b(?:intergovernmental|inter-governmental|joint|bilateral)\b|межправ|двусторонн",
    re.I,
)


def _bilateral(ctx: DocContext, named: Mention) -> bool:
    """Whether a body that names no state is the pair's own by its name, or by the fuller name
    the text gave it before ('the Commission on Investment Cooperation' after 'the
    Intergovernmental Commission on Investment Cooperation')."""
    names = {named.actor} | {
        m.actor
        for m in ctx.mentions
        if m.type == "organization" and m.country is None and m.actor.endswith(named.actor)
    }
    return any(_BILATERAL.search(name) for name in names)


def _body_named_before(
    ctx: DocContext, gaz: Gazetteer, earlier: str, head: str
) -> tuple[Mention | None, list[Entry]]:
    """The body 'the commission' stands for: the last one the text named in full (an actor
    of no one state: 'the Intergovernmental Commission on Cooperation between the Northeast
    of China and the Far East of Russia'), else the last joint one ('the Russian-Chinese
    commission'); with its states."""
    # a Russian head in any case: "форум" after "форума", "комиссии" after "комиссия"
    stem = head[: max(4, len(head) - 2)] if re.match(r"[а-яё]", head) else head
    word = rf"\b{re.escape(stem)}\w*" if stem != head else rf"\b{re.escape(head)}\b"
    heads = list(re.finditer(word, earlier, re.I))
    for m in reversed(heads):
        there = _named_body(ctx, m.start(), m.end())
        if there is not None:
            return there, _body_states(ctx, gaz, earlier[max(0, m.start() - 80) : m.start()], there)
    for m in reversed(heads):
        found = joint_states(gaz, earlier[max(0, m.start() - 80) : m.start()])
        if found:
            return None, found
    for m in reversed(heads):  # "the intergovernmental commission" named before
        if _BILATERAL.search(earlier[max(0, m.start() - 40) : m.start()]):
            return None, [gaz.state(iso) for iso in ctx.pair]
    return None, []


def _body_states(
    ctx: DocContext, gaz: Gazetteer, before: str, named: Mention | None
) -> list[Entry]:
    """The states of a body word: named before it ('the Russian-Chinese commission'), else
    inside the body's whole name after it ('подкомиссии по туризму Российско-китайской
    комиссии': the Russian genitive)."""
    found = joint_states(gaz, before)
    if not found and named is not None:
        name = ctx.clean_text[named.start : named.end]
        found = joint_states(gaz, name)
        if not found and len(two := states_named_in(name, gaz)) == 2:
            found = two
    return found


def _named_body(ctx: DocContext, start: int, end: int) -> Mention | None:
    """The joint body the actor stage found over [start, end) ('the Russian-Chinese
    sub-commission on cooperation on the Northern Sea Route'), a body of no one state."""
    return next(
        (
            m
            for m in ctx.mentions_in(max(0, start - 80), end + 160)
            if m.type == "organization" and m.country is None and m.start <= start < m.end
        ),
        None,
    )


# between a body and the event word it is the subject of: "the commission will meet", "the
# co-chairs of the commission on investment are to meet", "the working group held its fifth
# meeting"
_BODY_THEN = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}|"  # "the commission's 19th meeting"
    r"(?:\s+(?:on|for)(?:\s+(?!will\b|would\b|is\b|are\b|has\b|had\b)[\w,'’-]+){1,6}?)?"
    # the subject's relative clause: "The sub-commission, which last met in June"
    r"(?:\s*,\s*(?:which|that)(?:\s+(?:last|first|also|previously|has|had|will))?)?"
    r"\s+(?:(?:will|would|shall|is|are|to|has|have|had|also|then|again|already|last|previously)"
    r"\s+)*"
    r"(?:(?:held|holds?|holding|convened|convenes?)\s+(?:its|their|a|the)\s+(?:[\w-]+\s+){0,2})?",
    re.I,
)


# a clause whose subject is in the clause before ("The sub-commission, which last met in June,
# will hold its next session"): the sentence's subject, when a body, is the one that meets
_NO_SUBJECT = re.compile(r"[\s,]*(?:will|would|is|are|was|were|has|have|had|also|then)\b", re.I)
_SUBJECT_BODY = re.compile(r"(?:\s*(?:The|Its|Their)\s+)?(?:[\w-]+\s+){0,3}?" + _BODY.pattern, re.I)


# "комиссию по торгово-экономическому сотрудничеству, следующее заседание которой": the
# meeting of the body a Russian relative clause names before it
_BODY_WHOSE = re.compile(r"(?:\s+по(?:\s+[\w-]+){1,6}?)?\s*,\s*(?:[\w-]+\s+){0,2}", re.I)
_WHOSE = re.compile(r"\s+котор(?:ой|ого)\b", re.I)


def _body_before(text: str, trig: re.Match[str]) -> re.Match[str] | None:
    """The joint body whose members meet, named as the subject before the event word."""
    bodies = [b for b in _BODY.finditer(text, 0, trig.start()) if b.end() <= trig.start()]
    if bodies and _BODY_THEN.fullmatch(text, bodies[-1].end(), trig.start()):
        return bodies[-1]
    if (
        bodies
        and _WHOSE.match(text, trig.end())
        and _BODY_WHOSE.fullmatch(text, bodies[-1].end(), trig.start())
    ):
        return bodies[-1]
    return None


def joint_states(gaz: Gazetteer, text: str) -> list[Entry]:
    """The two states of the last 'Russian-Chinese' / 'China-Russia' / 'российско-китайский'
    compound in `text`."""
    for m in reversed(list(JOINT.finditer(text))):
        a, b = (gaz.state_for_adjective(w) or gaz.state_named(w) for w in m.groups())
        if a is not None and b is not None and a.country != b.country:
            return [a, b]
    for m in reversed(list(_JOINT_RU.finditer(text))):
        a, b = (_russian_state(gaz, w) for w in m.groups())
        if a is not None and b is not None and a.country != b.country:
            return [a, b]
    return []


_JOINT_RU = re.compile(r"(?<![а-яё])([а-яё]{4,}о)-([а-яё]{4,})", re.I)


def _russian_state(gaz: Gazetteer, word: str) -> Entry | None:
    """The state a Russian relational adjective names in any form, also its combining form
    ('российско-', 'китайской', 'американо-'): by the stem of its lemma."""
    low = word.lower()
    for stem, entry in _russian_stems(gaz):
        if low.startswith(stem):
            return entry
    return None


@cache
def _russian_stems(gaz: Gazetteer) -> tuple[tuple[str, Entry], ...]:
    from bilat.extract.gazetteer_ru import russian_names  # only Russian texts need it

    stems = {adj[:-2]: e for adj, e in russian_names(gaz).adjectives.items() if len(adj) > 6}
    return tuple(sorted(stems.items(), key=lambda se: -len(se[0])))


_SOMEONES = re.compile(r"\b(?:his|her|their|its)\s+(?:[\w-]+\s+){0,3}$", re.I)


def unplaced_counterpart(ctx: DocContext, gaz: Gazetteer, parts: list[Mention]) -> list[Mention]:
    """'Shugaev, who held talks with Defence Secretary Rajesh Kumar Singh': one side's person
    talks with (or its state is visited by) someone neither the gazetteer nor the text
    places; in a report on the pair, that is the other side (not someone the gazetteer knows
    without a state, like a UN official, nor 'his deputy X', who is of his side)."""
    pair = ctx.pair
    sides = {p.country for p in parts if p.type in ("person", "state")} & set(pair)
    unplaced = [p for p in parts if p.type == "person" and p.country is None]
    if len(sides) != 1 or len(unplaced) != 1 or gaz.lookup(unplaced[0].actor):
        return parts
    if _SOMEONES.search(ctx.clean_text[max(0, unplaced[0].start - 40) : unplaced[0].start]):
        return parts
    other = next(c for c in pair if c not in sides)
    return [replace(p, country=other) if p is unplaced[0] else p for p in parts]


_DELEGATION = re.compile(
    r"\b(?:([A-Z][\w-]+)\s+(?:[a-z-]+\s+){0,3})?delegations?\b(?:\s+(?P<of>from|of)\s+(?:the\s+)?)?"
    # "делегация Минсельхоза", "делегация из Хабаровска", "российская делегация"
    r"|(?<![а-яёА-ЯЁ])(?:(?P<adj>[а-яёА-ЯЁ-]+)\s+)?[дД]елегаци[а-яё]*(?P<ru>\s+(?:из\s+)?)?"
)


# adjectives between a delegation and who sent it: "делегация соседней провинции Хэйлунцзян"
_GENITIVE_ADJECTIVES = re.compile(r"(?:[а-яё-]+(?:ой|ей|ого|его)\s+){0,2}")


def delegation_sender(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, at: int, verb_end: int | None = None
) -> list[Mention]:
    """'a delegation from Yekaterinburg visited Chengdu', 'a Russian government delegation
    visited Harbin': the place or state that sent the delegation is the visitor (GOLD.md:
    people when named, otherwise the states). In Russian the delegation may follow the verb
    (`verb_end`): "в Благовещенск приедет делегация соседней провинции Хэйлунцзян"."""
    found = None
    for m in _DELEGATION.finditer(clause.text, 0, at - clause.start):
        found = m
    end = at
    if found is None and verb_end is not None and ctx.language == "ru":
        found = _DELEGATION.match(clause.text, verb_end - clause.start + 1)
        if found is not None and found.group("adj"):
            found = None  # "приедет делегация", not "приедет российская делегация ..."
        end = clause.end
    if found is None:
        return []
    if found.group("of") or found.group("ru"):
        pos = clause.start + found.end()
        adjectives = _GENITIVE_ADJECTIVES.match(ctx.clean_text, pos)  # "соседней провинции"
        pos = adjectives.end() if adjectives else pos
        after = [m for m in ctx.mentions_in(pos, min(end, pos + 40)) if m.country]
        if after and after[0].start == pos:
            return after[:1]
    group = 1 if found.group(1) else "adj"  # the English or the Russian word before it
    word = found.group(group)
    if not word:
        return []
    start = clause.start + found.start(group)
    end = start + len(word)
    state = gaz.state_for_adjective(word) or _russian_state(gaz, word)
    if state is not None and state.country:  # "a Russian government delegation"
        return [Mention(start, end, word, state.name, "state", state.country)]
    # "the Amur Region delegation": the place whose name the word is part of
    near = ctx.mentions_in(max(0, start - 40), end)
    return [m for m in near if m.country and m.start <= start and end <= m.end][:1]
