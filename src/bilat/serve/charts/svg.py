"""A chart's marks as SVG markup, written in Python: a figures page draws hundreds of marks
twice (wide and narrow), and a Jinja macro per mark took most of the page's time.

    points_svg(points, interactive, titles)   the `<g class="claim">` of each `Point`

The markup is what the `chart_points` macro wrote (`templates/_macros.html` calls this);
every text and attribute value is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from .draw import Point

__all__ = ["points_svg"]


def _n(v: float) -> str:
    """A coordinate as Jinja printed it (`str` of the float or int)."""
    return str(v)


def _shape(p: Point, c: str) -> str:
    """The mark's band, range bar or arrow (nothing for an exact value)."""
    x, y = p.x, p.y
    if p.shape == "approx" and p.band:
        h = max(p.band[1] - p.band[0], 1)
        return (
            f'<rect class="band" x="{_n(x - 7)}" y="{_n(p.band[0])}" width="14" '
            f'height="{_n(h)}" fill="{c}"/>'
        )
    if p.shape == "range" and p.band:
        top, bottom = _n(p.band[0]), _n(p.band[1])
        return (
            f'<line class="bar" x1="{_n(x)}" x2="{_n(x)}" y1="{top}" y2="{bottom}" stroke="{c}"/>'
            f'<line class="bar" x1="{_n(x - 5)}" x2="{_n(x + 5)}" y1="{top}" y2="{top}" '
            f'stroke="{c}"/><line class="bar" x1="{_n(x - 5)}" x2="{_n(x + 5)}" y1="{bottom}" '
            f'y2="{bottom}" stroke="{c}"/>'
        )
    if p.shape in ("at_least", "at_most"):
        d = -1 if p.shape == "at_least" else 1
        return (
            f'<line class="arrow" x1="{_n(x)}" x2="{_n(x)}" y1="{_n(y)}" y2="{_n(y + d * 18)}" '
            f'stroke="{c}"/><path d="M{_n(x - 4)} {_n(y + d * 14)} L{_n(x)} {_n(y + d * 21)} '
            f'L{_n(x + 4)} {_n(y + d * 14)} Z" fill="{c}"/>'
        )
    return ""


def _point(p: Point, interactive: bool, titles: bool) -> str:
    c = escape(p.colour)
    classes = f"claim q-{escape(p.shape)}"
    classes += " in-conflict" if p.conflict else ""
    classes += " rejected" if p.rejected else ""
    parts = [f'<g class="{classes}" style="--c: {c}">']
    if titles:
        parts.append(f"<title>{escape(p.title)}</title>")
    if p.extent and p.extent[1] - p.extent[0] > 12:
        x0, x1 = _n(p.extent[0] + 1), _n(p.extent[1] - 1)
        parts.append(
            f'<line class="extent" x1="{x0}" x2="{x1}" y1="{_n(p.y)}" y2="{_n(p.y)}" stroke="{c}"/>'
        )
    parts.append(_shape(p, str(c)))
    parts.append(f'<circle class="pt" cx="{_n(p.x)}" cy="{_n(p.y)}" r="5" fill="{c}"/></g>')
    mark = "".join(parts)
    if interactive and p.href:
        return f'<a href="{escape(p.href)}" class="pt-link">{mark}</a>'
    return mark


def points_svg(points: Iterable[Point], interactive: bool, titles: bool) -> Markup:
    """Every mark of a panel or strip, one line each."""
    return Markup("\n".join(_point(p, interactive, titles) for p in points))
