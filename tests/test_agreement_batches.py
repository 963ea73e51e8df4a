"""Agreements told by reference: a batch counted after "signed", with its topics; "the two
companies" of the sentence before; a name cut at a relative clause without "that". The texts
are written for these tests."""

from __future__ import annotations

from tests.conftest import extract_text

from bilat.records import Agreement


def _agreements(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    found: tuple[Agreement, ...] = extract_text(text, "2031-10-14").agreements
    return [(a.title, a.kind, a.parties) for a in found]


def test_a_batch_counted_after_signed_with_its_topics() -> None:
    text = (
        "Mikhail Mishustin held talks with Li Qiang in Harbin on October 2, where the two sides "
        "signed more than 30 cooperation documents, including on grain, logistics and tourism."
    )
    assert _agreements(text) == [
        (
            "more than 30 cooperation documents on grain, logistics and tourism signed by the "
            "two sides",
            "agreement",
            ("Russia", "China"),
        )
    ]


def test_the_two_companies_are_those_of_the_sentence_before() -> None:
    """A state the sentence names in passing ('a line through Mongolia') is no party."""
    text = (
        "Gazprom and CNPC are still negotiating the price of gas for the new pipeline. The two "
        "companies signed a memorandum on the Soyuz Vostok line through Mongolia in September."
    )
    assert _agreements(text) == [
        (
            "memorandum on the Soyuz Vostok line through Mongolia",
            "memorandum",
            ("Gazprom", "China National Petroleum Corporation"),
        )
    ]


def test_a_name_ends_where_a_relative_clause_without_that_begins() -> None:
    text = (
        "Rosneft will sell 2 million tonnes of oil a year to Sinopec. The deal follows a framework "
        "agreement the two companies signed in Tianjin in May."
    )
    assert [(title, kind) for title, kind, _ in _agreements(text)] == [
        ("framework agreement of Rosneft and China Petrochemical Corporation", "agreement")
    ]


def test_a_transit_state_is_no_party_and_an_expected_signing_is_planned() -> None:
    text = (
        "Russia and Iran discussed energy on Monday. A memorandum on the supply of Russian gas "
        "to Iran via Azerbaijan will be signed in December. Russia and Iran also expect to sign "
        "a memorandum on grain supplies next year."
    )
    found = extract_text(text, "2031-10-13").agreements
    assert [(a.title, a.status, a.date) for a in found] == [
        ("memorandum on the supply of Russian gas to Iran via Azerbaijan", "planned", "2031-12"),
        ("memorandum on grain supplies", "planned", "2032"),
    ]
    assert "Azerbaijan" not in found[0].parties
