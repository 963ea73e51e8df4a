"""Parliamentary diplomacy: a committee named after its chamber is a body of its own ("State
Duma Committee on CIS Affairs, ...", "NPC Foreign Affairs Committee"), and the contact is
between the committees; a chamber named once as the one that ratified or voted is an actor;
the chambers of partner states are known bodies with their states."""

from __future__ import annotations

from tests.conftest import extract_text


def test_committees_of_two_parliaments_hold_the_videoconference() -> None:
    ext = extract_text(
        "On Tuesday, members of the Mazhilis Committee on International Affairs, Defense and "
        "Security held a videoconference with colleagues from the State Duma Committee on "
        "Budget and Taxes.",
        "2024-06-05",
    )
    bodies = {a.name: a.country for a in ext.actors}
    assert bodies == {
        "Mazhilis Committee on International Affairs, Defense and Security": "KZ",
        "State Duma Committee on Budget and Taxes": "RU",
    }
    (video,) = ext.events
    assert (video.mode, video.date) == ("video", "2024-06-04")
    assert set(video.participants) == set(bodies)


def test_a_name_after_the_committee_is_no_part_of_it() -> None:
    ext = extract_text(
        "Chairman of the State Duma Committee on International Affairs Leonid Slutsky met the "
        "head of the Vietnamese National Assembly's foreign affairs committee in Hanoi on "
        "Monday.",
        "2025-03-18",
    )
    assert "Leonid Slutsky" in {a.name for a in ext.actors}
    assert not any("Slutsky" in a.name and a.type == "organization" for a in ext.actors)


def test_chambers_that_ratified_are_actors_though_named_once() -> None:
    ext = extract_text(
        "The agreement was signed in Astana in November. The Russian side completed its "
        "procedures in March, when the State Duma and the Federation Council ratified the "
        "document, and the Serbian National Assembly passed a similar law in April.",
        "2024-06-05",
    )
    bodies = {a.name: a.country for a in ext.actors if a.type == "organization"}
    assert bodies == {
        "State Duma": "RU",
        "Federation Council": "RU",
        "National Assembly of Serbia": "RS",
    }
