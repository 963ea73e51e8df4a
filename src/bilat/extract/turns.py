"""Speaker turns of a transcript: who "I" and "you" are.

requires: DocContext.mentions (from the actor stage)
assigns : nothing; `with_turn_pronouns` returns a copy of the context for the event stage

Official transcripts (kremlin.ru, fmprc.gov.cn, press conferences) are written as turns:
"President of Russia Vladimir Putin: Dear friend, … We are expecting you in Moscow in May."
In a turn, "I"/"me"/"my" ("я", "мне") is the speaker; when two people talk to each other,
"you"/"your" (the polite "Вы", "Вам") is the other one (the nearest turn by someone else).
A label line that names no person ("Question:", "Photo: TASS") ends a turn without starting
one, so a journalist's "you" is nobody's. Without two speakers, "you" stays unresolved (a
briefing addresses the press). An interview told as questions and answers ("GT: ...?",
"— Алексей Евгеньевич, ...?" and the answer after each) has the interviewee its
introduction names answer every question: "I" in an answer and "you" in a question are he.
A signed article ("Article by President ... Xi Jinping for Rossiyskaya Gazeta", "By X in
Opinion") is its author's turn: "I will soon pay a state visit" is his.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bilat.extract.context import DocContext, Mention, Sentence

__all__ = [
    "Turn",
    "in_speaker_label",
    "interview_intro",
    "interview_turns",
    "plural_pronoun",
    "post_author",
    "speaker_at",
    "speaker_turns",
    "with_turn_pronouns",
]

_LABEL = re.compile(
    # "В.Путин:", "V.Putin:", "EAM Dr. S. Jaishankar:" (an initial's or title's full stop)
    r"^[ \t]*(?P<label>(?:[A-ZА-ЯЁ]\.\s?){0,2}"
    r"(?:[^\n:.!?\"“”]|(?<=\b[A-ZА-ЯЁ])\.|(?<=\b(?:Dr|Mr|Ms|Jr|Sr|St))\.){2,90}?)"
    r"(?:\s*\((?:retranslated|via (?:an? )?interpreter|through (?:an? )?interpreter|"
    r"translated)\))?:(?=[ \t]|$)",
    re.M,
)
_FIRST = re.compile(
    r"\b(?:I|me|my|myself|mine)\b"
    r"|(?<![\w-])(?i:я|меня|мне|мной|мо[йяёи]|моего|моей|моему|моим|моих)(?![\w-])"
)
# Russian: the polite singular "Вы" is capitalised in official transcripts; "вы" may be many
_SECOND = re.compile(
    r"\b(?i:you|your|yourself|yours)\b"
    r"|(?<![\w-])(?:Вы|Вас|Вам|Вами|Ваш\w*|(?i:ты|тебя|тебе|тобой|тво[йяёи]\w*))(?![\w-])"
)


# "we" of two leaders talking: both of them ("As we agreed in Beijing in May", "Since our
# meeting"); "our governments", "our countries" are their states, which the text names
_PLURAL = re.compile(
    r"\b(?i:we|us)\b|\b(?i:our)\b(?!\s+(?:two\s+)?(?:countries|states|nations|governments|"
    r"peoples|ministries|delegations|companies|relations|trade|cooperation|economies)\b)"
    r"|(?<![\w-])(?i:мы|нас|нам|нами)(?![\w-])"
)


# a speaker who only knows, hopes or is glad of a contact told after: no party to it
_MINDS = re.compile(
    r"\s+(?:know|knew|think|believe|hope|understand|remember|recall|am\s+(?:sure|glad|told|"
    r"aware)|was\s+(?:told|glad)|have\s+(?:heard|been\s+told)|hear|heard|see|saw|note|noted|"
    r"want\s+to\s+(?:thank|note)|would\s+like\s+to\s+(?:thank|note))\b(?:\s+that)?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Turn:
    start: int  # after the label
    end: int
    speaker: Mention | None  # None: a label that names no person ("Question:")


def in_speaker_label(ctx: DocContext, m: Mention) -> bool:
    """A mention inside a turn's label ("Spokesperson He Yongqian:"): who speaks, no party to
    what the turn tells."""
    line = ctx.clean_text.rfind("\n", 0, m.start) + 1
    label = _LABEL.match(ctx.clean_text, line)
    if label is None or m.end > label.end("label"):
        return False
    # the speaker's name closes the label ("Spokesperson He Yongqian:"); not a sentence that
    # runs up to a colon ("Putin and Xi met on Friday: the talks ...")
    speaker = m.type == "person" and m.end >= label.end("label") - 1
    return speaker or len(label["label"].split()) <= 4


def plural_pronoun(m: Mention) -> bool:
    """A "we" this module made a mention of one of the two speakers."""
    return _PLURAL.fullmatch(m.text) is not None


def speaker_at(ctx: DocContext, pos: int) -> Mention | None:
    """The person whose turn holds `pos`, if any."""
    return next((t.speaker for t in speaker_turns(ctx) if t.start <= pos < t.end), None)


def speaker_turns(ctx: DocContext) -> list[Turn]:
    """The turns in text order; text before the first label is in no turn. A label that
    names no one but opens an earlier label that did ("EAM:" after "EAM Dr. S. Jaishankar:")
    is that speaker's."""
    labels = list(_LABEL.finditer(ctx.clean_text))
    turns = []
    posted = _author(ctx)
    signed = _signed_by(ctx) if posted is None else None
    if signed is not None and not any(
        x.type == "person"
        for m in labels
        for x in ctx.mentions_in(m.start("label"), m.end("label"))
    ):  # a signed article whose labels are the page's ("Rubric:", "Photo caption:"): his
        return [Turn(signed[0], len(ctx.clean_text), signed[1])]
    author = posted or signed
    if author is not None:  # a post under its author's name, or a signed article: his turn
        # up to the first label
        at, who = author
        turns.append(Turn(at, labels[0].start() if labels else len(ctx.clean_text), who))
    named: list[tuple[str, Mention]] = []  # the earlier labels that named their speaker
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(ctx.clean_text)
        people = [
            x for x in ctx.mentions_in(m.start("label"), m.end("label")) if x.type == "person"
        ]
        speaker = people[-1] if people and people[-1].end >= m.end("label") - 1 else None
        label = " ".join(m["label"].split())
        if speaker is not None:
            named.append((label, speaker))
        else:
            speaker = next(
                (who for text, who in reversed(named) if text.startswith(label + " ")), None
            )
        turns.append(Turn(m.end(), end, speaker))
    return turns


