"""Events: contacts between the sides and joint actions (PLOVER CONSULT / COOPERATE military).

requires: DocContext.mentions (from the actor stage), sentences, publication date
assigns : Event records (evidence in clean-text offsets), one per real-world event

A sentence is split into clauses ("X received A in February, and in July he spoke with B");
each clause with a trigger (data/events.yaml) becomes a candidate with its participants,
date (resolved against the publication date), place and status (planned from modality or a
date after publication). "At the highest level" with a date is a meeting of the pair's heads
of state on that date (gazetteer roles); a trigger-less clause that only adds a date and place
("met in May in Moscow and in September in Tianjin") repeats the event of the clause before.
Clauses and triggers come from `event_clauses`. A meeting of a joint body ("the
Russian-Chinese commission", "the China-Russia Energy Business Forum", or "the Commission" once
the text named it so) involves both its states; the sender of a telegram or message is not
at the occasion it greets. Candidates not involving the tracked pair are dropped, and
candidates for the same real-world event are merged (`event_merge`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from bilat.extract.context import DocContext, Mention
from bilat.extract.event_clauses import (
    Clause,
    find_triggers,
    lexicon,
    names_exercise,
    split_clauses,
    with_exercise_anaphora,
)
from bilat.extract.event_dates import (
    FUTURE_TRIGGER,
    any_date,
    any_expr,
    event_date,
    followed_date,
    for_a_planned_trip,
    in_year,
    planned_near,
    redated_talks,
    status_by_date,
    talks_told_again,
    told_after_a_past_one,
)
from bilat.extract.event_headline import guest_of_the_dateline, headline_dated_by_lead
from bilat.extract.event_marks import contacts_told, exercise_phase, marks_of
from bilat.extract.event_merge import (
    GROUP_MODES,
    SERIES,
    Found,
    dedupe,
    trip_dates,
    without_headline_repeats,
)
from bilat.extract.event_offices import heads_of_state, pair_by_office, pair_states
from bilat.extract.event_parties import (
    JOINT,
    coordinated_sides,
    counterpart_adjectives,
    delegation_sender,
    forces,
    greets,
    joint_body,
    joint_mentions,
    joint_states,
    unnamed_as_states,
    unplaced_counterpart,
)
from bilat.extract.gazetteer import Gazetteer
from bilat.extract.temporal import find_time_expressions
from bilat.extract.turns import in_speaker_label, plural_pronoun, speaker_at, with_turn_pronouns
from bilat.extract.wordre import mostly_cyrillic
from bilat.records import Event, Evidence

__all__ = ["extract_events"]

DAYS_APART = re.compile(
    r"(?P<n>a|one|two|three|four|five)\s+(?:day|days)\s+(?P<way>after|before)", re.I
)
_NUMBER = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


_PRONOUN = re.compile(
    r"^\s*(?:and\s+)?(?:[A-Za-z0-9 ,]{0,30}\s)?(?:he|she|his|her|they|their|who|the delegation"
    r"|(?:the\s+two|both|the)\s+(?:foreign\s+|prime\s+|defen[cs]e\s+|energy\s+|trade\s+)?"
    r"(?:ministers|leaders|presidents|premiers|co-chairs|governors|mayors)"
    # ("The two Presidents agreed to meet on the sidelines of ...": the two; not "agreed to
    # hold the next meeting of the Council": the states)
    r"(?=\s+(?:last\s+|also\s+|have\s+|had\s+|will\s+|(?:also\s+)?agreed\s+to\s+(?=meet\b)|"
    r"(?:are|were)\s+(?:due|expected|set|scheduled)\s+to\s+(?=meet\b))?"
    r"(?:spoke|speak|met|meet|talked|held|hold|had|discussed|exchanged)\b)"
    r"|the\s+(?:(?:foreign|prime|finance|deputy\s+prime)\s+)?(?:minister|governor|premier)"
    r"(?!\s+(?-i:[A-Z])))\b"
    # "..., during talks on the sidelines of ...": the contact of the clause before
    r"|^\s*(?:during|in\s+the\s+course\s+of|at)\s+(?:(?:their|the|a)\s+)?(?:[\w-]+\s+)?"
    r"(?:talks|meeting|phone\s+call|call|conversation|videoconference)\b"
    # "Вице-премьеры, встречавшиеся в Москве в июне, ...": the two named before
    r"|^\s*(?:оба\s+|обе\s+)?(?:вице-премьеры|министры|премьеры|президенты|лидеры|губернаторы"
    r"|сопредседатели|мэры|главы\s+(?:регионов|областей|провинций|городов))(?=,?\s)"
    # "The sides agreed to hold the next meeting", "Стороны договорились провести" (not "the
    # parties signed", "continue negotiations", "agreed to speed up talks on a deal")
    r"|^\s*(?:the\s+(?:two\s+)?(?:sides|parties)|стороны)\b(?=\s+(?:also\s+)?"
    r"(?:(?:agreed|decided|plan(?:ned)?|intend(?:ed)?)\s+to\s+(?:hold|meet|convene)\b|will\s+(?:hold|meet)"
    r"|held\s+(?:talks|a\s+meeting|consultations)|met\b|(?:договорились|условились|решили)\s+"
    r"(?:\S+\s+){0,3}?провести|провели\s+(?:переговоры|встречу|консультации)))"
    # "[Manturov and Ding held a call on Friday] and agreed to hold the next meeting": the
    # same people (bilat.extract.event_clauses splits there)
    r"|^\s*agreed(?=\s+to\s+(?:hold|meet|convene)\b"
    r"|\s+that\s+the\s+(?:next|\d+(?:st|nd|rd|th))\b)"  # "and agreed that the 31st meeting ..."
    # "[Xi and Putin, who met twice last year, ...,] and held a video call in February"
    r"|^\s*(?:held|had|spoke|talked)(?=\s+(?:a|an|by|on|over|via)\s+(?:[\w-]+\s+)?"
    r"(?:phone|telephone|video|call|conversation|talks)\b)"
    r"|^\s*" + DAYS_APART.pattern + r"\s+(?:his|her|their)\b"
    # "[X посетит Москву, где проведет переговоры с Y,] а также вместе с Z проведет заседание"
    r"|^\s*а\s+также\b"
    # "[Modi will be in Tianjin for the summit,] and is expected to hold a bilateral meeting"
    r"|^\s*(?:and\s+)?(?:is|are)\s+(?:also\s+)?(?:due|expected|scheduled|set|to)\b"
    r"|^\s*(?:и\s+)?(?:[А-Яа-яЁё ,]{0,30}\s)?(?:он|она|они|котор(?:ый|ая|ые)"
    r"|(?:министр|губернатор|премьер|лидер)(?:а|у|ом|е|ы|ов|ам)?"
    r"|глав[аыуе]\s+(?:региона|края|области|ведомства))\b"
    r"(?!\s+(?-i:[А-ЯЁ]))",
    re.I,
)  # "the delegation": the one the sentence before named, with the people leading it;
# "the minister", "министр" without a name: the one the sentence before named


def _persons(ctx: DocContext, start: int, end: int) -> list[Mention]:
    return [m for m in ctx.mentions_in(start, end) if m.type == "person"]


_BETWEEN = re.compile(
    # not "Trade between Russia and Saudi Arabia rose ...": the two ends of a flow
    r"(?<![Tt]rade )(?<![Tt]urnover )(?<![Cc]ommerce )(?<![Ff]lights )"
    r"\bbetween\s+(.{3,80}?)\s+and\s+(.{3,60}?)"
    r"(?=[,.;]|\s+(?:on|in|at|was|were|took|held)\b|$)"
)


_SAYS = re.compile(
    r"^[\s,]*(?:\w+\s+)?(?:said|says|told|added|noted|stressed|recalled|explained|confirmed|"
    r"reported|announced)\b",
    re.I,
)


def _is_speaker(ctx: DocContext, m: Mention) -> bool:
    """'Kremlin aide Yuri Ushakov told reporters', '..., Ushakov added': the source of the
    report, not a party to the event."""
    before = ctx.clean_text[max(0, m.start - 16) : m.start].lower()
    if before.endswith("according to ") or _SAYS.match(ctx.clean_text[m.end : m.end + 30]):
        return True
    # Russian: "..., сообщил пресс-секретарь президента РФ Дмитрий Песков"
    return ctx.language == "ru" and bool(
        _SAYS_RU.search(ctx.clean_text[max(0, m.start - 80) : m.start])
    )


_BODY_SAYS = re.compile(
    r"(?:['’]s)?(?:\s+[\w-]+){0,3}\s+(?:said|says|reported|announced|stated)\b", re.I
)


_SAYS_RU = re.compile(
    r"(?:^|[,.—–-]\s*|\bкак\s+)(?:сообщил|заявил|сказал|отметил|рассказал|пояснил|подчеркнул|"
    r"уточнил|добавил|передает|передаёт)[аи]?\s+(?:[\w-]+\s+){0,5}$",
    re.I,
)


def _without_speakers(ctx: DocContext, persons: list[Mention]) -> list[Mention]:
    kept = [m for m in persons if not _is_speaker(ctx, m)]
    return kept if len({m.actor for m in kept}) >= 2 else persons


# both sides: "the parties/стороны", and "[X and Y held a call] and agreed to hold ..."
_SIDES = re.compile(r"\b(?:sides|parties|стороны|agreed)$", re.I)
_SAID_HE = re.compile(r"\b(?:said|says|told\s+\w+|added|noted|recalled)\s+(?:that\s+)?(?:he|she)$")
_RELATIVE_WHO = re.compile(r"\b(?:who|котор(?:ый|ая|ые))$", re.I)


def _told_before(
    gaz: Gazetteer, pronoun: re.Match[str], subject: list[Mention], earlier: Sequence[Mention] = ()
) -> list[Mention]:
    """The people told before whom a pronoun or office names: 'he' one, 'they/their' and
    'the two ministers' two; 'the Indian premier', 'индийского премьера' the one of that side
    ('Putin and Modi spoke ..., and a visit of the Indian premier is planned'), also further
    back than the last clause's people (`earlier`: the persons named before, in order)."""
    words = re.findall(r"[^\W\d_]+", pronoun[0])
    side = _side_of_adjective(gaz, words[-2]) if len(words) >= 2 else None
    of_side = [m for m in subject if side is not None and m.country == side]
    if not of_side and side is not None:
        of_side = [m for m in reversed(earlier) if m.country == side]
    if of_side:
        return of_side[:1]
    # "who" may be "Li Qiang and Mishustin, who held talks"
    plural = re.search(
        r"\b(?:they|their|who|ministers|leaders|presidents|premiers|co-chairs|sides|parties|agreed"
        r"|governors|mayors|мэры|главы\s+\w+"
        r"|held|had|spoke|talked"  # the coordinated verb's subject is the whole one
        r"|talks|meeting|call|conversation|videoconference"  # "..., during talks": both
        r"|(?:оба|обе)\s+\w+"  # "Оба министра"
        r"|они|которые|стороны"
        r"|(?:министр|губернатор|премьер|лидер|президент)(?:ы|ов|ам|ами)|сопредседатели)$",
        pronoun[0],
        re.I,
    )
    if re.search(r"\b(?:sides|parties|стороны)$", pronoun[0], re.I) and len(subject) < 2:
        return []  # "Putin will meet him, and the two sides agreed to hold ...": the states
    return subject[:2] if plural else subject[:1]


