"""What company filings and releases tell in their own way: a deal "entered into" (signed);
its qualifiers ("a non-binding memorandum", "a ten-year supply contract"); a term the filing
defines ('(the "Supply Agreement")') and uses again, and "the contract" told back bare,
which are the same document, not more; a company of no known state placed by apposition
("a company incorporated in Russia", "Chelyabinsk-based"); sums with the currency code
glued to the number and the periods of reports ("the year ended 31 December 2024")."""

from __future__ import annotations

from tests.conftest import extract_text

_FILING = (
    "On 12 March 2025, Uralkran LLC, a company incorporated in Russia, "
    'entered into a ten-year supply agreement (the "Supply Agreement") with Harbin Crane '
    "Works Co., Ltd., a company incorporated in China, for the sale of truck cranes. The "
    "Supply Agreement constitutes a discloseable transaction under the Listing Rules. The "
    "Board expects the Supply Agreement to contribute approximately RMB300 million of "
    "revenue. For the year ended 31 December 2024, revenue from customers in Russia "
    "amounted to RMB1,384.6 million."
)


def test_a_deal_entered_into_is_signed_and_its_defined_term_is_the_same_deal() -> None:
    ext = extract_text(_FILING, "2025-03-13")
    (deal,) = ext.agreements
    assert deal.status == "signed"
    assert deal.title.startswith("ten-year supply agreement")
    assert deal.date == "2025-03-12"


def test_a_company_is_placed_by_where_it_is_incorporated_or_based() -> None:
    ext = extract_text(_FILING, "2025-03-13")
    countries = {a.name: a.country for a in ext.actors if a.type == "company"}
    assert countries.get("Uralkran LLC") == "RU"
    ext = extract_text(
        "Chelyabinsk-based Ural Lifting LLC signed a supply contract with China's Sany on Monday.",
        "2025-03-13",
    )
    assert {a.name: a.country for a in ext.actors}.get("Ural Lifting") == "RU"


def test_filing_sums_and_the_year_ended() -> None:
    ext = extract_text(_FILING, "2025-03-13")
    sums = {(f.value, f.unit, f.period) for f in ext.figures if f.unit == "CNY"}
    assert (1384.6e6, "CNY", "2024") in sums
    assert any(value == 300e6 for value, _u, _p in sums)


def test_the_contract_told_back_bare_is_no_second_contract() -> None:
    ext = extract_text(
        "Tobolsk Polymer signed a five-year polypropylene supply contract with a Turkish "
        "packaging maker on Thursday. The contract secures feedstock for its new line. The "
        "value of the contract over its term is about $850 million.",
        "2025-04-24",
    )
    (contract,) = ext.agreements
    assert (contract.kind, contract.status) == ("contract", "signed")


def test_a_non_binding_memorandum_keeps_its_qualifier() -> None:
    ext = extract_text(
        "Chery and Avtotor entered into a non-binding memorandum of understanding on the "
        "supply of vehicle kits on Friday.",
        "2026-03-20",
    )
    (memo,) = ext.agreements
    assert (memo.kind, memo.status) == ("memorandum", "signed")
    assert memo.title.startswith("non-binding memorandum of understanding")
