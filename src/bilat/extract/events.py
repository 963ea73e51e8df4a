"""Events: contacts between the sides and joint actions (PLOVER CONSULT / COOPERATE military).

requires: DocContext.mentions (from the actor stage), sentences, publication date
assigns : Event records (evidence in clean-text offsets), one per real-world event

A sentence is split into clauses ("X received A in February, and in July he spoke with B");
each clause with a trigger (data/events.yaml) becomes a candidate with its participants,
date (resolved against the publication date), place and status (planned from modality or a
date after publication). "At the highest level" with a date is a meeting of the pair's heads
of state on that date (gazetteer roles); a trigger-less clause that only adds a date and place
("met in May in Moscow and in September in Tianjin") repeats the event of the clause before.
Clauses and triggers come from `event_clauses`; who takes part from `event_people` and
`event_visits`; how a clause's events relate to those told before it from `event_links`. A
meeting of a joint body ("the Russian-Chinese commission", "the China-Russia Energy Business
Forum", or "the Commission" once the text named it so) involves both its states; the sender of
a telegram or message is not at the occasion it greets. Candidates not involving the tracked
pair are dropped, and candidates for the same real-world event are merged (`event_merge`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from bilat.extract.context import (
    DocContext,
    Mention,
    Sentence,
    calendar_line,
    date_led,
    in_its_post,
    in_its_year,
    item_day,
)
from bilat.extract.denials import DENIED, DENIED_RE, unconfirmed
from bilat.extract.event_before import the_one_before, this_trip
from bilat.extract.event_clauses import (
    Clause,
    find_triggers,
    lexicon,
    names_exercise,
    split_clauses,
    with_exercise_anaphora,
)
from bilat.extract.event_dates import any_date, event_date, followed_date
from bilat.extract.event_headline import headline_dated_by_lead
from bilat.extract.event_links import (
    CALLED_OFF,
    HELD_REMOTELY,
    NOT_HELD,
    by_video,
    continued,
    day_off,
    days_apart,
    during_the_visit_told,
    during_which,
    ended_trip,
    followed_by,
    hosted_visit,
    moved_to,
    occasion_of_talks,
    on_its_sidelines,
    summit_of_continued,
    the_contact_told,
    the_session_told,
    the_speaker_met,
    told_back,
)
from bilat.extract.event_marks import contacts_told, exercise_phase, marks_of
from bilat.extract.event_merge import (
    GROUP_MODES,
    SERIES,
    Found,
    dedupe,
    in_the_body,
    trip_dates,
    without_headline_repeats,
)
from bilat.extract.event_offices import heads_of_state, pair_by_office, pair_states
from bilat.extract.event_parties import (
    coordinated_sides,
    counterpart_adjectives,
    forces,
    greets,
    joint_body,
    joint_mentions,
    joint_states,
    unnamed_as_states,
    unplaced_counterpart,
)
from bilat.extract.event_people import (
    clause_participants,
    has_person,
    involves_pair,
    persons_between,
    place_of,
)
from bilat.extract.event_plans import (
    FUTURE_TRIGGER,
    for_a_planned_trip,
    planned_near,
    scheduled_present,
    status_by_date,
    told_after_a_past_one,
)
from bilat.extract.event_retold import redated_talks
from bilat.extract.event_spans import a_stay_up_to_now, fronted_date, one_per_date, the_span_told
from bilat.extract.event_visits import (
    as_state,
    dateline_state,
    destination_of,
    one_meeting_each,
    the_guest_of,
    visitors_of,
)
from bilat.extract.gazetteer import Gazetteer
from bilat.extract.pair import section_pair
from bilat.extract.temporal import find_time_expressions, infer_tense
from bilat.extract.turns import (
    in_speaker_label,
    interview_intro,
    interview_turns,
    plural_pronoun,
    post_author,
    with_turn_pronouns,
)
from bilat.records import Event

__all__ = ["extract_events"]

_BOTH_SIDES = re.compile(
    r"\b(?:the\s+two|both)\s+(?:countries|sides|nations|states|governments)\b(?!['’])", re.I
)
_THEIR = re.compile(r"\btheir\s+(?:(?:last|previous|first|recent|latest)\s+)?$", re.I)


def _build(
    ctx: DocContext,
    clause: Clause,
    mode: str,
    parts: list[Mention],
    trig: re.Match[str],
    others: list[re.Match[str]],
    counted: bool = False,
    members: frozenset[str] = frozenset(),
) -> Found | None:
    """`counted`: the clause counts the people by their states ('Russian and Chinese
    officials') or names the joint body that meets, which names the parties as well as a
    person does; `members`: the pair's states, when a body of both meets (`_pair_members`)."""
    parts = [  # (a speaker named by the turn's label takes part when the clause says so)
        p
        for p in parts
        if not dateline_state(ctx, p)
        and not (clause.start <= p.start < clause.end and in_speaker_label(ctx, p))
    ]
    in_pair = {m.country for m in parts} & set(ctx.pair) | members
    if not in_pair or (mode not in GROUP_MODES and not involves_pair(parts, ctx.pair, mode)):
        return None
    planned = (
        planned_near(clause.text, trig, others)
        or bool(FUTURE_TRIGGER.match(trig[0]))
        or for_a_planned_trip(clause.text, trig, others)
    ) and not (mode == "military" and lexicon().exercise_under_way.search(clause.text))
    ahead = planned or (  # "Putin flies to China on Sunday": the date is looked for ahead
        scheduled_present(clause.text, trig) and not date_led(ctx, clause.start)
    )
    date, date_end = event_date(clause, ctx, ahead, trig, others)
    moved = moved_to(ctx, clause)
    if moved is not None:  # "has been postponed until early next year": a plan, then
        planned, (date, date_end) = True, moved
    if date is None and (planned or mode in ("visit", "multilateral")):
        after = told_after_a_past_one(clause.text, trig, others) if planned else None
        # "will visit China at the end of August, where he will take part in the SCO
        # summit": the trip's date is the summit's
        date, date_end = any_date(clause, ctx, planned or ahead, after)
    if date is None and planned:
        date = followed_date(clause, ctx, trig)
    status = "planned" if planned else status_by_date(date, ctx.published)
    explicit = date is not None
    named = counted or has_person(parts) or bool(lexicon().plural_heads.search(clause.text))
    if mode in ("meeting", "call", "video") and not explicit and not named:
        return None  # "the talks are an opportunity...": no one, no date, no event
    if status == "occurred" and date is None and not SERIES.search(clause.text):
        date = ctx.published  # told as news: the day of the report
    names = tuple(dict.fromkeys(p.actor for p in parts))
    kind = "COOPERATE" if mode == "military" else "CONSULT"
    quote = clause.evidence()
    event = Event(kind, mode, status, names, date, date_end, place_of(ctx, clause), quote)
    sides: set[str] = {p.country for p in parts if p.country is not None}
    if mode == "multilateral":  # a summit the other side hosts ("to China for the SCO summit")
        sides |= _host_states(ctx, clause) | members
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
    r"\b(?:the\s+)?(?:next|following|previous|\d+(?:st|nd|rd|th)|(?:second|third|fourth|fifth)"
    r"\s+round)\s+(?:round|session|meeting|of\s+talks|of\s+consultations)\b"
    # "Предыдущая, 29-я встреча прошла в августе 2024 года": the round before, the same sides
    r"|(?<![\w-])(?:следующ|очередн|предыдущ)\w*,?\s+(?:\d+-\w+\s+)?(?:раунд|заседани|встреч)\w*",
    re.I,
)


