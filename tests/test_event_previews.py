"""Previews of a trip: a visit "on the agenda" with no date set is still to come; "his first
visit to X since <month>" tells the one before it; a trip's next step ("before flying to
Beijing for talks") is as planned as the trip; a forum "hosted by" its host is which forum,
not a contact of its own; a headline "X to spend four days in Y" tells a plan."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _events(text: str, published: str) -> list[Any]:
    return list(extract_text(text, published).events)


def test_a_visit_on_the_agenda_with_no_date_set_is_planned() -> None:
    events = _events(
        "The Kremlin said on Monday that President Vladimir Putin's visit to Egypt remains on "
        "the agenda but no date has been set yet, after Egyptian media reported that he could "
        "arrive in Cairo on March 3.",
        "2026-02-09",
    )
    (visit,) = [e for e in events if e.mode == "visit"]
    assert visit.status == "planned"
    assert visit.participants == ("Vladimir Putin", "Egypt")


def test_a_first_visit_since_a_month_tells_the_visit_before() -> None:
    events = _events(
        "Russian President Vladimir Putin will travel to Egypt on Tuesday for talks with "
        "President Abdel Fattah el-Sisi, the Kremlin said. It will be Putin's first visit to "
        "the country since December 2017.",
        "2026-02-09",
    )
    visits = sorted((e.status, e.date) for e in events if e.mode == "visit")
    assert visits == [("occurred", "2017-12"), ("planned", "2026-02-10")]
    (before,) = [e for e in events if e.mode == "visit" and e.status == "occurred"]
    assert before.participants == ("Vladimir Putin", "Egypt")
    assert before.evidence.quote.startswith("It will be Putin's first visit")


def test_the_visit_would_be_his_first_there_since_names_the_earlier_one_of_its_guest() -> None:
    events = _events(
        "President Vladimir Putin's visit to Egypt remains on the agenda, the Kremlin said on "
        "Monday. Foreign Minister Sergei Lavrov may travel to Cairo beforehand to prepare it. "
        "The visit would be Putin's first to Egypt since December 2017, when he and el-Sisi "
        "agreed to build the El Dabaa nuclear plant.",
        "2026-02-09",
    )
    (before,) = [e for e in events if e.mode == "visit" and e.status == "occurred"]
    assert (before.participants, before.date) == (("Vladimir Putin", "Egypt"), "2017-12")


def test_talks_after_a_summit_hosted_by_the_host_are_planned_on_their_own_day() -> None:
    events = _events(
        "Vladimir Putin will spend five days in India, his aide said on Thursday. He will "
        "first attend the BRICS summit hosted by Narendra Modi in New Delhi on Sept. 7-8 "
        "before flying to Mumbai for talks with Modi on Sept. 10.",
        "2026-09-03",
    )
    (talks,) = [e for e in events if e.mode == "meeting"]
    assert (talks.status, talks.date) == ("planned", "2026-09-10")
    assert talks.participants == ("Vladimir Putin", "Narendra Modi")


def test_a_headline_to_spend_days_somewhere_is_a_plan() -> None:
    events = _events(
        "Xi to Spend Three Days in Russia for Victory Day Parade\n\nChinese President Xi "
        "Jinping will travel to Moscow on May 7, the Kremlin said on Monday.",
        "2026-04-27",
    )
    assert events
    assert all(e.status == "planned" for e in events)


def test_a_leader_who_flies_to_a_capital_visits_it() -> None:
    events = _events(
        "Indian Prime Minister Narendra Modi flew to Cairo on Sunday, where President Abdel "
        "Fattah el-Sisi received him.",
        "2026-03-09",
    )
    visits = [(e.participants, e.date) for e in events if e.mode == "visit"]
    assert visits == [(("Narendra Modi", "Egypt"), "2026-03-08")]


def test_a_leader_who_flies_in_visits_in_russian_too() -> None:
    events = _events(
        "Премьер-министр Индии Нарендра Моди прилетел в Каир в воскресенье.", "2026-03-09"
    )
    assert [(e.mode, e.participants) for e in events] == [("visit", ("Narendra Modi", "Egypt"))]


def test_a_schedule_in_the_present_tense_is_dated_ahead_and_planned() -> None:
    events = _events(
        "ANKARA, Oct 16 (Wire) - Turkish President Tayyip Erdogan flies to Russia on Monday "
        "for a two-day trip, starting with a summit of the Organization of Turkic States in "
        "Kazan on Oct. 20-21.",
        "2026-10-16",  # a Friday
    )
    (visit,) = [e for e in events if e.mode == "visit"]
    assert (visit.status, visit.date) == ("planned", "2026-10-19")
    (summit,) = [e for e in events if e.mode != "visit"]
    assert (summit.status, summit.date, summit.date_end) == ("planned", "2026-10-20", "2026-10-21")


def test_a_timeline_item_in_the_present_tense_stays_in_its_year() -> None:
    events = _events(
        "Russian President Vladimir Putin and Chinese President Xi Jinping have met often. "
        "Key dates:\n\n2023\nOct 17 - Putin flies to Beijing for the Belt and Road Forum.\n",
        "2026-10-16",
    )
    (visit,) = [e for e in events if e.mode == "visit"]
    assert (visit.status, visit.date) == ("occurred", "2023-10-17")


def test_a_visit_prepared_for_is_planned() -> None:
    events = _events(
        "The ratification comes as Belgrade prepares for a state visit by Chinese President Xi "
        "Jinping in May.",
        "2031-04-27",
    )
    (visit,) = events
    assert (visit.status, visit.date) == ("planned", "2031-05")


def test_tourists_counted_after_the_verb_make_no_visit() -> None:
    assert not _events(
        "Глава Международного отдела ЦК КПК Лю Хайсин отметил, что в 2024 году Россию посетили "
        "более 1,2 млн китайских туристов.",
        "2031-10-09",
    )


def test_a_forum_that_will_hold_or_opens_on_a_day_is_to_come() -> None:
    """'a Ghana-China Business Forum will hold in Accra on October 14' (West African English:
    will take place) and 'the forum, which opens in Doha on Thursday' are still to come, dated
    ahead of the report."""
    texts = (
        "The Chinese embassy said a Ghana-China Business Forum will hold in Accra on October 14.",
        "More than 200 Chinese firms are expected at the China-Qatar Investment Forum, which "
        "opens in Doha on Thursday.",
    )
    forums = [e for t in texts for e in _events(t, "2027-06-22") if e.mode == "multilateral"]
    assert sorted((e.status, e.date) for e in forums) == [
        ("planned", "2027-06-24"),
        ("planned", "2027-10-14"),
    ]


def test_a_contact_the_talks_clear_the_way_for_is_planned_and_its_own() -> None:
    """'wrapped up talks in Jakarta on Sunday, clearing the way for Lula to meet Modi in
    Delhi on Thursday': the leaders' meeting is to come on its own day, not the negotiators'
    talks of Sunday."""
    events = _events(
        "Brazilian and Indian trade negotiators wrapped up two days of talks in Jakarta on "
        "Sunday, clearing the way for President Luiz Inacio Lula da Silva to meet Prime Minister "
        "Narendra Modi in New Delhi on Thursday.",
        "2031-10-27",
    )
    met = [e for e in events if "Narendra Modi" in e.participants]
    assert [(e.mode, e.status, e.date) for e in met] == [("meeting", "planned", "2031-10-30")]
