"""The event layer's mentions: clauses of a sentence and the event words (triggers) in them.

`lexicon()` reads data/events.yaml once; `split_clauses(sentence)` cuts a sentence where it
may hold events of its own; `find_triggers(text)` finds one trigger per PLOVER mode, in
`ORDER`, with call/video absorbing a plain meeting word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

from bilat.datafiles import read_data
from bilat.extract.context import Sentence
from bilat.extract.wordre import alternation, words_re
from bilat.records import Evidence

__all__ = [
    "BRACKETED",
    "ORDER",
    "Clause",
    "Lexicon",
    "find_triggers",
    "lexicon",
    "names_exercise",
    "split_clauses",
    "with_exercise_anaphora",
]

ORDER = ("military", "call", "video", "multilateral", "visit", "meeting")
# "held a video conference on Thursday | to review preparations for the regular meeting",
# "discussed in a phone call on Saturday the progress of X | and preparations for the next
# session": the occasion a contact prepares, after it, is an event of its own
_PREPARES = re.compile(
    r"(?:,?\s+and|\s+to\s+(?:review|discuss|coordinate|go\s+over))?\s+(?:the\s+)?"
    r"(?=preparations?\s+for\s)"
    # "обсудили по телефону | подготовку контактов на высшем уровне в 2026 году": when the
    # prepared occasion has a date of its own, which is not the contact's
    r"|\s+(?=подготовк[уиа]\s+(?:к\s+)?[а-яё]+[^.;]{0,80}?\s(?:в|на)\s+(?:\d{4}\b|"
    r"(?:январ|феврал|март|апрел|ма[йея]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
    r"следующ|будущ|начал|конц)))"
    # "held a telephone conversation on Friday | and agreed to hold the next meeting of ...",
    # "is scheduled to meet him on Wednesday, | and the two sides agreed to hold the 32nd ..."
    r"|,?\s+and\s+(?=(?:(?:the\s+)?(?:two\s+|both\s+)?(?:sides|parties|leaders|they|ministers)\s+)?"
    r"agreed\s+to\s+(?:hold|meet|convene|continue)\b)"
    # "... on Tuesday, | and agreed that the 31st meeting will be held in Russia next year"
    r"|,?\s+and\s+(?=agreed\s+that\s+the\s+(?:next|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,3}?"
    r"(?:meeting|session|summit|round)\b)",
    re.I,
)
_CLAUSE = re.compile(
    r",\s+(?:and|while|whereas|but)\s+|;\s+|\s+and\s+(?=(?:in|on|at)\s+[A-Z])"
    # "Opening the talks, Jaishankar said ... since Modi and Xi met in Kazan": an opening
    # participle's event word is the contact told before, no event of the clause
    # (not "Speaking at the Russian-Chinese Business Roundtable, ...": an occasion named)
    r"|^(?:Opening|Closing)\s+(?:the|this)\s+(?:talks|meeting|session|discussion|conversation)"
    r"(?=,)"
    r"|\s+и\s+(?=во?\s+[а-яё]+\s+во?\s+[А-ЯЁ])"  # "в мае в Москве | и в сентябре в Пекине"
    # "his state visit to South Africa in August last year | and Ramaphosa's state visit to
    # China in early September": another's contact of its own
    r"|\s+and\s+(?=[A-Z][\w-]+['’]s\s+(?:[a-z][\w-]*\s+){0,2}(?:visit|trip|talks|meeting)\b)"
    # Russian contrast: "провели разговор в пятницу, | а визит запланирован на декабрь"
    r"|,\s+(?:а|но)\s+(?!также\b|и\b)"
    # "..., где проведет переговоры с Лавровым, | а также вместе с Мантуровым проведет
    # заседание комиссии": a verb of its own after "а также" (not a list: "а также Китай")
    r"|,\s+(?=а\s+также\s+(?:[^,.;]{0,80}?\s)?(?:провед[её]т|проведут|провел[аи]?|"
    r"встрет\w+|встречал\w*|посет\w+|посетил\w*)\b)"
    # the occasion a contact prepares is an event of its own: "met in Moscow | ahead of Xi's
    # state visit", "the meeting was held | ahead of the 30th regular meeting of ..."
    r"|,?\s+(?=(?:ahead of|in the run-up to|in preparation for|on the eve of)\s)"
    # "wrapped up two days of talks on Sunday, | clearing the way for Trump to meet Xi in
    # Busan on Thursday": the contact the talks prepare
    r"|,\s+(?=(?:clearing|paving|opening|setting)\s+the\s+(?:way|stage|ground)\s+for\s)"
    r"|\s+and\s+(?=that\s)"  # "said that the navy will join X and that ... Y": two reports
    # "held talks with Doval on Tuesday, | a day after his meeting with Jaishankar"
    r"|,\s+(?=(?:(?:a|one|two|three|four|five|several|a\s+few)\s+)?(?:day|days|week|weeks)"
    r"\s+(?:after|before)\s)"
    # "met Foreign Minister Wang Yi on Monday | and is due to address a forum on Thursday"
    r"|\s+(?=and\s+(?:is|are)\s+(?:due|expected|scheduled|set|to)\s)"
    # "held talks by phone, | during which they discussed preparations for Modi's visit"
    r"|,\s+(?=(?:during\s+which|(?:в\s+ходе|во\s+время)\s+котор\w+)\s)"
    # "reaffirmed the goal of $100 billion by 2030, | set by Modi and Putin at their summit"
    r"|,\s+(?=(?:set|agreed|reached|announced|adopted)\s+by\s)"
    # "agreed to resume negotiations next month, the minister said, | after the ninth session
    # of the commission concluded in Islamabad last week"
    r"|,\s+(?=after\s+(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:session|meeting|talks|visit|summit|forum|call|conversation)\b)"
    # "held the Joint Sea drills in August, | followed by a joint naval patrol"
    r"|,\s+(?=followed\s+by\s)"
    # "agreed to speed up preparations for the next session of the committee, | during talks
    # on the sidelines of ...": what was agreed, and the contact it was agreed at
    r"|,\s+(?=(?:during|in\s+the\s+course\s+of|at)\s+(?:(?:their|the|a|his|her)\s+)?"
    r"(?:[\w-]+\s+)?(?:talks|meeting|phone\s+call|call|conversation|videoconference)\b)"
)


_SUCH = re.compile(r"\b(?:such|similar|more)\s+$", re.I)


@dataclass(frozen=True, slots=True)
class Lexicon:
    modes: dict[str, re.Pattern[str]]
    bodies: re.Pattern[str]
    planned: re.Pattern[str]
    generic: re.Pattern[str]
    top_level: re.Pattern[str]
    topic_before_place: re.Pattern[str]  # "the conflict" before "in Ukraine"
    plural_heads: re.Pattern[str]
    military_anaphora: re.Pattern[str]  # "the exercise", in a report that names one
    exercise_start: re.Pattern[str]
    exercise_end: re.Pattern[str]
    exercise_under_way: re.Pattern[str]
    exercise_names: re.Pattern[str]


def _words(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w-])", re.I)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data: dict[str, Any] = read_data("events.yaml")
    series = "(?:" + "|".join(data["exercise_series"]) + ")"  # patterns, not words
    editions = [rf"(?:{series})[- ]\d{{4}}", *data["exercise_editions"]]
    # "Iran's annual Maritime Security Belt exercise": a named series' exercise
    named = rf"(?:{series})\s+(?:naval\s+|joint\s+|military\s+)?(?:exercises?|drills?|war games)"
    bodies = alternation(data["multilateral_bodies"])
    return Lexicon(
        modes={
            m: _words(p + ([*editions, named] if m == "military" else []))
            for m, p in data["modes"].items()
        },
        bodies=re.compile(rf"(?<![\w-])(?:{bodies}|(?i:forum))(?![\w-])"),
        planned=_words(data["planned"]),
        generic=_words(data["generic"]),
        top_level=_words(data["heads_of_state_level"]),
        topic_before_place=words_re(data["topic_before_place"], after=r"\s*$"),
        plural_heads=_words(data["plural_heads"]),
        military_anaphora=_words(data["military_anaphora"]),
        exercise_start=_words(data["exercise_start"]),
        exercise_end=_words(data["exercise_end"]),
        exercise_under_way=_words(data["exercise_under_way"]),
        exercise_names=_words([*editions, series]),
    )


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    text: str
    sentence: Sentence

    def evidence(self) -> Evidence:
        """What an event the clause tells quotes: its whole sentence."""
        return Evidence(self.sentence.start, self.sentence.end, self.sentence.text)


_REPEAT = re.compile(r"\s+and\s+(?=(?:in|on|at)\s+[A-Z])|\s+и\s+(?=во?\s+[а-яё]+\s+во?\s+[А-ЯЁ])")


def split_clauses(sentence: Sentence) -> list[Clause]:
    """Clauses that may hold events of their own. A sentence with one event word is split
    only where a date or place repeats it ('in May in Moscow and in September in Tianjin'):
    'Zhang, head of CNSA, and Rogozin, head of Roscosmos, signed ... by videoconference' is
    one clause with both signatories."""
    out, pos = [], 0
    lex, text = lexicon(), sentence.text
    modes = [mode for mode, _ in find_triggers(sentence.text)]  # after call/video absorb the rest
    words = sum(1 for mode in modes for _ in lex.modes[mode].finditer(sentence.text))
    if "military" in modes:  # "The previous joint patrol took place in July, and Jiang said
        # the two air forces intend to hold more such patrols next year": another of the kind
        words += sum(
            1
            for m in lex.military_anaphora.finditer(sentence.text)
            if _SUCH.search(sentence.text, 0, m.start())
        )
    splitter = _CLAUSE if words > 1 else _REPEAT
    cuts = [m.span() for m in splitter.finditer(sentence.text)]
    if words > 1:
        cuts = sorted([*cuts, *_second_contacts(sentence.text, cuts), *_listed_exercises(text)])
    brackets = [m.span() for m in BRACKETED.finditer(text)]
    cuts = [c for c in cuts if not any(a < c[0] < b for a, b in brackets)]
    prep = _PREPARES.search(sentence.text)
    if prep and find_triggers(sentence.text[: prep.start()]):  # the contact is told first
        cuts = sorted([*(c for c in cuts if not c[0] < prep.end() < c[1]), prep.span()])
    for cut_start, cut_end in cuts:
        if cut_start < pos:
            continue
        out.append((pos, cut_start))
        pos = cut_end
    out.append((pos, len(sentence.text)))
    return [
        Clause(sentence.start + s, sentence.start + e, part, sentence)
        for s0, e0 in out
        if e0 > s0
        for s, e, part in _relative_apart(text, s0, e0)
    ]


# a gloss in brackets is no clause boundary: "Xi Jinping (习近平; in Kazakh, Си Цзиньпин) paid a
# state visit"
BRACKETED = re.compile(r"\([^()\n]{1,120}\)")


# a second meeting in a verb phrase of its own: "held talks with Jaishankar on Monday evening
# | and called on Prime Minister Modi at his residence on Tuesday"
_AND_CONTACT = re.compile(
    r"\s+and\s+(?=(?:then\s+|later\s+|also\s+)?(?:called\s+on|paid\s+(?:a\s+)?courtesy\s+"
    r"calls?\s+on|met\s+(?:with\s+)?(?-i:[A-Z])|held\s+(?:separate\s+)?talks\s+with"
    # "held talks with Lavrov on 1 November | and was received by Putin on 4 November"
    r"|(?:was|were)\s+(?:later\s+|also\s+)?received\s+by)\b)",
    re.I,
)


# ... or a clause of its own with its subject: "agreed to launch a new 2+2 dialogue ..., | as
# President Yoon Suk Yeol held talks with Chinese Premier Li Qiang in Seoul on Sunday"
_AS_CONTACT = re.compile(
    r",\s+(?:as|when|while|after)\s+(?=(?:[A-Z][\w.'’-]*\s+){1,6}(?:held|met|hosted|received)\b)"
)


def _second_contacts(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cuts before a coordinated verb of meeting whose clause so far tells a meeting of its
    own (two meetings, with two people, one subject), not inside a cut already made."""
    out = []
    found = sorted(
        [*_AND_CONTACT.finditer(text), *_AS_CONTACT.finditer(text)], key=lambda m: m.start()
    )
    for m in found:
        if any(a <= m.start() < b for a, b in cuts):
            continue
        start = max((b for _a, b in cuts if b <= m.start()), default=0)
        if "meeting" in dict(find_triggers(text[start : m.start()])):
            out.append(m.span())
    return out