def _side_of_adjective(gaz: Gazetteer, word: str) -> str | None:
    """The state an adjective names, English or Russian in any case form."""
    entry = gaz.state_for_adjective(word)
    if entry is None and mostly_cyrillic(word):
        from bilat.extract.gazetteer_ru import russian_names  # only Russian texts need it

        entry = russian_names(gaz).state_for_adjective(word)
    return entry.country if entry is not None else None


def _participants(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, subject: list[Mention]
) -> list[Mention]:
    between = _BETWEEN.search(clause.text)
    if between:
        span = ctx.mentions_in(clause.start + between.start(1), clause.start + between.end(2))
        named = [m for m in span if m.type in ("person", "state")]
        if len({m.actor for m in named}) >= 2:
            return named
    found = [m for m in ctx.mentions_in(clause.start, clause.end) if m.type != "place"]
    shown = [m for m in found if clause.text[m.start - clause.start : m.end - clause.start].strip()]
    # one named in a relative clause told apart (blanked: event_clauses._relative_apart) is
    # the counterpart only when the clause around it names none ("Overchuk, who met He
    # Lifeng in May, is to co-chair the next session")
    if len({m.actor for m in shown if m.type == "person"}) >= 2:
        found = shown
    persons = _without_speakers(ctx, [m for m in found if m.type == "person"])
    pronoun = _PRONOUN.match(clause.text) or _SAID_AFTER.search(clause.text)
    named_first = any(m.end <= clause.start + pronoun.end() for m in persons) if pronoun else False
    if (
        subject
        and pronoun
        and not (named_first and _RELATIVE_WHO.search(pronoun[0]))
        and not (named_first and _SAID_HE.search(pronoun[0]))  # "Tau said he had raised it
    ):  # with Wang in a phone call": Tau
        # "Ding, who last met Manturov": the one named before "who", not the last clause's
        earlier = _persons(ctx, 0, clause.start)
        persons = [*_told_before(gaz, pronoun, subject, earlier), *persons]
    if len({m.actor for m in persons}) == 1 and _MEET_HIM.search(clause.text):
        persons = [*persons, *_met_before(ctx, clause, persons[0])]
    if subject and not persons and _REGION_HEADS.search(clause.text):
        persons = subject[:2]  # "Следующая встреча глав двух регионов": the two told before
    offices = _unnamed_officials(ctx, clause)
    if pronoun and _SIDES.search(pronoun[0]):  # "The sides agreed to hold the next meeting":
        at, end = clause.start + pronoun.start(), clause.start + pronoun.end()  # both states
        offices += pair_states(ctx, gaz, at, end, pronoun[0])
    states = _joined_states(ctx, [m for m in found if m.type == "state"])
    if (
        persons
        and not _involves_pair(persons, ctx.pair, "")
        and _involves_pair(states, ctx.pair, "")
    ):
        # "Pakistan and Russia have agreed to resume negotiations next month, minister X
        # said": the two states, not the one who told it
        told = [p for p in persons if p.country and not _is_speaker(ctx, p)]
        return [*told, *states, *offices]
    if persons:
        return [*persons, *offices]
    bodies = [
        m
        for m in found
        if m.type in ("state", "organization", "company")
        and not (m.type == "organization" and _BODY_SAYS.match(ctx.clean_text, m.end))
    ]  # not "..., the Russian government's press service said"
    return _regions_of_a_joint_body(ctx, clause) + bodies + offices


# "the next meeting of the Novosibirsk - Heilongjiang working group": the two regions meet
_REGIONS_BODY = re.compile(
    r"\b([A-Z][\w'’-]+)\s*[-–—]\s*([A-Z][\w'’-]+)\s+(?:joint\s+)?(?:working\s+group|"
    r"(?:sub-?)?commission|(?:sub-?)?committee|council)\b"
)


def _regions_of_a_joint_body(ctx: DocContext, clause: Clause) -> list[Mention]:
    """The regions a joint body is named for, one of each side of the pair."""
    m = _REGIONS_BODY.search(clause.text)
    if m is None:
        return []
    places = [
        x
        for x in ctx.mentions_in(clause.start + m.start(), clause.start + m.end(2))
        if x.type == "place" and x.country in ctx.pair
    ]
    return places if len({x.country for x in places}) == 2 else []


# "Xi Jinping is scheduled to meet with him on Wednesday": the one told before
_MEET_HIM = re.compile(
    r"\b(?:meet|meets|met|meeting|receive|receives|received|talks|speak|spoke)\s+(?:with\s+)?"
    r"(?:him|her)\b",
    re.I,
)


def _met_before(ctx: DocContext, clause: Clause, who: Mention) -> list[Mention]:
    """The last person named before the clause, of the other side when both sides are known
    (the guest the host is to meet)."""
    for m in reversed(_persons(ctx, 0, clause.start)):
        if m.actor != who.actor and not (m.country and who.country and m.country == who.country):
            return [m]
    return []


