"""Office holders of partner states: heads of state and government and foreign ministers
2022-2026, by date, and resolved in English text where only a dateline gives the state.

Each case is a sentence written for these tests.
"""

from __future__ import annotations

import pytest

from bilat.extract.actors import extract_actors
from bilat.extract.context import DocContext
from bilat.extract.gazetteer import Gazetteer, default_gazetteer
from bilat.extract.nlp import load_nlp
from bilat.extract.pipeline import doc_sentences
from bilat.records import Actor
from conftest import extract_russian


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


@pytest.mark.parametrize(
    ("key", "state", "on", "holder"),
    [
        ("head_of_government", "KG", "2023-05", "Akylbek Japarov"),
        ("head_of_government", "KG", "2025-05", "Adylbek Kasymaliev"),
        ("head_of_government", "TJ", "2024", "Kokhir Rasulzoda"),
        ("foreign_minister", "TJ", "2023", "Sirojiddin Muhriddin"),
        ("foreign_minister", "TM", "2024", "Rashid Meredov"),
        ("head_of_state", "IR", "2024-06", "Mohammad Mokhber"),
        ("foreign_minister", "IR", "2024-06", "Ali Bagheri Kani"),
        ("head_of_state", "PK", "2023", "Arif Alvi"),
        ("head_of_government", "PK", "2023-10", "Anwaar-ul-Haq Kakar"),
        ("foreign_minister", "PK", "2022-10", "Bilawal Bhutto Zardari"),
        ("foreign_minister", "PK", "2025", "Ishaq Dar"),
        ("head_of_government", "EG", "2023", "Mostafa Madbouly"),
        ("foreign_minister", "EG", "2023", "Sameh Shoukry"),
        ("foreign_minister", "EG", "2025", "Badr Abdelatty"),
        ("foreign_minister", "SA", "2024", "Faisal bin Farhan Al Saud"),
        ("head_of_government", "AE", "2023", "Mohammed bin Rashid Al Maktoum"),
        ("foreign_minister", "AE", "2023", "Abdullah bin Zayed Al Nahyan"),
        ("foreign_minister", "ID", "2023", "Retno Marsudi"),
        ("foreign_minister", "ID", "2025", "Sugiono"),
        ("head_of_government", "RS", "2023", "Ana Brnabić"),
        ("head_of_government", "RS", "2024-09", "Miloš Vučević"),
        ("foreign_minister", "RS", "2023", "Ivica Dačić"),
        ("foreign_minister", "RS", "2025", "Marko Đurić"),
        ("head_of_state", "HU", "2023", "Katalin Novák"),
        ("head_of_state", "HU", "2025", "Tamás Sulyok"),
        ("foreign_minister", "HU", "2025", "Péter Szijjártó"),
    ],
)
def test_partner_state_office_holders(
    gaz: Gazetteer, key: str, state: str, on: str, holder: str
) -> None:
    assert [e.name for e in gaz.holders(key, state, on)] == [holder]


def _actors(text: str, published: str) -> dict[str, Actor]:
    doc = load_nlp()(text)
    ctx = DocContext("t", text, published, doc_sentences(doc), doc, ents=tuple(doc.ents))
    return {a.name: a for a in extract_actors(ctx, default_gazetteer())}


def test_a_minister_only_the_dateline_places_takes_the_gazetteers_state() -> None:
    text = (
        "ISLAMABAD, April 4 - Foreign Minister Ishaq Dar said the new rail link to the Chinese "
        "border would open next year. Dar told reporters that China had agreed to fund it."
    )
    dar = _actors(text, "2024-04-04")["Ishaq Dar"]
    assert (dar.country, dar.role) == ("PK", "Minister of Foreign Affairs")
    assert "Dar" in dar.aliases


def test_an_unnamed_partner_minister_is_the_holder_on_the_date() -> None:
    text = "Egypt's foreign minister met Chinese officials in Beijing to discuss a loan."
    actors = _actors(text, "2025-06-10")
    assert "Egypt's foreign minister" in actors["Badr Abdelatty"].aliases


def test_partner_officials_in_russian_text_resolve_to_the_english_record() -> None:
    text = (
        "Министр иностранных дел Венгрии Петер Сийярто провел переговоры с Хаканом Фиданом. "
        "Сийярто заявил, что Будапешт и Анкара обсудили поставки газа."
    )
    actors = {a.name: a for a in extract_russian(text, "2025-05-20").actors}
    szijjarto, fidan = actors["Péter Szijjártó"], actors["Hakan Fidan"]
    assert (szijjarto.country, fidan.country) == ("HU", "TR")
    assert "Министр иностранных дел Венгрии" in szijjarto.aliases
    assert {"Hungary", "Turkey"} <= set(actors)
