"""A state's ministry named by its remit ('India's commerce ministry', 'the Russian foreign
ministry', 'Turkey's Culture and Tourism Ministry') is a body of that state, its words
without the state a short name; not a ministry in a title ('Chinese Foreign Ministry
spokesperson X') and not an unknown remit ('Brazil's new ministry')."""

from __future__ import annotations

from tests.conftest import extract_text

from bilat.extract.gazetteer import default_gazetteer
from bilat.extract.organizations import _state_ministries


def test_a_states_ministry_by_its_remit_is_an_actor_of_that_state() -> None:
    result = extract_text(
        "Vietnam's trade ministry said exports to Russia rose 12%. Egypt's Culture and "
        "Tourism Ministry said 1.5 million Russian visitors came.",
        "2031-11-18",
    )
    bodies = {a.name: (a.country, a.aliases) for a in result.actors if a.type == "organization"}
    assert bodies["Vietnam's trade ministry"] == ("VN", ("trade ministry",))
    assert bodies["Culture and Tourism Ministry"][0] == "EG"


def test_no_ministry_in_a_title_or_of_an_unknown_remit() -> None:
    text = (
        "Chinese Foreign Ministry spokesperson Lin Jian said the talks went well. Brazil's new "
        "ministry opened. The Indian commerce ministry said so."
    )
    assert [m.name for m in _state_ministries(text, default_gazetteer())] == [
        "Indian commerce ministry"
    ]
