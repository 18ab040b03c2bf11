"""Published gold in the layout and codes of ACLED's current export (31 columns).

One row per gold event, columns in :data:`eventline.export.columns.ACLED_COLUMNS` order;
the codes come from ``schemas/reference/export_codes.yaml``. Dates are honest: a day is
time_precision 1; a few days or a week, 2; a month, 3 — each dated to the interval's
middle day (ACLED dates month-precise events to the month's mid-point) with the interval
in ``tags``; a longer interval has no ACLED code and leaves event_date empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from eventline.export import values as v
from eventline.export.codes import ExportCodes, export_codes, precision_for
from eventline.export.columns import ACLED_COLUMNS
from eventline.export.gold import PublishedGold
from eventline.export.sides import Side, event_sides

LABELS = "labels"
NUMERIC = "numeric"


def _date(event: Mapping[str, Any], codes: ExportCodes) -> tuple[Any, int | None, list[str]]:
    """(event_date, time_precision, tags) of one event."""
    days = v.interval_days(event)
    precision = precision_for(days, codes.time_precision_max_days) if days else None
    tags = []
    if days != 1:
        tags.append(
            f"date range={v.as_date(event.get('date_start'))}/{v.as_date(event.get('date_end'))}"
        )
    if event.get("date_imputed") is True:
        tags.append("date imputed")
    if precision is None:
        return None, None, tags
    day = v.as_date(event.get("date_start")) if precision == 1 else v.middle_day(event)
    return day, precision, tags


def _inter(code: int | None, style: str, codes: ExportCodes) -> Any:
    if code is None:
        return None
    return codes.inter_labels[code] if style == LABELS else code


def interaction(first: Side, second: Side, style: str, codes: ExportCodes) -> Any:
    """ACLED's interaction: both inter codes, lowest first; a sole actor alone."""
    if first.inter is None or (second.actor is not None and second.inter is None):
        return None
    if second.actor is None:
        return first.inter * 10 if style == NUMERIC else f"{codes.inter_labels[first.inter]} only"
    low, high = sorted((first.inter, second.inter or 0))
    if style == NUMERIC:
        return low * 10 + high
    return f"{codes.inter_labels[low]}-{codes.inter_labels[high]}"


def _disorder(event: Mapping[str, Any], codes: ExportCodes) -> str | None:
    sub = v.text(event.get("sub_event_type"))
    if sub and sub in codes.disorder_by_sub_event_type:
        return codes.disorder_by_sub_event_type[sub]
    return codes.disorder_by_event_type.get(v.text(event.get("event_type")) or "")


def _geo_precision(event: Mapping[str, Any], codes: ExportCodes) -> int | None:
    if "geo_precision" in event:
        return v.integer(event.get("geo_precision"))
    return codes.geo_precision.get(v.text(event.get("location_precision")) or "")


def _row(
    event: Mapping[str, Any], first: Side, second: Side, style: str, codes: ExportCodes
) -> dict[str, Any]:
    day, precision, tags = _date(event, codes)
    return {
        "event_id_cnty": event["event_id"],
        "event_date": day,
        "year": v.integer(event.get("year")),
        "time_precision": precision,
        "disorder_type": _disorder(event, codes),
        "event_type": v.text(event.get("event_type")),
        "sub_event_type": v.text(event.get("sub_event_type")),
        "actor1": first.actor,
        "assoc_actor_1": first.assoc,
        "inter1": _inter(first.inter, style, codes),
        "actor2": second.actor,
        "assoc_actor_2": second.assoc,
        "inter2": _inter(second.inter, style, codes),
        "interaction": interaction(first, second, style, codes),
        "civilian_targeting": "Civilian targeting" if second.inter == 7 else None,
        "iso": v.iso_numeric(event),
        "region": None,
        "country": v.text(event.get("country")),
        "admin1": v.text(event.get("admin1")),
        "admin2": v.text(event.get("admin2")),
        "admin3": None,
        "location": v.text(event.get("location")) or v.text(event.get("location_text")),
        "latitude": v.number(event.get("latitude")),
        "longitude": v.number(event.get("longitude")),
        "geo_precision": _geo_precision(event, codes),
        "source": "; ".join(v.listed(event.get("source_names"))) or None,
        "source_scale": None,
        "notes": v.text(event.get("description")),
        "fatalities": v.deaths(event),
        "tags": "; ".join(tags) or None,
        "timestamp": None,
    }


def acled_frame(gold: PublishedGold, inter_style: str = LABELS) -> pd.DataFrame:
    """Every gold event as an ACLED row (columns in ACLED's order)."""
    if inter_style not in (LABELS, NUMERIC):
        raise ValueError(f"inter codes as {LABELS!r} or {NUMERIC!r}, not {inter_style!r}")
    codes = export_codes()
    sides = event_sides(gold.events, gold.event_actors, gold.actors, codes)
    rows = [
        _row(
            event,
            sides[event["event_id"]].first,
            sides[event["event_id"]].second,
            inter_style,
            codes,
        )
        for event in gold.events.to_dict("records")
    ]
    return pd.DataFrame(rows, columns=[c.name for c in ACLED_COLUMNS])