def _joined_states(ctx: DocContext, states: list[Mention]) -> list[Mention]:
    """States named together as one subject ('Pakistan and Russia have agreed')."""
    text = ctx.clean_text
    for a, b in itertools.pairwise(states):
        if a.country != b.country and re.fullmatch(r"\s+and\s+", text[a.end : b.start]):
            return [a, b]
    return []


_THEIR = re.compile(r"\btheir\s+(?:(?:last|previous|first|recent|latest)\s+)?$", re.I)
# the speaker of a quote or statement told with the contact he spoke after: '"...," he told
# reporters after receiving a courtesy call from X', 'he said in a statement after meeting X'
_SAID_AFTER = re.compile(
    r"(?:^|[\"”,]\s*)\b(?:he|she)\s+(?:told|said|added|noted|stressed|says)\b"
    r"(?=[^.;\"“”]{0,60}?\b(?:after|following|during)\b)",
    re.I,
)


# the heads of two regions, who no gazetteer office names: the two people told before
_REGION_HEADS = re.compile(
    r"(?<![\w-])(?:глав\w*|губернатор\w*|руководител\w*)\s+(?:двух|обоих|обеих)\s+"
    r"(?:регионов|областей|провинций|субъектов|городов)(?![\w-])"
    r"|\b(?:the\s+)?(?:two|both)\s+(?:governors|mayors)\b"
    r"|\bheads\s+of\s+(?:the\s+)?(?:two|both)\s+(?:regions|provinces|cities)\b",
    re.I,
)


_OFFICIAL_OF = re.compile(
    r"\b(?:governor|vice[- ]governor|mayor|head|leadership|authorities|government|"
    r"administration|officials?|representatives)\s+of\s+(?:the\s+)?$",
    re.I,
)


def _unnamed_officials(ctx: DocContext, clause: Clause) -> list[Mention]:
    """'held talks with the governor of Heilongjiang Province': an official the text does not
    name takes part as the region or city they head (GOLD: people when named, otherwise the
    states or bodies)."""
    text = ctx.clean_text
    return [
        m
        for m in ctx.mentions_in(clause.start, clause.end)
        if m.type == "place"
        and m.country
        and _OFFICIAL_OF.search(text, max(0, m.start - 40), m.start)
    ]


def _visitors(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, trig: re.Match[str], subject: list[Mention]
) -> list[Mention]:
    """'Putin's visit', 'Putin will visit', 'the visit of the head of government', 'a
    delegation from Yekaterinburg visited'."""
    at = clause.start + trig.start()
    after = re.match(r"\s*(?:\w+\s+){0,2}(?:of|by)\s+", clause.text[trig.end() :])
    if after is None and ctx.language == "ru":  # the genitive follows: "визита Ван И"
        after = re.match(r"", clause.text[trig.end() :])
    if after:
        pos = clause.start + trig.end() + after.end()
        found = _persons(ctx, pos, min(clause.end, pos + 140))[:1]
        gap = ctx.clean_text[pos : found[0].start] if found else ""
        near = bool(found) and found[0].end <= pos + 60
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
    guest_follows = ("expect", "await", "wait", "invit", "welcom")  # "expecting you"
    if trig.group(0).lower().startswith(guest_follows):
        guest = _persons(ctx, clause.start + trig.end(), min(clause.end, at + 40))
        if guest:
            return guest[:1]
    handed = [
        m
        for m in _persons(ctx, clause.start, at)
        if _HANDED_AN_INVITATION.match(ctx.clean_text, m.end, at + len(trig.group(0)))
    ]
    if handed:  # "X handed Lavrov an invitation to visit Iran", "передал Лаврову
        return handed[-1:]  # приглашение посетить Иран": the one who receives it (not "your
        # invitation": the host's)
    # not the people of a relative clause blanked out of this one ("Kim, who held talks
    # with Putin in September, has accepted an invitation to visit Moscow": Kim)
    before = [
        m
        for m in _persons(ctx, clause.start, at)
        if clause.text[m.start - clause.start : m.end - clause.start].strip()
    ]
    not_source = [
        m
        for m in before
        if not _is_speaker(ctx, m)
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
    pronoun = _PRONOUN.match(clause.text)
    if subject and pronoun:
        return _told_before(gaz, pronoun, subject)[:1]
    sender = delegation_sender(ctx, gaz, clause, at)
    if not sender and _DURING_A_VISIT.search(clause.text, 0, trig.start()):
        # "During working visit to Tehran on December 9, Minister X ...": the subject after
        return _persons(ctx, clause.start + trig.end(), clause.end)[:1]
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
_ENVOY = re.compile(r"\b(?:ambassador|consul|посол|консул)", re.I)


def _resident_envoy(ctx: DocContext, m: Mention) -> bool:
    """An ambassador 'who arrived in Kazan' travels inside the state he is posted to: no
    visit between the sides."""
    text = ctx.clean_text
    return bool(_ENVOY.search(text, max(0, m.start - 60), min(len(text), m.end + 80)))


_INVITER_AFTER = re.compile(r"(?:['’]s?)?\s+invitation\b", re.I)
_INVITER_BEFORE = re.compile(r"\binvitation\s+(?:of|from)\s+(?:\w+\s+){0,3}$", re.I)


def _inviter(ctx: DocContext, m: Mention) -> bool:
    """'your invitation to visit China', 'at the invitation of Xi Jinping': the host who
    invites, not the visitor."""
    text = ctx.clean_text
    return bool(
        _INVITER_AFTER.match(text, m.end)
        or _INVITER_BEFORE.search(text[max(0, m.start - 40) : m.start])
    )


def _involves_pair(parts: list[Mention], pair: tuple[str, str], mode: str) -> bool:
    """Both sides of the tracked pair take part (by person, state or body of each side)."""
    sides = {m.country for m in parts}
    return set(pair) <= sides


_DATELINE_CITY = re.compile(r"[A-Z][A-Z .'’-]{2,},\s+")
_DATELINE_END = re.compile(r"\s*(?:\([^)\n]{1,24}\)\s*)?[—–-]")


def _dateline_state(ctx: DocContext, m: Mention) -> bool:
    """'SEOUL, South Korea (AP) —': the state of the dateline's city is where the report was
    filed, no party to what it tells."""
    text = ctx.clean_text
    line = text.rfind("\n", 0, m.start) + 1
    return bool(
        m.type == "state"
        and _DATELINE_CITY.fullmatch(text, line, m.start)
        and _DATELINE_END.match(text, m.end)
    )


# "met Chinese President Xi Jinping and Premier Li Qiang": the two told as objects of one
# verb, with titles between
_AND_TITLED = re.compile(r"\s*,?\s+and(?:\s*,?\s*separately\s*,)?\s+(?:[A-Za-z.'’-]+\s+){0,8}?$")


def _one_meeting_each(
    ctx: DocContext, clause: Clause, trig: re.Match[str], parts: list[Mention], found: Found
) -> list[Found]:
    """'Sharif met Chinese President Xi Jinping and Premier Li Qiang during the visit', 'is
    scheduled to meet with Premier Li Qiang and Chairman Zhao Leji': one visitor meets each
    of two hosts named after the verb (two meetings, GOLD: each contact an event)."""
    at = clause.start + trig.end()
    people = list({m.actor: m for m in parts if m.type == "person"}.values())
    before = [m for m in people if m.end <= clause.start + trig.start()]
    after = [m for m in people if m.start >= at]
    if len(before) != 1 or len(after) != 2 or before[0].country is None:
        return []
    a, b = after
    same_side = a.country == b.country and a.country not in (None, before[0].country)
    if not same_side or not _AND_TITLED.fullmatch(ctx.clean_text, a.end, b.start):
        return []
    names = [before[0].actor]
    return [
        replace(found, event=replace(found.event, participants=(*names, host.actor)))
        for host in (a, b)
    ]


def _as_state(gaz: Gazetteer, m: Mention) -> Mention | None:
    if m.type == "state":
        return m
    if m.type == "place" and m.country and len(m.country) == 2:
        try:
            state = gaz.state(m.country)
        except KeyError:
            return None
        return Mention(m.start, m.end, m.text, state.name, "state", state.country)
    return None


def _destination(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, trigger_end: int, visitors: list[Mention]
) -> Mention | None:
    """The state visited: the first state or place after the trigger ('visit to China',
    'the visit of Putin, who arrived in China') that is not the visitor's own country."""
    home = {v.country for v in visitors}
    after = ctx.mentions_in(trigger_end, clause.end)
    before = ctx.mentions_in(clause.start, trigger_end)[::-1]
    for m in (*after, *before):
        state = _as_state(gaz, m)
        if state is not None and state.country not in home:
            return state
    if _RETURN_VISIT.search(clause.text, max(0, trigger_end - clause.start - 30)):
        # "Pezeshkian's office says it expects Putin to pay a return visit": to the side the
        # clause names that is not the visitor's
        hosts = [m for m in before if m.type == "person" and m.country in set(ctx.pair) - home]
        country = hosts[0].country if hosts and len(home) == 1 else None
        if country is not None:
            host, name = hosts[0], gaz.state(country).name
            return Mention(host.start, host.end, host.text, name, "state", country)
    return None


def _the_guest_of(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, trig: re.Match[str], visitors: list[Mention]
) -> tuple[list[Mention], Mention | None]:
    """'X held talks with Li Qiang in Beijing, on the second day of an official visit to
    China': when the visitor found is at home in the destination the word names, the person
    of the clause before it from another state is the guest (the destination: None when the
    word names none, or the visitor found is not at home there)."""
    at = clause.start + trig.end()
    to = re.match(r"\s+to\s+(?:the\s+)?", ctx.clean_text[at : clause.end])
    if to is None:
        return visitors, None
    state = next(
        (s for m in ctx.mentions_in(at + to.end(), clause.end)[:1] if (s := _as_state(gaz, m))),
        None,
    )
    if state is None or not visitors or any(v.country != state.country for v in visitors):
        return visitors, None
    guests = [
        m
        for m in _persons(ctx, clause.start, clause.start + trig.start())
        if m.country and m.country != state.country
    ]
    return (guests[:1], state) if guests else (visitors, None)


_RETURN_VISIT = re.compile(r"\breturn\s+(?:state\s+|official\s+)?visit|ответн\w+\s+визит", re.I)


_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})")


