"""Fold changes and the periods around them, from a blind set's misses: a fold adverb after a
fall is a fall, "N times the level of <year>" is a change against that year (not a later
figure's period), "slipped" is down, and a period right after "year on year" is the change's
own. The texts are written for these tests, in English and in Russian."""

from __future__ import annotations

import pytest
from tests.conftest import extract_text

from bilat.records import Figure


def _changes(text: str, published: str) -> list[tuple[float, str | None]]:
    found: tuple[Figure, ...] = extract_text(text, published).figures
    return [(round(f.value, 1), f.period) for f in found if f.kind == "change"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a fold adverb after a fall, and "в N раза" after one
            "Поставки китайских грузовиков в Казахстан сократились почти вдвое. Экспорт "
            "казахстанской меди в Китай снизился в 1,5 раза, а импорт шин вырос в 1,2 раза.",
            [(-50.0, None), (-33.3, None), (20.0, None)],
        ),
        (  # "slipped" is down
            "Kazakhstan's exports to China slipped 7.5% to $12.1 billion in 2030.",
            [(-7.5, "2030")],
        ),
        (  # the period after "year on year" is the change's, not the one before "yet"
            "Trade between China and Kazakhstan grew from $31 billion in 2021 to $44 billion "
            "in 2030, yet it fell 3.2% year on year in January-May 2031.",
            [(-3.2, "2031-01..2031-05")],
        ),
    ],
)
def test_fold_changes_and_their_periods(text: str, expected: list[tuple[float, str]]) -> None:
    assert _changes(text, "2031-06-20") == expected


def test_times_the_level_of_a_year_is_a_change_against_it() -> None:
    text = (
        "Bilateral trade reached $41.2 billion in 2030, nearly five times the level of 2015, "
        "while Kazakhstan's exports to China were $15.3 billion."
    )
    found = extract_text(text, "2031-03-01").figures
    got = sorted((f.kind, round(f.value, 1), f.qualifier, f.period) for f in found)
    assert got == [
        ("amount", 15.3e9, "exact", "2030"),
        ("amount", 41.2e9, "exact", "2030"),
        ("change", 400.0, "at_most", "2030"),
    ]


def test_n_times_the_level_a_year_earlier_is_a_change() -> None:
    """'2.3 times the figure a year earlier' and '1.5 times the 2031 level' are changes of
    130% and 50% (GOLD.md: folds are changes in percent); 'three times the length of the old
    one' is no figure."""
    ext = extract_text(
        "Passenger crossings at Blagoveshchensk reached 120,000 in January-May, 2.3 times the "
        "figure a year earlier. Freight reached 32.4 million tonnes in 2032, 1.5 times the 2031 "
        "level. The new bridge is three times the length of the old one.",
        "2032-06-10",
    )
    changes = sorted(f.value for f in ext.figures if f.kind == "change")
    assert changes == [50.0, 130.0], ext.figures
