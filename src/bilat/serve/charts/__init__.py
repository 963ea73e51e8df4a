"""Figure charts as geometry for the inline-SVG macro (`templates/_macros.html`): no scripts,
no chart library, nothing loaded from the network.

    scales.py    value ticks, the time axis, a period's cadence (annual, part, monthly, years)
    draw.py      one chart at one width: a panel per cadence, the undated strip
    headline.py  "2024: $244.8 bn (Chinese customs) vs $228 bn (Russian customs)"
    build.py     claims -> one chart per quantity, dots coloured by outlet
"""

from __future__ import annotations

from .build import PALETTE, Chart, chart_key, figure_charts, outlet_colours
from .headline import Headline, headline
from .scales import nice_ticks

__all__ = [
    "PALETTE",
    "Chart",
    "Headline",
    "chart_key",
    "figure_charts",
    "headline",
    "nice_ticks",
    "outlet_colours",
]