def _place(ctx: DocContext, clause: Clause) -> str | None:
    """The first 'in/at <Name>' that is a place ('in May in Moscow' is Moscow)."""
    for m in _PLACE.finditer(clause.text):
        if JOINT.match(clause.text, m.start(1)):
            continue  # "at the Russia-China Energy Forum": a name, not a place
        if lexicon().topic_before_place.search(clause.text, max(0, m.start() - 20), m.start()):
            continue  # "to discuss the conflict in Ukraine": a subject, not a place
        start = clause.start + m.start(1)
        for ent in ctx.ents:
            if ent.start_char == start and ent.label_ in ("GPE", "LOC", "FAC"):
                return str(ent.text).split("\n")[0].strip()
        end = start + len(m.group(1))
        known = [x for x in ctx.mentions_in(start, end) if x.type in ("state", "place")]
        if known:
            return known[0].text
    return None


def _has_person(parts: list[Mention]) -> bool:
    return any(p.type == "person" for p in parts)


def _build(
    ctx: DocContext,
    clause: Clause,
    mode: str,
    parts: list[Mention],
    trig: re.Match[str],
    others: list[re.Match[str]],
    counted: bool = False,
) -> Found | None:
    """`counted`: the clause counts the people by their states ('Russian and Chinese
    officials') or names the joint body that meets, which names the parties as well as a
    person does."""
    parts = [  # (a speaker named by the turn's label takes part when the clause says so)
        p
        for p in parts
        if not _dateline_state(ctx, p)
        and not (clause.start <= p.start < clause.end and in_speaker_label(ctx, p))
    ]
    in_pair = {m.country for m in parts} & set(ctx.pair)
    if not in_pair or (mode not in GROUP_MODES and not _involves_pair(parts, ctx.pair, mode)):
        return None
    planned = (
        planned_near(clause.text, trig, others)
        or bool(FUTURE_TRIGGER.match(trig[0]))
        or for_a_planned_trip(clause.text, trig, others)
    ) and not (mode == "military" and lexicon().exercise_under_way.search(clause.text))
    date, date_end = event_date(clause, ctx, planned, trig, others)
    moved = _moved_to(ctx, clause)
    if moved is not None:  # "has been postponed until early next year": a plan, then
        planned, (date, date_end) = True, moved
    if date is None and (planned or mode in ("visit", "multilateral")):
        after = told_after_a_past_one(clause.text, trig, others) if planned else None
        date, date_end = any_date(clause, ctx, planned, after)  # "will visit China at the end of
        # August, where he will take part in the SCO summit": the trip's date is the summit's
    if date is None and planned:
        date = followed_date(clause, ctx, trig)
    status = "planned" if planned else status_by_date(date, ctx.published)
    explicit = date is not None
    named = counted or _has_person(parts) or bool(lexicon().plural_heads.search(clause.text))
    if mode in ("meeting", "call", "video") and not explicit and not named:
        return None  # "the talks are an opportunity...": no one, no date, no event
    if status == "occurred" and date is None and not SERIES.search(clause.text):
        date = ctx.published  # told as news: the day of the report
    names = tuple(dict.fromkeys(p.actor for p in parts))
    kind = "COOPERATE" if mode == "military" else "CONSULT"
    quote = Evidence(clause.sentence.start, clause.sentence.end, clause.sentence.text)
    event = Event(kind, mode, status, names, date, date_end, _place(ctx, clause), quote)
    sides: set[str] = {p.country for p in parts if p.country is not None}
    if mode == "multilateral":  # a summit the other side hosts ("to China for the SCO summit")
        sides |= _host_states(ctx, clause)
    times = contacts_told(clause.text, trig) if status == "occurred" else 1
    phase = exercise_phase(clause.text) if mode == "military" else ""
    return Found(event, explicit, marks_of(clause, mode, trig), frozenset(sides), times, phase)


# "the 23rd India-Russia Annual Summit", "к ежегодному российско-индийскому саммиту": a
# summit named by the two states alone is their meeting (not "the China-Central Asia Summit")
_PAIR_SUMMIT = re.compile(
    r"(?:^|[\s(])(?P<compound>[\w'’]+\s?[-–]\s?[\w'’]+)\s+(?:(?:annual|bilateral|ежегодн\w*|"
    r"двусторонн\w*)\s+)?$",
    re.I,
)


def _summit_of_the_pair(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, trig: re.Match[str]
) -> bool:
    if not re.match(r"summit|саммит", trig.group(0), re.I):
        return False
    if lexicon().bodies.search(clause.text):
        return False  # "the BRICS summit", "саммит ШОС"
    lead = _PAIR_SUMMIT.search(clause.text, max(0, trig.start() - 50), trig.start())
    if lead is None:
        return False
    return {e.country for e in joint_states(gaz, lead["compound"])} == set(ctx.pair)


_NEXT_ROUND = re.compile(
    r"\b(?:the\s+)?(?:next|following|\d+(?:st|nd|rd|th)|(?:second|third|fourth|fifth)"
    r"\s+round)\s+(?:round|session|meeting|of\s+talks|of\s+consultations)\b"
    r"|(?<![\w-])(?:следующ|очередн)\w*\s+(?:\d+-\w+\s+)?(?:раунд|заседани|встреч)\w*",
    re.I,
)


# a title of capitalised words before a name ("the General Secretary of the Central Committee")
_TITLE_ONLY = re.compile(r"(?:(?:the|of|and|for|[A-Z][\w'’-]*)\s+)*")


def _host_states(ctx: DocContext, clause: Clause) -> set[str]:
    return {
        m.country
        for m in ctx.mentions_in(clause.start, clause.end)
        if m.type in ("state", "place") and m.country is not None
    }


