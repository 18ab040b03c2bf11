"""Small value rules shared by the ACLED and UCDP exports: dates, deaths, places.

Every function returns None for "not known"; the writers turn None into an empty cell.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

import pandas as pd
from iso3166 import countries


def known(value: Any) -> bool:
    if value is None or value is pd.NA:
        return False
    try:
        return not pd.isna(value)
    except (TypeError, ValueError):
        return True


def text(value: Any) -> str | None:
    return str(value).strip() or None if known(value) else None


def integer(value: Any) -> int | None:
    return int(value) if known(value) else None


def number(value: Any) -> float | None:
    if not known(value):
        return None
    result = float(value)
    return None if math.isnan(result) else result


def as_date(value: Any) -> date | None:
    if not known(value):
        return None
    if isinstance(value, date):
        return value
    return pd.Timestamp(value).date()


def interval_days(event: Mapping[str, Any]) -> int | None:
    """Days in date_start..date_end, both included (1 = one known day)."""
    start, end = as_date(event.get("date_start")), as_date(event.get("date_end"))
    if start is None or end is None:
        return None
    return (end - start).days + 1


def middle_day(event: Mapping[str, Any]) -> date | None:
    """The middle day of the interval (the earlier of two middle days)."""
    start, end = as_date(event.get("date_start")), as_date(event.get("date_end"))
    if start is None or end is None:
        return None
    return start + timedelta(days=(end - start).days // 2)


def listed(value: Any) -> list[str]:
    """A list cell (list, numpy array or None) as strings."""
    if value is None or isinstance(value, str) or not hasattr(value, "__iter__"):
        return [value] if isinstance(value, str) and value else []
    return [str(item) for item in value if known(item) and str(item)]


def deaths(event: Mapping[str, Any], bound: str = "") -> int | None:
    """killed (or its bound) + assailants_killed, over the stated figures; None if neither.

    ``bound`` is ``""`` (the best figure), ``"low"`` or ``"high"``; a missing bound falls
    back to the best figure. Gold's ``fatalities`` column, when present, is the best figure.
    """
    if not bound and "fatalities" in event and known(event.get("fatalities")):
        return int(event["fatalities"])
    killed = integer(event.get(f"killed_{bound}")) if bound else None
    if killed is None:
        killed = integer(event.get("killed"))
    attackers = integer(event.get("assailants_killed"))
    if killed is None and attackers is None:
        return None
    return (killed or 0) + (attackers or 0)


def iso_numeric(event: Mapping[str, Any]) -> int | None:
    """ISO 3166-1 numeric code of ``country_code`` (alpha-3), else of the country's name."""
    for key in ("country_code", "country"):
        name = text(event.get(key))
        if not name:
            continue
        try:
            return int(countries.get(name).numeric)
        except (KeyError, ValueError):
            continue
    return None


def priogrid(latitude: float | None, longitude: float | None) -> int | None:
    """The PRIO-GRID cell (0.5 degree) of a point: 1 at the south-west corner."""
    if latitude is None or longitude is None:
        return None
    row = min(math.floor((latitude + 90.0) * 2), 359)
    col = min(math.floor((longitude + 180.0) * 2), 719)
    return 1 + col + 720 * row