# a body's meeting told for itself: its subject ("The XVI BRICS Summit took place in Kazan",
# "The SCO summit ended in Astana on Thursday") or what a state hosts ("will host the next SCO
# summit"); not a setting ("At the APEC summit, Xi proposed"), nor a time ("a day after the
# SCO summit in Tianjin ended")
_HELD = re.compile(
    r"[^,;]{0,60}?\b(?:took\s+place|was\s+held|were\s+held|opened|closed|ended|concluded"
    r"|wrapped\s+up|kicked\s+off|began|convened|(?:will|is\s+to|are\s+to)\s+(?:be\s+held"
    r"|take\s+place|open|convene))\b"
    r"|[^,;]{0,60}?(?<![\w-])(?:прош[её]л|проходил|состоялся|состоится|пройд[её]т|открылся"
    r"|завершился|завершил\w*)(?![\w-])",
    re.I,
)
_HOSTS = re.compile(
    r"\b(?:host|hosts|hosted|hosting|примет|принимает|принимала|принял)\s+(?:the\s+)?(?:next\s+|"
    r"[\w-]+\s+){0,4}$",
    re.I,
)


_SETTING_BEFORE = re.compile(r"[,;]|\b(?:after|before|since|until|at|on|during|ahead)\b", re.I)


def _summit_told(text: str, trig: re.Match[str]) -> bool:
    """The clause tells the body's meeting itself (see `_HELD`)."""
    before = text[: trig.start()]
    if _HOSTS.search(before):
        return True
    return not _SETTING_BEFORE.search(before) and bool(_HELD.match(text, trig.end()))