def _candidates(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, subject: list[Mention], exercise: bool
) -> list[Found]:
    """`exercise`: the report names a joint exercise, so 'the drills' is one."""
    if lexicon().generic.search(clause.sentence.text):
        return []
    out = []
    triggers = find_triggers(clause.text)
    if exercise:
        triggers = with_exercise_anaphora(clause.text, triggers)
    for mode, trig in triggers:
        if mode == "multilateral" and _summit_of_the_pair(ctx, gaz, clause, trig):
            mode = "meeting"
        sides: list[Mention] = []
        if mode == "visit":
            parts, dest = _the_guest_of(
                ctx, gaz, clause, trig, _visitors(ctx, gaz, clause, trig, subject)
            )
            if dest is None:
                dest = _destination(ctx, gaz, clause, clause.start + trig.end(), parts)
            if dest is not None:
                parts.append(dest)
        elif mode == "military":
            parts = forces(ctx, gaz, clause)
            if len({p.country for p in parts}) < 2:  # "the joint exercise INDRA will be held
                parts += _the_pair_jointly(ctx, gaz, clause, trig)  # in Russia": the venue
        else:
            parts = unnamed_as_states(ctx, gaz, _participants(ctx, gaz, clause, subject))
            we = [p for p in parts if plural_pronoun(p)] if mode == "multilateral" else []
            if we:  # "Мы договорились провести в Оренбурге Форум": the two speakers agreed
                parts = [p for p in parts if p not in we]  # on it; their states hold it
                if _involves_pair(we, ctx.pair, mode):
                    at = clause.start + trig.start()
                    parts += pair_states(ctx, gaz, at, at + len(trig.group(0)), trig.group(0))
            if not _involves_pair(parts, ctx.pair, mode):
                at = clause.start + trig.start()
                # the people who hold the talks: before the event word, or after "between"
                between = re.match(r"\s+between\s", clause.text[trig.end() :])
                sides = [m for m in coordinated_sides(gaz, clause) if m.end <= at or between]
                # "with Chinese partners" is a side, except on a trip's talks ("to visit
                # Beijing for talks with Chinese partners": the visit)
                trip = any(m == "visit" for m, _ in triggers)
                adjectives = [] if trip else counterpart_adjectives(gaz, clause)
                parts += pair_by_office(ctx, gaz, clause) or sides or adjectives
            their = _THEIR.search(clause.text, 0, trig.start())
            if their and subject and not _involves_pair(parts, ctx.pair, mode):
                parts += subject[:2]  # "The presidents noted ... since their meeting in Xi'an"
            if mode == "meeting" and not _involves_pair(parts, ctx.pair, mode):
                parts += _host_side(ctx, gaz, clause, parts)
            if mode == "meeting" and not _involves_pair(parts, ctx.pair, mode):
                parts += _the_speaker_met(ctx, clause, trig, parts)
        if mode != "military" and not _involves_pair(parts, ctx.pair, mode):
            parts = unplaced_counterpart(ctx, gaz, parts)
        next_round = mode == "meeting" and _NEXT_ROUND.search(clause.text)
        if next_round and not _involves_pair(parts, ctx.pair, mode):
            # "The next round of consultations will be held in Moscow in December": the sides
            # of the rounds told before
            at = clause.start + trig.start()
            parts += pair_states(ctx, gaz, at, at + len(trig.group(0)), trig.group(0))
        if mode == "multilateral":
            parts += [
                m
                for m in ctx.mentions_in(clause.start, clause.end)
                if m.type == "organization" and m.country is None
            ]
            if not _involves_pair(parts, ctx.pair, mode) or all(p.type == "person" for p in parts):
                # "Российско-китайское ЭКСПО": the two states hold it, whoever met there
                parts += joint_mentions(gaz, clause)
        body: list[Mention] = []
        if mode in ("meeting", "multilateral"):
            body = joint_body(ctx, gaz, clause, trig)
            parts = [p for p in parts if not greets(ctx, p)] + body
        others = [m for mo, m in triggers if m is not trig]
        found = _build(ctx, clause, mode, parts, trig, others, counted=bool(sides or body))
        if found is not None:
            each = _one_meeting_each(ctx, clause, trig, parts, found) if mode == "meeting" else []
            out += each or [found]
            if mode == "meeting" and not any(m == "visit" for m, _ in triggers):
                visit = _hosted_visit(ctx, gaz, clause, trig, found)
                if visit and found.event.status == "planned":
                    out.remove(found)  # "is expected to host Putin in Turkey": the trip told
                out += visit
    level = _top_level(ctx, gaz, clause, [m for _, m in triggers])
    out += [level] if level else []
    if _CALLED_OFF.search(clause.text):  # "A meeting ... that had been scheduled for January
        out = [f for f in out if f.event.status != "planned"]  # was cancelled": none to come
    return out


# "joint strategic bomber patrols", "Another naval patrol is expected": of the pair the
# report is about when the clause names no one else
_JOINTLY = re.compile(
    r"\bjoint\b|\b(?:another|the\s+(?:next|previous|last|latest))\s+$|совместн\w*\s+$|(?:очередн|следующ)\w*\s+$",
    re.I,
)
# "the two navies held drills", "the navies of the two countries": the pair's forces
_TWO_FORCES = re.compile(
    r"\b(?:the\s+)?(?:two|both)\s+(?:navies|militaries|armies|armed\s+forces|air\s+forces)\b"
    r"|\b(?:navies|militaries|armies|armed\s+forces|air\s+forces|troops)\s+of\s+(?:the\s+)?"
    r"(?:two|both)\s+(?:countries|states|nations|sides)\b"
    r"|(?:вооруженн|военн)\w+\s+сил\w*\s+(?:двух|обеих)\s+стран|флот\w*\s+(?:двух|обеих)\s+стран",
    re.I,
)


def _the_pair_jointly(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, trig: re.Match[str]
) -> list[Mention]:
    """A joint exercise or patrol whose clause names no state or force: the pair's."""
    lead = clause.text[max(0, trig.start() - 16) : trig.start()]
    jointly = _JOINTLY.search(trig.group(0)) or _JOINTLY.search(lead)
    if not (jointly or _TWO_FORCES.search(clause.text)):
        return []
    at = clause.start + trig.start()
    return pair_states(ctx, gaz, at, at + len(trig.group(0)), trig.group(0))


_IN_PLACE = re.compile(r"(?:\b(?:in|at)\s+(?:the\s+)?|(?<![\w-])во?\s+)$", re.I)


def _host_side(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, parts: list[Mention]
) -> list[Mention]:
    """'consultations were held in Beijing between the Secretary of the Russian Security
    Council and ...': talks one side holds in the other side's state, its counterpart unnamed,
    are with that state."""
    sides = {p.country for p in parts}
    if len(sides) != 1 or not sides <= set(ctx.pair):
        return []
    for m in ctx.mentions_in(clause.start, clause.end):
        state = _as_state(gaz, m)
        before = ctx.clean_text[max(0, m.start - 12) : m.start]
        other = state is not None and state.country in ctx.pair and state.country not in sides
        # Russian: "в Москве" (where), not "в Москву" (where to)
        where = ctx.language != "ru" or m.text[-1:].lower() in "еиё"
        if state is not None and other and where and _IN_PLACE.search(before):
            return [state]
    return []


def _top_level(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, triggers: list[re.Match[str]]
) -> Found | None:
    """'agreements reached at the highest level in May': the heads of state met then."""
    trig = lexicon().top_level.search(clause.text)
    if trig is None:
        return None
    planned = planned_near(clause.text, trig, triggers)
    date, _ = event_date(clause, ctx, planned, trig, triggers)
    if date is None:
        return None
    return _build(ctx, clause, "meeting", heads_of_state(ctx, gaz, date), trig, triggers)


_YEAR_TOLD = re.compile(
    r"\b(?:last|previous|next)\s+year\b|\b(?:19|20)\d\d\b|(?:прошл|следующ)\w*\s+год", re.I
)
# "... in May in Moscow and in September in Beijing", "..., and before that in Astana in July"
_CONTINUES = re.compile(
    r"\s*(?:(?:before|after)\s+that|earlier|previously|до\s+этого|перед\s+этим)?,?\s*"
    r"(?:in|on|at|в|во)\s",
    re.I,
)


