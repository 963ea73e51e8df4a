"""Figure charts (serve/charts): a real time axis, one panel per cadence, the undated strip,
levels/changes/shares apart, outlet colours and the headline. Claims are built in the shape
`queries.figures` returns; the headline with conflicts is checked on the extracted corpus."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup

from bilat.serve import queries
from bilat.serve.charts import chart_key, figure_charts
from bilat.serve.charts.build import UNKNOWN
from bilat.serve.charts.draw import NARROW, WIDE, Point
from bilat.serve.charts.headline import latest_period
from bilat.serve.charts.scales import TimeScale, cadence, span_of
from bilat.serve.charts.svg import points_svg
from bilat.store import Store

_IDS = itertools.count(1)
UNREVIEWED = {"state": "unreviewed", "author": None, "at": None, "edits": {}}


def claim(period: str | None, value: float, outlet: str | None, **extra: Any) -> dict[str, Any]:
    n = next(_IDS)
    return {
        "id": n,
        "ref": f"figures-{n}",
        "doc_id": n,
        "doc": f"file_{n}.txt",
        "published": "2025-09-01",
        "outlet": outlet,
        "measure": "trade_turnover",
        "flow": "RU<->CN",
        "unit": "USD",
        "kind": "amount",
        "per": None,
        "period": period,
        "value": value,
        "value_max": None,
        "qualifier": "exact",
        "review": dict(UNREVIEWED),
        "evidence": {"start": 0, "end": 5, "quote": f"quote {n}"},
        "conflict": None,
        **extra,
    }


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("2024", "annual"),
        ("2025-H1", "part"),
        ("2025-Q3", "part"),
        ("2025-01..2025-07", "part"),
        ("2024-12..2024-12", "monthly"),
        ("2025-03", "monthly"),
        ("2022..2025", "years"),
    ],
)
def test_a_period_has_a_cadence(period: str, expected: str) -> None:
    span = span_of(period)
    assert span is not None and cadence(span) == expected


@pytest.fixture
def turnover() -> list[dict[str, Any]]:
    return [
        claim("2023", 240.1e9, "Interfax"),
        claim("2024", 244.8e9, "Interfax"),
        claim("2024", 244.8e9, "TASS"),
        claim("2025-01..2025-07", 125.1e9, None),
        claim("2024-12..2024-12", 21.6e9, "Interfax"),
        claim(None, 200e9, "Kremlin"),
    ]


def test_annual_partial_and_monthly_values_are_panels_on_one_time_axis(
    turnover: list[dict[str, Any]],
) -> None:
    (chart,) = figure_charts(turnover)
    lay = chart.wide
    assert [p.series for p in lay.panels] == ["annual", "part", "monthly"]
    assert chart.series == ("Annual totals", "Part of a year", "Monthly", "No period stated")
    annual, part, monthly = lay.panels
    time = TimeScale(date(2023, 1, 1), date(2026, 1, 1), annual.left, annual.right)
    assert [label for _, _, label in lay.years] == ["2023", "2024", "2025"]
    # each dot in the middle of its period, its extent the days the period covers
    assert {p.extent for p in annual.points} >= {
        (time.x(date(2024, 1, 1)), time.x(date(2024, 12, 31)))
    }
    (jan_jul,) = part.points
    assert jan_jul.extent == (time.x(date(2025, 1, 1)), time.x(date(2025, 7, 31)))
    assert jan_jul.x == pytest.approx(time.x(date(2025, 4, 16)), abs=1)
    (december,) = monthly.points
    assert time.x(date(2024, 12, 1)) <= december.x <= time.x(date(2025, 1, 1))
    # each panel its own scale: a month's $21.6 bn is not squeezed onto the yearly scale
    assert monthly.yticks[0][1] == "$0" and monthly.yticks[-1][1] in ("$25 bn", "$30 bn")
    assert annual.yticks[-1][1] in ("$250 bn", "$300 bn")
    assert december.y < (monthly.top + monthly.bottom) / 2
    # panels stack without overlapping
    assert annual.bottom < part.top and part.bottom < monthly.top < monthly.bottom <= lay.axis


def test_claims_without_a_period_stand_in_a_strip_beside_the_axis(
    turnover: list[dict[str, Any]],
) -> None:
    (chart,) = figure_charts(turnover)
    for lay, g in ((chart.wide, WIDE), (chart.narrow, NARROW)):
        strip = lay.strip
        assert strip is not None and len(strip.points) == 1
        assert strip.left > max(p.right for p in lay.panels)
        assert strip.right <= g.width and strip.points[0].extent is None
        dated = [pt for p in lay.panels for pt in p.points]
        assert all(pt.x < strip.left for pt in dated) and len(dated) == 5
        assert all(0 <= pt.x <= g.width for pt in [*dated, *strip.points])


def test_only_undated_claims_fill_the_width_with_no_time_axis() -> None:
    (chart,) = figure_charts([claim(None, 5e9, "TASS"), claim(None, 7e9, "TASS")])
    assert chart.wide.panels == () and chart.wide.years == ()
    assert chart.wide.strip is not None and chart.wide.strip.left == WIDE.left
    assert chart.headline is None


def test_levels_changes_and_shares_are_separate_charts() -> None:
    claims = [
        claim("2024", 244.8e9, "Interfax"),
        claim("2023", 240.1e9, "Interfax"),
        claim("2024", 1.9, "Interfax", unit="percent", kind="change"),
        claim("2023", 26.3, "Interfax", unit="percent", kind="change"),
        claim("2024", 95.0, "TASS", unit="percent", kind="share"),
    ]
    charts = figure_charts(claims)
    assert sorted(c.subtitle.split(" · ")[0] for c in charts) == ["change", "level", "share"]
    assert sorted(c.claims for c in charts) == [1, 2, 2]
    change = next(c for c in charts if c.subtitle.startswith("change"))
    assert change.headline is not None and change.headline.text == "2024: 1.9% (per Interfax)"


def test_dots_are_coloured_by_outlet_never_by_file(turnover: list[dict[str, Any]]) -> None:
    (chart,) = figure_charts(turnover)
    points = [pt for p in chart.wide.panels for pt in p.points]
    by_outlet: dict[str | None, set[str]] = {}
    for f, pt in zip(sorted(turnover[:5], key=_drawn_order), points, strict=True):
        by_outlet.setdefault(f["outlet"], set()).add(pt.colour)
    assert all(len(colours) == 1 for colours in by_outlet.values())
    assert by_outlet["Interfax"] != by_outlet["TASS"]
    assert by_outlet[None] == {UNKNOWN[1]}
    legend = [name for _, name in chart.legend]
    assert set(legend) == {"Interfax", "TASS", "Kremlin", "outlet unknown"}
    assert not any(name.endswith(".txt") for name in legend)


def _drawn_order(f: dict[str, Any]) -> tuple[int, Any, str]:
    """Panels in cadence order, then periods by their days, as `draw` lays them out."""
    span = span_of(f["period"])
    assert span is not None
    order = ["annual", "part", "monthly", "years"].index(cadence(span))
    return order, span, f["published"]


def test_headline_without_a_conflict_names_the_outlets() -> None:
    claims = [claim("2023", 240.1e9, "Interfax"), claim("2024", 244.8e9, "TASS")]
    claims.append(claim("2025-H1", 106.5e9, "TASS", source_data="Chinese customs"))
    (chart,) = figure_charts(claims)
    assert chart.headline is not None
    assert chart.headline.text == "2024: $244.8 bn (per TASS)"  # the latest YEAR, not H1
    assert chart.headline.conflict is None


def test_headline_of_a_conflict_names_each_side_by_its_data_source(filled_store: Store) -> None:
    corpus = filled_store.for_pair("CN-RU")
    figs, conflicts = queries.figures(corpus), queries.conflicts(corpus)
    charts = figure_charts(figs, conflicts, min_claims=2)
    level = next(c for c in charts if c.key == "trade_turnover|RU<->CN|USD|amount|")
    assert level.headline is not None and level.headline.conflict is not None
    text = level.headline.text
    assert text.startswith("2024: $244.8 bn (China Customs")
    assert text.endswith(" vs $228 bn (Russian customs)")
    assert level.headline.conflict["id"] in {c["id"] for c in conflicts}
    strip = level.wide.strip.points if level.wide.strip else ()
    drawn = sum(len(p.points) for p in level.wide.panels) + len(strip)
    assert drawn == level.claims == sum(chart_key(f) == level.key for f in figs)


def test_report_css_and_dashboard_css_share_the_chart_rules() -> None:
    from bilat.serve.report import _css

    charts_css = Path(__file__).parents[1] / "src/bilat/serve/static/charts.css"
    assert ".chart-svg.narrow" in charts_css.read_text() and ".chart-svg.narrow" in _css()


def test_a_year_with_only_a_bound_does_not_head_the_chart() -> None:
    """'may fall below $200 bn by the end of the year' is a bound, not what the year was:
    the headline stays on the latest year with a value."""
    claims = [
        {"period": "2024", "qualifier": "exact"},
        {"period": "2025", "qualifier": "at_most"},
    ]
    assert latest_period(claims) == "2024"
    assert latest_period([{"period": "2025", "qualifier": "at_most"}]) == "2025"


def test_marks_are_written_escaped_one_element_per_shape() -> None:
    """`charts.svg` writes each mark as the page shows it: a link (when interactive), the
    tooltip (wide drawing only), the period's extent, the shape's band, bar or arrow, the dot;
    text and attributes escaped."""

    def point(shape: str, band: tuple[float, float] | None, **kw: Any) -> Point:
        base = dict(extent=(10.0, 40.0), conflict=False, rejected=False, href="/documents/1#f-1")
        return Point(20.0, 50.0, "#1f5f8b", shape, band, **{**base, **kw}, title='a <b> & "q"')

    marks = [
        point("exact", None),
        point("approx", (45.0, 55.0), conflict=True),
        point("range", (30.0, 70.0), rejected=True),
        point("at_least", None, extent=None),
        point("at_most", None, href=None),
    ]
    out = points_svg(marks, True, True)
    assert isinstance(out, Markup)
    lines = str(out).split("\n")
    assert len(lines) == 5 and all(line.count('<circle class="pt"') == 1 for line in lines)
    assert [line.startswith('<a href="/documents/1#f-1"') for line in lines] == [1, 1, 1, 1, 0]
    assert "<title>a &lt;b&gt; &amp; &#34;q&#34;</title>" in lines[0]
    assert '<line class="extent" x1="11.0" x2="39.0"' in lines[0]
    assert '<rect class="band" x="13.0" y="45.0" width="14" height="10.0"' in lines[1]
    assert 'class="claim q-approx in-conflict"' in lines[1]
    assert lines[2].count('<line class="bar"') == 3 and "q-range rejected" in lines[2]
    assert '<path d="M16.0 36.0 L20.0 29.0 L24.0 36.0 Z"' in lines[3]
    assert "extent" not in lines[3]
    assert '<path d="M16.0 64.0 L20.0 71.0 L24.0 64.0 Z"' in lines[4]
    assert "<title>" not in str(points_svg(marks, False, False))
    assert "<a " not in str(points_svg(marks, False, True))
