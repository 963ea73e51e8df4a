"""Days told by words around a clause: "and was received by X the next day", "later that
day" at a clause's end; Russian "прибыл ... накануне." (the day before the report) and
"X примет Y" (a planned reception); an ordinal before a noun ("the 12th annual summit") is no
day of the month."""

from __future__ import annotations

from tests.conftest import extract_text


def _events(text: str, published: str) -> list[tuple[str, str | None, frozenset[str]]]:
    return [
        (e.mode, e.date, frozenset(e.participants)) for e in extract_text(text, published).events
    ]


def test_a_reception_told_after_the_subjects_arrival_is_the_next_day() -> None:
    events = _events(
        "Vietnamese Prime Minister Pham Minh Chinh arrived in Kazan on October 22 for the BRICS "
        "summit, and was received by Vladimir Putin in the Kremlin the next day.",
        "2024-10-30",
    )
    assert ("meeting", "2024-10-23", frozenset({"Pham Minh Chinh", "Vladimir Putin"})) in events


def test_later_that_day_is_the_day_of_the_contact_told_before() -> None:
    events = _events(
        "Kazakh President Kassym-Jomart Tokayev held talks with Xi Jinping in Astana on June 17. "
        "Xi also addressed the China-Kazakhstan Business Council later that day.",
        "2025-06-20",
    )
    assert {e[1] for e in events} == {"2025-06-17"}


def test_a_russian_arrival_told_as_the_day_before() -> None:
    events = _events(
        "Премьер-министр Вьетнама Фам Минь Тинь прибыл в Москву с официальным визитом накануне. "
        "Сегодня Фам Минь Тиня примет Председатель Правительства Михаил Мишустин.",
        "2025-05-14",
    )
    assert ("visit", "2025-05-13", frozenset({"Pham Minh Chinh", "Russia"})) in events
    assert ("meeting", "2025-05-14", frozenset({"Pham Minh Chinh", "Mikhail Mishustin"})) in events


def test_an_ordinal_before_a_noun_is_no_day() -> None:
    events = _events(
        "Lula's state visit to China centred on the 12th annual summit with Xi Jinping in "
        "Beijing on May 13.",
        "2025-05-20",
    )
    assert "2025-05-12" not in {e[1] for e in events}


def test_a_stay_told_by_its_length_is_a_visit() -> None:
    events = _events(
        "Brazilian President Luiz Inacio Lula da Silva spent five days in China in May, "
        "attending the China-CELAC forum in Beijing.",
        "2025-06-20",
    )
    assert ("visit", "2025-05", frozenset({"Luiz Inacio Lula da Silva", "China"})) in events
    russian = _events(
        "Президент Индонезии Прабово Субианто провел три дня в России в июне.", "2025-07-01"
    )
    assert russian == [("visit", "2025-06", frozenset({"Prabowo Subianto", "Russia"}))]


def test_a_stay_this_week_runs_up_to_the_report() -> None:
    events = _events(
        "For Narendra Modi, who spent three days in Russia this week for the BRICS summit in "
        "Kazan, the trip was a success.",
        "2024-10-24",
    )
    assert ("visit", "2024-10-22", frozenset({"Narendra Modi", "Russia"})) in events


def test_the_previous_round_is_a_meeting_of_the_same_sides() -> None:
    events = _events(
        "Россия и Вьетнам подписали 12 документов по итогам 26-й встречи глав правительств. "
        "Предыдущая, 25-я встреча прошла в мае 2024 года в Москве.",
        "2025-01-15",
    )
    assert ("meeting", "2024-05", frozenset({"Russia", "Vietnam"})) in events


def test_a_date_naming_the_occasion_is_its_day() -> None:
    events = _events(
        "Lao President Thongloun Sisoulith visited Russia from May 6 to May 10 and watched the "
        "May 9 Victory Day parade on Red Square.",
        "2025-05-20",
    )
    assert [date for mode, date, _ in events if mode == "multilateral"] == ["2025-05-09"]


