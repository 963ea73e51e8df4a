"""The European Union as a side of a pair: it speaks for its members in trade (one tariff, its
own summits with China), so an EU-China page is about the pair China-EU, and the people who
act for it (the Commission's and the Council's presidents) count for the EU, not for the
state they come from."""

from __future__ import annotations

from tests.conftest import extract_text

from bilat.extract.gazetteer import default_gazetteer

SUMMIT = (
    "EU and China end summit with a climate pledge; Budapest plays its own game\n"
    "By a staff reporter | 24 July 2025\n\n"
    "BEIJING — European Commission President Ursula von der Leyen and European Council "
    "President António Costa met Chinese President Xi Jinping on Thursday, in a summit cut "
    "to one day at China's request. They later held talks with Premier Li Qiang.\n\n"
    "The European Union's deficit in goods trade with China reached €305.8 billion last "
    "year, the Commission said. The two sides adopted a joint statement on climate change.\n\n"
    "Hungary, which voted against the EU's duties on Chinese electric cars, is meanwhile "
    "courting Chinese investors: Prime Minister Viktor Orbán met Xi in Beijing last year, "
    "and Hungarian Foreign Minister Péter Szijjártó is due in Shanghai in November."
)


def test_an_eu_china_summit_is_the_pair_china_eu_and_keeps_its_meeting() -> None:
    x = extract_text(SUMMIT, "2025-07-24")
    assert set(x.pair) == {"CN", "EU"}
    summit = [e for e in x.events if "Ursula von der Leyen" in e.participants]
    assert [(e.mode, e.status, e.date) for e in summit] == [("meeting", "occurred", "2025-07-24")]
    assert {"Xi Jinping", "António Costa"} <= set(summit[0].participants)
    countries = {a.name: a.country for a in x.actors}
    assert countries["Ursula von der Leyen"] == "EU"  # acting for the EU, German by birth
    assert countries["Viktor Orbán"] == "HU"
    statement = [a for a in x.agreements if a.kind == "joint_statement"]
    assert [set(a.parties) for a in statement] == [{"China", "European Union"}]


def test_the_eu_named_once_in_a_russia_china_story_stays_an_actor() -> None:
    x = extract_text(
        "Gazprom can produce about 100 billion cubic meters at its fields, and more gas is free "
        "since supplies to the EU fell. Russia and China signed a gas deal in Beijing.",
        "2025-09-05",
    )
    assert x.pair == ("RU", "CN")
    assert "European Union" in {a.name for a in x.actors}


def test_the_union_is_a_side_by_its_code_and_a_state_is_not_a_union() -> None:
    gaz = default_gazetteer()
    eu = gaz.state("EU")
    assert (eu.name, eu.type, eu.country) == ("European Union", "organization", "EU")
    assert "HU" in eu.members
    assert gaz.union("EU") is eu
    assert gaz.union("CN") is None
    assert gaz.state("CN").name == "China"
