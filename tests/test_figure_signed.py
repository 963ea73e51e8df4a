"""A percentage written with its sign ("+12%", "(−11,3%)", a table cell "-6.9%") or followed
by "year on year" / "г/г" is a change, signed as written; a hyphen inside a range or a span of
years is no sign."""

from __future__ import annotations

import pytest
from tests.conftest import extract_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mongolia's coal exports to China reached $4.1 billion in 2024, +17% y/y.", 17.0),
        ("Экспорт Монголии в КНР за 2024 год — $4,1 млрд (−3,2%).", -3.2),
        ("Вьетнам нарастил импорт из Индии до $3 млрд, +6,5% г/г.", 6.5),
        (
            "Kazakh grain shipments to China were 2.4 million tonnes in 2024, 9% year on year "
            "higher, the ministry said.",
            9.0,
        ),
        ("Table 2: Mongolia-China trade (US$ bn)\nYear Total Change\n2024 17.2 -4.4%", -4.4),
    ],
)
def test_a_signed_percentage_is_a_change(text: str, expected: float) -> None:
    percents = [f for f in extract_text(text, "2025-03-01").figures if f.unit == "percent"]
    assert [(f.kind, f.value) for f in percents] == [("change", expected)]


def test_a_hyphen_in_a_range_is_no_sign() -> None:
    (figure,) = [
        f
        for f in extract_text(
            "Tariffs of 5-10% apply to Mongolian wool in China.", "2025-03-01"
        ).figures
        if f.unit == "percent"
    ]
    assert (figure.kind, figure.value, figure.value_max) == ("amount", 5.0, 10.0)
