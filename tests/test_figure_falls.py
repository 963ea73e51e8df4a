"""A fall told as a range runs from the larger fall to the smaller (the golds write "минус
5-7 процентов" as -7 to -5), and a Russian "от X до Y%" is one range."""

from __future__ import annotations

from tests.conftest import extract_text


def test_a_fall_told_as_a_range_runs_from_the_larger_fall() -> None:
    (figure,) = extract_text(
        "Analysts expect India-China trade to fall by 4-6% this year.", "2025-06-02"
    ).figures
    assert (figure.kind, figure.value, figure.value_max) == ("change", -6.0, -4.0)


def test_a_russian_range_from_to_is_one_figure() -> None:
    figures = extract_text(
        "Аналитики ожидают снижения товарооборота России и Индии в диапазоне от 4 до 6% по "
        "итогам года.",
        "2025-06-02",
    ).figures
    assert [(f.value, f.value_max) for f in figures] == [(-6.0, -4.0)]
