"""Visits: who travels where. The visitor of a clause ('X arrived in Moscow', 'the delegation
of Y'), not the resident ambassador or the host who invited; the state visited (the
destination, or the guest's host in 'received X'); a dateline's own state is not a participant.

requires: DocContext.mentions (actor stage); a Clause from `event_clauses`
assigns : nothing; helpers for `events`
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from bilat.extract.context import DocContext, Mention, in_dateline
from bilat.extract.event_clauses import Clause
from bilat.extract.event_headline import guest_of_the_dateline
from bilat.extract.event_merge import Found
from bilat.extract.event_parties import delegation_sender
from bilat.extract.event_people import anaphora, is_speaker, persons_between, told_before
from bilat.extract.gazetteer import Gazetteer

__all__ = [
    "as_state",
    "dateline_state",
    "destination_of",
    "one_meeting_each",
    "the_guest_of",
    "visitors_of",
]


def visitors_of(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, trig: re.Match[str], subject: list[Mention]
) -> list[Mention]:
    """'Putin's visit', 'Putin will visit', 'the visit of the head of government', 'a
    delegation from Yekaterinburg visited'."""
    at = clause.start + trig.start()
    # "a visit to Beijing last week by Energy Minister X": the one after "by"
    after = re.match(
        r"\s*(?:(?:\w+\s+){0,2}of|(?:[\w'’-]+\s+){0,5}?by)\s+", clause.text[trig.end() :]
    )
    if after is None and ctx.language == "ru" and not _VERB_RU.search(trig.group(0)):
        after = re.match(r"", clause.text[trig.end() :])  # the genitive follows: "визита Ван
        # И" (not a verb's object: "Шойгу посетил Пхеньян и встретился с Ким Чен Ыном")
    if after:
        pos = clause.start + trig.end() + after.end()
        found = persons_between(ctx, pos, min(clause.end, pos + 140))[:1]
        gap = ctx.clean_text[pos : found[0].start] if found else ""
        near = bool(found) and found[0].end <= pos + 60
        if found and _inviter(ctx, found[0]):
            found = []  # "визитом 7–10 мая по приглашению Владимира Путина": the host
        if found and (re.search(r"[,;:.]", gap) or not (near or _TITLE_ONLY.fullmatch(gap))):
            found = []  # "находившийся с визитом, назвал переговоры с Ли Цяном": not his
            # (but "the visit of the General Secretary of the Central Committee of the
            # Communist Party of Vietnam To Lam": a long title, his)
        if found:
            return found
        # "визит делегации Приморья", "the visit of a delegation of Primorye": who sent it
        sent = _DELEGATION_OF.match(ctx.clean_text, pos, clause.end)
        by = [m for m in ctx.mentions_in(pos, clause.end) if m.country]
        if sent and by and by[0].start == sent.end():
            return by[:1]
    if trig.group(0).lower() == "visiting":  # "held talks with visiting Chinese Premier Li
        # Qiang": the one the adjective names (his title between), not the host
        pos = clause.start + trig.end()
        guest = persons_between(ctx, pos, min(clause.end, pos + 70))[:1]
        if guest and _TITLE_ONLY.fullmatch(ctx.clean_text[pos : guest[0].start].lstrip()):
            return guest
    # "expecting you", "ждём в Благовещенске делегацию во главе с губернатором X"
    guest_follows = ("expect", "await", "wait", "invit", "welcom", "жд", "ожида")
    if trig.group(0).lower().startswith(guest_follows):
        reach = 90 if trig.group(0).lower().startswith(("жд", "ожида")) else 40
        guest = persons_between(ctx, clause.start + trig.end(), min(clause.end, at + reach))
        if guest:
            return guest[:1]
    handed = [
        m
        for m in persons_between(ctx, clause.start, at)
        if _HANDED_AN_INVITATION.match(ctx.clean_text, m.end, at + len(trig.group(0)))
    ]
    if handed:  # "X handed Lavrov an invitation to visit Iran", "передал Лаврову
        return handed[-1:]  # приглашение посетить Иран": the one who receives it (not "your
        # invitation": the host's)
    # not the people of a relative clause blanked out of this one ("Kim, who held talks
    # with Putin in September, has accepted an invitation to visit Moscow": Kim)
    before = [
        m
        for m in persons_between(ctx, clause.start, at)
        if clause.text[m.start - clause.start : m.end - clause.start].strip()
    ]
    not_source = [
        m
        for m in before
        if (not is_speaker(ctx, m) or _SAYS_HE.match(ctx.clean_text, m.end, at))
        and not _inviter(ctx, m)
        and not (_ARRIVE.match(trig.group(0)) and _resident_envoy(ctx, m))
    ]
    if not_source:  # 'Ushakov said ... during the visit': no visitor named
        sender = delegation_sender(ctx, gaz, clause, at)  # "a delegation of X led by Governor Y"
        if sender or not_source[-1].country is None:
            return [not_source[-1], *sender]
        if re.match(r"['’]s\s+(?:[\w-]+\s+){0,2}$", ctx.clean_text[not_source[-1].end : at]):
            return not_source[-1:]  # "Putin's visit"
        return guest_of_the_dateline(ctx, clause, not_source)[-1:]
    pronoun = anaphora(clause.text)
    if subject and pronoun:
        return told_before(gaz, pronoun, subject)[:1]
    sender = delegation_sender(ctx, gaz, clause, at, clause.start + trig.end())
    if not sender and _DURING_A_VISIT.search(clause.text, 0, trig.start()):
        # "During working visit to Tehran on December 9, Minister X ...": the subject after
        return persons_between(ctx, clause.start + trig.end(), clause.end)[:1]
    return sender