# "has been postponed until early next year", "перенесен на весну"
_POSTPONED = re.compile(
    r"\b(?:postponed|rescheduled|delayed|pushed\s+back|put\s+off|moved)\s+(?:until|till|to|for)\s+"
    r"|(?<![\w-])перенес[её]н\w*\s+на\s+|(?<![\w-])отложен\w*\s+(?:до|на)\s+",
    re.I,
)


def _moved_to(ctx: DocContext, clause: Clause) -> tuple[str | None, str | None] | None:
    """The new date of an event the clause says was put off, None when it says none."""
    m = _POSTPONED.search(clause.text)
    if m is None:
        return None
    rest = clause.text[m.end() :]
    for expr in find_time_expressions(rest, ctx.published, tense="future"):
        if expr.date and len(rest[: expr.start].split()) <= 2:  # "until early next year"
            return expr.date, expr.date_end
    return None


def _days_apart(clause: Clause, found: Found, before: list[Found]) -> Found:
    """'talks with Doval on Tuesday, a day after his meeting with Jaishankar': the meeting was
    the day before the event the clause before dates to the day."""
    m = DAYS_APART.match(clause.text.lstrip())
    dated = [b for b in before if b.explicit_date and len(b.event.date or "") == 10]
    if m is None or found.explicit_date or not dated:
        return found
    days = _NUMBER[m["n"].lower()] * (-1 if m["way"].lower() == "after" else 1)
    day = dt.date.fromisoformat(str(dated[0].event.date)) + dt.timedelta(days=days)
    return replace(found, event=replace(found.event, date=day.isoformat()), explicit_date=True)


# a sentence opening "The day before", "The next day", "Накануне", "На следующий день" (not
# "the day before yesterday", "накануне визита"): a day from the event told before it; "On
# the sidelines of the commission meeting", "На полях заседания": the day of that one
_DAY_OFF = re.compile(
    r"^\W*(?:(?P<before>the\s+(?:day|evening)\s+before|the\s+previous\s+day|on\s+the\s+eve"
    r"(?:\s+of\s+(?:the\s+)?(?:meeting|talks|session|summit|forum|(?:phone\s+)?call|conversation))?"
    r"|накануне(?:\s+(?:заседания|встречи|переговоров|саммита|форума|(?:телефонного\s+)?"
    r"разговора|беседы))?(?:\s+(?:лидеров|президентов|глав\s+государств))?)"
    r"|(?P<after>the\s+(?:next|following)\s+day|на\s+следующий\s+день)"
    r"|(?P<same>(?:prior\s+to|before)\s+the\s+(?:meeting|session)|перед\s+(?:заседанием|встречей)"
    r"|on\s+the\s+(?:sidelines|margins)\s+of\s+the\s+(?:[\w-]+\s+){0,3}?"
    r"(?:meeting|session|talks|summit|forum|opening|expo|exhibition|fair|ceremony|conference)"
    r"|на\s+полях\s+(?:заседания|встречи|переговоров|саммита|форума)"
    r"|(?:(?:later|earlier)\s+)?(?:on\s+)?(?:the\s+same|that)\s+day|в\s+(?:тот|этот)\s+же\s+день"
    r"|тогда\s+же|позднее\s+в\s+тот\s+же\s+день)"
    # "On arrival, Kozhemyako held talks": the first day of the visit told before
    r"|(?P<arrival>(?:on|upon)\s+(?:(?:his|her|their)\s+)?arrival|по\s+прибыти\w+|по\s+прилет\w+))"
    r"(?=\s*,|\s+(?-i:[A-ZА-ЯЁ])|\s+(?:he|she|they|his|her|their|the|его|её|ее|их|он|она|они"
    r"|в|во|состоял\w*|прош\w+|глав[аы]|министр\w*|вице-премьер\w*|президент\w*|премьер\w*"
    r"|губернатор\w*|мэр\w*|председател\w*|делегаци\w*|стороны"
    r"|посол|замминистра|[а-яё]+(?:ий|ый|ой|ая|ое|ие|ые))\b)",  # "В тот же день российский министр"
    re.I,
)


def _day_off(clause: Clause, found: Found, told: list[Found], published: str | None) -> Found:
    """'The day before X was received by Y': the day before the last event told to the day
    (a report's meeting dated by its publication counts; not an occasion of several days,
    'the forum held on 24-26 June'), else before the report's day."""
    m = _DAY_OFF.match(clause.text)
    if m is not None and m["arrival"]:
        trips = [f for f in told if f.event.mode == "visit" and f.explicit_date]
        start = trips[-1].event.date if trips else None
        if found.explicit_date or start is None or len(start) != 10:
            return found
        return replace(found, event=replace(found.event, date=start), explicit_date=True)
    dated = [f for f in told if f.explicit_date] if m and m["same"] else []
    days = [
        f.event.date
        for f in dated or told
        if len(f.event.date or "") == 10 and f.event.date_end is None
    ]
    if m is not None and not days and not m["same"] and published and len(published) == 10:
        days = [published]
    if m is None or found.explicit_date or not days:
        return found
    shift = 0 if m["same"] else -1 if m["before"] else 1  # "Prior to the meeting": that day
    day = dt.date.fromisoformat(str(days[-1])) + dt.timedelta(days=shift)
    return replace(found, event=replace(found.event, date=day.isoformat()), explicit_date=True)


# "their first face-to-face meeting since February", "his first trip there since October
# 2023": the one before took place then
_FIRST_SINCE = re.compile(
    r"\bfirst\s+(?:[\w-]+\s+){0,2}?(?P<noun>meeting|talks|visit|trip|call|conversation|summit)"
    r"\s+(?:(?:there|to\s+[A-Z][\w-]*|with\s+[A-Z][\w-]*)\s+)?since\s+",
    re.I,
)
# "for a summit with President Xi, their first since talks in Beijing in May 2024": the one
# before named after "since"
_FIRST_SINCE_THE = re.compile(
    # ... and "a summit in Lima on Saturday, their second face-to-face meeting after talks in
    # San Francisco in November last year"
    r"\b(?:first\s+since|(?:second|third|\d+(?:nd|rd|th))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:meeting|talks|summit|call|visit|contact)\s+(?:after|since))\s+"
    r"(?:(?:a|the|their|his|her)\s+)?(?:[\w-]+\s+)?"
    r"(?P<noun>meeting|talks|visit|trip|call|conversation|summit)\b"
    r"(?:\s+(?:in|at)\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?)?\s+(?P<when>(?:in|on)\s)",
    re.I,
)
# "It was the second call both leaders have held this year, after they discussed in
# January ...": the one before took place then
_SECOND_AFTER = re.compile(
    r"\bsecond\s+(?:[\w-]+\s+){0,2}?(?P<noun>meeting|talks|visit|trip|call|conversation|summit)"
    r"\b[^.;]{0,80}?\bafter\s+(?:they|the\s+two\s+\w+|both\s+\w+)\s+(?:\w+\s+){0,2}?"
    r"(?P<when>(?:in|on)\s)",
    re.I,
)
_FIRST_MODES = {"meeting": "meeting", "talks": "meeting", "visit": "visit", "trip": "visit",
                "call": "call", "conversation": "call", "summit": "meeting"}  # fmt: skip


def _the_one_before(
    ctx: DocContext, clause: Clause, new: list[Found], found: Sequence[Found] = ()
) -> list[Found]:
    """The earlier event a 'first ... since <date>' names, as the event of that mode the
    clause tells, occurred on that date; 'the second call ..., after they discussed in
    January' names one like the last of that mode the report told."""
    second = _SECOND_AFTER.search(clause.text) or _FIRST_SINCE_THE.search(clause.text)
    m = _FIRST_SINCE.search(clause.text) or second
    if m is None:
        return []
    mode = _FIRST_MODES[m["noun"].lower()]
    told = [f for f in new if f.event.mode == mode] or [
        f for f in new if f.event.mode in ("meeting", "visit")
    ]
    if not told and m is second:
        told = [f for f in found if f.event.mode == mode and f.event.status == "occurred"][-1:]
    lower = clause.text.lower()
    since = m.start("when") if m is second else lower.rindex("since", m.start(), m.end())
    when = [  # "October 2023" on its own; "since February" (a month needs its preposition)
        e
        for text in (clause.text[m.end() :], clause.text[since:])
        for e in find_time_expressions(text, ctx.published, tense="past")[:1]
        if e.start == 0 and e.date
    ]
    if not told or not when:
        return []
    event = replace(told[0].event, mode=mode, status="occurred", date=when[0].date, date_end=None)
    return [replace(told[0], event=event, explicit_date=True, marks=told[0].marks | {"prior"})]


