"""Whether a trip is planned, ruled out or taken, when the words that tell it follow it.

"the visit of X to Y for the annual summit is expected in early December": the summit between
the trip and "is expected" is the trip's occasion, and the trip is planned; "a visit by X to
Y in June is not planned" rules it out (as "не планируется"); "X, who visited Y in December
for the talks, is expected to brief Z" is a trip taken. A Russian verb of travel
("посетил") is told of its subject, not of the person met after it. The texts are written
for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import extract_text


def _events(text: str, published: str) -> list[tuple[Any, ...]]:
    return [
        (e.mode, e.status, e.date, tuple(sorted(e.participants)))
        for e in extract_text(text, published).events
    ]


def test_a_trip_for_a_summit_that_is_expected_is_planned() -> None:
    found = _events(
        "Armenian Foreign Minister Ararat Mirzoyan met Sergei Lavrov in Moscow on Monday. He "
        "said the visit of Prime Minister Nikol Pashinyan to Russia for the annual "
        "Armenian-Russian summit is expected in early December.",
        "2031-10-14",
    )
    assert ("visit", "planned", "2031-12", ("Nikol Pashinyan", "Russia")) in found


def test_a_trip_taken_for_talks_stays_taken_whatever_is_expected_after_it() -> None:
    found = _events(
        "Armenia and Russia discussed trade. Armenian Foreign Minister Ararat Mirzoyan met "
        "Russian Foreign Minister Sergei Lavrov on Monday. Mirzoyan, who visited Moscow in "
        "March for the talks on the peace treaty, is expected to brief Prime Minister Nikol "
        "Pashinyan.",
        "2031-10-14",
    )
    assert ("visit", "occurred", "2031-03", ("Ararat Mirzoyan", "Russia")) in found


@pytest.mark.parametrize(
    "text",
    [
        "Kremlin spokesman Dmitry Peskov said a visit by Vladimir Putin to Armenia in November "
        "was not planned. Putin and Nikol Pashinyan spoke by phone on Monday.",
        "Песков заявил, что визит Владимира Путина в Армению в ноябре не планируется. Путин и "
        "Никол Пашинян провели телефонный разговор в понедельник.",
    ],
)
def test_a_visit_said_to_be_not_planned_is_none(text: str) -> None:
    assert [e for e in _events(text, "2031-10-14") if e[0] == "visit"] == []


def test_a_russian_verb_of_travel_is_its_subjects_trip() -> None:
    found = _events(
        "Министр обороны РФ Андрей Белоусов в сентябре посетил Пхеньян и встретился с Ким Чен "
        "Ыном.",
        "2031-10-14",
    )
    assert ("visit", "occurred", "2031-09", ("Andrey Belousov", "North Korea")) in found
    assert ("meeting", "occurred", "2031-09", ("Andrey Belousov", "Kim Jong Un")) in found