def _pair_members(ctx: DocContext, gaz: Gazetteer, parts: list[Mention]) -> frozenset[str]:
    """The pair's states, when an international body taking part has both among its members
    ('The XVI BRICS Summit took place in Kazan', 'India will host the next SCO summit' on a
    Russia-China page): the body's meeting is one of both, whoever the clause names."""
    pair = frozenset(ctx.pair)
    for p in parts:
        bodies = gaz.lookup(p.actor) if p.type == "organization" and p.country is None else []
        if any(pair <= set(e.members) for e in bodies):
            return pair
    return frozenset()


def _host_states(ctx: DocContext, clause: Clause) -> set[str]:
    return {
        m.country
        for m in ctx.mentions_in(clause.start, clause.end)
        if m.type in ("state", "place") and m.country is not None
    }


# a word after a negation that ties the contact negated to another one: "have not met since
# their summit in April" (the summit is told, as a contact that took place)
_SINCE = r"(?:since|before|after|until|till|because|except)\b"
# a contact only asked about, or earlier ones referred to in the plural
_NOT_TOLD = re.compile(
    r"\b(?:asked|asking|wondered|wondering|unclear|uncertain)\s+(?:whether|if)\b"
    # a contact denied: "denied media reports that Erdogan would visit Moscow"
    rf"|{DENIED}"
    # ... or ruled out: "there were no plans for Putin to meet Sharif in Tianjin", "has no
    # plans to visit", "не планирует встречаться"
    r"|\b(?:no|not\s+any)\s+plans?\s+(?:for\s+(?:[\w'’.-]+\s+){1,4})?to\s+(?:[\w-]+\s+){0,2}$"
    # ... and the occasion told after it: "no plans for Li Qiang to meet Takaichi on the
    # sidelines of the G20 summit"
    r"|\b(?:no|not\s+any)\s+plans?\s+(?:for\s+(?:[\w'’.-]+\s+){1,4})?to\s+(?:meet|visit|hold\s+talks)\b"
    # ... or its noun: "there were no plans for a meeting between ...", "no phone call
    # between Putin and Xi is planned", "called off a trip", "had been hoping to host a
    # leaders' meeting in January"
    r"|\b(?:no|not\s+any)\s+plans?\s+(?:for|of)\s+(?:(?:a|an|any)\s+)?(?:[\w'’-]+\s+){0,2}$"
    r"|\bno\s+(?!(?:fewer|less|more|later|sooner|longer|other|doubt)\b)(?:[\w-]+\s+){0,2}$"
    r"|\bcall(?:ed|s|ing)?\s+off\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w'’-]+\s+){0,2}$"
    r"|\bhad\s+(?:been\s+)?(?:hop|plan|intend)\w*\s+to\s+(?:[\w'’-]+\s+){0,5}$"
    r"|(?<!\w)не\s+(?:планиру\w+|собира\w+|намерен\w*)\s+$"
    # ... or negated: "Ramaphosa and Putin did not hold a separate bilateral meeting", "has
    # never visited", "held no talks", "не проводили отдельной встречи" (not "did not say
    # when the visit ...": the visit is told)
    r"|\b(?:did|does|do|have|has|had|will|would|could)\s*(?:not|n['’]t)\s+(?!(?:say|specify|"
    r"disclose|comment|confirm|rule|give|elaborate|reveal|provide|name|mention|announce|"
    rf"indicate|exclude|expect|know|want|only)\b)(?:(?!{_SINCE})[\w-]+\s+){{0,4}}$"
    rf"|\b(?:never|held\s+no|had\s+no)\s+(?:(?!{_SINCE})[\w-]+\s+){{0,2}}$"
    r"|(?<![\w-])не\s+(?!только\b)(?:(?:провод|провел|провёл|имел|состоял)\w*\s+)?"
    r"(?:[а-яё]+\s+)?$",
    re.I,
)
# what a denied report said was undone: "dismissed as groundless reports that Hanoi had
# postponed the next meeting" denies the postponement, and tells the meeting
_UNDONE = re.compile(
    r"\b(?:postpon|cancel|delay|call(?:ed|ing)?\s+off|scrap|suspend|shelv)\w*"
    r"|(?<![\w-])(?:отлож|перенес|перенос|отмен)\w*",
    re.I,
)


