"""Published gold in the layout and codes of the UCDP Georeferenced Event Dataset (GED).

One row per gold event, columns in :data:`eventline.export.columns.UCDP_COLUMNS` order.
The date interval maps directly (date_start, date_end, and date_prec from its length).
type_of_violence is set only when the sides make it clear: civilians targeted → 3
(one-sided); a government against an organised non-state group → 1 (state-based, the
government as side A); two organised non-state groups → 2. GED holds only events with at
least one death; this export keeps every event (filter on ``best >= 1`` for GED's scope).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from eventline.export import values as v
from eventline.export.codes import ExportCodes, export_codes, precision_for
from eventline.export.columns import UCDP_COLUMNS
from eventline.export.gold import PublishedGold
from eventline.export.sides import CIVILIANS, Side, Sides, event_sides

STATE_BASED, NON_STATE, ONE_SIDED = 1, 2, 3


def violence_type(sides: Sides, codes: ExportCodes) -> int | None:
    """UCDP's type_of_violence from the inter codes of the two sides, or None."""
    first, second = sides.first.inter, sides.second.inter
    if second == CIVILIANS:
        return ONE_SIDED
    pair = {first, second}
    if None in pair:
        return None
    if pair & codes.government_inter and pair & codes.non_state_inter:
        return STATE_BASED
    if first in codes.non_state_inter and second in codes.non_state_inter:
        return NON_STATE
    return None


def _where_prec(event: Mapping[str, Any], codes: ExportCodes) -> int | None:
    if "where_prec" in event:
        return v.integer(event.get("where_prec"))
    return codes.where_prec.get(v.text(event.get("location_precision")) or "")


def _deaths(event: Mapping[str, Any], kind: int | None, perpetrator_is_a: bool) -> dict[str, Any]:
    victims = v.integer(event.get("killed"))
    attackers = v.integer(event.get("assailants_killed"))
    return {
        "deaths_a": attackers if perpetrator_is_a else None,
        "deaths_b": None if perpetrator_is_a else attackers,
        "deaths_civilians": victims if kind == ONE_SIDED else None,
        "deaths_unknown": None if kind == ONE_SIDED else victims,
        "best": v.deaths(event),
        "high": v.deaths(event, "high"),
        "low": v.deaths(event, "low"),
    }


def _row(event: Mapping[str, Any], sides: Sides, codes: ExportCodes) -> dict[str, Any]:
    kind = violence_type(sides, codes)
    side_a, side_b = sides.first, sides.second
    # State-based conflict: side A is the government, whoever struck first.
    perpetrator_is_a = True
    if kind == STATE_BASED and side_a.inter not in codes.government_inter:
        side_a, side_b, perpetrator_is_a = side_b, side_a, False
    if kind == ONE_SIDED:
        side_b = Side("Civilians", (), CIVILIANS)
    lat, lon = v.number(event.get("latitude")), v.number(event.get("longitude"))
    days = v.interval_days(event)
    row: dict[str, Any] = dict.fromkeys(c.name for c in UCDP_COLUMNS)
    row |= {
        "id": event["event_id"],
        "relid": event["event_id"],
        "year": v.integer(event.get("year")),
        "type_of_violence": kind,
        "dyad_name": f"{side_a.actor} - {side_b.actor}" if side_a.actor and side_b.actor else None,
        "side_a": side_a.actor,
        "side_b": side_b.actor,
        "number_of_sources": len(v.listed(event.get("doc_ids"))) or None,
        "source_article": "; ".join(v.listed(event.get("source_names"))) or None,
        "where_prec": _where_prec(event, codes),
        "where_coordinates": v.text(event.get("location")),
        "where_description": v.text(event.get("location_text")),
        "adm_1": v.text(event.get("admin1")),
        "adm_2": v.text(event.get("admin2")),
        "latitude": lat,
        "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else None,
        "priogrid_gid": v.priogrid(lat, lon),
        "country": v.text(event.get("country")),
        "date_prec": precision_for(days, codes.date_prec_max_days) if days else None,
        "date_start": v.as_date(event.get("date_start")),
        "date_end": v.as_date(event.get("date_end")),
    }
    return row | _deaths(event, kind, perpetrator_is_a)


def ucdp_frame(gold: PublishedGold) -> pd.DataFrame:
    """Every gold event as a UCDP GED row (columns in GED's order)."""
    codes = export_codes()
    sides = event_sides(gold.events, gold.event_actors, gold.actors, codes)
    rows = [
        _row(event, sides[event["event_id"]], codes) for event in gold.events.to_dict("records")
    ]
    return pd.DataFrame(rows, columns=[c.name for c in UCDP_COLUMNS])
