"""Who acted and who was acted upon, per event, as ACLED's actor1/actor2 and UCDP's sides.

From gold ``event_actors``: side 1 is the perpetrators and claimants (a perpetrator before
a claimant; confirmed before claimed before suspected; then by name), side 2 the targets.
The first actor of a side is its main actor, the others its associated actors. An
actor's ACLED inter code is ``actors.inter_code`` when gold has it, else the code of its
``actor_type`` in ``export_codes.yaml``; no rule, no code. A "Violence against civilians"
event with no target gets civilians as side 2 (inter 7), by that event type's definition.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from eventline.export.codes import ExportCodes

CIVILIANS = 7
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
_ROLE_ORDER = {"perpetrator": 0, "claimant": 1}
_CERTAINTY_ORDER = {"confirmed": 0, "claimed": 1, "suspected": 2}


@dataclass(frozen=True)
class Side:
    """One side of an event: its main actor, the associated ones, the main one's code."""

    actor: str | None
    associated: tuple[str, ...]
    inter: int | None
    actor_type: str | None = None

    @property
    def assoc(self) -> str | None:
        return "; ".join(self.associated) or None


NOBODY = Side(None, (), None)


@dataclass(frozen=True)
class Sides:
    first: Side
    second: Side


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    text = str(value).strip()
    return text or None


def _inter(actor: Mapping[str, Any], codes: ExportCodes) -> int | None:
    explicit = actor.get("inter_code")
    if explicit is not None and not pd.isna(explicit):
        return int(explicit)
    return codes.actor_type_inter.get(_text(actor.get("actor_type")) or "")


def _side(
    rows: list[dict[str, Any]], actors: Mapping[str, dict[str, Any]], codes: ExportCodes
) -> Side:
    names: list[str] = []
    first: dict[str, Any] | None = None
    for row in rows:
        actor = actors.get(row["actor_id"], {})
        name = _text(actor.get("name")) or _text(row.get("mention_text")) or row["actor_id"]
        if name in names:
            continue
        names.append(name)
        first = first or actor
    if not names:
        return NOBODY
    return Side(
        names[0],
        tuple(names[1:]),
        _inter(first or {}, codes),
        _text((first or {}).get("actor_type")),
    )


def _order(row: Mapping[str, Any], names: Mapping[str, str]) -> tuple[int, int, str]:
    return (
        _ROLE_ORDER.get(str(row.get("role")), 9),
        _CERTAINTY_ORDER.get(str(row.get("certainty")), 9),
        names.get(str(row.get("actor_id")), str(row.get("actor_id"))),
    )


def event_sides(
    events: pd.DataFrame, event_actors: pd.DataFrame, actors: pd.DataFrame, codes: ExportCodes
) -> dict[str, Sides]:
    """Sides per event_id, for every event (:data:`NOBODY` where nobody is known)."""
    by_id = {str(a["actor_id"]): a for a in actors.to_dict("records")}
    names = {key: str(value.get("name") or key) for key, value in by_id.items()}
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for row in event_actors.to_dict("records"):
        role = str(row.get("role"))
        side = "first" if role in _ROLE_ORDER else "second" if role == "target" else None
        if side:
            grouped.setdefault(str(row["event_id"]), {}).setdefault(side, []).append(row)
    out: dict[str, Sides] = {}
    for event in events.to_dict("records"):
        event_id = str(event["event_id"])
        rows = grouped.get(event_id, {})
        first = _side(sorted(rows.get("first", []), key=lambda r: _order(r, names)), by_id, codes)
        targets = sorted(rows.get("second", []), key=lambda r: _order(r, names))
        second = _side(targets, by_id, codes)
        if _text(event.get("event_type")) == VIOLENCE_AGAINST_CIVILIANS:
            second = _civilian_target(second, _text(event.get("country")), codes)
        out[event_id] = Sides(first, second)
    return out


def _civilian_target(second: Side, country: str | None, codes: ExportCodes) -> Side:
    """Side 2 of a Violence-against-civilians event: its targets are civilians."""
    if second is NOBODY:
        return civilians(country, codes)
    if second.inter is None:  # a named person or group without a code: a civilian here
        return Side(second.actor, second.associated, CIVILIANS, second.actor_type)
    return second


def civilians(country: str | None, codes: ExportCodes) -> Side:
    """The civilians of *country* as a side (ACLED's "Civilians (Mali)")."""
    name = codes.civilians_actor.format(country=country) if country else "Civilians"
    return Side(name, (), CIVILIANS, "civilians")
