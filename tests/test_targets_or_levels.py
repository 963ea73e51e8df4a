"""Numbers near a target's words that are levels, and targets only reported to be denied.

"passed the $100 billion mark for the first time in 2018" is a level reached (at least that
much), but "surpassed a $200 billion target the two sides had set" still names the target;
"to 25 train pairs by 2027, against 19 a day now" sets 25 and tells 19 as today's level;
"described as 'incorrect' reports that the sides had agreed to pull back 50,000 troops" sets
none. The texts are written for these tests."""

from __future__ import annotations

from tests.conftest import extract_text


def test_a_mark_passed_is_a_level_and_a_target_surpassed_a_target() -> None:
    found = extract_text(
        "Trade between Mongolia and China grew fast. It passed the $10 billion mark for the "
        "first time in 2021. Last year's $17 billion surpassed a $15 billion target the two "
        "sides had set for 2030.",
        "2031-01-20",
    )
    assert [(c.value, c.deadline) for c in found.commitments] == [(15e9, "2030")]
    assert (10e9, "2021", "at_least") in [(f.value, f.period, f.qualifier) for f in found.figures]


def test_a_level_told_against_a_target_is_todays() -> None:
    found = extract_text(
        "Mongolian and Chinese railways signed an agreement in May. Under it they committed to "
        "raising the daily handover to 12 train pairs by 2033, against 7 train pairs a day now.",
        "2031-11-18",
    )
    assert [c.value for c in found.commitments] == [12]
    assert [(f.value, f.per) for f in found.figures] == [(7, "day")]


def test_a_target_only_in_denied_reports_is_none() -> None:
    found = extract_text(
        "Mongolia and China held border talks on Wednesday. The Mongolian foreign ministry "
        'described as "false" reports that the two sides had agreed to cut tariffs to 5 '
        "percent by 2032.",
        "2031-07-24",
    )
    assert found.commitments == ()