# a post's first line naming its author before a bar: "Василий Орлов | Амурская область"
# (a governor's or minister's channel), "Tatiana Orlova | Carnegie Politika"
_AUTHOR_LINE = re.compile(r"\A\s*(?P<name>[^\n|]{3,60}?)\s+\|\s+[^\n]{2,80}\n")


def post_author(ctx: DocContext) -> Mention | None:
    """The named author of a post whose first line is his ("Василий Орлов | ..."), if any."""
    found = _author(ctx)
    return found[1] if found else None


# a signed article's author, near its top: "Article by President of the People's Republic of
# China Xi Jinping for Rossiyskaya Gazeta", "published a signed article by ... Xi Jinping",
# "By Han Chunlin in Opinion" (not a reporter's plain byline "By X", "Автор: X")
_SIGNED = re.compile(
    r"\b(?i:(?:signed\s+)?(?:article|op-ed)\s+by)\s+"
    r"|^[ \t]*By\s+(?=[^\n]{3,60}?\s+in\s+(?:Opinion|Op-?Ed|Commentary|Viewpoint)\b)",
    re.M,
)


def _signed_by(ctx: DocContext) -> tuple[int, Mention] | None:
    """The author a signed article names near its top, and where his text starts (the end
    of that line): "I" and "my" in it are his."""
    for m in _SIGNED.finditer(ctx.clean_text, 0, 700):
        line_end = ctx.clean_text.find("\n", m.end())
        line_end = len(ctx.clean_text) if line_end < 0 else line_end
        people = [
            x for x in ctx.mentions_in(m.end(), min(line_end, m.end() + 160)) if x.type == "person"
        ]
        if people:
            return line_end, people[0]
    return None


def _author(ctx: DocContext) -> tuple[int, Mention] | None:
    """Where the post of a named author starts, and the author: the whole text is his turn."""
    line = _AUTHOR_LINE.match(ctx.clean_text)
    if line is None:
        return None
    people = [
        m for m in ctx.mentions_in(line.start("name"), line.end("name")) if m.type == "person"
    ]
    if len(people) != 1 or people[0].end < line.end("name") - 1:
        return None
    return line.end(), people[0]


def _addressee(turns: list[Turn], i: int) -> Mention | None:
    me = turns[i].speaker
    assert me is not None
    order = [*range(i - 1, -1, -1), *range(i + 1, len(turns))]
    for j in sorted(order, key=lambda j: abs(j - i)):
        other: Mention | None = turns[j].speaker
        if other is not None and other.actor != me.actor:
            return other
    return None


