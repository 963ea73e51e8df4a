"""Deals named by what they buy or sell, and deal words that name no deal.

Arms and energy reports name a contract by its goods ("a contract for 36 Su-35 fighters"), by
its value then its goods ("a contract worth $2 billion with X for 24 helicopters") or by a
volume of a commodity ("a five-year deal for up to 300,000 b/d of crude"): the volume and the
value are figures, the goods are the deal's name. A protocol that is broken is etiquette; a
deal whose report an official "did not confirm" is none; a contract that "expires at the end
of 2026" was not made then; terms "not yet agreed" are still under negotiation."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _agreements(text: str, published: str = "2026-11-20") -> list[Any]:
    return list(extract_text(text, published).agreements)


def test_a_contract_counted_in_goods_is_named_by_them() -> None:
    (deal,) = _agreements(
        "Egypt signed a contract for 24 Su-35 fighters with Russia in March, the Russian "
        "arms exporter said on Friday."
    )
    assert deal.kind == "contract"
    assert deal.title.startswith("contract for 24 Su-35 fighters")
    assert deal.status == "signed"


def test_a_contract_told_by_its_value_is_named_by_the_goods_after_it() -> None:
    (deal,) = _agreements(
        "Russia's Rostec has signed a contract worth about $2 billion (nearly 180 billion "
        "rupees) with India's defence ministry for 24 Mi-17 helicopters, the ministry said."
    )
    assert (deal.kind, deal.title) == ("contract", "contract for 24 Mi-17 helicopters")


def test_a_volume_stays_out_of_a_contracts_name() -> None:
    """A contract volume is a figure (GOLD.md), unlike the goods counted above."""
    (deal,) = _agreements(
        "Gazprom and CNPC signed a supply contract for up to 6 million tonnes a year, the "
        "Russian company said."
    )
    assert "6 million" not in deal.title


def test_a_deal_for_a_volume_of_a_commodity_is_a_sale_named_by_it() -> None:
    (deal,) = _agreements(
        "Rosneft and China's Sinopec signed a five-year deal in October for up to 300,000 b/d "
        "of crude, the companies said."
    )
    assert (deal.kind, deal.title) == ("contract", "five-year deal for crude")
    assert (deal.status, deal.date) == ("signed", "2026-10")


def test_a_level_a_deal_sets_is_no_part_of_its_parts_names() -> None:
    """ "to raise supplies under the existing contract to 48 bcm a year": the level is a
    figure, the contract is named without it."""
    found = _agreements(
        "Gazprom and CNPC signed an agreement to raise supplies under the existing Power of "
        "Siberia contract to 48 bcm a year from 38 bcm, Alexei Miller told reporters."
    )
    titles = {a.kind: a.title for a in found}
    assert titles["contract"] == "Power of Siberia contract"
    assert "48" not in titles["agreement"]


def test_broken_protocol_is_no_document() -> None:
    found = _agreements(
        "Prime Minister Narendra Modi broke protocol to receive President Vladimir Putin at "
        "the airport in New Delhi on Thursday."
    )
    assert found == []


def test_a_deal_an_official_did_not_confirm_is_none() -> None:
    found = _agreements(
        "Kremlin aide Yuri Ushakov did not confirm reports of a final deal on the Power of "
        "Siberia 2 pipeline between Russia and China."
    )
    assert found == []


def test_terms_not_yet_agreed_are_negotiated_and_an_expiry_dates_no_deal() -> None:
    (deal,) = _agreements(
        "Turkey's BOTAS and Russia's Gazprom Export have not yet agreed on terms for "
        "extending contracts for Russian gas supplies that expire at the end of 2026, two "
        "sources said."
    )
    assert (deal.status, deal.date) == ("negotiating", None)


def test_no_agreement_signed_after_a_deal_in_talks_is_that_deal() -> None:
    found = _agreements(
        "Novatek and China's Zhenhua Oil are in talks on a long-term deal for 2mn t/yr from "
        "Arctic LNG 2, two sources said, but no agreement has been signed."
    )
    assert [(a.title, a.status) for a in found] == [
        ("long-term deal for Arctic LNG 2", "negotiating")
    ]
