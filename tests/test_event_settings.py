"""The contact a thing was said or agreed at, told beside it: "agreed to prepare the next
session, during talks in New York on Thursday"; "At the meeting, X said ..." (the meeting told
before, no new one); a plan dated by the next sentence ("The session is scheduled for late
October"); a call that discussed preparations among other things; a visit recalled in a
counterfactual ("would have been his first trip since a visit in May 2024, when he was
received by ..."); a deal "could be signed during X's visit" (the visit still to come)."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _events(text: str, published: str) -> list[Any]:
    return list(extract_text(text, published).events)


def _shape(events: list[Any]) -> list[tuple[str, str, str | None]]:
    return sorted((e.mode, e.status, e.date) for e in events)


def test_the_talks_a_plan_was_agreed_at_are_an_event_of_their_own() -> None:
    events = _events(
        "ASTANA — Kazakh Foreign Minister Murat Nurtleu and Chinese Foreign Minister Wang Yi "
        "have agreed to speed up preparations for the next meeting of the Cooperation "
        "Committee, during talks on the sidelines of the SCO ministerial in Tianjin on "
        "Tuesday.",
        "2026-06-11",
    )
    occurred = [e for e in events if e.status == "occurred" and e.mode == "meeting"]
    assert [(e.date, set(e.participants)) for e in occurred] == [
        ("2026-06-09", {"Murat Nurtleu", "Wang Yi"})
    ]
    assert all(e.date != "2026-06-16" for e in events)


def test_a_meeting_named_again_as_a_setting_is_no_new_meeting() -> None:
    events = _events(
        "Indian Foreign Minister Subrahmanyam Jaishankar held talks with Russian Foreign "
        "Minister Sergey Lavrov in Moscow on Monday. At the meeting, Jaishankar said bilateral "
        "trade had reached $68 billion last year, and both sides should work towards the "
        "target of $100 billion by 2030 set by the two countries' leaders.",
        "2026-02-11",
    )
    assert _shape(events) == [("meeting", "occurred", "2026-02-09")]


def test_a_planned_session_is_dated_by_the_sentence_after_it() -> None:
    events = _events(
        "The two ministers agreed that the 12th session of the intergovernmental commission "
        "would be held in Cairo, co-chaired by Deputy Prime Minister Alexander Novak and "
        "Egyptian Planning Minister Rania Al-Mashat. The session is scheduled for early "
        "December.",
        "2026-10-20",
    )
    assert _shape(events) == [("meeting", "planned", "2026-12")]


def test_a_call_that_discussed_preparations_among_other_things_occurred() -> None:
    events = _events(
        "Russian Foreign Minister Sergey Lavrov and his Indonesian counterpart Sugiono "
        "discussed energy projects, regional security and preparations for a high-level "
        "visit in a phone call on Wednesday, the ministry said.",
        "2026-05-18",
    )
    (call,) = [e for e in events if e.mode == "call"]
    assert (call.status, call.date) == ("occurred", "2026-05-13")


def test_a_visit_recalled_in_a_counterfactual_occurred_and_dates_its_reception() -> None:
    events = _events(
        "Chinese President Xi Jinping's trip to Kazakhstan has been postponed. It would have "
        "been Xi's first trip to the country since a state visit in July 2024, when he was "
        "received in Astana by President Kassym-Jomart Tokayev.",
        "2026-04-02",
    )
    past = sorted((e.mode, e.date) for e in events if e.status == "occurred")
    assert past == [("meeting", "2024-07"), ("visit", "2024-07")]


def test_a_deal_that_could_be_signed_during_a_visit_makes_the_visit_a_plan() -> None:
    events = _events(
        "Pakistani Prime Minister Shehbaz Sharif is expected to travel to Beijing next month. "
        "Chinese investment in Pakistan keeps rising. Planning Minister Ahsan Iqbal told "
        "reporters in Islamabad on Saturday that the railway deal with China could be signed "
        "during Sharif's visit to Beijing.",
        "2026-03-16",
    )
    assert [(e.status, e.date) for e in events if e.mode == "visit"] == [("planned", "2026-04")]
