"""Places the language model tags as people: a name after "via" or "through the ... and",
or before a place's noun ("passes", "port", "calls"), is no person of the record. A person
the gazetteer knows, or one a letter comes from, stays. The texts are written for these
tests."""

from __future__ import annotations

from tests.conftest import extract_text


def _people(text: str) -> set[str]:
    return {a.name for a in extract_text(text, "2031-07-24").actors if a.type == "person"}


def test_a_pass_and_a_port_of_call_are_no_people() -> None:
    people = _people(
        "India and China reopened the border trade. Pilgrims crossed through the Shipki La "
        "and Nathu La passes, and containers went via Mundra Kandla to the Caspian."
    )
    assert not people & {"Nathu La", "Shipki La", "Mundra Kandla"}


def test_a_letter_from_a_person_keeps_the_person() -> None:
    people = _people(
        "India and China held talks. A letter from John Smith to Prime Minister Narendra Modi "
        "was read out."
    )
    assert {"John Smith", "Narendra Modi"} <= people


def test_a_person_who_calls_for_something_stays() -> None:
    people = _people("India and China held talks. John Smith calls for restraint on both sides.")
    assert "John Smith" in people