_HANDED_AN_INVITATION = re.compile(
    r"\s+(?:an?|the)\s+(?:(?:official|formal|personal)\s+)?invitation\s+to\s+"
    r"(?:pay\s+(?:an?\s+)?(?:[\w-]+\s+)?)?visit\b|\s+приглашени[ея]\s+(?:посетить|приехать)\b",
    re.I,
)
_DELEGATION_OF = re.compile(
    r"\s*(?:(?:an?|the)\s+)?(?:[\w-]+\s+)?(?:delegation\s+(?:of|from)\s+(?:the\s+)?"
    r"|делегаци\w+\s+(?:из\s+)?)",
    re.I,
)
_DURING_A_VISIT = re.compile(
    r"^\W*(?:during|in\s+the\s+course\s+of)\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:[\w-]+\s+)?$", re.I
)
_ARRIVE = re.compile(r"(?:arriv|land|прибы|прибуд)", re.I)
# a speaker telling his own trip: "Putin said he would visit China in April", "Trump has said
# he will travel to Beijing" (not "she hopes to visit China when the time is right")
_SAYS_HE = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:said|says|told\s+[\w-]+|announced|confirmed)\s+(?:that\s+)?"
    r"(?:he|she)\s+(?:(?:would|will|is\s+to|was\s+to|(?:plans?|planned|intends?|intended)"
    r"\s+to|(?:is|was)\s+going\s+to)\s+(?:also\s+|soon\s+)?)?"
    r"(?:pay\s+(?:an?\s+)?(?:[\w-]+\s+)?)?$",
    re.I,
)
_ENVOY = re.compile(r"\b(?:ambassador|consul|посол|консул)", re.I)


def _resident_envoy(ctx: DocContext, m: Mention) -> bool:
    """An ambassador 'who arrived in Kazan' travels inside the state he is posted to: no
    visit between the sides."""
    text = ctx.clean_text
    return bool(_ENVOY.search(text, max(0, m.start - 60), min(len(text), m.end + 80)))


