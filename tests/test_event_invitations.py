"""Plans told by an invitation, an agreement to meet, an undated headline or dates not yet
agreed; a plan called off; a name glossed in brackets; a guest who held talks "and was received
by" another. The texts are written for these tests."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _events(text: str, published: str) -> list[Any]:
    return list(extract_text(text, published).events)


def test_the_occasion_a_guest_is_invited_to_is_still_to_come() -> None:
    """'Putin has invited Modi to the BRICS summit in Sochi on Nov. 3-4': the invitation (Modi's
    trip) tells the summit too is planned, in the November ahead (told as held, it took the
    November before the report)."""
    events = _events(
        "Putin has invited Modi to the BRICS summit in Sochi on Nov. 3-4, though New Delhi has "
        "not confirmed his attendance.",
        "2031-08-08",
    )
    (summit,) = [e for e in events if e.mode == "multilateral"]
    assert (summit.status, summit.date) == ("planned", "2031-11-03")


def test_a_trip_quietly_called_off_is_no_plan() -> None:
    events = _events(
        "A separate trip to New Delhi by Finance Minister Anton Siluanov, initially planned for "
        "July, was quietly called off, two sources said.",
        "2031-08-08",
    )
    assert not [e for e in events if e.mode == "visit"]


def test_the_two_who_agreed_to_meet_again() -> None:
    events = _events(
        "Rosneft chief Igor Sechin met Indian Oil chairman Arvinder Singh Sahney in Moscow on "
        "Tuesday. The two agreed to meet in New Delhi next month to continue talks.",
        "2031-08-14",
    )
    shapes = {(e.status, e.date) for e in events if e.mode == "meeting"}
    assert shapes == {("occurred", "2031-08-12"), ("planned", "2031-09")}


def test_a_headline_trip_with_no_dates_set_is_planned_undated() -> None:
    events = _events(
        "Kremlin says no dates set for Putin trip to India after media report", "2031-03-19"
    )
    (visit,) = [e for e in events if e.mode == "visit"]
    assert (visit.status, visit.date) == ("planned", None)


def test_a_name_glossed_in_brackets_keeps_its_clause() -> None:
    """'Xi Jinping (习近平; in Kazakh, Си Цзиньпин) paid a state visit': the semicolon inside the
    gloss cuts no clause (the visitor stays with the visit) and 'in Kazakh' is no place."""
    events = _events(
        "ASTANA – Chinese President Xi Jinping (习近平; in Kazakh, Си Цзиньпин) paid a state "
        "visit to Kazakhstan on June 16-17, holding talks with President Kassym-Jomart Tokayev "
        "(Қасым-Жомарт Тоқаев).",
        "2031-06-18",
    )
    visits = [e for e in events if e.mode == "visit"]
    assert [(v.participants, v.date, v.place) for v in visits] == [
        (("Xi Jinping", "Kazakhstan"), "2031-06-16", None)
    ]


def test_a_visit_whose_dates_are_not_agreed_is_planned_undated() -> None:
    """'said on Tuesday that the dates of a visit by Modi to Russia had not yet been agreed':
    a plan; Tuesday is when it was said."""
    events = _events(
        "NEW DELHI, March 19 (Reuters) - The Indian foreign ministry said on Tuesday that the "
        "dates of a visit by Prime Minister Narendra Modi to Russia had not yet been agreed.",
        "2031-03-19",
    )
    (visit,) = [e for e in events if e.mode == "visit"]
    assert (visit.status, visit.date) == ("planned", None)


def test_she_held_talks_and_was_received_the_guest_in_both_meetings() -> None:
    """'X visited Russia at the start of the month. She held talks with Lavrov on 1 November
    and was received by Putin on 4 November': the visit this month, two meetings, hers."""
    events = _events(
        "Indian Foreign Minister Meera Rao visited Russia at the start of the month. She held "
        "talks with Russian Foreign Minister Sergei Lavrov in Moscow on 1 November and was "
        "received by Putin in the Kremlin on 4 November.",
        "2031-11-12",
    )
    shapes = {(e.mode, e.date, frozenset(e.participants)) for e in events}
    assert ("visit", "2031-11", frozenset({"Meera Rao", "Russia"})) in shapes
    assert ("meeting", "2031-11-01", frozenset({"Meera Rao", "Sergei Lavrov"})) in shapes
    assert ("meeting", "2031-11-04", frozenset({"Meera Rao", "Vladimir Putin"})) in shapes
