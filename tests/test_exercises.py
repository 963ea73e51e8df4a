"""Joint exercises told across a report: its start and end make one span, the bare noun
("the drills", "last year's exercise") refers to an exercise once the report names one, and
each named edition is an event of its own; what an announcement is dated by. The texts are
written for these tests."""

from __future__ import annotations

import pytest

from bilat.extract.context import DocContext
from bilat.extract.events import extract_events
from bilat.extract.gazetteer import default_gazetteer
from bilat.extract.temporal import find_time_expressions
from bilat.records import Event
from test_stages import _ctx  # the actors stage run on a text, as the extractor does


def _military(text: str, published: str) -> list[Event]:
    ctx: DocContext = _ctx(text, published)
    events = extract_events(ctx, default_gazetteer())
    return sorted((e for e in events if e.mode == "military"), key=lambda e: e.date or "")


def test_start_and_end_told_apart_make_one_span_and_last_years_edition_is_another() -> None:
    text = (
        "Baltic Guard-2027 joint exercise ends off Kaliningrad\n\n"
        "The Russian-Chinese naval exercise Baltic Guard-2027 was completed today. "
        "The exercise began on May 3 at the naval base in Baltiysk. "
        "About 2,000 sailors of the Russian Navy and the PLA Navy took part in the drills. "
        "Last year's exercise was held in September near Qingdao."
    )
    events = _military(text, "2027-05-09")
    assert [(e.status, e.date, e.date_end) for e in events] == [
        ("occurred", "2026-09", None),
        ("occurred", "2027-05-03", "2027-05-09"),
    ]


def test_the_bare_noun_is_no_exercise_in_a_report_about_none() -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in "
        "Beijing on Monday. The exercise of sovereignty was discussed, and the drills of "
        "bureaucracy were mocked by the press."
    )
    assert _military(text, "2027-03-10") == []


def test_two_named_editions_are_two_exercises_and_a_year_less_series_name_counts() -> None:
    text = (
        "The Russian Navy and the PLA Navy have started the naval exercise Ocean-2028 in the "
        "Pacific. "
        "The Russian and Chinese navies will also hold their annual Joint Sea exercise "
        "in the summer."
    )
    events = _military(text, "2028-04-02")
    assert sorted((e.status, e.date) for e in events) == [
        ("occurred", "2028-04-02"),
        ("planned", "2028"),
    ]


def test_a_begun_exercise_has_occurred_whatever_the_clause_says_will_happen() -> None:
    text = (
        "The Chinese and Russian navies started the Joint Sea-2029 exercise, which will take "
        "place in three seas, the ministry announced on June 4."
    )
    assert [(e.status, e.date) for e in _military(text, "2029-06-04")] == [
        ("occurred", "2029-06-04")
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # the statement's date is not the date of what it announces
            "The Chinese Defense Ministry said on March 2 that the Russian and Chinese navies "
            "will hold joint drills later in March.",
            "2030-03-05",
            [("planned", "2030-03")],
        ),
        (  # 'until' gives the end, not the day it is held; under way, so one event
            "The Vostok 2030 exercises of the Russian and Chinese armies kicked off on "
            "September 1. This year's Vostok 2030 will be held at seven training grounds and "
            "will last until September 7.",
            "2030-09-02",
            [("occurred", "2030-09-01")],
        ),
        (  # 'will be held' after the event word: planned
            "The next joint naval exercise of Russia and China will be held in the East China "
            "Sea in the autumn.",
            "2030-05-10",
            [("planned", "2030")],
        ),
    ],
)
def test_what_dates_an_announced_exercise(
    text: str, published: str, expected: list[tuple[str, str]]
) -> None:
    events = _military(text, published)
    assert len(events) == len(expected)
    got = [(e.status, (e.date or "")[: len(x[1])]) for e, x in zip(events, expected, strict=True)]
    assert got == expected


def test_a_month_alone_said_in_that_month_is_this_year_when_ahead() -> None:
    (expr,) = find_time_expressions("drills later in September", "2024-09-10", tense="future")
    assert expr.date == "2024-09"
    (expr,) = find_time_expressions("drills in August", "2024-09-10", tense="future")
    assert expr.date == "2025-08"


