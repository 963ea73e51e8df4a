"""Who takes part in an event as a clause names them: the persons between its ends, less the
people only quoted ('X said'), pronouns and offices standing for people named before ('he',
'the two ministers', 'the sides'), unnamed officials by their states, the regions a joint body
is named for, and where it happened.

requires: DocContext.mentions (actor stage); a Clause from `event_clauses`
assigns : nothing; helpers for `events`
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from bilat.extract.context import DocContext, Mention
from bilat.extract.event_clauses import BRACKETED, Clause, lexicon
from bilat.extract.event_offices import pair_states
from bilat.extract.event_parties import JOINT
from bilat.extract.gazetteer import Gazetteer
from bilat.extract.wordre import mostly_cyrillic

__all__ = [
    "ANAPHORA",
    "DAYS_APART",
    "DAY_COUNTS",
    "anaphora",
    "clause_participants",
    "has_person",
    "involves_pair",
    "is_speaker",
    "persons_between",
    "place_of",
    "told_before",
]

DAYS_APART = re.compile(
    r"(?P<n>a|one|two|three|four|five)\s+(?:day|days)\s+(?P<way>after|before)", re.I
)
# its numbers, and a span's length ("the three-day summit", "a seven-day visit")
DAY_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


ANAPHORA = re.compile(
    r"^\s*(?:and\s+)?(?:[A-Za-z0-9 ,]{0,30}\s)?(?:he|she|his|her|they|their|who|the delegation"
    r"|(?:the\s+two|both|the)\s+(?:foreign\s+|prime\s+|defen[cs]e\s+|energy\s+|trade\s+)?"
    r"(?:ministers|leaders|presidents|premiers|co-chairs|governors|mayors)"
    # ("The two Presidents agreed to meet on the sidelines of ...": the two; not "agreed to
    # hold the next meeting of the Council": the states)
    # "the leaders agreed to continue contacts and to hold a meeting in Türkiye next year"
    r"(?=\s+(?:last\s+|also\s+|have\s+|had\s+|will\s+|(?:also\s+)?agreed\s+to\s+"
    r"(?:[a-z]+(?:\s+[a-z]+){0,3}?\s+and\s+to\s+)?(?=meet\b|hold\s+(?:a|another)\s+meeting\b)|"
    r"(?:are|were)\s+(?:due|expected|set|scheduled)\s+to\s+(?=meet\b))?"
    r"(?:spoke|speak|met|meet|talked|held|hold|had|discussed|exchanged)\b)"
    r"|the\s+(?:(?:foreign|prime|finance|deputy\s+prime)\s+)?(?:minister|governor|premier)"
    r"(?!\s+(?-i:[A-Z])))\b"
    # "The two last met in person in Tokyo in March": the two told before
    # ... "The two are expected to meet in person at the forum later this month"
    r"|^\s*(?:the\s+two|both)(?=\s+(?:last\s+|also\s+|first\s+|previously\s+|have\s+|had\s+|"
    r"will\s+|(?:are|were)\s+(?:due|expected|set|scheduled)\s+to\s+"
    # "The two agreed to meet in Beijing next month"
    r"|(?:agreed|plan|planned|intend|intended|hope|hoped)\s+to\s+)?(?:met|meet|spoke|talked)\b)"
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
    # ... after a date or place first: "8 мая в Кремле лидеры провели переговоры"
    r"|^\s*(?:и\s+)?(?:[А-Яа-яЁё0-9 ,–-]{0,30}\s)?(?:он|она|они|котор(?:ый|ая|ые)"
    r"|(?:министр|губернатор|премьер|лидер)(?:а|у|ом|е|ы|ов|ам)?"
    r"|глав[аыуе]\s+(?:региона|края|области|ведомства))\b"
    r"(?!\s+(?-i:[А-ЯЁ]))"
    # ... after several of them: "On Tuesday, March 18, in Harbin he held talks", "Во
    # вторник, 18 марта, в Харбине он провёл переговоры"
    r"|^\s*(?:(?:(?:on|in|at|last|early|late)\s+[A-Za-z]+(?:\s+\d{1,2})?|[A-Z][a-z]+\s+\d{1,2}"
    r"|(?:в|во|на|с|по)\s+[А-Яа-яЁё-]+|\d{1,2}\s+[а-яё]+),?\s+){2,4}(?:he|she|they|он|она|они)\b"
    r"(?!\s+(?-i:[A-ZА-ЯЁ]))",
    re.I,
)  # "the delegation": the one the sentence before named, with the people leading it;
# "the minister", "министр" without a name: the one the sentence before named


def persons_between(ctx: DocContext, start: int, end: int) -> list[Mention]:
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


def is_speaker(ctx: DocContext, m: Mention) -> bool:
    """'Kremlin aide Yuri Ushakov told reporters', '..., Ushakov added': the source of the
    report, not a party to the event."""
    if _framed(ctx, m) or _SAYS.match(ctx.clean_text[m.end : m.end + 30]):
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


# a frame that names the source of what follows: "According to Deputy Prime Minister Alexei
# Overchuk, the forum will be held ...", "По словам вице-премьера Алексея Оверчука, форум ..."
_FRAME = re.compile(r"(?:\baccording\s+to|\bпо\s+словам|\bсо\s+слов)\s+(?:[\w.-]+\s+){0,5}$", re.I)


def _framed(ctx: DocContext, m: Mention) -> bool:
    """Named in a source's frame before a comma: the one who tells, never a party."""
    before = ctx.clean_text[max(0, m.start - 80) : m.start]
    return bool(_FRAME.search(before)) and ctx.clean_text[m.end : m.end + 1] in (",", ")")


