"""An official named by office alone, of no state the text or the gazetteer tells, is the
other side's in a report on Russia or China and another state (bilat.extract.home_side);
not a name that looks Chinese or Russian, and not when the pair is Russia and China."""

from __future__ import annotations

from tests.conftest import extract_text


def _countries(text: str) -> dict[str, str | None]:
    result = extract_text(text, "2031-11-18")
    return {a.name: a.country for a in result.actors if a.type == "person"}


def test_an_official_by_office_alone_is_the_other_sides() -> None:
    text = (
        "Brazil and Russia discussed fertiliser supplies. Mines and Energy Minister Alexandre "
        "Silveira held a video conference with Russian Energy Minister Sergei Tsivilev on "
        "Monday."
    )
    assert _countries(text)["Alexandre Silveira"] == "BR"
    (video,) = extract_text(text, "2031-11-18").events
    assert video.participants == ("Alexandre Silveira", "Sergei Tsivilev")


def test_a_chinese_looking_name_or_a_russia_china_report_places_no_one() -> None:
    assert (
        _countries(
            "Brazil and China discussed soybean exports. Vice Minister Ling Zhaoyang met the "
            "delegation in Brasilia on Monday."
        ).get("Ling Zhaoyang")
        is None
    )
    assert (
        _countries(
            "Russia and China discussed grain exports. Deputy Minister Anatoly Kutsenko met the "
            "delegation in Harbin on Monday."
        ).get("Anatoly Kutsenko")
        is None
    )
