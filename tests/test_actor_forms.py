"""Actors told in forms of their own: a company with its legal form ("Everbright Link
Electronics Ltd." is an alias of the company), a picture credit is nobody ("(AA Photo)",
"| Photo Credit: The Hindu"), a facility is no person ("the Novosibirsk Chemical Concentrates
Plant"), and the regions of Kazakhstan and states of India are places (gazetteer)."""

from __future__ import annotations

from tests.conftest import extract_text

from bilat.extract.gazetteer import default_gazetteer
from bilat.extract.gazmatch import find_gazetteer_mentions
from bilat.extract.nlp_ru import parse_ru


def _actors(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {a.name: (a.type, a.aliases) for a in extract_text(text, "2025-06-10").actors}


def test_a_companys_legal_form_is_an_alias() -> None:
    actors = _actors(
        "Prosecutors said Northgate Micro Devices Ltd. shipped chips to Russia through "
        "Kazakhstan, and Northgate Micro Devices denied it."
    )
    assert actors["Northgate Micro Devices"][0] == "company"
    assert "Northgate Micro Devices Ltd." in actors["Northgate Micro Devices"][1]


def test_picture_credits_and_plants_are_nobody() -> None:
    actors = _actors(
        "A view of the Rooppur site. (AA Photo)\n\nFile photo of the plant. | Photo Credit: "
        "The Hindu\n\nFuel left the Novosibirsk Chemical Concentrates Plant in May, Rosatom said."
    )
    persons = [n for n, (t, _) in actors.items() if t == "person"]
    assert persons == []


def test_a_state_of_india_is_no_person() -> None:
    actors = _actors(
        "The third unit of the Kudankulam plant in Tamil Nadu will start in 2026, Russia said."
    )
    assert actors.get("Tamil Nadu", ("place",))[0] == "place"


def test_kazakh_regions_and_indian_states_are_places_in_the_gazetteer() -> None:
    gaz = default_gazetteer()
    assert [(e.type, e.country) for e in gaz.lookup("West Kazakhstan Region")] == [("place", "KZ")]
    assert [(e.type, e.country) for e in gaz.lookup("Tamil Nadu")] == [("place", "IN")]
    text = "Делегация Актюбинской области прибыла в Уральск."
    found = {e.gid for g in find_gazetteer_mentions(gaz, parse_ru(text)) for e in g.entries}
    assert {"aktobe-region", "uralsk"} <= found
