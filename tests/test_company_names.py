"""Companies under the forms reports give their names: a legal form after the name ("China
National Petroleum Corp.", "Zijin Mining Group Co. Ltd.") is no part of what the record calls
them, and a known company keeps the article's own spelling ("BOTAŞ")."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text

from bilat.extract.gazetteer import normalize


def _companies(text: str) -> dict[str, Any]:
    actors = extract_text(text, "2026-03-05").actors
    return {a.name: a for a in actors if a.type == "company"}


def test_a_known_company_under_its_abbreviated_legal_form_is_the_gazetteer_one() -> None:
    companies = _companies(
        "BEIJING (Reuters) - Gazprom and China National Petroleum Corp. are still negotiating "
        "the price of gas for the new pipeline, officials said."
    )
    assert "China National Petroleum Corporation" in companies
    assert companies["China National Petroleum Corporation"].gid == "cnpc"


def test_an_unknown_company_is_named_without_its_legal_form() -> None:
    companies = _companies(
        "BELGRADE - Serbia's copper output rose after China's Zijin Mining Group Co. Ltd. and "
        "Shandong Hi-Speed Group Co., Ltd. expanded their plants, the ministry said."
    )
    assert "Zijin Mining Group" in companies
    assert not any("Ltd" in name for name in companies)


def test_a_known_company_keeps_the_articles_spelling() -> None:
    companies = _companies(
        "ANKARA - Turkey's BOTAŞ and Russia's Gazprom are negotiating an extension of their "
        "long-term gas contracts, the energy ministry said."
    )
    assert "BOTAŞ" in companies


def test_legal_forms_fold_in_the_normal_form() -> None:
    assert normalize("China National Petroleum Corp.") == normalize(
        "China National Petroleum Corporation"
    )
    assert normalize("HBIS Group Co., Ltd") == normalize("HBIS Group")
    assert normalize("Gazprom PJSC") == "gazprom"


def test_partner_states_national_companies_are_known() -> None:
    companies = _companies(
        "HANOI - Vietsovpetro and PetroVietnam signed deals with Zarubezhneft, while PhosAgro "
        "agreed to supply fertilisers to Vinachem and RusHydro offered turbines."
    )
    gids = {a.gid for a in companies.values()}
    assert {"vietsovpetro", "petrovietnam", "zarubezhneft", "phosagro", "vinachem"} <= gids
    assert "rushydro" in gids


def test_a_name_after_a_trade_noun_is_a_company_of_the_state_the_adjective_names() -> None:
    """'Russian producer Elga Coal', 'Trader Kolmar' (a sentence's first word), 'steelmaker
    China Baowu': companies the small model takes for people; 'China Media Group Wang Bin'
    is a body's name and its director, no trade noun before a name."""
    actors = extract_text(
        "Russian producer Elga Coal signed a supply contract. Trader Kolmar is in talks with "
        "steelmaker China Baowu, said Wang Bin, director of China Media Group Wang Bin's "
        "bureau.",
        "2026-03-05",
    ).actors
    kinds = {a.name: (a.type, a.country) for a in actors}
    assert kinds["Elga Coal"] == ("company", "RU")
    assert kinds["Kolmar"] == ("company", None)
    assert kinds["China Baowu"] == ("company", "CN")
    assert kinds["Wang Bin"][0] == "person"
