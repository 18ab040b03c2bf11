"""The reviewed codes of the exports (``schemas/reference/export_codes.yaml``), validated.

Loaded once with :mod:`importlib.resources`; a missing key, an unknown event type or a
code outside its codebook's range fails loudly here rather than writing a wrong file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from eventline.gold.actors import ACTOR_TYPES
from schemas.silver import EVENT_TYPES, LOCATION_PRECISIONS

RESOURCE = ("schemas", "reference/export_codes.yaml")


@dataclass(frozen=True)
class ExportCodes:
    inter_labels: dict[int, str]
    actor_type_inter: dict[str, int]
    civilians_actor: str
    disorder_by_event_type: dict[str, str]
    disorder_by_sub_event_type: dict[str, str]
    time_precision_max_days: dict[int, int]
    geo_precision: dict[str, int]
    government_inter: frozenset[int]
    non_state_inter: frozenset[int]
    where_prec: dict[str, int]
    date_prec_max_days: dict[int, int]


def _precisions(table: dict[Any, Any], codes: range, what: str) -> dict[int, int]:
    out = {int(code): int(days) for code, days in table.items()}
    if not set(out) <= set(codes) or sorted(out.values()) != [out[c] for c in sorted(out)]:
        raise ValueError(f"export_codes.yaml: {what} must map codes {codes} to increasing days")
    return out


def _check(mapping: dict[str, Any], allowed: set[str], values: range, what: str) -> None:
    unknown = set(mapping) - allowed
    if unknown:
        raise ValueError(f"export_codes.yaml: {what}: unknown keys {sorted(unknown)}")
    wrong = {k: v for k, v in mapping.items() if int(v) not in values}
    if wrong:
        raise ValueError(f"export_codes.yaml: {what}: codes out of range {wrong}")


def parse(raw: dict[str, Any]) -> ExportCodes:
    """Validate the YAML document *raw* and return its codes."""
    acled, ucdp = raw["acled"], raw["ucdp"]
    labels = {int(k): str(v) for k, v in acled["inter_codes"].items()}
    if set(labels) != set(range(1, 9)):
        raise ValueError("export_codes.yaml: acled.inter_codes must be the codes 1-8")
    _check(acled["actor_type_inter"], set(ACTOR_TYPES), range(1, 9), "actor_type_inter")
    if set(acled["disorder_by_event_type"]) != set(EVENT_TYPES):
        raise ValueError("export_codes.yaml: disorder_by_event_type must cover every event type")
    locations = set(LOCATION_PRECISIONS)
    _check(acled["geo_precision_by_location_precision"], locations, range(1, 4), "geo_precision")
    _check(ucdp["where_prec_by_location_precision"], locations, range(1, 8), "where_prec")
    return ExportCodes(
        inter_labels=labels,
        actor_type_inter={str(k): int(v) for k, v in acled["actor_type_inter"].items()},
        civilians_actor=str(acled["civilians_actor"]),
        disorder_by_event_type=dict(acled["disorder_by_event_type"]),
        disorder_by_sub_event_type=dict(acled["disorder_by_sub_event_type"]),
        time_precision_max_days=_precisions(
            acled["time_precision_max_days"], range(1, 4), "time_precision_max_days"
        ),
        geo_precision={k: int(v) for k, v in acled["geo_precision_by_location_precision"].items()},
        government_inter=frozenset(int(c) for c in ucdp["government_inter"]),
        non_state_inter=frozenset(int(c) for c in ucdp["non_state_inter"]),
        where_prec={k: int(v) for k, v in ucdp["where_prec_by_location_precision"].items()},
        date_prec_max_days=_precisions(ucdp["date_prec_max_days"], range(1, 6), "date_prec"),
    )


@cache
def export_codes() -> ExportCodes:
    """The packaged codes, parsed and validated once."""
    package, name = RESOURCE
    text = files(package).joinpath(name).read_text(encoding="utf-8")
    return parse(yaml.safe_load(text))


def precision_for(days: int, max_days: dict[int, int]) -> int | None:
    """The finest code whose interval holds *days* days; None when none does."""
    for code in sorted(max_days):
        if days <= max_days[code]:
            return code
    return None
