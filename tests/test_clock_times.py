"""A number before a time zone or clock word is a time of day, no figure: a live blog's
"14.15 GMT Xi and Putin sign two statements", "at 10 a.m. (0200 GMT)"."""

from __future__ import annotations

from tests.conftest import extract_text


def test_times_of_day_are_no_figures() -> None:
    text = (
        "09.40 GMT Lula arrives at the Great Hall of the People\n\n"
        "The welcome ceremony starts at 10 a.m. (0200 GMT), followed by talks.\n\n"
        "12.05 GMT Lula and Xi sign 20 agreements, Brazil's trade with China hit $160 billion."
    )
    values = sorted(f.value for f in extract_text(text, "2025-05-13").figures)
    assert values == [20.0, 160e9]