# ... and a plan negated after the event's word: "a visit by Putin to Turkey in June is not
# planned", "визит Путина в Турцию в июне не планируется"
_NOT_PLANNED_AFTER = re.compile(
    r"[^.;:]{0,80}?(?:\b(?:is|was|are|were)\s+not\s+(?:being\s+)?(?:planned|scheduled|"
    r"on\s+the\s+agenda)\b|(?<![\w-])не\s+(?:планируется|запланирован\w*|предполагается|"
    r"намечен\w*|стоит\s+в\s+повестке)"
    # "визита Путина в Турцию в графике пока нет", "... is not on the schedule"
    r"|(?<![\w-])в\s+графике\s+(?:[а-яё]+\s+){0,2}нет\b|\bis\s+not\s+(?:yet\s+)?on\s+the\s+"
    r"(?:schedule|calendar)\b)",
    re.I,
)


def _not_told(text: str, at: int, end: int | None = None) -> re.Match[str] | None:
    """`_NOT_TOLD` before offset `at` (or a plan negated after the word ending at `end`), but
    a denied report of a contact undone."""
    if end is not None and (after := _NOT_PLANNED_AFTER.match(text, end)):
        return after
    found = _NOT_TOLD.search(text, 0, at)
    if found and DENIED_RE.match(text, found.start()) and _UNDONE.search(text, found.end(), at):
        return None
    return found


_ABOUT = re.compile(r"\babout\s|(?<![\w-])об?\s", re.I)
# a contact only as a condition: "an order that could be unveiled if Trump and Xi meet later
# this year" (not "if confirmed, the visit ...": the condition ends at its comma)
_IF = re.compile(r"\b(?:if|unless)\s+[^,;:.()]{0,80}$", re.I)
_EARLIER_ONES = re.compile(
    r"\b(?:their|the|its|his|her)\s+(?:previous|earlier|past|prior)\s+(?:[\w-]+\s+)?$", re.I
)


# a clause with no subject of its own, its verb a gerund: "a day after holding talks with",
# "after meeting", "before visiting"
_NO_SUBJECT = re.compile(
    r"\W*(?:(?:a|one|two|three|four|five)\s+(?:days?|weeks?)\s+)?(?:after|before|while|since|"
    r"following)\s+(?:[a-z]+ly\s+)?[a-z]+ing\b"
    # a coordinated verb phrase cut from its subject: "... | called on Prime Minister Modi"
    r"|(?:and\s+)?(?:then\s+|later\s+|also\s+)?(?:called\s+on|paid\s+(?:a\s+)?courtesy\s+calls?\s+on"
    r"|met|held\s+(?:separate\s+)?talks"
    # "... and held the 22nd annual summit with Putin on 9 July"
    r"|held\s+(?:the|a|an|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:summit|meeting|talks)"
    # "..., and was received by Xi in Beijing the next day": the one received is the subject
    r"|was\s+(?:also\s+|then\s+|later\s+)?(?:received|hosted|welcomed)\s+by)\b",
    re.I,
)


_HE_OR_SHE = re.compile(r"\W*(?:He|She)\s+(?-i:[a-z])")


# a sentence that asks whether or how often (its answer tells what took place); not one
# that takes a contact as given ("What progress has been made since Xi's visit in June?")
_ASKED = re.compile(r"\?[\s\"”»]*$")
_ASKS_IF = re.compile(
    r"^(?:[^.!?:]{0,40}:\s*)?(?:will|would|do|does|can|could|should|shall|is|are|how\s+often"
    r"|when\s+(?:will|would|is|are|do|does)|where\s+(?:will|would))\b|(?<![\w-])ли(?![\w-])",
    re.I,
)