_INVITER_AFTER = re.compile(r"(?:['’]s?)?\s+invitation\b", re.I)
_INVITER_BEFORE = re.compile(
    r"(?:\binvitation\s+(?:of|from)|(?<!\w)по\s+приглашению)\s+(?:\w+\s+){0,3}$", re.I
)


def _inviter(ctx: DocContext, m: Mention) -> bool:
    """'your invitation to visit China', 'at the invitation of Xi Jinping', 'по приглашению
    Владимира Путина': the host who invites, not the visitor."""
    text = ctx.clean_text
    return bool(
        _INVITER_AFTER.match(text, m.end)
        or _INVITER_BEFORE.search(text[max(0, m.start - 40) : m.start])
    )


def dateline_state(ctx: DocContext, m: Mention) -> bool:
    """'SEOUL, South Korea (AP) —': the state of the dateline's city is where the report was
    filed, no party to what it tells (`context.in_dateline`)."""
    return m.type == "state" and in_dateline(ctx.clean_text, m.start, m.end)


# "met Chinese President Xi Jinping and Premier Li Qiang": the two told as objects of one
# verb, with titles between
_AND_TITLED = re.compile(r"\s*,?\s+and(?:\s*,?\s*separately\s*,)?\s+(?:[A-Za-z.'’-]+\s+){0,8}?$")


_COMMA = re.compile(r"\s*,\s*")
_COMMA_TITLED = re.compile(r"\s*,\s+(?:[A-Za-z.'’-]+\s+){0,8}?")  # ", Prime Minister "
# three together, not two meetings: "a trilateral meeting", "held joint talks", "втроём"
_TOGETHER = re.compile(
    r"\b(?:trilateral|three-way|jointly|together|joint\s+talks)\b|трехсторонн|трёхсторонн", re.I
)


def one_meeting_each(
    ctx: DocContext, clause: Clause, trig: re.Match[str], parts: list[Mention], found: Found
) -> list[Found]:
    """'Sharif met Chinese President Xi Jinping and Premier Li Qiang during the visit', 'is
    scheduled to meet State President Luong Cuong, Prime Minister Pham Minh Chinh and
    National Assembly Chairman Tran Thanh Man': one visitor meets each of the hosts named
    after the verb (a meeting each, GOLD: each contact an event)."""
    at = clause.start + trig.end()
    people = list({m.actor: m for m in parts if m.type == "person"}.values())
    before = [m for m in people if m.end <= clause.start + trig.start()]
    after = [m for m in people if m.start >= at]
    if len(before) != 1 or not 2 <= len(after) <= 4 or before[0].country is None:
        return []
    sides = {h.country for h in after}
    same_side = len(sides) == 1 and sides.isdisjoint({None, before[0].country})
    # ... or each of other states' leaders, as at a summit: "Putin meets Xi, Modi as BRICS
    # summit opens", "met Chinese President Xi Jinping and Indian Prime Minister Modi"
    apart = len(sides - {None, before[0].country}) == len(after) and not _TOGETHER.search(
        clause.text
    )
    text = ctx.clean_text
    *listed, (last_a, last_b) = list(pairwise(after))
    joined = _AND_TITLED.fullmatch(text, last_a.end, last_b.start) or (
        apart and _COMMA.fullmatch(text, last_a.end, last_b.start)
    )
    if not (same_side or apart) or not joined:
        return []
    if not all(_COMMA_TITLED.fullmatch(text, a.end, b.start) for a, b in listed):
        return []
    return [
        replace(found, event=replace(found.event, participants=(before[0].actor, host.actor)))
        for host in after
    ]


def as_state(gaz: Gazetteer, m: Mention) -> Mention | None:
    if m.type == "state":
        return m
    if m.type == "place" and m.country and len(m.country) == 2:
        try:
            state = gaz.state(m.country)
        except KeyError:
            return None
        return Mention(m.start, m.end, m.text, state.name, "state", state.country)
    return None


