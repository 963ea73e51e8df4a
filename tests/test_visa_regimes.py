"""Visa-free regimes and the protocol of a meeting: what a demanding reader of the record
expects as agreements (GOLD.md v1.1: a visa-free policy is `other`/`adopted` with the issuing
state as party; the record of a meeting both sides sign is `other`). The texts are written for
these tests, in English and in Russian."""

from __future__ import annotations

import pytest
from tests.conftest import extract_text

from bilat.records import Agreement

Row = tuple[str, str, str, str | None, tuple[str, ...]]


def _agreements(text: str, published: str) -> list[Row]:
    found: tuple[Agreement, ...] = extract_text(text, published).agreements
    return [(a.title, a.kind, a.status, a.date, a.parties) for a in found]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # the grantor is the other side of the pair; told first, then answered
            "Since March 3, Mongolia has waived visas for Chinese citizens for up to 30 days. "
            "China introduced a similar regime for Mongolian citizens on April 1.",
            "2031-04-20",
            [
                ("Mongolia's visa-free regime for Chinese citizens", "other", "adopted",
                 "2031-03-03", ("Mongolia",)),
                ("China's visa-free regime for Mongolian citizens", "other", "adopted",
                 "2031-04-01", ("China",)),
            ],
        ),
        (  # in force now, though the sentence says what will happen next
            "Kazakhstan's visa-free regime for Chinese citizens came into force on Monday and "
            "will be in effect until the end of 2032.",
            "2031-06-10",
            [("Kazakhstan's visa-free regime for Chinese citizens", "other", "adopted",
              "2031-06-09", ("Kazakhstan",))],
        ),
        (  # a regime still to come
            "China will introduce visa-free entry for citizens of Kazakhstan from January 2032.",
            "2031-06-10",
            [("China's visa-free regime for Kazakh citizens", "other", "planned", "2032-01",
              ("China",))],
        ),
        (  # a regime inside an agreement's title is that agreement's
            "In 2004, China and Kazakhstan signed an agreement on visa-free travel for "
            "holders of service passports.",
            "2031-06-10",
            [("agreement on visa-free travel for holders of service passports", "agreement",
              "signed", "2004", ("China", "Kazakhstan"))],
        ),
        (  # Russian: "отменил визы для граждан", "ввела аналогичный режим"
            "С 10 марта Монголия отменила визы для граждан Китая. С 1 апреля Китай ввел "
            "аналогичный режим для граждан Монголии.",
            "2031-04-20",
            [
                ("Mongolia's visa-free regime for Chinese citizens", "other", "adopted",
                 "2031-03-10", ("Mongolia",)),
                ("China's visa-free regime for Mongolian citizens", "other", "adopted",
                 "2031-04-01", ("China",)),
            ],
        ),
    ],
)  # fmt: skip
def test_visa_free_regimes(text: str, published: str, expected: list[tuple[object, ...]]) -> None:
    assert _agreements(text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ninth meeting of the Russian-Chinese Commission on Humanitarian Cooperation was held "
        "in Kazan on Tuesday. Following the meeting the Protocol was signed.",
        "Во вторник в Казани прошло девятое заседание Российско-китайской комиссии по "
        "гуманитарному сотрудничеству. По итогам заседания стороны подписали протокол.",
    ],
)
def test_the_protocol_signed_after_a_meeting_is_its_record(text: str) -> None:
    ((title, kind, status, _, parties),) = _agreements(text, "2031-04-20")
    assert (kind, status, parties) == ("other", "signed", ("Russia", "China"))
    # the meeting's record, named by the session the report names where it names one
    assert title in (
        "protocol of the ninth meeting of the Russian-Chinese Commission on Humanitarian "
        "Cooperation",
        # the Russian text's session, translated word by word (its ordinal word is left out)
        "protocol of the meeting of the Russian-Chinese commission on humanitarian cooperation",
    )


def test_two_regimes_told_in_one_sentence_are_each_dated_by_their_clause() -> None:
    found = _agreements(
        "Mongolia waived visas for Chinese passport holders from March 10, and China "
        "reciprocated with visa-free entry for Mongolian citizens from May 1.",
        "2031-06-20",
    )
    assert found == [
        ("Mongolia's visa-free regime for Chinese citizens", "other", "adopted", "2031-03-10",
         ("Mongolia",)),
        ("China's visa-free regime for Mongolian citizens", "other", "adopted", "2031-05-01",
         ("China",)),
    ]  # fmt: skip


def test_a_protocol_named_for_its_session_is_that_sessions_record() -> None:
    found = _agreements(
        "В Москве прошло заседание российско-монгольской межправкомиссии. По итогам заседания "
        "сопредседатели подписали протокол 26-й сессии МПК, а также дорожную карту по "
        "развитию сотрудничества в энергетике до 2035 года.",
        "2031-04-20",
    )
    protocol = next(a for a in found if a[0].startswith("protocol"))
    assert protocol[:4] == (
        "protocol of the 26th session of intergovernmental commission",
        "other",
        "signed",
        None,
    )  # its session's record; "до 2035 года" is the road map's horizon, no date of signing