def test_a_day_in_apposition_refines_the_year() -> None:
    events = _events(
        "Shavkat Mirziyoyev and Vladimir Putin met only once in person this year, on Sept. 4 "
        "on the sidelines of the Eastern Economic Forum in Vladivostok.",
        "2025-12-28",
    )
    assert ("meeting", "2025-09-04", frozenset({"Shavkat Mirziyoyev", "Vladimir Putin"})) in events


def test_the_following_day_before_an_aside_on_the_talks() -> None:
    events = _events(
        "Lukashenko flew to Hanoi on March 3 for the opening of the trade fair. He and To Lam "
        "held talks the following day, their first in more than four years.",
        "2027-04-20",
    )
    assert ("meeting", "2027-03-04", frozenset({"Alexander Lukashenko", "To Lam"})) in events


def test_later_called_on_is_the_day_of_the_clause_before() -> None:
    events = _events(
        "Uzbek Foreign Minister Bakhtiyor Saidov on Thursday co-chaired the intergovernmental "
        "commission with Wang Yi in Beijing, and later called on Premier Li Qiang.",
        "2027-06-12",
    )
    assert ("meeting", "2027-06-10", frozenset({"Bakhtiyor Saidov", "Li Qiang"})) in events


def test_a_trip_an_event_comes_a_month_after_is_dated_then() -> None:
    """'The visit comes about a month after X traveled to Y': the subject is the visit the
    report tells elsewhere; X's trip is the one this clause tells, a month before it."""
    events = _events(
        "The visit comes about a month after Armenian Prime Minister Nikol Pashinyan traveled "
        "to Beijing.",
        "2027-10-10",
    )
    assert events == [("visit", "2027-09", frozenset({"Nikol Pashinyan", "China"}))]


def test_the_visiting_one_is_the_guest() -> None:
    events = _events(
        "Mongolian President Ukhnaagiin Khurelsukh held talks with visiting Chinese Premier Li "
        "Qiang in Ulaanbaatar on Thursday.",
        "2027-08-14",
    )
    assert ("visit", "2027-08-12", frozenset({"Li Qiang", "Mongolia"})) in events
    assert not [e for e in events if e[0] == "visit" and "Ukhnaagiin Khurelsukh" in e[2]]


def test_a_headline_with_the_leads_day_is_not_talks_of_another_day() -> None:
    """'X meets Y again' with the lead's Tuesday, and 'had also held talks with Y on June 4'
    further on: two meetings, not one dated June 4."""
    events = _events(
        "Lavrov meets Araghchi again in Tehran\n\n"
        "TEHRAN, June 18 -- Iranian Foreign Minister Abbas Araghchi received Russian Foreign "
        "Minister Sergei Lavrov in Tehran on Tuesday, the ministry said. Lavrov had also held "
        "talks with Araghchi on June 4.",
        "2027-06-18",
    )
    meetings = {e[1] for e in events if e[0] == "meeting"}
    assert meetings == {"2027-06-15", "2027-06-04"}


def test_a_trip_told_by_where_one_was_and_when_or_came_to() -> None:
    """'X was in Astana in May for ...', 'Y came to Almaty in March', 'Z went to Tianjin on
    August 31': trips (not 'their last meeting was in Beijing')."""
    events = _events(
        "Chinese Premier Li Qiang was in Astana in May for the heads of government council. "
        "In March Chinese Vice Premier Ding Xuexiang came to Almaty. Their last "
        "meeting was in Beijing in October. Kazakh President Kassym-Jomart Tokayev "
        "went to Tianjin on August 31, 2025 for the summit.",
        "2027-06-30",
    )
    assert ("visit", "2027-05", frozenset({"Li Qiang", "Kazakhstan"})) in events
    assert ("visit", "2027-03", frozenset({"Ding Xuexiang", "Kazakhstan"})) in events
    assert ("visit", "2025-08-31", frozenset({"Kassym-Jomart Tokayev", "China"})) in events
    assert len([e for e in events if e[0] == "visit"]) == 3