def destination_of(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, trigger_end: int, visitors: list[Mention]
) -> Mention | None:
    """The state visited: the first state or place after the trigger ('visit to China',
    'the visit of Putin, who arrived in China') that is not the visitor's own country."""
    home = {v.country for v in visitors}
    after = ctx.mentions_in(trigger_end, clause.end)
    before = ctx.mentions_in(clause.start, trigger_end)[::-1]
    for m in (*after, *before):
        state = as_state(gaz, m)
        if state is not None and state.country not in home:
            return state
    capital = _the_capital(ctx, gaz, clause, home)
    if capital is not None:  # "arrived in the Saudi capital on Tuesday for a visit"
        return capital
    if _RETURN_VISIT.search(clause.text, max(0, trigger_end - clause.start - 30)):
        # "Pezeshkian's office says it expects Putin to pay a return visit": to the side the
        # clause names that is not the visitor's
        hosts = [m for m in before if m.type == "person" and m.country in set(ctx.pair) - home]
        country = hosts[0].country if hosts and len(home) == 1 else None
        if country is not None:
            host, name = hosts[0], gaz.state(country).name
            return Mention(host.start, host.end, host.text, name, "state", country)
    return None


_CAPITAL = re.compile(r"\bthe\s+([A-Z][a-z]+)\s+capital\b")


def _the_capital(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, home: set[str | None]
) -> Mention | None:
    """'the Saudi capital', 'the Kazakh capital': the state its adjective names, as the
    place visited (not the visitor's own)."""
    for m in _CAPITAL.finditer(clause.text):
        entry = gaz.state_for_adjective(m.group(1))
        if entry is not None and entry.country not in home:
            start, end = clause.start + m.start(), clause.start + m.end()
            return Mention(start, end, m.group(0), entry.name, "state", entry.country)
    return None


def the_guest_of(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, trig: re.Match[str], visitors: list[Mention]
) -> tuple[list[Mention], Mention | None]:
    """'X held talks with Li Qiang in Beijing, on the second day of an official visit to
    China': when the visitor found is at home in the destination the word names, the person
    of the clause before it from another state is the guest (the destination: None when the
    word names none, or the visitor found is not at home there)."""
    at = clause.start + trig.end()
    to = re.match(r"\s+to\s+(?:the\s+)?", ctx.clean_text[at : clause.end])
    if (
        to is None
        and re.search(r"\bto$", trig.group(0), re.I)  # the word holds it: "a trip to"
        and not _HIS_NTH.search(clause.text, 0, trig.start())
    ):  # (not "met Wang, his first trip to China since ...": `this_trip` places that one)
        to = re.match(r"\s+(?:the\s+)?", ctx.clean_text[at : clause.end])
    if to is None:
        return visitors, None
    state = next(
        (s for m in ctx.mentions_in(at + to.end(), clause.end)[:1] if (s := as_state(gaz, m))),
        None,
    )
    if state is None or not visitors or any(v.country != state.country for v in visitors):
        return visitors, None
    guests = [
        m
        for m in persons_between(ctx, clause.start, clause.start + trig.start())
        if m.country and m.country != state.country
    ]
    return (guests[:1], state) if guests else (visitors, None)


# a Russian verb of travel in the past or future ("посетил", "посетят", "прибыла"), whose
# traveller is its subject, before it
_VERB_RU = re.compile(
    r"(?:посет|прибы|приех|прилет|прибуд|приед|отправ|съезд|наведа)\w*(?:л|ла|ли|ло|т|ет|ит|ят|ут)$",
    re.I,
)
_HIS_NTH = re.compile(r"\b(?:his|her|their)\s+(?:[\w-]+\s+){0,2}$", re.I)
_RETURN_VISIT = re.compile(r"\breturn\s+(?:state\s+|official\s+)?visit|ответн\w+\s+визит", re.I)


# a title of capitalised words before a name ("the General Secretary of the Central Committee")
_TITLE_ONLY = re.compile(r"(?:(?:the|of|and|for|[A-Z][\w'’-]*)\s+)*")
