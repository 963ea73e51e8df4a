"""A document known only by its kind ('a supply contract', 'an intergovernmental agreement')
or by a pronoun ('an agreement on it') is the one of the named work the sentence, or the one
before, is about; a back-reference ('the agreement covers ...') stays the document already
found."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text


def _agreements(text: str, published: str) -> list[Any]:
    return list(extract_text(text, published).agreements)


def test_a_supply_contract_under_negotiation_is_the_pipelines() -> None:
    found = _agreements(
        "MOSCOW (Reuters) - Gazprom expects gas to start flowing through the Power of Siberia 2 "
        "pipeline by the end of the decade, its deputy chief said on Tuesday. A supply "
        "contract, including the price formula, is still being negotiated with China.",
        "2026-02-10",
    )
    (contract,) = [a for a in found if a.kind == "contract"]
    assert contract.status == "negotiating"
    assert contract.title == "supply contract on Power of Siberia 2"


def test_a_railway_built_under_an_intergovernmental_agreement() -> None:
    found = _agreements(
        "ULAANBAATAR, May 4 (Xinhua) -- Tracks are being laid on the Rasht-Astara railway "
        "section, which Russia and Iran are building under an intergovernmental agreement "
        "signed in 2023.",
        "2025-05-04",
    )
    (agreement,) = found
    assert agreement.title == "intergovernmental agreement on Rasht-Astara railway"
    assert (agreement.status, agreement.date) == ("signed", "2023")


def test_an_agreement_on_it_is_the_railway_named_before() -> None:
    found = _agreements(
        "Mongolia wants China to help build the Shiveekhuren-Sekhe railway next. An "
        "intergovernmental agreement on it is under negotiation, officials said.",
        "2025-10-02",
    )
    (agreement,) = found
    assert agreement.title == "intergovernmental agreement on Shiveekhuren-Sekhe railway"
    assert agreement.status == "negotiating"


def test_the_agreement_told_again_is_no_second_document() -> None:
    found = _agreements(
        "Gazprom and CNPC signed a long-term gas supply contract for the Far Eastern route "
        "in February. The contract covers 10 billion cubic metres a year over 25 years, and "
        "gas will flow through the Far Eastern route from 2027.",
        "2026-03-01",
    )
    assert [a.title for a in found] == ["long-term gas supply contract for the Far Eastern route"]


def test_a_lone_contract_takes_no_work_from_the_sentence_before() -> None:
    found = _agreements(
        "Iran expects more Indian cargo through the Chabahar port this year. Tehran also "
        "awaits passenger wagons under a $320 million contract signed with a Chinese maker "
        "last year.",
        "2026-01-12",
    )
    assert not any("Chabahar" in a.title for a in found)


def test_a_protocol_amending_a_dated_agreement_and_that_agreement() -> None:
    found = _agreements(
        "CAIRO - Egypt's parliament on Tuesday ratified a protocol amending the 2016 "
        "intergovernmental agreement under which Russia lends money for the El-Dabaa Nuclear "
        "Power Plant.",
        "2026-06-10",
    )
    titles = {a.title: a for a in found}
    protocol = titles["protocol amending the 2016 intergovernmental agreement"]
    assert (protocol.status, protocol.date) == ("adopted", "2026-06-09")
    loan = titles["intergovernmental agreement on El-Dabaa Nuclear Power Plant"]
    assert loan.date == "2016"


def test_a_capitalised_work_is_a_project_and_a_company_named_after_one_is_not() -> None:
    actors = {
        a.name: a.type
        for a in extract_text(
            "ANKARA - Rosatom said the first unit of the Akkuyu Nuclear Power Plant will start "
            "in 2026. Separately, Kazakhstan's railway signed a deal with China's Lianyungang "
            "Port Holdings on a dry port.",
            "2026-02-03",
        ).actors
    }
    assert actors.get("Akkuyu Nuclear Power Plant") == "project"
    assert not any(t == "project" and "Lianyungang" in n for n, t in actors.items())


def test_the_bridge_is_the_bridge_named_before_not_the_last_work() -> None:
    found = _agreements(
        "BLAGOVESHCHENSK - Trains will start crossing the Dzhalinda-Mohe railway bridge in "
        "2027, officials in Amur region said on Monday. Separately, the Amur Gas Processing "
        "Plant reached full capacity in the spring. Chinese and Russian contractors share the "
        "work on the crossing. The bridge is being built under an intergovernmental agreement "
        "signed in 2024.",
        "2026-04-13",
    )
    (agreement,) = [a for a in found if a.kind == "agreement"]
    assert agreement.title.startswith("intergovernmental agreement on Dzhalinda")
    assert "bridge" in agreement.title


def test_the_project_financed_under_an_agreement_is_the_work_named_before() -> None:
    found = _agreements(
        "TEHRAN - Iran has finished buying the land for the Rasht-Astara railway, its roads "
        "minister said. Construction could begin next year. Russia agreed to finance the "
        "€1.6bn ($1.8bn) project under an intergovernmental agreement signed in May 2023. "
        "The loan agreement itself is still being negotiated.",
        "2025-06-20",
    )
    titles = {a.title for a in found}
    assert "intergovernmental agreement on Rasht-Astara railway" in titles
    assert not any(t.endswith("itself") for t in titles)


def test_the_treaty_signed_in_a_place_or_at_a_summit_is_the_one_named_before() -> None:
    found = _agreements(
        "MINSK - Belarus and Russia signed the Treaty on Security Guarantees within the Union "
        "State in December. Lukashenko and Putin signed the 22-article treaty in the Kremlin "
        "after talks. Parliament approved the treaty at its session on Tuesday, and Lukashenko "
        "submitted the treaty to the Constitutional Court.",
        "2025-03-05",
    )
    assert [a.title for a in found] == ["Treaty on Security Guarantees within the Union State"]


def test_a_deal_to_supply_a_commodity_is_a_contract() -> None:
    """'signed a five-year agreement to supply 2 million tonnes a year of coking coal to Baosteel'
    and 'agreed a deal with Rosneft to take 100,000 b/d' are sales (GOLD kind contract); an
    agreement to cooperate on energy is not."""
    kinds = {
        a.title: a.kind
        for a in _agreements(
            "Mechel said on Monday it had signed a five-year agreement to supply 2 million "
            "tonnes a year of coking coal to Baosteel from January. Nayara Energy agreed a "
            "deal with Rosneft in March to take 100,000 b/d. The two governments also signed "
            "an agreement on cooperation in energy efficiency.",
            "2027-05-10",
        )
    }
    assert sorted(kinds.values()) == ["agreement", "contract", "contract"]
    assert kinds["agreement on cooperation in energy efficiency"] == "agreement"
