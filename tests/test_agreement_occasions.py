"""A document known by its occasion: the protocol or minutes of 'the meeting' are those of the
session the paragraph (else the report's lead) names as held, not of any council the report
mentions; a bare communique is the one of the heads' meeting told in the paragraph."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _titles(text: str, published: str) -> list[tuple[str, str]]:
    found: list[Any] = extract_text(text, published).agreements
    return [(a.kind, a.title) for a in found]


def test_the_minutes_are_of_the_session_the_paragraph_names() -> None:
    titles = _titles(
        "ALMATY: The road map was approved at the 9th meeting of the Intergovernmental "
        "Committee on Trade of Kazakhstan and Kyrgyzstan, co-chaired by the deputy prime "
        "ministers, and by a Vice Chairman of the State Council of the People's Republic of "
        "China as a guest. The two sides also signed the minutes of the meeting.",
        "2025-03-12",
    )
    assert (
        "other",
        "minutes of the 9th meeting of the Intergovernmental Committee on Trade of Kazakhstan "
        "and Kyrgyzstan",
    ) in titles


def test_not_the_session_still_to_come_but_the_one_the_report_opens_with() -> None:
    titles = _titles(
        "Deputy Prime Minister Alexei Overchuk and Vice Premier Ding Xuexiang held the 12th "
        "meeting of the Russian-Chinese Commission on Economic Cooperation in Kazan.\n\n"
        "Trade between the two countries rose by 4% in the first half of the year.\n\n"
        "The co-chairs agreed to hold the 13th meeting of the Commission next year in China. "
        "The protocol of the meeting will be presented to the heads of government.",
        "2025-07-02",
    )
    protocols = [t for k, t in titles if t.startswith("protocol")]
    assert protocols == [
        "protocol of the 12th meeting of the Russian-Chinese Commission on Economic Cooperation"
    ]


def test_a_communique_is_of_the_heads_meeting_told_just_before() -> None:
    titles = _titles(
        "Premier Li Qiang and Prime Minister Mikhail Mishustin held the 28th regular meeting "
        "between the heads of government of the two countries in Beijing on Tuesday. The two "
        "sides signed a joint communique and more than 10 cooperation documents.",
        "2023-12-20",
    )
    assert (
        "communique",
        "joint communique following the 28th regular meeting between the heads of government",
    ) in titles


def test_its_protocol_is_of_the_session_told_before_in_lower_case() -> None:
    titles = _titles(
        "Russian Energy Minister Sergei Tsivilev arrived in Pyongyang on Monday for a session "
        "of the intergovernmental commission on trade and economic cooperation, KCNA said.\n\n"
        "Tsivilev and North Korean External Economic Relations Minister Yun Jong Ho co-chaired "
        "the session on Tuesday and signed its protocol, KCNA said.",
        "2031-11-19",
    )
    assert titles == [
        (
            "other",
            "protocol of the session of the intergovernmental commission on trade and economic "
            "cooperation",
        )
    ]


def test_a_russian_protocol_is_of_the_session_held_before() -> None:
    titles = _titles(
        "В субботу Козлов и министр внешнеэкономических связей КНДР Юн Чжон Хо провели в "
        "Пхеньяне 14-е заседание Межправительственной комиссии по торгово-экономическому "
        "сотрудничеству.\n\nПо его итогам стороны подписали протокол заседания. Следующее "
        "заседание комиссии состоится в 2032 году в Москве.",
        "2031-10-20",
    )
    assert titles == [
        (
            "other",
            "protocol of the 14th meeting of the intergovernmental commission on trade and "
            "economic cooperation",
        )
    ]