# the introduction of an interview: "X, in an interview with TASS, spoke about ...", "X spoke
# with Global Times reporters", "Y рассказал «Известиям»", "в интервью РИА Новости"
_INTERVIEW = re.compile(
    r"\binterview\b|\bspoke\s+(?:with|to)\b|\bsat\s+down\s+with\b|интервью"
    r"|рассказал\w*\s+[«\"]|в\s+беседе\s+с\b",
    re.I,
)
# a question of an interview: a paragraph that asks, after an interviewer's label ("GT:",
# "Q:") or a dash ("— Алексей Евгеньевич, ...?"), or alone ("What are the main deliverables?")
_QUESTION = re.compile(r"^[ \t]*(?:(?:[-–—]|[A-Z]{1,6}:|Q\.)[ \t]*)?[^\n]*\?[ \t]*$", re.M)
_ASKED = re.compile(r"^[ \t]*(?:[A-Z]{1,6}:|Q\.|Question:|Вопрос:)", re.M)


def interview_intro(ctx: DocContext) -> Sentence | None:
    """The sentence that tells an interview, within the text's first 1,500 characters."""
    for s in ctx.sentences:
        if s.start >= 1500:
            break
        if _INTERVIEW.search(s.text):
            return s
    return None


def interview_turns(ctx: DocContext) -> list[Turn]:
    """The answers of an interview as the interviewee's turns, the questions as turns of no
    one asking him (`Turn.speaker` None; `you` there is the interviewee): the person its
    introduction names with the interview (within its first 1,500 characters), when two
    questions or more follow, each a paragraph of its own."""
    intro = interview_intro(ctx)
    if intro is None:
        return []
    people = [m for m in ctx.mentions_in(intro.start, intro.end) if m.type == "person"]
    if not people:
        return []
    questions = [
        m
        for m in _QUESTION.finditer(ctx.clean_text, intro.end)
        if m.group(0).rstrip().endswith("?") or _ASKED.match(m.group(0))
    ]
    if len(questions) < 2:
        return []
    turns = []
    for i, q in enumerate(questions):
        end = questions[i + 1].start() if i + 1 < len(questions) else len(ctx.clean_text)
        turns.append(Turn(q.start(), q.end(), None))
        turns.append(Turn(q.end(), end, people[0]))
    return turns


def with_turn_pronouns(ctx: DocContext) -> DocContext:
    """`ctx` with "I" and "you" in each turn as mentions of the speaker and the addressee, and
    "we" ("As we agreed in Beijing", "our meeting") as both when two people talk to each
    other. A briefing by one speaker resolves only "I" ("I arrived in Moscow yesterday"). In
    an interview (`interview_turns`), "I" of an answer and "you" of a question are the
    interviewee ("In April I was in Beijing and held talks with ...")."""
    turns = speaker_turns(ctx)
    speakers = {t.speaker.actor for t in turns if t.speaker}
    if len(speakers) < 2 and interview_turns(ctx):  # (a headline "Лихачев: ..." is no turn)
        return _interview_pronouns(ctx)
    if not speakers:
        return ctx
    added = []
    for i, turn in enumerate(turns):
        if turn.speaker is None:
            continue
        text = ctx.clean_text[turn.start : turn.end]
        you = _addressee(turns, i) if len(speakers) > 1 else None
        for pattern, people in (
            (_FIRST, [turn.speaker]),
            (_SECOND, [you]),
            (_PLURAL, [turn.speaker, you] if you is not None else []),
        ):
            for who in people:
                if who is None:
                    continue
                for m in pattern.finditer(text):
                    if _MINDS.match(text, m.end()):
                        continue  # "I know that this morning you held talks": not mine
                    start = turn.start + m.start()
                    added.append(replace(who, start=start, end=start + len(m.group(0)), text=m[0]))
    return _with_mentions(ctx, added)


def _with_mentions(ctx: DocContext, added: list[Mention]) -> DocContext:
    if not added:
        return ctx
    return replace(ctx, mentions=sorted([*ctx.mentions, *added], key=lambda m: m.start))


# "you" of a question: the interviewee (in Russian, "вы" of the one asked, capitalised or not)
_ASKED_YOU = re.compile(
    r"\b(?i:you|your|yourself|yours)\b|(?<![\w-])(?i:вы|вас|вам|вами|ваш\w*)(?![\w-])"
)


def _interview_pronouns(ctx: DocContext) -> DocContext:
    turns = interview_turns(ctx)
    added = []
    for i, turn in enumerate(turns):
        who = turn.speaker or turns[i + 1].speaker
        assert who is not None  # a question is followed by its answer
        pattern = _FIRST if turn.speaker else _ASKED_YOU
        text = ctx.clean_text[turn.start : turn.end]
        for m in pattern.finditer(text):
            if turn.speaker and _MINDS.match(text, m.end()):
                continue
            start = turn.start + m.start()
            added.append(replace(who, start=start, end=start + len(m.group(0)), text=m[0]))
    return _with_mentions(ctx, added)
