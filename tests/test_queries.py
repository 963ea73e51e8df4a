"""Date filters shared by the CLI timeline and the API's event list."""

from __future__ import annotations

import pytest

from bilat.queries import in_range


@pytest.mark.parametrize(
    ("date", "since", "until", "expected"),
    [
        ("2024", "2024-03", None, True),  # a year overlaps a later month of that year
        ("2024-02", "2024-03", None, False),
        ("2024-05-09", None, "2024-05", True),
        ("2024-06", None, "2024-05", False),
        (None, "2024", None, False),  # undated events only when the range is open
        (None, None, None, True),
    ],
)
def test_partial_dates_overlap_partial_bounds(
    date: str | None, since: str | None, until: str | None, expected: bool
) -> None:
    assert in_range(date, since, until) is expected