def _without_speakers(ctx: DocContext, persons: list[Mention]) -> list[Mention]:
    """Without those who tell of the event; one who says something ('Putin said') stays when
    fewer than two would be left (he may be telling of his own talks), one named in a
    source's frame ('according to X,') never does."""
    persons = [m for m in persons if not _framed(ctx, m)]
    kept = [m for m in persons if not is_speaker(ctx, m)]
    return kept if len({m.actor for m in kept}) >= 2 else persons


# both sides: "the parties/стороны", and "[X and Y held a call] and agreed to hold ..."
_SIDES = re.compile(r"\b(?:sides|parties|стороны|agreed)$", re.I)
_SAID_HE = re.compile(r"\b(?:said|says|told\s+\w+|added|noted|recalled)\s+(?:that\s+)?(?:he|she)$")
_RELATIVE_WHO = re.compile(r"\b(?:who|котор(?:ый|ая|ые))$", re.I)


def told_before(
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
        r"\b(?:they|their|who|two|both|ministers|leaders|presidents|premiers|co-chairs|sides|parties|agreed"
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
    if plural and len(subject) == 1 and subject[0].country:
        # "Erdoğan said ... The leaders agreed to hold a meeting": he and the counterpart
        # named before him (Putin, in the call told first)
        other = next(
            (m for m in reversed(earlier) if m.country not in (None, subject[0].country)), None
        )
        return [subject[0], other] if other else subject[:1]
    return subject[:2] if plural else subject[:1]


# "the minister", "the governor", "министр": one office, told by its word
_ONE_OFFICE = re.compile(
    r"\b(?:the\s+)?(?:[\w-]+\s+)?(?P<w>minister|governor|premier|министр|губернатор|премьер)"
    r"(?:а|у|ом|е)?$",
    re.I,
)


def _office_holder(
    ctx: DocContext, pronoun: str, told: list[Mention], earlier: Sequence[Mention]
) -> list[Mention]:
    """'the minister' is one titled so: the person told before (`told`) when the text titles
    him so, else the one so titled most often named before ('Minister Szijjarto held talks
    ... He then met BYD's Stella Li ... In the afternoon, the minister met Robin Zeng':
    Szijjarto, not Stella Li, and not Commerce Minister Wang Wentao named once)."""
    office = _ONE_OFFICE.search(pronoun)
    if office is None or len(told) != 1:
        return told
    word = office["w"].lower()
    named = [m for m in earlier if m.type == "person"]
    titled = {  # the people the text titles so where it names them (within their sentence)
        m.actor
        for m in named
        if word in re.split(r"[.!?]\s", ctx.clean_text[max(0, m.start - 60) : m.start])[-1].lower()
    }
    if told[0].actor in titled or not titled:
        return told
    counts = Counter(m.actor for m in named)
    holders = [m for m in reversed(named) if m.actor in titled]
    return [max(holders, key=lambda m: counts[m.actor])]  # the latest of the most named


def _side_of_adjective(gaz: Gazetteer, word: str) -> str | None:
    """The state an adjective names, English or Russian in any case form."""
    entry = gaz.state_for_adjective(word)
    if entry is None and mostly_cyrillic(word):
        from bilat.extract.gazetteer_ru import russian_names  # only Russian texts need it

        entry = russian_names(gaz).state_for_adjective(word)
    return entry.country if entry is not None else None


# a clause's opening attribution ("According to the Kremlin's statement, the leaders ...") and
# a relative clause told apart (blanked: "the leaders,              , agreed")
_ATTRIBUTION = re.compile(r"^\s*(?:according\s+to|citing)\s+[^,]{1,60},\s*", re.I)
_BLANKED = re.compile(r",\s{3,},")


def anaphora(text: str) -> re.Match[str] | None:
    """`ANAPHORA` at the clause's start, past an attribution and a blanked relative clause
    (offsets kept)."""
    lead = _ATTRIBUTION.match(text)
    if lead:
        text = " " * lead.end() + text[lead.end() :]
    return ANAPHORA.match(_BLANKED.sub(lambda m: " " * len(m[0]), text))


# "The two central banks will hold their next round of talks", "both agencies": the two
# bodies of that kind told before, one per side
_TWO_BODIES = re.compile(
    r"^\W*(?:the\s+two|both)\s+(?:(?:central|state|national|space)\s+)?"
    r"(?P<kind>bank|agenc|compan|firm|regulator|universit|railway|exchange)(?:s|ies)\b",
    re.I,
)


def _bodies_told_before(ctx: DocContext, clause: Clause) -> list[Mention]:
    m = _TWO_BODIES.match(clause.text)
    if m is None:
        return []
    kind = m["kind"].lower()
    last: dict[str, Mention] = {}
    for x in ctx.mentions_in(0, clause.start):
        if x.country not in ctx.pair or x.type not in ("organization", "company"):
            continue
        if (kind in ("compan", "firm") and x.type == "company") or kind in x.actor.lower():
            last[x.country] = x
    return list(last.values()) if len(last) == 2 else []


def clause_participants(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, subject: list[Mention]
) -> list[Mention]:
    if bodies := _bodies_told_before(ctx, clause):
        return bodies
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
    pronoun = anaphora(clause.text) or _SAID_AFTER.search(clause.text)
    if pronoun and _SIDES.search(pronoun[0]) and (regions := _regions_of_a_joint_body(ctx, clause)):
        return regions  # "The two sides agreed to hold the 9th meeting of the Heilongjiang-Amur
        # cooperation working group": the two regions, not the governors told before
    named_first = any(m.end <= clause.start + pronoun.end() for m in persons) if pronoun else False
    if (
        subject
        and pronoun
        and not (named_first and _RELATIVE_WHO.search(pronoun[0]))
        and not (named_first and _SAID_HE.search(pronoun[0]))  # "Tau said he had raised it
    ):  # with Wang in a phone call": Tau
        # "Ding, who last met Manturov": the one named before "who", not the last clause's
        earlier = persons_between(ctx, 0, clause.start)
        told = told_before(gaz, pronoun, subject, earlier)
        persons = [*_office_holder(ctx, pronoun[0], told, earlier), *persons]
    if len({m.actor for m in persons}) == 1 and _MEET_HIM.search(clause.text):
        persons = [*persons, *_met_before(ctx, clause, persons[0])]
    if subject and not persons and _REGION_HEADS.search(clause.text):
        persons = subject[:2]  # "Следующая встреча глав двух регионов": the two told before
    offices = _unnamed_officials(ctx, clause)
    if pronoun and _SIDES.search(pronoun[0]):  # "The sides agreed to hold the next meeting":
        at, end = clause.start + pronoun.start(), clause.start + pronoun.end()  # both states
        offices += _companies_told_before(ctx, clause) or pair_states(ctx, gaz, at, end, pronoun[0])
    states = _joined_states(ctx, [m for m in found if m.type == "state"])
    if persons and not involves_pair(persons, ctx.pair, "") and involves_pair(states, ctx.pair, ""):
        # "Pakistan and Russia have agreed to resume negotiations next month, minister X
        # said": the two states, not the one who told it
        told = [p for p in persons if p.country and not is_speaker(ctx, p)]
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


_STATE_BODY = re.compile(
    r"intergovernmental|inter-governmental|commission|government|minist|summit|leaders"
    r"|межправ|комисси|правительств|министр",
    re.I,
)


def _companies_told_before(ctx: DocContext, clause: Clause) -> list[Mention]:
    """'KazMunayGas and LUKOIL signed ... The parties agreed to hold the next meeting of the
    joint working group': the two companies of the pair told just before, one per side."""
    if _STATE_BODY.search(clause.text):
        return []  # "the next meeting of the intergovernmental commission": the states'
    last: dict[str, Mention] = {}
    for m in ctx.mentions_in(0, clause.start):
        if m.type == "company" and m.country in ctx.pair:
            last[m.country] = m
    return list(last.values()) if len(last) == 2 else []


# "the next meeting of the Novosibirsk - Heilongjiang working group": the two regions meet
_REGIONS_BODY = re.compile(
    r"\b([A-Z][\w'’-]+)\s*[-–—]\s*([A-Z][\w'’-]+)\s+(?:[a-z]+\s+){0,2}?(?:joint\s+)?(?:working\s+group|"
    r"(?:sub-?)?commission|(?:sub-?)?committee|council)\b"
)


# ... "the working group on cooperation between Amur and Heilongjiang"
_BODY_BETWEEN_REGIONS = re.compile(
    r"\b(?:working\s+group|(?:sub-?)?commission|(?:sub-?)?committee|council)\s+"
    r"(?:(?:on|for)\s+(?:[a-z-]+\s+){1,4}?)?between\s+(?:the\s+)?[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?\s+and\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
)


_BODY_OF_REGIONS_RU = re.compile(
    r"(?<![\w-])(?:рабоч\w+\s+групп\w*|(?:меж\w+\s+)?(?:под)?комисси\w*|форум\w*|совет\w*)"
    r"(?![\w-])",
    re.I,
)


_NAME_STOP_RU = re.compile(r"[,.;:()«»\"]|\s+(?:в|на|с|по)\s")  # a region's name goes on to here
_REGIONS_NAMED_RU = re.compile(
    r"[^,.;:()]{0,50}?[А-ЯЁ][^,.;:()]{0,40}?(?:\s+и\s+|\s*[-–—]\s*)[^,.;:()]{0,25}?[А-ЯЁ][\w-]*"
)


def _regions_of_a_joint_body(ctx: DocContext, clause: Clause) -> list[Mention]:
    """The regions a joint body is named for, one of each side of the pair."""
    m = _REGIONS_BODY.search(clause.text)
    end = m.end(2) if m is not None else 0
    if m is None and (m := _BODY_BETWEEN_REGIONS.search(clause.text)) is not None:
        end = m.end()
    if m is None and (m := _BODY_OF_REGIONS_RU.search(clause.text)) is not None:
        # "рабочей группы ... Хабаровского края и провинции Хэйлунцзян", "форум «ЕАО –
        # Хэйлунцзян: ...»": the two regions right after it, joined, no clause between
        named = _REGIONS_NAMED_RU.match(clause.text, m.end())
        stop = _NAME_STOP_RU.search(clause.text, named.end()) if named else None
        end = (stop.start() if stop else len(clause.text)) if named else 0
    if m is None or end == 0:
        return []
    first: dict[str, Mention] = {}  # one of each side (not the venue after them)
    for x in ctx.mentions_in(clause.start + m.start(), clause.start + end):
        if x.type == "place" and x.country in ctx.pair:
            first.setdefault(x.country, x)
    return list(first.values()) if len(first) == 2 else []


# "Xi Jinping is scheduled to meet with him on Wednesday", "Putin hosted him for an informal
# dinner": the one told before
_MEET_HIM = re.compile(
    r"\b(?:meet|meets|met|meeting|receive|receives|received|talks|speak|spoke"
    r"|host|hosts|hosted|hosting|welcomed)\s+(?:with\s+)?"
    r"(?:him|her)\b",
    re.I,
)


def _met_before(ctx: DocContext, clause: Clause, who: Mention) -> list[Mention]:
    """The last person named before the clause, of the other side when both sides are known
    (the guest the host is to meet)."""
    for m in reversed(persons_between(ctx, 0, clause.start)):
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


def involves_pair(parts: list[Mention], pair: tuple[str, str], mode: str) -> bool:
    """Both sides of the tracked pair take part (by person, state or body of each side)."""
    sides = {m.country for m in parts}
    return set(pair) <= sides


_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})")


def place_of(ctx: DocContext, clause: Clause) -> str | None:
    """The first 'in/at <Name>' that is a place ('in May in Moscow' is Moscow); not inside a
    gloss in brackets ('Xi Jinping (习近平; in Kazakh, Си Цзиньпин)')."""
    glosses = [g.span() for g in BRACKETED.finditer(clause.text)]
    for m in _PLACE.finditer(clause.text):
        if any(a < m.start() < b for a, b in glosses):
            continue
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


def has_person(parts: list[Mention]) -> bool:
    return any(p.type == "person" for p in parts)
