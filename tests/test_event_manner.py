"""Events told by how or when they were held rather than by a contact verb: talks told by
what was discussed on a summit's sidelines, an invitation handed to the guest, a meeting
'held the day before' (and 'прошедшего накануне'), the meeting told before 'held via
videoconference', and a sentence's first 'Last Thursday'."""

from __future__ import annotations

import pytest
from tests.conftest import extract_text


def _events(text: str, published: str) -> set[tuple[str, str, str | None, tuple[str, ...]]]:
    return {
        (e.mode, e.status, e.date, e.participants) for e in extract_text(text, published).events
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ANKARA, Nov 20. In October, Turkish Foreign Minister Hakan Fidan discussed the "
            "grain corridor with Sergei Lavrov on the sidelines of the BRICS summit in Kazan.",
            ("meeting", "occurred", "2031-10", ("Hakan Fidan", "Sergei Lavrov")),
        ),
        (
            "АНКАРА, 20 ноября. В октябре Хакан Фидан обсуждал с Сергеем Лавровым зерновую "
            "сделку на полях саммита БРИКС в Казани.",
            ("meeting", "occurred", "2031-10", ("Hakan Fidan", "Sergey Lavrov")),
        ),
    ],
)
def test_what_was_discussed_on_the_sidelines_is_a_meeting(
    text: str, expected: tuple[str, str, str, tuple[str, ...]]
) -> None:
    assert expected in _events(text, "2031-11-20")


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW, Nov 20. Turkish Foreign Minister Hakan Fidan spoke with Sergei Lavrov by "
        "phone. Fidan handed Lavrov an official invitation to visit Turkey.",
        "МОСКВА, 20 ноября. Министр иностранных дел Турции Хакан Фидан провел телефонный "
        "разговор с Сергеем Лавровым. Фидан передал Лаврову приглашение посетить Турцию.",
    ],
)
def test_the_one_handed_an_invitation_is_the_guest(text: str) -> None:
    visits = [e for e in extract_text(text, "2031-11-20").events if e.mode == "visit"]
    assert [(v.status, v.participants[0], v.participants[-1]) for v in visits] == [
        ("planned", visits[0].participants[0], "Turkey")
    ]
    assert "Lavrov" in visits[0].participants[0]


def test_your_invitation_is_the_hosts() -> None:
    """In a transcript, 'I accept your invitation to visit X': the speaker's trip."""
    text = (
        "Vladimir Putin: Mr President, dear friend, I am glad to see you. I accept with "
        "gratitude your invitation to visit Turkey next year.\n\nRecep Tayyip Erdogan: Thank "
        "you, dear friend."
    )
    visits = [e for e in extract_text(text, "2031-11-20").events if e.mode == "visit"]
    assert [(v.participants, v.status) for v in visits] == [
        (("Vladimir Putin", "Turkey"), "planned")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW, Nov 20. Trade between Russia and Turkey rose 4% in January-October, Deputy "
        "Prime Minister Alexey Overchuk said after the meeting of the Russian-Turkish "
        "Intergovernmental Commission held the day before.",
        "МОСКВА, 20 ноября. Товарооборот России и Турции в январе-октябре вырос на 4%, сообщил "
        "вице-премьер "
        "Алексей Оверчук по итогам прошедшего накануне заседания российско-турецкой "
        "межправительственной комиссии.",
    ],
)
def test_a_meeting_held_the_day_before_is_of_the_day_before_the_report(text: str) -> None:
    meetings = [e for e in extract_text(text, "2031-11-20").events if e.mode == "meeting"]
    assert [(m.status, m.date) for m in meetings] == [("occurred", "2031-11-19")]


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW, Nov 20. Deputy Prime Minister Alexey Overchuk held talks with Turkish Trade "
        "Minister Omer Bolat on Tuesday. The meeting was held via videoconference.",
        "МОСКВА, 20 ноября. Вице-премьер Алексей Оверчук во вторник провел переговоры с "
        "министром торговли Турции Омером Болатом. Встреча прошла в режиме видеоконференции.",
    ],
)
def test_the_meeting_told_before_held_by_video_is_a_videoconference(text: str) -> None:
    events = extract_text(text, "2031-11-20").events
    assert [(e.mode, e.date) for e in events] == [("video", "2031-11-18")]


def test_the_ministers_who_last_met_agreed_to_hold_the_next_round() -> None:
    """'договорились провести' is a plan: the relative clause's past meeting is its own."""
    found = _events(
        "МОСКВА, 20 ноября. Министры иностранных дел России и Турции Сергей Лавров и Хакан "
        "Фидан, которые в последний раз встречались в августе в Москве, договорились "
        "провести следующий раунд переговоров в Анкаре до конца года.",
        "2031-11-20",
    )
    assert {(mode, status, date) for mode, status, date, _ in found} == {
        ("meeting", "occurred", "2031-08"),
        ("meeting", "planned", "2031"),
    }


def test_a_weekday_opening_the_sentence_with_last() -> None:
    found = _events(
        "BEIJING, Nov 20. Last Thursday, Commerce Minister Wang Wentao held a video "
        "conference with Turkish Trade Minister Omer Bolat.",
        "2031-11-20",  # a Thursday
    )
    assert {(mode, date) for mode, _, date, _ in found} == {("video", "2031-11-13")}
