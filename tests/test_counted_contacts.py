"""Contacts a report counts and then tells one by one, and trips told by how they ended.

GOLD.md: "met twice this year" is two events, each at the day it is given; a count of
contacts with no day of its own ("held at least four telephone conversations") is a figure,
not an event. A visit told by its last day ("concluding a four-day visit", "on Tuesday, the
final day of a three-day trip to China") began days before; "his first trip to China since
he took up the post in May" is not dated by the day he took it up. The texts are written for
these tests."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _events(text: str, published: str) -> list[tuple[Any, ...]]:
    return [
        (e.mode, e.date, tuple(sorted(e.participants)))
        for e in extract_text(text, published).events
    ]


def test_two_meetings_counted_then_told_each_at_a_summit() -> None:
    found = _events(
        "Trade between Russia and Azerbaijan grew in 2031. Presidents Ilham Aliyev and "
        "Vladimir Putin met twice in 2031: on June 5 on the "
        "sidelines of the CIS summit in Minsk, and on October 9 in Dushanbe, where the "
        "Azerbaijani leader attended the CSTO summit as an observer.",
        "2031-12-20",
    )
    meetings = sorted(d for mode, d, _ in found if mode == "meeting")
    assert meetings == ["2031-06-05", "2031-10-09"]
    summits = sorted(d for mode, d, _ in found if mode == "multilateral")
    assert summits == ["2031-06-05", "2031-10-09"]  # the CIS summit on the day told for it


def test_a_summit_the_next_clause_tells_with_a_subject_of_its_own_is_not_a_contact() -> None:
    found = _events(
        "Azerbaijani President Ilham Aliyev arrived in Moscow on Wednesday. On Thursday he is "
        "holding talks with Russian President Vladimir Putin, and on Friday he will attend "
        "the Victory Day parade on Red Square.",
        "2031-05-07",
    )
    # (one meeting: the parade is no second contact of the two, whatever day it is on)
    assert len([d for mode, d, _ in found if mode == "meeting"]) == 1


def test_a_count_of_calls_is_no_call() -> None:
    found = _events(
        "Ilham Aliyev and Vladimir Putin held at least four telephone conversations during "
        "the year, the Kremlin said. They met in Baku on August 18.",
        "2031-12-20",
    )
    assert found == [("meeting", "2031-08-18", ("Ilham Aliyev", "Vladimir Putin"))]


def test_a_visit_told_by_its_last_day_began_days_before() -> None:
    concluded = _events(
        "Azerbaijani President Ilham Aliyev returned home yesterday, concluding a four-day "
        "visit to Russia.",
        "2031-04-12",
    )
    assert ("visit", "2031-04-08", ("Azerbaijan", "Ilham Aliyev")) not in concluded
    assert ("visit", "2031-04-08", ("Ilham Aliyev", "Russia")) in concluded
    final_day = _events(
        "Azerbaijani President Ilham Aliyev met Russian President Vladimir Putin in Moscow on "
        "Tuesday, the final day of a three-day trip to Russia.",
        "2031-04-15",
    )
    assert ("visit", "2031-04-13", ("Ilham Aliyev", "Russia")) in final_day
    assert ("meeting", "2031-04-15", ("Ilham Aliyev", "Vladimir Putin")) in final_day


def test_the_day_he_took_up_his_post_does_not_date_his_trip() -> None:
    found = _events(
        "Azerbaijani Foreign Minister Jeyhun Bayramov met Russian Foreign Minister Sergei "
        "Lavrov in Moscow on Wednesday, his first trip to Russia since he took up the post in "
        "May last year.",
        "2031-07-24",
    )
    visits = [d for mode, d, _ in found if mode == "visit"]
    assert visits and "2030-05" not in visits
