"""Bar charts of a report, laid out at build time for inline, accessible SVG.

A report's charts are few bars each (months, categories, halls): the geometry is
computed here, and ``templates/culture/_base/chart.html`` writes it as an ``<svg
role="img">`` with a ``<title>``, a ``<desc>`` that reads every figure, and a data
table beside it — the same markup on the web page and in the printed report.
Each label sits above its bar, so long English labels never collide with the bars
and the chart keeps its type size on a phone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

WIDTH = 360
"""The chart's width in SVG units: about a phone's width, so that 1 unit is about 1 px there."""
ROW = 40
"""The height of one labelled bar."""
BAR = 14
LABEL_SIZE = 14
VALUE_ROOM = 44
"""Room right of the longest bar for its figure."""


@dataclass(frozen=True)
class Bar:
    """One bar: its label, figure and place."""

    label: str
    value: int
    y: float
    """The top of the label line."""
    width: float
    """The bar's length in SVG units (0 for a zero)."""

    @property
    def bar_y(self) -> float:
        """The top of the bar, below its label."""
        return self.y + LABEL_SIZE + 4

    @property
    def text_y(self) -> float:
        """The baseline of the label."""
        return self.y + LABEL_SIZE

    @property
    def value_x(self) -> float:
        """Where the figure is written, right of the bar."""
        return self.width + 6

    @property
    def value_y(self) -> float:
        """The baseline of the figure, level with the bar."""
        return self.bar_y + BAR - 2


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart with its data table."""

    id: str
    """Unique on its page: ``chart-by-month``."""
    title: str
    label_head: str
    """The table's first column heading (月份 / Month)."""
    value_head: str
    """The table's second column heading (场次 / Activities)."""
    description: str
    """Every figure in words, for screen readers."""
    bars: tuple[Bar, ...]
    width: int = WIDTH
    bar_height: int = BAR
    font_size: int = LABEL_SIZE

    @property
    def height(self) -> int:
        """The chart's height in SVG units."""
        return max(len(self.bars), 1) * ROW + 4


def bar_chart(
    chart_id: str, title: str, rows: Iterable[tuple[str, int]], label_head: str, value_head: str, sep: str = "; "
) -> Chart:
    """Lay out ``rows`` (label, figure) as bars scaled to the largest figure."""
    rows = list(rows)
    top = max((value for _, value in rows), default=0)
    span = WIDTH - VALUE_ROOM
    bars = tuple(
        Bar(label, value, i * ROW, round(span * value / top, 1) if top else 0.0)
        for i, (label, value) in enumerate(rows)
    )
    described = sep.join(f"{label} {value}" for label, value in rows)
    return Chart(chart_id, title, label_head, value_head, f"{title}: {described}", bars)