# "X met Y in Beijing on Wednesday, his first trip to China since he took up the post": the
# trip the meeting was part of
_HIS_TRIP = re.compile(
    r"\b(?:his|her)\s+(?:first|second|third|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:trip|visit)\s+to\s+(?:the\s+)?(?P<dest>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)",
)


def _this_trip(ctx: DocContext, gaz: Gazetteer, clause: Clause, new: list[Found]) -> list[Found]:
    m = _HIS_TRIP.search(clause.text)
    meetings = [f for f in new if f.event.mode == "meeting" and f.event.status == "occurred"]
    if m is None or not meetings or any(f.event.mode == "visit" for f in new):
        return []
    state = gaz.state_named(m["dest"])
    if state is None or state.country is None:
        return []
    at = clause.start + m.start()
    guests = [p for p in _persons(ctx, clause.start, at) if p.country not in (None, state.country)]
    if not guests:
        return []
    meeting = meetings[0]
    visit = replace(
        meeting.event,
        mode="visit",
        participants=(guests[0].actor, state.name),
        date=(meeting.event.date or "")[:7] or None,
        date_end=None,
    )
    return [replace(meeting, event=visit, marks=frozenset())]


_FOLLOWED = re.compile(r"\s*followed\s+by\s", re.I)


def _followed(clause: Clause, found: Found, before: list[Found]) -> Found:
    """'held the drills in August, followed by a joint patrol': the undated event that
    followed the one the clause before dates happened that year (not on the report's day)."""
    dated = [b for b in before if b.explicit_date and b.event.date]
    if not _FOLLOWED.match(clause.text) or found.explicit_date or len(dated) != 1:
        return found
    prev = dated[0].event
    if prev.status != found.event.status:
        return found
    year = str(prev.date)[:4]
    return replace(found, event=replace(found.event, date=year), explicit_date=True)


# "During the visit, President Xi and President Tokayev held talks in Astana" (after "since
# Xi's state visit to Kazakhstan in June"): the visit told before, and its talks then
_DURING_THE_VISIT = re.compile(
    r"^\W*(?:[^\n:.]{0,40}:\s*)?(?:during|in\s+the\s+course\s+of)\s+(?:the|this|that|his|her)"
    r"\s+(?:(?:state|official|working)\s+)?visit\b"
    r"|^\W*(?:в\s+ходе|во\s+время)\s+(?:(?:этого|своего|его|её|ее)\s+)?визита\b",  # Russian
    re.I,
)


def _last_told(
    found: list[Found], mode: str, status: str | None = None, dated: bool = True
) -> int | None:
    """Where in `found` the last event of that mode (and status) is, dated by the text when
    `dated`; None when the report told none."""
    return next(
        (
            i
            for i in range(len(found) - 1, -1, -1)
            if found[i].event.mode == mode
            and (status is None or found[i].event.status == status)
            and (found[i].explicit_date or not dated)
        ),
        None,
    )


def _during_the_visit_told(clause: Clause, new: list[Found], found: list[Found]) -> list[Found]:
    i = _last_told(found, "visit")
    if i is None or not _DURING_THE_VISIT.match(clause.text):
        return new
    visit = found[i].event
    out = []
    for f in new:
        if f.event.mode == "visit" and not f.explicit_date:
            continue  # the visit told before, not another
        out.append(_held_during(f, visit))
    return out


def _held_during(f: Found, host: Event) -> Found:
    """An event with no date of its own, told as taking place during `host` (of its status):
    dated by it."""
    if f.explicit_date or f.event.status != host.status:
        return f
    return replace(f, event=replace(f.event, date=host.date), explicit_date=True)


_DURING_WHICH = re.compile(r"^\W*(?:during|in\s+the\s+course\s+of|at)\s+which\b", re.I)


def _during_which(clause: Clause, new: list[Found], before: list[Found]) -> list[Found]:
    """'Ramaphosa's state visit to China in early September, during which he also attended
    the FOCAC summit': what the clause tells took place during the event before it, then."""
    if not before or not _DURING_WHICH.match(clause.text):
        return new
    return [_held_during(f, before[-1].event) for f in new]


_CALLED_OFF = re.compile(
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:cancell?ed|called\s+off|scrapped)\b"
    r"|(?<![\w-])(?:был[аои]?\s+)?отмен[её]н[аоы]?(?![\w-])",
    re.I,
)


# "X and Y discussed logistics during the video conference": the one told before
_DURING_THE = re.compile(
    r"\b(?:during|at|in\s+the\s+course\s+of)\s+the\s+(?P<noun>video\s*-?\s*conference|"
    r"videoconference|video\s+call|phone\s+call|telephone\s+conversation|call|talks|meeting)\b",
    re.I,
)


def _the_contact_told(clause: Clause, new: list[Found], found: list[Found]) -> list[Found]:
    """A contact named by its definite noun with no date of its own ('during the video
    conference') is the one of that mode told before: its people join it."""
    m = _DURING_THE.search(clause.text)
    if m is None:
        return new
    bare = "call" if m["noun"].lower() == "call" else "meeting"  # "the call": no trigger alone
    mode = next((mode for mode, _ in find_triggers(m["noun"])), bare)
    i = _last_told(found, mode)
    if i is None:
        return new
    out = []
    for f in new:
        if f.event.mode == mode and not f.explicit_date:
            g = found[i]
            people = tuple(dict.fromkeys([*f.event.participants, *g.event.participants]))
            found[i] = replace(g, event=replace(g.event, participants=people))
            continue
        out.append(f)
    return out


# "co-chaired the session with X": the session told before (not a new one of the day
# reported)
_THE_SESSION = re.compile(r"\b(?:co-?)?chair(?:ed|ing)\s+the\s+(?:session|sitting|meeting)\b", re.I)


def _the_session_told(clause: Clause, f: Found, found: list[Found]) -> Found:
    if f.explicit_date or f.event.mode != "meeting" or not _THE_SESSION.search(clause.text):
        return f
    i = _last_told(found, "meeting")
    if i is None or found[i].event.status != f.event.status:
        return f
    date, date_end = found[i].event.date, found[i].event.date_end
    return replace(f, event=replace(f.event, date=date, date_end=date_end), explicit_date=True)


# a clause telling how the contact told before was held: "The meeting was held via
# videoconference", "Заседание прошло в режиме видеоконференции"
_HELD_REMOTELY = re.compile(
    r"^\W*(?:the\s+(?:[\w-]+\s+)?(?:talks|meeting|session|negotiations|consultations)\s+"
    r"(?:were|was)\s+(?:held|conducted)\s+(?:via|by|in\s+(?:a|the)\s+format\s+of|in\s+(?:a\s+)?)"
    r"\s*(?:a\s+)?video"
    r"|(?:заседание|встреча|переговоры|консультации)\s+(?:[\w-]+\s+)?(?:прошл[оаи]|состоял\w+)"
    r"\s+в\s+(?:режиме|формате)\s+(?:видеоконференц|видеосвяз|онлайн))",
    re.I,
)


def _by_video(found: list[Found]) -> None:
    """The meeting told last was held by video: a videoconference (PLOVER's mode)."""
    i = _last_told(found, "meeting", status="occurred", dated=False)
    if i is not None:
        found[i] = replace(found[i], event=replace(found[i].event, mode="video"))


