"""News outlets and agencies report the relationship, they are not actors in it (GOLD.md:
publishers are skipped; data/media.yaml): the partner states' agencies as well as the
Russian, Chinese and Western ones."""

from __future__ import annotations

from tests.conftest import extract_text


def test_partner_states_news_agencies_are_no_actors() -> None:
    result = extract_text(
        "Saudi Energy Minister Abdulaziz bin Salman held a video conference with Russian "
        "Deputy Prime Minister Alexander Novak on Monday, the Saudi Press Agency reported. "
        "Daily Sabah and Anadolu Agency also carried the report.",
        "2031-11-18",
    )
    names = {a.name for a in result.actors}
    assert not names & {"Saudi Press Agency", "Daily Sabah", "Anadolu Agency"}, names
    assert "Alexander Novak" in names