def _candidates(
    ctx: DocContext, gaz: Gazetteer, clause: Clause, subject: list[Mention], exercise: bool
) -> list[Found]:
    """`exercise`: the report names a joint exercise, so 'the drills' is one."""
    if lexicon().generic.search(clause.sentence.text) or NOT_HELD.search(clause.text):
        return []  # (...; "No annual summit was held in 2022 or 2023": nothing took place)
    if _ASKED.search(clause.sentence.text) and _ASKS_IF.search(clause.sentence.text):
        return []  # "How often do the two leaders meet?", "Вопрос: Будет ли председатель Си
        # приглашать президента Путина с ответным визитом?": a question tells no contact
    out = []
    triggers = find_triggers(clause.text)
    topics = len(clause.text)  # where the topics an interview is about begin (none: the end)
    if clause.sentence == interview_intro(ctx) and interview_turns(ctx):
        # "X, in an interview with TASS, spoke about ... upcoming contacts at the top level":
        # what the interview is about, no contact it tells
        at = clause.start - clause.sentence.start
        about = _ABOUT.search(clause.sentence.text, 0, at + len(clause.text))
        topics = max(0, about.start() - at) if about else topics
        triggers = tuple((mo, t) for mo, t in triggers if t.start() < topics)
    if exercise:
        triggers = with_exercise_anaphora(clause.text, triggers)
    hearsay = list(unconfirmed(clause.sentence.text))  # "reports that ... were premature"
    offset = clause.start - clause.sentence.start
    for mode, trig in triggers:
        if (
            _not_told(clause.text, trig.start(), trig.end())
            or any(a <= offset + trig.start() < b for a, b in hearsay)
            or _IF.search(clause.text, 0, trig.start())
            or (
                trig.group(0).lower().endswith("s")
                and _EARLIER_ONES.search(clause.text, 0, trig.start())
            )
        ):
            continue  # "asked whether the navies would hold exercises", "agreements reached at
            # their previous meetings": none told to take place
        if mode == "multilateral" and _summit_of_the_pair(ctx, gaz, clause, trig):
            mode = "meeting"
        sides: list[Mention] = []
        if mode == "visit":
            parts, dest = the_guest_of(
                ctx, gaz, clause, trig, visitors_of(ctx, gaz, clause, trig, subject)
            )
            if dest is None:
                dest = destination_of(ctx, gaz, clause, clause.start + trig.end(), parts)
            me = post_author(ctx) if not parts else None
            if me is not None and dest is not None and me.country != dest.country:
                parts.append(me)  # "Второй день рабочей поездки в Китай." in a governor's
                # post: his own trip
            if dest is not None:
                parts.append(dest)
        elif mode == "military":
            parts = forces(ctx, gaz, clause)
            if not {p.country for p in parts} & set(ctx.pair):
                # "The previous joint patrol took place in July near Alaska, where U.S. and
                # Canadian jets intercepted the bombers": others' forces; the pair's patrol
                parts = _the_pair_jointly(ctx, gaz, clause, trig) or parts
            elif len({p.country for p in parts}) < 2:  # "the joint exercise INDRA will be
                parts += _the_pair_jointly(ctx, gaz, clause, trig)  # held in Russia": the venue
        else:
            parts = unnamed_as_states(ctx, gaz, clause_participants(ctx, gaz, clause, subject))
            we = [p for p in parts if plural_pronoun(p)] if mode == "multilateral" else []
            if we:  # "Мы договорились провести в Оренбурге Форум": the two speakers agreed
                parts = [p for p in parts if p not in we]  # on it; their states hold it
                if involves_pair(we, ctx.pair, mode):
                    at = clause.start + trig.start()
                    parts += pair_states(ctx, gaz, at, at + len(trig.group(0)), trig.group(0))
            if not involves_pair(parts, ctx.pair, mode):
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
            if their and subject and not involves_pair(parts, ctx.pair, mode):
                parts += subject[:2]  # "The presidents noted ... since their meeting in Xi'an"
            both = _BOTH_SIDES.search(clause.text, 0, trig.start())
            if both and not involves_pair(parts, ctx.pair, mode):
                # "In April, the two countries held their first 2+2 dialogue": the pair's
                # states, when no one named before stands for them
                at = clause.start + both.start()
                parts += pair_states(ctx, gaz, at, clause.start + both.end(), both.group(0))
            if (
                _NO_SUBJECT.match(clause.text)
                and subject
                and not involves_pair(parts, ctx.pair, mode)
            ):
                parts += subject[:1]  # "X arrived in Harbin on Friday, | a day after holding
                # talks with Xi": the clause before's subject held them
            if mode == "meeting" and not involves_pair(parts, ctx.pair, mode):
                parts += _host_side(ctx, gaz, clause, parts)
            if mode == "meeting" and not involves_pair(parts, ctx.pair, mode):
                parts += the_speaker_met(ctx, clause, trig, parts)
        if mode != "military" and not involves_pair(parts, ctx.pair, mode):
            parts = unplaced_counterpart(ctx, gaz, parts)
        next_round = mode == "meeting" and _NEXT_ROUND.search(clause.text)
        if next_round and not involves_pair(parts, ctx.pair, mode):
            # "The next round of consultations will be held in Moscow in December": the sides
            # of the rounds told before; "... the talks X and Y held in Vladivostok, and the
            # next round is scheduled for February": the two who held them
            at = clause.start + trig.start()
            theirs = "round" in next_round.group(0).lower() and clause.start > clause.sentence.start
            if theirs and involves_pair(subject[:2], ctx.pair, mode):  # (not "the next session
                # of the joint committee": the states')
                parts += subject[:2]
            else:
                parts += pair_states(ctx, gaz, at, at + len(trig.group(0)), trig.group(0))
        if mode == "multilateral":
            parts += [
                m
                for m in ctx.mentions_in(clause.start, clause.end)
                if m.type == "organization" and m.country is None
            ]
            if not involves_pair(parts, ctx.pair, mode) or all(p.type == "person" for p in parts):
                # "Российско-китайское ЭКСПО": the two states hold it, whoever met there
                parts += joint_mentions(gaz, clause)
        body: list[Mention] = []
        if mode in ("meeting", "multilateral", "video"):  # (a joint body's session by video)
            body = joint_body(ctx, gaz, clause, trig)
            parts = [p for p in parts if not greets(ctx, p)] + body
        others = [m for mo, m in triggers if m is not trig]
        members = (
            _pair_members(ctx, gaz, parts)
            if mode == "multilateral" and _summit_told(clause.text, trig)
            else frozenset()
        )
        found = _build(ctx, clause, mode, parts, trig, others, bool(sides or body), members)
        if found is not None:
            each = one_meeting_each(ctx, clause, trig, parts, found) if mode == "meeting" else []
            out += each or [found]
            if mode == "meeting" and not any(m == "visit" for m, _ in triggers):
                visit = hosted_visit(ctx, gaz, clause, trig, found)
                if visit and found.event.status == "planned":
                    out.remove(found)  # "is expected to host Putin in Turkey": the trip told
                out += visit
    level = _top_level(ctx, gaz, clause, [m for _, m in triggers])
    out += [level] if level and topics == len(clause.text) else []
    if CALLED_OFF.search(clause.text):  # "A meeting ... that had been scheduled for January
        out = [f for f in out if f.event.status != "planned"]  # was cancelled": none to come
    return out