def _continued(ctx: DocContext, clause: Clause, before: list[Found]) -> Found | None:
    """'met in May in Moscow and in September in Beijing': a trigger-less clause that only adds
    another date (and place) repeats the one dated event of the clause before it."""
    # the contact, not the summit it was held at ("met in Kazan on the sidelines of the BRICS
    # summit, and before that in Astana in July at the SCO summit")
    told = [b for b in before if b.event.mode != "multilateral"] if len(before) > 1 else before
    if len(told) != 1 or not told[0].explicit_date or not _CONTINUES.match(clause.text):
        return None
    if any(mode != "multilateral" for mode, _ in find_triggers(clause.text)):
        return None
    prev = told[0].event
    expr = any_expr(clause, ctx, prev.status == "planned")
    if expr is None:
        return None
    date, date_end = expr.date, expr.date_end
    if _YEAR_TOLD.search(clause.sentence.text) and not date_end:
        date = in_year(expr, prev.date)  # "last year – in April … and in October …"
    if date is None or date == prev.date:
        return None
    event = replace(prev, date=date, date_end=date_end, place=_place(ctx, clause))
    return replace(told[0], event=event)


_HOSTED = re.compile(r"host(?:ed|s|ing)?$", re.I)


def _hosted_visit(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, trig: re.Match[str], meeting: Found
) -> list[Found]:
    """'When Tokayev hosted Xi Jinping in Astana in July 2024', 'Erdogan is expected to host
    Putin in Turkey next year': the guest's trip to the host's country is a visit too."""
    if not _HOSTED.match(trig.group(0)):
        return []
    at = clause.start + trig.start()
    hosts = [m for m in ctx.mentions_in(clause.start, at) if m.type == "person"]
    after = ctx.mentions_in(at, clause.end)
    guests = [m for m in after if m.type == "person"]
    if not hosts or not guests or hosts[-1].country in (None, guests[0].country):
        return []
    home = hosts[-1].country
    if not any(m.country == home and m.type in ("place", "state") for m in after):
        return []  # hosted where? (a summit abroad is no visit to the host)
    try:
        state = gaz.state(home)
    except KeyError:  # a body's code, no state of the gazetteer
        return []
    visit = replace(meeting.event, mode="visit", participants=(guests[0].actor, state.name))
    return [replace(meeting, event=visit, marks=frozenset(), times=1)]


# "Этот вопрос обсуждался на встрече с То Ламом", "at my meeting with X": with the one
# whose turn of a transcript it is
_MEETING_WITH = re.compile(r"\s+(?:с|со|with)\s", re.I)


def _the_speaker_met(
    ctx: DocContext, clause: Clause, trig: re.Match[str], parts: list[Mention]
) -> list[Mention]:
    """In a transcript, a meeting 'with X' of no one else is the speaker's."""
    if not _MEETING_WITH.match(clause.text, trig.end()):
        return []
    speaker = speaker_at(ctx, clause.start)
    if speaker is None or speaker.country in {p.country for p in parts}:
        return []
    return [speaker]


_SIDELINES_OF = re.compile(
    r"\b(?:on\s+the\s+(?:sidelines|margins)\s+of|на\s+полях|в\s+рамках)\s", re.I
)


def _occasion_of_talks(
    ctx: DocContext, clause: Clause, found: list[Found], new: list[Found]
) -> list[Found]:
    """'Встреча состоялась на полях форума, который прошел ...': the people of the talks told
    before were at the forum (the forum's clause names no one)."""
    if not (talks_told_again(clause.text) and _SIDELINES_OF.search(clause.text)):
        return new
    talks = [f for f in found if f.event.mode == "meeting" and f.event.status == "occurred"]
    kinds = {m.actor: m.type for m in ctx.mentions}
    people = [p for p in talks[-1].event.participants if kinds.get(p) == "person"] if talks else []
    out = []
    for f in new:
        named = any(kinds.get(p) == "person" for p in f.event.participants)
        if f.event.mode == "multilateral" and people and not named:
            parts = tuple(dict.fromkeys([*people, *f.event.participants]))
            f = replace(f, event=replace(f.event, participants=parts))
        out.append(f)
    return out


def _summit_of_continued(ctx: DocContext, clause: Clause, again: Found) -> list[Found]:
    """'..., and before that in Astana in July at the SCO summit': the summit the repeated
    meeting was held at, with its people and the body."""
    summit = next((m for mode, m in find_triggers(clause.text) if mode == "multilateral"), None)
    if summit is None:
        return []
    bodies = [
        m.actor
        for m in ctx.mentions_in(clause.start, clause.end)
        if m.type == "organization" and m.country is None
    ]
    if not bodies:
        return []
    parts = tuple(dict.fromkeys([*again.event.participants, *bodies]))
    event = replace(again.event, mode="multilateral", participants=parts)
    marks = marks_of(clause, "multilateral", summit)
    return [replace(again, event=event, marks=marks, times=1)]


# "At the meeting, Trung said ...", "After the talks, the two sides signed ...": the
# contact told just before, named again as the setting of what follows
_BACK_REFERENCE = re.compile(
    r"^\W*(?:at|during|after|following|in\s+the\s+course\s+of|(?P<before>ahead\s+of|before|"
    r"prior\s+to|on\s+the\s+eve\s+of|in\s+the\s+run-up\s+to))\s+(?:the|their|that)\s+"
    r"(?!(?:next|upcoming|forthcoming)\b)"
    r"(?P<t>(?:[\w-]+\s+)?(?:talks|meeting|call|conversation|videoconference|visit|session))"
    r"\s*,",
    re.I,
)


def _told_back(clause: Clause, f: Found, found: list[Found]) -> bool:
    """A contact named again as the setting of what follows ('During the talks, ...', 'Ahead
    of the meeting, X and Y held a video conference'), when an event of its mode was told
    before: no event of its own (its clause's date is what follows')."""
    back = _BACK_REFERENCE.match(clause.text)
    if back is None:
        # "Встреча состоялась на полях Российско-китайского форума": the talks told before
        return (
            talks_told_again(clause.text)
            and f.event.mode == "meeting"
            and any(g.event.mode == "meeting" for g in found)
        )
    modes = {mode for mode, _ in find_triggers(back["t"])}
    if back["before"] and f.event.mode in {
        mode for mode, _ in find_triggers(clause.text[back.end() :])
    }:
        return False  # "Prior to the meeting, X and Y held talks": talks of their own
    return f.event.mode in modes and any(g.event.mode == f.event.mode for g in found)


def extract_events(ctx: DocContext, gaz: Gazetteer) -> list[Event]:
    ctx = with_turn_pronouns(ctx)  # in a transcript, "I" and "you" are the two speakers
    found: list[Found] = []
    subject: list[Mention] = []
    exercise = names_exercise(ctx.sentences)
    for sentence in ctx.sentences:
        before: list[Found] = []
        for clause in split_clauses(sentence):
            new = _candidates(ctx, gaz, clause, subject, exercise)
            new = [f for f in new if not _told_back(clause, f, found)]
            again = _continued(ctx, clause, before) if not new else None
            if not new and _HELD_REMOTELY.match(clause.text):
                _by_video(found)  # "The meeting was held via videoconference"
            if again is None:
                redated_talks(ctx, clause, found, new)  # "The talks took place on Friday"
                new = _occasion_of_talks(ctx, clause, found, new)
            origin = next((b for b in before if again and b.event.mode == again.event.mode), None)
            if again is not None and origin is not None and origin.times > 1:
                # "met twice - in May in Moscow and in September in Tianjin": the dates
                # told one by one are the two meetings, not two more
                found[found.index(origin)] = replace(origin, times=origin.times - 1)
                again = replace(again, times=1)
            new = [_followed(clause, _days_apart(clause, f, before), before) for f in new]
            new = [_day_off(clause, f, found, ctx.published) for f in new]
            new = [_the_session_told(clause, f, found) for f in new]
            new = _during_the_visit_told(clause, new, found)
            new = _during_which(clause, new, before)
            new = _the_contact_told(clause, new, found)
            new += _the_one_before(ctx, clause, new, found)
            new += _this_trip(ctx, gaz, clause, new)
            before = new or ([again, *_summit_of_continued(ctx, clause, again)] if again else [])
            found.extend(before)
            people = list({m.actor: m for m in _persons(ctx, clause.start, clause.end)}.values())
            subject = people or subject
    types = {m.actor: m.type for m in ctx.mentions}
    kept = without_headline_repeats(ctx, trip_dates(dedupe(found, types), types))
    return [
        f.event
        for f in headline_dated_by_lead(ctx, kept)
        if f.event.mode not in GROUP_MODES or set(ctx.pair) <= f.sides
        for _ in range(f.times)
    ]
