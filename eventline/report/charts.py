"""The geometry of the report's inline SVG charts: bars, ticks and labels, no markup.

Each chart is a :class:`Chart` of plain :class:`Shape` elements (tag, attributes, text,
tooltip); the ``svg`` macro of the templates turns it into SVG, escaping every value.
Keeping the arithmetic here and the markup in the templates lets tests read bar values
from the page (``data-label`` / ``data-value`` on each ``rect.bar``) and keeps the page
free of scripts: the charts are drawn by the browser from the page alone.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

WIDTH = 720


@dataclass(frozen=True)
class Shape:
    """One SVG element: ``<tag attrs>text<title>tooltip</title></tag>``."""

    tag: str
    attrs: dict[str, str]
    text: str = ""
    tooltip: str = ""
    children: tuple[Shape, ...] = ()


@dataclass(frozen=True)
class Chart:
    """An inline SVG figure; with no ``items`` it is shown as "No … to chart"."""

    chart_id: str
    title: str
    unit: str
    width: int
    height: int
    shapes: list[Shape]
    items: int  # bars or points drawn, read by tests as data-bars / data-points
    attrs: dict[str, str] = field(default_factory=dict)
    count_attr: str = "data-bars"


Bar = tuple[str, int, str]  # label, value, tooltip


def ticks(value: int) -> list[int]:
    """Integer axis ticks from 0 to a round number at or above *value*, at most 6 of them."""
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if math.ceil(max(value, 1) / step) <= 5:
                return list(range(0, step * math.ceil(max(value, 1) / step) + 1, step))
        magnitude *= 10


def fmt(value: float) -> str:
    """A coordinate with at most one decimal, without trailing zeros."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, text: str, cls: str, anchor: str = "") -> Shape:
    attrs = {"class": cls, "x": fmt(x), "y": fmt(y)}
    if anchor:
        attrs["text-anchor"] = anchor
    return Shape("text", attrs, text)


def _bar(x: float, y: float, w: float, h: float, label: str, value: int, tip: str) -> Shape:
    attrs = {"class": "bar", "x": fmt(x), "y": fmt(y), "width": fmt(w), "height": fmt(h)}
    attrs |= {"data-label": label, "data-value": str(value)}
    return Shape("rect", attrs, tooltip=tip)


def column_chart(
    chart_id: str,
    title: str,
    bars: Sequence[Bar],
    unit: str,
    *,
    extra: Mapping[str, str] | None = None,
) -> Chart:
    """Vertical bars (label, value, tooltip) on a zero-based integer axis."""
    height = 260
    left, right, top, bottom = 48, 12, 14, 40
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    axis = ticks(max((value for _, value, _ in bars), default=0))
    vmax = axis[-1]
    slot = plot_w / max(len(bars), 1)
    bar_w = max(min(slot * 0.72, 48), 1.0)
    label_every = max(1, math.ceil(len(bars) / 18))
    show_values = len(bars) <= 24
    shapes: list[Shape] = []
    for tick in axis:
        y = top + plot_h - plot_h * tick / vmax
        grid = {"class": "grid", "x1": str(left), "x2": str(WIDTH - right)}
        shapes.append(Shape("line", grid | {"y1": fmt(y), "y2": fmt(y)}))
        shapes.append(_text(left - 6, y + 4, f"{tick:,}", "tick", "end"))
    for index, (label, value, tip) in enumerate(bars):
        x = left + slot * index + (slot - bar_w) / 2
        h = plot_h * value / vmax
        y = top + plot_h - h
        shapes.append(_bar(x, y, bar_w, h, label, value, tip))
        if show_values and value:
            shapes.append(_text(x + bar_w / 2, y - 3, f"{value:,}", "value", "middle"))
        if index % label_every == 0:
            shapes.append(_text(x + bar_w / 2, height - bottom + 16, label, "label", "middle"))
    base = {"class": "axis", "x1": str(left), "x2": str(WIDTH - right)}
    shapes.append(Shape("line", base | {"y1": str(top + plot_h), "y2": str(top + plot_h)}))
    return Chart(chart_id, title, unit, WIDTH, height, shapes, len(bars), dict(extra or {}))


def row_chart(chart_id: str, title: str, bars: Sequence[Bar], unit: str) -> Chart:
    """Horizontal bars (label, value, tooltip), for long category names."""
    row_h, left, right, top = 26, 220, 60, 6
    height = top * 2 + row_h * max(len(bars), 1)
    plot_w = WIDTH - left - right
    vmax = max((value for _, value, _ in bars), default=0) or 1
    shapes: list[Shape] = []
    for index, (label, value, tip) in enumerate(bars):
        y = top + row_h * index
        w = plot_w * value / vmax
        middle = round(y + row_h / 2 + 4)
        shapes.append(_text(left - 8, middle, label, "label", "end"))
        shapes.append(_bar(left, y + 4, w, row_h - 8, label, value, tip))
        shapes.append(_text(left + w + 6, middle, f"{value:,}", "value"))
    return Chart(chart_id, title, unit, WIDTH, height, shapes, len(bars))