def test_a_visit_scheduled_for_a_month_is_planned_then() -> None:
    ctx = _ctx(
        "The ministers discussed the Chinese President's state visit to Russia, scheduled "
        "for October.",
        "2031-09-15",
    )
    (visit,) = extract_events(ctx, default_gazetteer())
    assert (visit.mode, visit.status, visit.date) == ("visit", "planned", "2031-10")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # arriving in the other side's capital is a visit
            "Chinese Premier Li Qiang arrived in Moscow on Monday for talks with Mikhail "
            "Mishustin.",
            [("visit", ("Li Qiang", "Russia"))],
        ),
        (  # an ambassador travels inside the state he is posted to; cargo visits no one
            "China's ambassador to Russia Zhang Hanhui arrived in Kazan on Monday. The first "
            "cargo of Russian LNG arrived in Tianjin on Tuesday.",
            [],
        ),
    ],
)
def test_who_arrives_where(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    events = extract_events(_ctx(text, "2031-03-12"), default_gazetteer())
    got = [(e.mode, tuple(sorted(e.participants))) for e in events if e.mode == "visit"]
    assert got == expected


def test_a_joint_body_named_as_the_subject_of_the_meeting_names_its_sides() -> None:
    text = (
        "The co-chairs of the Russian-Chinese intergovernmental commission on investment will "
        "meet in Harbin later this month."
    )
    (meeting,) = extract_events(_ctx(text, "2031-03-12"), default_gazetteer())
    assert (meeting.mode, meeting.status, meeting.date) == ("meeting", "planned", "2031-03")
    body = "Russian-Chinese intergovernmental commission on investment"
    assert set(meeting.participants) == {"Russia", "China", body}


def test_the_next_meeting_of_a_joint_body_named_before_is_the_bodys() -> None:
    text = (
        "The third meeting of the Russian-Chinese sub-commission on cooperation on the "
        "Northern Sea Route was held in Shanghai on Tuesday.\n\nThe sides agreed to hold the "
        "next meeting of the sub-commission in Arkhangelsk in 2033."
    )
    events = extract_events(_ctx(text, "2031-03-12"), default_gazetteer())
    body = "Russian-Chinese sub-commission on cooperation on the Northern Sea Route"
    got = [(e.status, e.date, body in e.participants) for e in events]
    assert got == [("occurred", "2031-03-11", True), ("planned", "2033", True)]


def test_talks_one_side_holds_in_the_other_sides_capital_are_with_that_state() -> None:
    text = (
        "Security consultations were held on March 2 in Beijing, led by Russian Deputy "
        "Foreign Minister Andrei Rudenko."
    )
    (meeting,) = extract_events(_ctx(text, "2031-03-12"), default_gazetteer())
    assert (meeting.mode, meeting.date) == ("meeting", "2031-03-02")
    assert set(meeting.participants) == {"Andrei Rudenko", "China"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an occasion "during the visit" takes the visit's date
            "Chinese Premier Li Qiang will pay an official visit to Russia in October. A "
            "Russian-Chinese business forum will be held in Kazan during the visit.",
            {("visit", "2031-10"), ("multilateral", "2031-10")},
        ),
        (  # a meeting "between" the sides counted by their states names them; a plan far
            # after the event word still makes it planned
            "The two sides agreed that the 12th regular meeting between Russian and Chinese "
            "heads of government will be held in Russia later this year.",
            {("meeting", "2031")},
        ),
    ],
)
def test_dates_and_sides_of_announced_occasions(text: str, expected: set[tuple[str, str]]) -> None:
    events = extract_events(_ctx(text, "2031-03-12"), default_gazetteer())
    assert {(e.mode, e.date) for e in events} == expected
    assert all(e.status == "planned" for e in events)


def test_a_regional_delegation_its_leader_and_the_unnamed_official_it_met() -> None:
    text = (
        "A delegation of the Amur Region led by Governor Pavel Sidorenko returned last week "
        "from a working trip to the Chinese province of Jilin, the press service reported on "
        "Thursday. The delegation held talks in Changchun with the governor of Jilin Province."
    )
    events = extract_events(_ctx(text, "2031-03-13"), default_gazetteer())
    got = {(e.mode, tuple(sorted(e.participants)), e.date) for e in events}
    assert got == {
        ("visit", ("Amur Region", "China", "Pavel Sidorenko"), "2031-03"),
        ("meeting", ("Jilin", "Pavel Sidorenko"), "2031-03"),
    }


def test_met_twice_told_date_by_date_is_two_meetings() -> None:
    text = (
        "Vladimir Putin and Xi Jinping met twice last year - in May in Moscow and in "
        "September in Tianjin."
    )
    events = extract_events(_ctx(text, "2031-01-20"), default_gazetteer())
    assert sorted((e.mode, e.date) for e in events) == [
        ("meeting", "2030-05"),
        ("meeting", "2030-09"),
    ]


def test_a_body_named_for_the_regions_it_joins_and_its_next_meeting() -> None:
    """A commission named 'between <a region of one state> and <a region of the other>' is one
    body of the two; 'the next meeting of the commission' is its meeting, even when a later
    sentence names 'China-Russia' trade between them."""
    text = (
        "Officials of the Intergovernmental Commission on Cooperation between the Upper Volga "
        "Region of Russia and the Yangtze Delta of China met in Nanjing on Tuesday. The "
        "commission reviewed China-Russia trade in machinery. The next meeting of the "
        "commission will be held in Yaroslavl in 2033."
    )
    events = extract_events(_ctx(text, "2031-03-12"), default_gazetteer())
    body = (
        "Intergovernmental Commission on Cooperation between the Upper Volga Region of Russia "
        "and the Yangtze Delta of China"
    )
    planned = [(e.date, body in e.participants) for e in events if e.status == "planned"]
    assert planned == [("2033", True)]


