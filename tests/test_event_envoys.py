"""Contacts told in envoys' profiles and newsletter bullets: an ambassador presenting his
credentials to a head of state (or their copies to a deputy minister) is received by him; a
list's bullet is not part of the name after it ("• Putin is in Beijing ..."); a leader "is in
<capital> for the third Belt and Road Forum" is a trip told by its aim. The texts are
written for these tests."""

from __future__ import annotations

import pytest
from tests.test_event_sessions import _events


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan's new ambassador to Russia, Daniyar Kuanyshev, arrived in Moscow in March. "
        "He presented his credentials to Russian President Vladimir Putin in April 2031.",
        "Новый посол Казахстана в России Данияр Куанышев вручил верительные грамоты Президенту "
        "России Владимиру Путину в апреле 2031 года.",
    ],
)
def test_credentials_presented_are_a_meeting_with_the_head_of_state(text: str) -> None:
    found = _events(text, "2031-09-10")
    assert found == {("meeting", "occurred", "2031-04", ("Daniyar Kuanyshev", "Vladimir Putin"))}


def test_copies_of_credentials_handed_to_a_deputy_minister() -> None:
    found = _events(
        "On April 2, he handed copies of his credentials to Russian Deputy Foreign Minister "
        "Mikhail Galuzin, Kazakh Ambassador Daniyar Kuanyshev said.",
        "2031-09-10",
    )
    assert found == {
        ("meeting", "occurred", "2031-04-02", ("Mikhail Galuzin", "Daniyar Kuanyshev"))
    }


def test_a_bullet_is_no_part_of_the_name_and_a_trip_for_a_forum() -> None:
    found = _events(
        "What you need to know\n"
        "• Putin is in Ulaanbaatar for the second Mongolia-Russia Economic Forum, which opened "
        "on Tuesday. He sat down with Ukhnaagiin Khurelsukh this morning.",
        "2031-10-15",  # a Wednesday
    )
    assert ("visit", "occurred", "2031-10-14", ("Vladimir Putin", "Mongolia")) in found
    assert ("meeting", "occurred", "2031-10-15", ("Vladimir Putin", "Ukhnaagiin Khurelsukh")) in (
        found
    )


@pytest.mark.parametrize("post", ["head", "chairman"])
def test_a_name_the_model_takes_for_a_body_is_a_person_told_by_his_post(post: str) -> None:
    found = _events(
        f"On Monday Chinese Ambassador Zhang Hanhui held talks with Valery Pikalev, {post} of "
        "Russia's Federal Customs Service, on speeding up border crossings.",
        "2031-03-12",  # a Wednesday
    )
    assert found == {("meeting", "occurred", "2031-03-10", ("Zhang Hanhui", "Valery Pikalev"))}


def test_a_dateline_city_is_no_party_and_no_plans_to_meet_is_no_meeting() -> None:
    """A digest on India and Pakistan: an item filed from Tokyo on a Russian minister in
    Pyongyang is Russia-North Korea ("TOKYO - " names where it was filed); "no plans for
    Prime Minister Shehbaz Sharif to meet Modi on the sidelines of the SCO summit" is no
    meeting."""
    found = _events(
        "India, Pakistan envoys meet in Geneva\n\n"
        "GENEVA - Indian Foreign Secretary Vikram Misri held talks with Pakistani Foreign "
        "Secretary Amna Baloch in Geneva on Tuesday.\n\n"
        "Pakistan's Foreign Office spokeswoman said Wednesday there are no plans for Prime "
        "Minister Shehbaz Sharif to meet Modi on the sidelines of the SCO summit.\n\n"
        "Russian minister in Pyongyang\n\n"
        "TOKYO - Russian Natural Resources Minister Alexander Kozlov arrived in Pyongyang on "
        "Monday for talks, North Korea's official Korean Central News Agency said.",
        "2031-11-19",  # a Wednesday
    )
    assert ("visit", "occurred", "2031-11-17", ("Alexander Kozlov", "North Korea")) in found
    assert not any("Shehbaz Sharif" in p for *_, p in found)


def test_a_trip_someone_would_then_make_is_still_to_come() -> None:
    """'said President Tokayev would then travel to Tashkent on May 20-21' in a report of
    May 16: a trip planned for the days ahead, not one of the year before."""
    found = _events(
        "Presidential spokesman Berik Uali said President Kassym-Jomart Tokayev would then "
        "travel to Tashkent on May 20-21, his first visit to Uzbekistan this year.",
        "2031-05-16",
    )
    assert found == {("visit", "planned", "2031-05-20", ("Kassym-Jomart Tokayev", "Uzbekistan"))}
