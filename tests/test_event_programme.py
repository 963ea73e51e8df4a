"""A visitor's day told in turn and the days the text gives around it: 'He then held
talks', 'In the afternoon, the minister met' (the day of the contact told before, and the
minister the text titles so, not the last person named), a trip 'for talks' (the talks on the
trip's day), 'is in China from June 24 to 27 to attend' (a trip under way), a meeting's own day
after 'X said on Sunday, referring to his meeting ... on September 2', a headline whose first
word is the surname of one named in full below it, and 'on May 8-10 last year'."""

from __future__ import annotations

from tests.conftest import extract_text
from tests.test_event_sessions import _events


def test_a_day_of_talks_told_in_turn() -> None:
    found = _events(
        "Slovak Economy Minister Denisa Sakova held a series of talks in Guangzhou on Tuesday, "
        "where she is attending the Canton Fair. According to Sakova, exports to China rose "
        "4 percent last year.\n\nShe then held talks with Geely Vice President Gan Jiayue. "
        '"Ms Gan told me the plant will open next year," Sakova said.\n\nIn the afternoon, the '
        "minister met Sunwoda chairman Wang Wei.",
        "2031-04-17",  # a Thursday
    )
    meetings = {(date, p) for mode, _, date, p in found if mode == "meeting"}
    with_gan = {date for date, p in meetings if {"Denisa Sakova", "Gan Jiayue"} <= set(p)}
    assert with_gan == {"2031-04-15"}
    assert ("2031-04-15", ("Denisa Sakova", "Wang Wei")) in meetings
    assert not any({"Gan Jiayue", "Wang Wei"} <= set(p) for _, p in meetings)


def test_the_talks_a_trip_was_made_for_are_on_its_day() -> None:
    found = _events(
        "Kazakh Prime Minister Olzhas Bektenov visited Tashkent on March 3-4 for talks with "
        "Uzbek Prime Minister Abdulla Aripov. Bektenov will travel to Bishkek next month to "
        "attend a meeting with Kyrgyz Prime Minister Adylbek Kasymaliev.",
        "2031-05-20",
    )
    meetings = {(status, date, p) for mode, status, date, p in found if mode == "meeting"}
    assert ("occurred", "2031-03-03", ("Olzhas Bektenov", "Abdulla Aripov")) in meetings
    assert ("planned", "2031-06", ("Olzhas Bektenov", "Adylbek Kasymaliev")) in meetings


def test_a_contact_told_with_the_trip_is_on_its_day() -> None:
    found = _events(
        "Kazakh Prime Minister Olzhas Bektenov visited Tashkent on March 3 and was received "
        "by Uzbek President Shavkat Mirziyoyev.",
        "2031-05-20",
    )
    meetings = {(date, p) for mode, _, date, p in found if mode == "meeting"}
    assert meetings == {("2031-03-03", ("Olzhas Bektenov", "Shavkat Mirziyoyev"))}


def test_a_trip_under_way_told_by_its_span() -> None:
    found = _events(
        "Armenian Prime Minister Nikol Pashinyan, 56, is in India from June 24 to 27 to take "
        "part in a business forum.",
        "2031-06-25",
    )
    assert ("visit", "occurred", "2031-06-24", ("Nikol Pashinyan", "India")) in found


def test_the_meeting_is_dated_by_its_own_day_not_by_the_saying() -> None:
    found = _events(
        '"We will see," Slovak Prime Minister Robert Fico said on Sunday, referring to his '
        "meeting with Hungarian Prime Minister Viktor Orban on September 2 in Budapest.",
        "2031-09-29",
    )
    dates = {date for mode, _, date, _ in found if mode == "meeting"}
    assert dates == {"2031-09-02"}


def test_a_headline_opening_with_a_surname_named_in_full_below() -> None:
    text = (
        "PM Abashidze Meets Chinese Premier Li Qiang in Dalian, Discusses Poti Port\n\n"
        "Prime Minister Zurab Abashidze met Chinese Premier Li Qiang in Dalian on June 25, the "
        "Government Administration said."
    )
    actors = {a.name for a in extract_text(text, "2031-06-26").actors}
    assert "Zurab Abashidze" in actors
    assert not any(name.endswith("Meets") for name in actors)


def test_a_day_a_year_before_the_report() -> None:
    found = _events(
        "The minister recalled that during Turkmen President Serdar Berdimuhamedov's state "
        "visit to Ankara on May 8-10 last year, the two countries signed 18 agreements.",
        "2031-11-06",
    )
    visits = {(date, p) for mode, _, date, p in found if mode == "visit"}
    assert ("2030-05-08", ("Serdar Berdimuhamedov", "Turkey")) in visits


def test_a_question_asks_whether_and_tells_no_contact() -> None:
    """'How often do the two leaders meet?' and 'Will Tokayev invite Mirziyoyev ...?' tell no
    contact; a target 'met a year early' is no meeting; the talks told beside them are."""
    found = _events(
        "How often do Kazakh President Kassym-Jomart Tokayev and Uzbek President Shavkat "
        "Mirziyoyev meet?\n\nWill Tokayev invite Mirziyoyev to Astana for a return visit?\n\n"
        "Tokayev held talks with Mirziyoyev in Tashkent on June 5.\n\nSix years after Astana "
        "and Tashkent set a goal of $10 billion in trade by 2030 - met a year early, in 2029 - "
        "no new target has been announced.",
        "2031-10-20",
    )
    assert {(mode, status, date) for mode, status, date, _ in found} == {
        ("meeting", "occurred", "2031-06-05")
    }