# "joint strategic bomber patrols", "Another naval patrol is expected": of the pair the
# report is about when the clause names no one else
_JOINTLY = re.compile(
    # ("совместное стратегическое учение": an adjective between)
    r"\bjoint\b|\b(?:another|the\s+(?:next|previous|last|latest))\s+$"
    r"|совместн\w*\s+(?:[а-яё-]+\s+){0,2}$|(?:очередн|следующ)\w*\s+$",
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
    lead = clause.text[max(0, trig.start() - 40) : trig.start()]
    jointly = _JOINTLY.search(trig.group(0)) or _JOINTLY.search(lead)
    # "Joint Sea-2024 off Zhanjiang in July": a named exercise the report tells of, the pair's
    named = lexicon().exercise_names.search(clause.text)
    if not (jointly or named or _TWO_FORCES.search(clause.text)):
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
        state = as_state(gaz, m)
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


def in_the_sentences_year(ctx: DocContext, clause: Clause) -> DocContext:
    """A later clause of a sentence that dated its first to a past day tells a day of the
    same trip or occasion in that year: 'Narendra Modi visited Moscow on 8–9 July 2024, ...
    and held the 22nd annual summit with Putin on 9 July' is 9 July 2024, not the last 9
    July before the report. Only a clause told in the past whose one date is a day with no
    year, within two weeks of the day told before; else `ctx` itself."""
    before = clause.sentence.text[: clause.start - clause.sentence.start]
    if not before.strip() or ctx.published is None or infer_tense(clause.text) != "past":
        return ctx
    days = [
        t
        for t in find_time_expressions(before, ctx.published)
        if len(t.date or "") == 10 and re.search(r"(?:19|20)\d\d", t.text)
    ]
    own = find_time_expressions(clause.text, ctx.published)
    if not days or len(own) != 1 or len(own[0].date or "") != 10:
        return ctx
    if not _DAY_OF_A_MONTH.fullmatch(own[0].text):
        return ctx  # ("last May", "on Tuesday", "1 September 2025": the report's, or its own)
    year = str(days[-1].date)[:4]
    if year >= ctx.published[:4]:
        return ctx
    told = dt.date.fromisoformat(str(days[-1].date))
    then = dt.date.fromisoformat(year + str(own[0].date)[4:])
    if abs((then - told).days) > 14:
        return ctx  # "in July 2024, and met again on 1 September": another year's, maybe
    return replace(ctx, published=f"{year}-12-31")


_DAY_OF_A_MONTH = re.compile(
    r"(?:on\s+)?(?:\d{1,2}\s+[A-Za-z]+\.?|[A-Za-z]+\.?\s+\d{1,2})(?:st|nd|rd|th)?", re.I
)


def of_the_item(ctx: DocContext, clause: Clause, found: Found) -> Found:
    """An undated event told in a later clause or sentence of a timeline's item is of the
    item's day."""
    day = item_day(ctx, clause.start) if not found.explicit_date else None
    told = find_time_expressions(day, ctx.published, tense="past") if day else []
    if not told or told[0].date is None:
        return found
    event = replace(found.event, date=told[0].date, date_end=told[0].date_end)
    return replace(found, event=event, explicit_date=True)


# a line that tells its item as done: "Aug 5 - the navies finished their drills"
_DONE = re.compile(
    r"\b(?:was|were|met|held|took\s+place|began|ended|finished|concluded|wrapped\s+up|opened|"
    r"closed|visited|attended|hosted|signed|spoke|talked|arrived|landed)\b",
    re.I,
)


def ahead_in_a_calendar(ctx: DocContext, sentence: Sentence, found: Found) -> Found:
    """A calendar's line ('Aug 31-Sep 1 - SCO summit in Tianjin, Putin confirmed', 'May 9 -
    Victory Day parade; Xi is the main foreign guest') tells no tense: its day is the one
    nearer the report, still to come when that is the next one (not last year's). Under a
    heading of the report's year ('2025' / '- December 4-5. State visit by Putin to New
    Delhi'), the day is of that year."""
    line = calendar_line(ctx, sentence)
    if line is None or found.event.status != "occurred" or ctx.published is None:
        return found
    when, text, year = line
    past = find_time_expressions(when, ctx.published, tense="past")
    ahead = find_time_expressions(when, ctx.published, tense="future")
    if not (past and ahead and past[0].date and ahead[0].date):
        return found
    if found.event.date != past[0].date or len(past[0].date) != 10 or len(ahead[0].date) != 10:
        return found
    if year is not None:
        if past[0].date.startswith(year) or not ahead[0].date.startswith(year):
            return found
    else:
        pub = dt.date.fromisoformat(ctx.published[:10])
        back = (pub - dt.date.fromisoformat(past[0].date)).days
        forth = (dt.date.fromisoformat(ahead[0].date) - pub).days
        if not 0 <= forth < back or _DONE.search(text):
            return found
    event = replace(found.event, status="planned", date=ahead[0].date, date_end=ahead[0].date_end)
    return replace(found, event=event)


def _by_name(m: Mention) -> bool:
    """The person is named, not told by office ('the Chinese envoy')."""
    names = {w.lower() for w in re.findall(r"\w{2,}", m.actor)}
    return any(w.lower() in names for w in re.findall(r"\w{2,}", m.text))


def _clause_pair(ctx: DocContext, gaz: Gazetteer, clause: Clause) -> DocContext:
    """A clause whose people are of exactly two states, not the document's pair, is read as a
    contact of those two: 'Putin also met Indian Prime Minister Narendra Modi on Tuesday' in
    a report of a BRICS summit led by Putin and Xi is Russia-India (the record files each
    event under its participants' pair). States named alone ('since it sent troops into
    Ukraine') make no contact of their own, nor does a person told by office alone ('after a
    meeting with the Chinese envoy'): the other pair's contact is reported, not alluded to."""
    states = {
        m.country
        for m in ctx.mentions_in(clause.start, clause.end)
        if m.type == "person" and m.country and _by_name(m)
    }
    if len(states) != 2 or states == set(ctx.pair):
        return ctx
    a, b = sorted(states, key=lambda c: (c not in ctx.pair, c))
    return _read_as(ctx, gaz, (a, b))


def _read_as(ctx: DocContext, gaz: Gazetteer, pair: tuple[str, str]) -> DocContext:
    """`ctx` read as another pair's (the states' names with it); `ctx` itself for a code the
    gazetteer has no state of."""
    try:
        names = (gaz.state(pair[0]).name, gaz.state(pair[1]).name)
    except KeyError:
        return ctx
    return replace(ctx, pair=pair, pair_names=names)


# a briefing's or digest's topic line: "О переговорах Министра иностранных дел России
# С.В.Лаврова с ...", "On the upcoming visit of ...": what its paragraph tells, not a contact
# of its own (a line with no full stop)
_TOPIC_LINE = re.compile(
    r"(?m)^[ \t]*(?:(?:О|Об|Обо)\s+(?:предстоящ\w+\s+|итогах\s+)?(?:переговор|визит|встреч|"
    r"поездк|участи|телефонн|контакт|консультаци|заседани)\w*"
    r"|(?:On|About)\s+(?:the\s+)?(?:upcoming\s+|forthcoming\s+|results\s+of\s+(?:the\s+)?)?"
    r"(?:talks|visit|meeting|trip|participation|telephone|consultations|session)\b)"
    r"[^\n]*[^.!?\s][ \t]*$"
)


def _topic_heading(ctx: DocContext, clause: Clause) -> bool:
    """The clause holds a topic line of a briefing or digest (`_TOPIC_LINE`)."""
    first = ctx.clean_text.rfind("\n", 0, clause.start) + 1
    return any(
        m.start() < clause.end and clause.start < m.end()
        for m in _TOPIC_LINE.finditer(ctx.clean_text, first, clause.end + 1)
    )


def in_its_section(
    ctx: DocContext,
    gaz: Gazetteer,
    sentence: Sentence,
    seen: dict[tuple[int, int], tuple[str, str] | None],
) -> DocContext:
    """The context a sentence is read in when its section is another pair's (a page that
    tells several pairs: a briefing, a digest, a bulletin; `section_pair`)."""
    pair = section_pair(ctx, sentence.start, sentence.end, seen)
    return ctx if pair is None else _read_as(ctx, gaz, pair)


def extract_events(ctx: DocContext, gaz: Gazetteer) -> list[Event]:
    ctx = with_turn_pronouns(ctx)  # in a transcript, "I" and "you" are the two speakers
    found: list[Found] = []
    subject: list[Mention] = []
    exercise = names_exercise(ctx.sentences)
    sections: dict[tuple[int, int], tuple[str, str] | None] = {}
    whole = ctx
    for sentence in whole.sentences:
        before: list[Found] = []
        ctx = in_its_year(whole, sentence)  # a timeline's item: read in its heading's year
        ctx = in_its_post(ctx, sentence)  # a feed's post: read on its own day
        ctx = in_its_section(ctx, gaz, sentence, sections)  # a briefing's item on another pair
        for clause in split_clauses(sentence):
            told = in_the_sentences_year(ctx, clause)  # "on 8–9 July 2024, ... on 9 July"
            new = _candidates(_clause_pair(told, gaz, clause), gaz, clause, subject, exercise)
            new = [f for f in new if not told_back(clause, f, found)]
            if _topic_heading(ctx, clause):
                new = [f for f in new if f.explicit_date]  # "О переговорах Лаврова с Аракчи"
            counted = any(b.times > 1 for b in before)  # "met twice: on July 3 ..., and on
            # October 23 in Kazan, where he attended the BRICS summit": the second contact,
            # at that summit (below), even with a summit of its own told
            again = None
            if not new or (counted and all(f.event.mode == "multilateral" for f in new)):
                again = continued(ctx, clause, before)
            if again is not None:
                new = []
            if not new and HELD_REMOTELY.match(clause.text):
                by_video(found)  # "The meeting was held via videoconference"
            if again is None:
                redated_talks(ctx, clause, found, new)  # "The talks took place on Friday"
                new = occasion_of_talks(ctx, clause, found, new)
            origin = next((b for b in before if again and b.event.mode == again.event.mode), None)
            if again is not None and origin is not None and origin.times > 1:
                # "met twice - in May in Moscow and in September in Tianjin": the dates
                # told one by one are the two meetings, not two more
                found[found.index(origin)] = replace(origin, times=origin.times - 1)
                again = replace(again, times=1)
            new = [followed_by(clause, days_apart(clause, f, before), before) for f in new]
            new = [day_off(clause, f, found, ctx.published) for f in new]
            new = [ended_trip(clause, of_the_item(ctx, clause, f)) for f in new]
            new = [ahead_in_a_calendar(ctx, sentence, f) for f in new]
            new = [the_session_told(clause, f, found) for f in new]
            new = during_the_visit_told(clause, new, found)
            new = during_which(clause, new, before)
            new = on_its_sidelines(clause, new)
            new = the_contact_told(clause, new, found)
            new = one_per_date(ctx, clause, new)  # "conversations of 8 August and 18 August"
            new = fronted_date(ctx, clause, new)  # "In September, ..., and held X-2024 drills"
            new = a_stay_up_to_now(ctx, clause, new)  # "spent four days in China this week"
            new += the_one_before(ctx, clause, new, found)
            new += this_trip(ctx, gaz, clause, new)
            before = new or ([again, *summit_of_continued(ctx, clause, again)] if again else [])
            found.extend(before)
            the_span_told(ctx, clause, found)  # "The three-day summit, which ends on Thursday"
            people = list(
                {m.actor: m for m in persons_between(ctx, clause.start, clause.end)}.values()
            )
            if subject and people and _HE_OR_SHE.match(clause.text):
                # "She held talks with Lavrov ... | and was received by Putin": she is still
                # the subject, Lavrov the one she met
                people = [subject[0], *(p for p in people if p.actor != subject[0].actor)]
            subject = people or subject
    ctx = whole
    types = {m.actor: m.type for m in ctx.mentions}
    found = in_the_body(ctx, found)
    kept = without_headline_repeats(ctx, trip_dates(dedupe(found, types), types))
    return [
        f.event
        for f in headline_dated_by_lead(ctx, kept)
        if f.event.mode not in GROUP_MODES or set(ctx.pair) <= f.sides
        for _ in range(f.times)
    ]
