"""An ambassador is the envoy of one state to another: "the Russian ambassador" names the
ambassador to the other side of the article's pair, "Russian Ambassador to Iran X" names X,
never the gazetteer's ambassador to China."""

from __future__ import annotations

import pytest
from tests.conftest import extract_text

from bilat.extract.gazetteer import Gazetteer, default_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def test_holders_by_the_state_an_envoy_is_posted_to(gaz: Gazetteer) -> None:
    to_china = [e.name for e in gaz.holders("ambassador", "US", "2025-06", host="CN")]
    to_russia = [e.name for e in gaz.holders("ambassador", "US", "2025-06", host="RU")]
    assert to_china == ["David Perdue"]
    assert to_russia == ["Lynne Tracy"]
    assert gaz.holders("ambassador", "RU", "2025-06", host="IN") == []


def _people(result: object) -> set[str]:
    return {a.name for a in result.actors if a.type == "person"}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            "Russian Ambassador to Iran Alexey Dedov met Iranian Deputy Foreign Minister "
            "Hadi Haghshenas in Tehran on Monday.",
            "Alexey Dedov",
        ),
        (
            "Посол России в Иране Алексей Дедов встретился в понедельник в Тегеране с "
            "заместителем министра иностранных дел Ирана.",
            "Alexei Dedov",  # a person the gazetteer lacks: the Latin letters of the name
        ),
    ],
)
def test_a_title_that_names_the_host_belongs_to_the_name_after_it(text: str, named: str) -> None:
    result = extract_text(text, "2025-03-03")
    assert "Igor Morgulov" not in _people(result)
    (event,) = result.events
    assert named in event.participants
    assert "Igor Morgulov" not in event.participants
    person = next(a for a in result.actors if a.name == named)
    assert person.country == "RU"


def test_the_ambassador_of_a_side_is_the_envoy_to_the_other_side() -> None:
    to_china = extract_text(
        "The Russian ambassador met Chinese Deputy Foreign Minister Sun Weidong in Beijing "
        "on Monday to discuss trade between Russia and China.",
        "2025-03-03",
    )
    assert "Igor Morgulov" in _people(to_china)
    to_india = extract_text(
        "The Russian ambassador met Indian Foreign Secretary Vikram Misri in New Delhi on "
        "Monday to discuss trade between Russia and India.",
        "2025-03-03",
    )
    assert "Igor Morgulov" not in _people(to_india)


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        ("The Indian leader met Russian President Vladimir Putin in Moscow on Monday.",
         "Narendra Modi"),
        ("Индийский лидер передал приветствие президенту России Владимиру Путину.",
         "Narendra Modi"),
        ("The Chinese leader met Russian President Vladimir Putin in Moscow on Monday.",
         "Xi Jinping"),
    ],
)  # fmt: skip
def test_a_states_leader_is_who_leads_its_executive(text: str, leader: str) -> None:
    people = _people(extract_text(text, "2025-10-27"))
    assert leader in people
    assert "Droupadi Murmu" not in people