# "Joint Sea-2024 off Zhanjiang in July, | the Northern/Interaction-2024 exercise in the Sea of
# Japan in September": named exercises listed, each with its own time and place
_LIST_GAP = re.compile(r",\s+(?:and\s+)?(?:the\s+)?$")


def _listed_exercises(text: str) -> list[tuple[int, int]]:
    """Cuts before each named exercise a list goes on with after another named one."""
    names = list(lexicon().exercise_names.finditer(text))
    out = []
    for before, m in pairwise(names):
        gap = _LIST_GAP.search(text, before.end(), m.start())
        if gap is not None and "," not in text[before.end() : gap.start()]:
            out.append((gap.start(), gap.start() + 1))
    return out


# "Alckmin, who met Han Zheng in Beijing in May, is expected to co-chair ...", "Кожемяко,
# который в понедельник провел переговоры ..., примет участие ...": an event of its own
_RELATIVE = re.compile(r",\s+((?:who|котор(?:ый|ая|ые))\s[^,;]{8,160}?),(?=\s)", re.I)


def _relative_apart(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """A person's relative clause telling an event of the mode of the clause around it (one
    event per mode and clause): the clause with the relative clause blanked out (offsets
    kept: the people named in it stay in the clause), then the relative clause. Otherwise
    the clause as it is ("Wang, who arrived on a visit, held talks": a visit and a meeting
    already; "The sub-commission, which last met in June": bilat.extract.event_parties)."""
    m = _RELATIVE.search(text, start, end)
    if m is None:
        return [(start, end, text[start:end])]
    rel_start, rel_end = m.span(1)
    outer = text[start:rel_start] + " " * (rel_end - rel_start) + text[rel_end:end]
    inner = {mode for mode, _ in find_triggers(text[rel_start:rel_end])}
    around = {mode for mode, _ in find_triggers(outer)}
    # a plan around a past event ("who met X in May, is expected to co-chair ...", "Kim, who
    # held talks with Putin in September, has accepted an invitation to visit Moscow"), not
    # "Ding, who met X in May, said the sides should speed up talks on a roadmap" (no event)
    # and a contact of another mode ("Bayraktar, who met Miller in Istanbul on Sept. 5,
    # discussed the contracts with Novak by videoconference on Monday": the call would
    # absorb the meeting)
    planned = lexicon().planned
    if not (inner and around) or (
        (not planned.search(outer) or planned.search(text[rel_start:rel_end]))
        and (inner & around or not around & {"call", "video"})
    ):
        return [(start, end, text[start:end])]
    return [(start, end, outer), (rel_start, rel_end, text[rel_start:rel_end])]


@lru_cache(maxsize=4096)
def find_triggers(clause: str) -> tuple[tuple[str, re.Match[str]], ...]:
    """Every mode triggered in the clause, once per mode, in ORDER; call/video absorb a
    plain meeting word ("talks by phone" is one call, not a call and a meeting). Cached: a
    sentence with one event word is its own clause, and is asked twice."""
    lex, found = lexicon(), []
    for mode in ORDER:
        m = _first_told(lex.modes[mode], clause)
        if m is None:
            continue
        if mode == "video" and _CEREMONY.search(clause, max(0, m.start() - 90), m.start()):
            continue  # "watched the launch of container traffic ... by video link": no contact
        if (
            mode == "multilateral"
            and m.group(0).lower() == "summit"
            and not lex.bodies.search(clause)
            and not (m.group(0) == "Summit" and _NAMED_SUMMIT.search(clause, 0, m.start()))
        ):
            mode = "meeting"  # (not "the second China-Central Asia Summit": a named forum)
        found.append((mode, m))
    remote = [m for mo, m in found if mo in ("call", "video")]
    if remote:  # a forum a videoconference was part of is its occasion, "talks by phone" one
        # call; not "who met twice last year, in Moscow ..., and held a video call in February"
        found = [
            (mo, m)
            for mo, m in found
            if mo not in ("meeting", "multilateral")
            or _own_verb(clause, m, remote[0])
            or _PREPARED.search(clause, max(0, m.start() - 60), m.start())
            or (m.start() > remote[0].end() and _AT_THEIR.search(clause, 0, m.start()))
        ]  # "held a videoconference to prepare for the next meeting of the dialogue": two
        # "spoke over the phone ... the goal set by Modi and Putin at their summit": two
    once: dict[str, re.Match[str]] = {}
    for mo, m in found:
        once.setdefault(mo, m)  # modes come out in ORDER, one trigger each
    return tuple(once.items())


# an event word that only refers back to one told: "said in a post after the meeting"
_AFTER_THE = re.compile(r"\b(?:after|following)\s+the\s+$", re.I)


def _first_told(words: re.Pattern[str], clause: str) -> re.Match[str] | None:
    """The first event word of a mode, passing over one that only refers back to an event
    when another follows: 'Modi said in a post after the meeting that he looked forward to
    our next meeting in Tianjin' (the planned meeting is the one told), 'The visit comes a
    month after Kim traveled to Beijing'."""
    first = None
    for m in words.finditer(clause):
        if m.group(0).lower() in ("hosted", "held") and _WHICH_BEFORE.search(
            clause, max(0, m.start() - 50), m.start()
        ):
            continue
        if not (
            _AFTER_THE.search(clause, max(0, m.start() - 20), m.start())
            or _COMES.match(clause, m.end())
        ):
            return m
        first = first or m
    return first


# the subject of "comes a month after ...": the event told elsewhere, dated by what it follows
# ("The visit comes about a month after Kim traveled to Beijing": Kim's trip is the one told)
_COMES = re.compile(r"s?\s+(?:comes|came)\s", re.I)


# the verb of a relative clause about the noun before it: "the second China-Central Asia
# Summit, which the Kazakh capital hosted on Tuesday" (the summit's day, no contact of its own)
_WHICH_BEFORE = re.compile(r"\b(?:which|that)\s+(?:[\w'’-]+\s+){0,4}$", re.I)


_CEREMONY = re.compile(
    r"\b(?:watched|witnessed|launch(?:ed)?|inaugurat\w+|ceremony|unveil\w*|opening\s+of|"
    r"commissioning)\b[^.;]*\b(?:by|via|through)\s+(?:a\s+)?$",
    re.I,
)
_NAMED_SUMMIT = re.compile(r"(?-i:[A-Z][\w'’]*[-–](?:[A-Z][\w'’]*\s*)+)$")
_AT_THEIR = re.compile(r"\bat\s+their\s+(?:[\w-]+\s+)?$", re.I)
# an occasion a call prepares is an event of its own (planned)
_PREPARED = re.compile(
    r"\b(?:to\s+prepare\s+for|preparations?\s+for|in\s+preparation\s+for|ahead\s+of)\s+"
    r"(?:the\s+|an?\s+)?(?:next\s+|upcoming\s+|forthcoming\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_AND_VERB = re.compile(
    r",\s+and\s+(?:also\s+|then\s+|later\s+)?(?:held|had|hold|have|spoke|speak|talked|conducted)\b",
    re.I,
)


def _own_verb(clause: str, meeting: re.Match[str], remote: re.Match[str]) -> bool:
    """Whether a meeting word before a call's is an event of its own: the call comes in a
    coordinated verb phrase of its own (", and held a video call") or a clause of its own
    ("встречались лично в апреле в Пекине, а в июле ... провели консультации по видеосвязи")."""
    return meeting.end() <= remote.start() and bool(
        _AND_VERB.search(clause, meeting.end(), remote.start())
        or _CLAUSE.search(clause, meeting.end(), remote.start())
    )


def names_exercise(sentences: Sequence[Sentence]) -> bool:
    """The report names a joint exercise somewhere (a military trigger in any sentence)."""
    return any(mode == "military" for s in sentences for mode, _ in find_triggers(s.text))


def with_exercise_anaphora(
    clause: str, triggers: tuple[tuple[str, re.Match[str]], ...]
) -> tuple[tuple[str, re.Match[str]], ...]:
    """In a report about a joint exercise, 'the exercise began on July 19' and 'last year's
    drills' are about an exercise too: the bare noun triggers the military mode."""
    if any(mode == "military" for mode, _ in triggers):
        return triggers
    m = lexicon().military_anaphora.search(clause)
    return (("military", m), *triggers) if m else triggers