def test_joint_patrols_no_state_is_named_for_are_the_pairs() -> None:
    """In a report on the pair, 'joint patrols' and 'another naval patrol' with no one named
    are the pair's; a series 'almost every year since 2019' is one undated event."""
    text = (
        "Military ties now follow a calendar. Joint bomber patrols have been flown over the "
        "Sea of Okhotsk almost every year since 2019. Another naval patrol is expected before "
        "the end of the year."
    )
    events = _military(text, "2031-10-14")
    assert [(e.status, e.date, set(e.participants)) for e in events] == [
        ("occurred", None, {"Russia", "China"}),
        ("planned", "2031", {"Russia", "China"}),
    ]


def test_a_count_of_patrols_is_no_event_and_what_follows_an_exercise_is_dated_by_its_end() -> None:
    text = (
        "The Russian and Chinese navies began the Northern Interaction-2031 exercise near "
        "Nakhodka on Monday. The drills will last until July 21 and will be followed by a "
        "joint naval patrol in the Sea of Japan. The two navies have conducted six joint "
        "naval patrols since 2021."
    )
    events = _military(text, "2031-07-16")
    assert [(e.status, e.date) for e in events] == [
        ("planned", "2031-07"),
        ("occurred", "2031-07-14"),
    ]


def test_a_joint_patrol_others_intercepted_is_the_pairs_and_more_such_are_planned() -> None:
    text = (
        "Russian and Chinese bombers flew a joint air patrol over the Sea of Okhotsk on "
        "March 3, the Russian Defence Ministry said.\n\n"
        "The last joint patrol took place in October over the Bering Sea, where American and "
        "Canadian fighters shadowed the bombers, and the ministry said the two air forces "
        "plan to fly more such patrols next year."
    )
    earlier, current, planned = _military(text, "2026-03-05")
    assert (earlier.date, earlier.status) == ("2025-10", "occurred")
    assert {"Russia", "China"} <= set(earlier.participants)
    assert not {"United States", "Canada"} & set(earlier.participants)
    assert (current.date, planned.date, planned.status) == ("2026-03-03", "2027", "planned")


def test_an_editions_month_is_of_its_year_and_a_patrol_after_the_drills_is_then() -> None:
    """'"Joint Sea-2029," was held in September': September of 2029, not of the
    report's year; 'After the exercise, the two navies will conduct a joint patrol': a second
    event, in the month of the drills told before."""
    from tests.conftest import extract_text

    text = (
        "VLADIVOSTOK, July 30 -- The Russian and Chinese navies will hold the Joint Sea-2030 "
        "exercise in the Sea of Japan in early August, the Pacific Fleet said "
        "on Wednesday. After the exercise, the two navies will conduct a joint patrol in the "
        'Pacific Ocean.\n\nThe previous edition, "Joint Sea-2029," was held in '
        "September off Qingdao."
    )
    events = extract_text(text, "2030-07-30").events
    got = sorted((e.status, str(e.date), e.evidence.quote[:20]) for e in events)
    assert got == [
        ("occurred", "2029-09", "The previous edition"),
        ("planned", "2030-08", "After the exercise, "),
        ("planned", "2030-08", "VLADIVOSTOK, July 30"),
    ]


def test_a_bare_month_after_an_edition_is_of_the_editions_year() -> None:
    from tests.conftest import extract_text

    text = "Joint Sea-2029 was held in July off Qingdao, the ministry said."
    (event,) = extract_text(text, "2030-07-30").events
    assert (event.status, event.date) == ("occurred", "2029-07")  # not July 2030


def test_a_joint_exercise_with_an_adjective_between_is_the_pairs() -> None:
    """'в сентябре на территории Беларуси пройдет совместное стратегическое учение': a joint
    exercise of the pair (the adjective between 'совместное' and the noun; before: Belarus
    alone, dropped)."""
    from tests.conftest import extract_text

    events = extract_text(
        "Россия и Беларусь укрепляют союз. Кроме того, в сентябре на территории Беларуси "
        "пройдет совместное стратегическое учение «Запад-2031».",
        "2031-06-27",
    ).events
    assert [(e.mode, e.date, set(e.participants)) for e in events] == [
        ("military", "2031-09", {"Russia", "Belarus"})
    ]


def test_named_exercises_listed_are_each_their_own_with_their_own_month() -> None:
    """'Joint Sea-2029 off Qingdao in June, the Northern/Interaction-2029 exercise in the Sea
    of Japan in August, and China's part in Russia's Ocean-2029 manoeuvres': three exercises,
    each dated by its own month, or by its edition's year; named ones are the pair's."""
    text = (
        "The bomber patrols are now routine. So are the naval drills: Joint Sea-2029 off "
        "Qingdao in June, the Northern/Interaction-2029 exercise in the Sea of Japan in "
        "August, and China's part in Russia's Ocean-2029 maneuvers."
    )
    events = _military(text, "2029-12-01")
    assert sorted((e.date, set(e.participants)) for e in events) == [
        ("2029", {"Russia", "China"}),
        ("2029-06", {"Russia", "China"}),
        ("2029-08", {"Russia", "China"}),
    ]
