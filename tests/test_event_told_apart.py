"""Contacts told apart by their dates: a headline's talks are not the meeting months before
that the body recalls; the talks the report tells as held that day are not the annual summit
a year before whose decisions they reviewed; a call that discussed preparations for drills
was held; a summit "which ends on Thursday" lasts its told length."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _events(text: str, published: str) -> list[Any]:
    return list(extract_text(text, published).events)


def test_the_headline_talks_stay_when_the_body_recalls_an_earlier_meeting() -> None:
    events = _events(
        "Lula holds talks with Chinese premier in Brasilia\n\nBRASILIA, March 4 (Xinhua) -- "
        "Brazilian President Luiz Inacio Lula da Silva held talks with Chinese Premier Li "
        "Qiang in Brasilia on Wednesday. Li recalled his meeting with Lula in Beijing in "
        "October, when Lula visited China.",
        "2026-03-04",
    )
    meetings = sorted((e.date or "") for e in events if e.mode == "meeting")
    assert meetings == ["2025-10", "2026-03-04"]


def test_talks_held_today_are_not_the_summit_whose_decisions_they_reviewed() -> None:
    events = _events(
        "Prime Minister Shri Narendra Modi met President of the Russian Federation, H.E. Mr. "
        "Vladimir Putin, on the sidelines of the G20 Summit in Johannesburg today. The two "
        "leaders travelled together from the Summit venue to the venue of the bilateral "
        "meeting. They reviewed the implementation of decisions taken at the 23rd Annual "
        "Summit in New Delhi in December 2025.",
        "2026-11-22",
    )
    meetings = sorted((e.date or "") for e in events if e.mode == "meeting")
    assert meetings == ["2025-12", "2026-11-22"]


def test_a_call_that_discussed_preparations_for_drills_was_held() -> None:
    events = _events(
        "On Tuesday, Egyptian Defence Minister Abdel Mageed Saqr and Russian Defence Minister "
        "Andrei Belousov discussed the final preparations for the drills in a phone "
        "conversation, the ministry said.",
        "2026-05-15",
    )
    (call,) = [e for e in events if e.mode == "call"]
    assert (call.status, call.date) == ("occurred", "2026-05-12")


def test_a_three_day_summit_which_ends_on_thursday_spans_three_days() -> None:
    events = _events(
        "Modi and Xi hail ties as SCO summit opens in Qingdao\n\nIndian Prime Minister "
        "Narendra Modi and Chinese President Xi Jinping held talks on Tuesday. The three-day "
        "summit, which ends on Thursday, is the first since the bloc admitted Belarus.",
        "2026-06-10",
    )
    (summit,) = [e for e in events if e.mode == "multilateral"]
    assert (summit.date, summit.date_end) == ("2026-06-09", "2026-06-11")


def test_a_visit_put_off_with_no_new_date_is_still_to_come_undated() -> None:
    events = _events(
        "Chinese President Xi Jinping's state visit to Kazakhstan has been postponed, Kazakh "
        "officials said on Thursday.",
        "2026-04-02",
    )
    (visit,) = [e for e in events if e.mode == "visit"]
    assert (visit.status, visit.date) == ("planned", None)


def test_plural_calls_told_with_a_list_of_days_are_one_call_per_day() -> None:
    events = _events(
        "President Lula met Prime Minister Modi in Johannesburg today. The leaders recalled "
        "their telephone conversations of 7 August and 21 September 2025.",
        "2025-11-22",
    )
    assert sorted(e.date for e in events if e.mode == "call") == ["2025-08-07", "2025-09-21"]


def test_a_sentence_opening_with_a_month_dates_its_later_clause_of_a_named_drill() -> None:
    events = _events(
        "In September, the Egyptian Navy took part in Russia's Ocean-2026 strategic exercise, "
        "and the two navies held their Bridge of Friendship-2026 drills in the Mediterranean.",
        "2026-11-30",
    )
    assert [e.date for e in events if e.mode == "military"] == ["2026-09", "2026-09"]
