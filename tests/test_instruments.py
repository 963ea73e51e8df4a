"""Named unilateral instruments (GOLD.md v1.1: 'an executive order ... other/adopted with the
issuing state as party'): an executive order by its number, a numbered EU sanctions package,
trade-defence duties one state imposed on the other's goods. The texts are written for these
tests."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _instruments(text: str, published: str) -> list[tuple[Any, ...]]:
    return sorted(
        (a.title, a.status, a.date, a.parties)
        for a in extract_text(text, published).agreements
        if a.kind == "other"
    )


def test_an_executive_order_a_sanctions_package_and_duties_are_their_issuers() -> None:
    found = _instruments(
        "Russia and China expanded trade. Executive Order 15020, signed on March 3, 2031, "
        "lets the Treasury sanction foreign banks. EU envoys approved the bloc's 24th package "
        "of sanctions against Russia on Friday (11 April). Work on a 25th package would start "
        "in June. In May, Beijing imposed definitive anti-dumping duties of 20% to 30% on "
        "European pork.",
        "2031-05-20",
    )
    assert found == [
        ("Chinese anti-dumping duties on European pork", "adopted", "2031-05", ("China",)),
        (
            "EU 24th package of sanctions against Russia",
            "adopted",
            "2031-04-11",
            ("European Union",),
        ),
        ("EU 25th package of sanctions", "planned", None, ("European Union",)),
        ("Executive Order 15020", "adopted", "2031-03-03", ("United States",)),
    ]


def test_unnamed_measures_and_denied_ones_are_none() -> None:
    """'new tariffs', 'sanctions on Russia', a bare 'package' in a report of no sanctions
    package, and an order denied are no instrument one can tell apart."""
    assert (
        _instruments(
            "Russia and China expanded trade despite new tariffs and sanctions on Russia. "
            "The winner took the 2nd package of prizes. The ministry denied reports that "
            "Executive Order 15021 had been signed.",
            "2031-05-20",
        )
        == []
    )


def test_a_trade_measure_of_a_state_of_the_pair_told_with_its_date() -> None:
    """Export and import measures a state of the pair took are its instruments, named for
    the measure and the goods; one named in passing (no date told) or taken by a third
    party ('since the European Union banned imports') is not the pair's."""
    found = extract_text(
        "Vietnam and South Korea trade ties. Hanoi has restricted exports of raw cashew and "
        "pepper since March 2031. South Korea's export controls on lithium hydroxide took "
        "effect on July 1. South Korea's trade ministry on Friday added 12 Vietnamese companies "
        "to its export control list. Seoul asked Hanoi to ease Vietnamese export controls on "
        "rice. Exports slowed since the European Union banned imports of pepper from Vietnam.",
        "2031-07-22",
    ).agreements
    got = sorted((a.title, a.parties, a.date) for a in found if a.kind == "other")
    assert got == [
        ("South Korean export control list additions", ("South Korea",), "2031-07-18"),
        ("South Korean export controls on lithium hydroxide", ("South Korea",), "2031-07-01"),
        ("Vietnamese restrictions on exports of raw cashew and pepper", ("Vietnam",), "2031-03"),
    ], got


def test_duties_of_a_name_ending_in_s_told_by_its_possessive() -> None:
    found = _instruments(
        "Chinese and EU trade officials met in Beijing on Tuesday. Brussels' anti-subsidy "
        "duties of up to 28% on Chinese-made e-bikes, in force since March 2031, stay.",
        "2031-06-10",
    )
    assert found == [
        (
            "EU anti-subsidy duties on Chinese-made e-bikes",
            "adopted",
            "2031-03",
            ("European Union",),
        )
    ]
