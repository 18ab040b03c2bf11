"""The quality gate's expectations: what is checked on silver, gold and the run, and how badly
a failure counts.

Pure data (no Great Expectations import, no Prefect): every expectation is a GX 1.x
expectation type with its keyword arguments and a severity, ``critical`` (the run's data
must not be published) or ``warning`` (reported, the run goes on). Values only known at
run time are GX suite parameters (``{"$PARAMETER": name}``), filled by
``eventline.quality.gate.run_quality_checks``:

- ``known_until`` (datetime): the latest date the documents can know;
- ``silver_event_count`` (int): the distinct ``event_id`` of silver's event records, hence
  gold events (one per event; context records never reach gold);

Referential integrity (every link of ``event_actors`` names an event of ``events`` and an
actor of ``actors``) is a rule of whole tables: the gate computes it in one pass into two
columns of the frame GX checks, ``event_id_known`` and ``actor_id_known``. (As value sets
of every id, GX copied the ids for each metric it derives: most of the gate's time.)

The committed suites under ``schemas/gx/expectations/`` are generated from this module
(``python -m eventline.quality.suites``); ``tests/test_quality_gate.py`` checks they agree.
"""

from __future__ import annotations

import json
import sys
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from eventline.quality.verdicts import ROW_CONDITION
from eventline.silver.casualty_vocabulary import CATEGORIES, VICTIM_CATEGORIES
from schemas.silver import DATE_PRECISIONS, EVENT_TYPES, LOCATION_PRECISIONS, RECORD_CLASSES

GX_ROOT = Path(__file__).resolve().parents[2] / "schemas" / "gx"
GOLD_CONTRACT = Path(__file__).resolve().parents[2] / "schemas" / "gold_contract.yaml"
GX_VERSION = "1.24.1"
CRITICAL = "critical"
WARNING = "warning"
SUITE_PREFIX = "eventline_"
_ID_NAMESPACE = uuid.UUID("5f1c3c1e-7d0a-4d4e-9a43-2b3c0e6f9a10")

# Warning thresholds. The bundled sample sits at: 9.1 % imputed dates, 20 % unknown
# places, 23 % unclassified events, no quarantined record.
MAX_IMPUTED_DATE_SHARE = 0.15
MAX_UNKNOWN_LOCATION_SHARE = 0.35
MAX_UNCLASSIFIED_EVENT_SHARE = 0.40
MAX_QUARANTINED_SHARE = 0.05
MAX_UNRESOLVED_MENTIONS_PER_EVENT = 0.50

CASUALTY_KINDS = CATEGORIES
GOLD_RANGED_KINDS = VICTIM_CATEGORIES


# Expectations that judge each row by its own values: with no ``mostly`` share they run on
# the rows the gate marks for checking (eventline.quality.verdicts), the others on all rows.
ROW_LEVEL_TYPES = frozenset(
    {
        "expect_column_values_to_not_be_null",
        "expect_column_values_to_be_in_set",
        "expect_column_values_to_not_be_in_set",
        "expect_column_values_to_be_between",
        "expect_column_pair_values_a_to_be_greater_than_b",
        "expect_column_pair_values_to_be_equal",
    }
)


def _param(name: str) -> dict[str, str]:
    return {"$PARAMETER": name}


@dataclass(frozen=True)
class Check:
    """One expectation: a GX 1.x expectation type, its arguments, severity and meaning."""

    type: str
    kwargs: dict[str, Any]
    severity: str
    description: str

    @property
    def row_level(self) -> bool:
        """Judges each row alone (so a row that passed before passes again)."""
        return self.type in ROW_LEVEL_TYPES and "mostly" not in self.kwargs

    @property
    def gx_kwargs(self) -> dict[str, Any]:
        """The arguments GX receives: a row-level check reads only the rows to validate."""
        if not self.row_level:
            return dict(self.kwargs)
        return {**self.kwargs, "row_condition": dict(ROW_CONDITION)}

    @property
    def column(self) -> str | None:
        if "column" in self.kwargs:
            return str(self.kwargs["column"])
        if "column_A" in self.kwargs:
            return f"{self.kwargs['column_A']},{self.kwargs['column_B']}"
        if "column_list" in self.kwargs:
            return ",".join(self.kwargs["column_list"])
        return None


@dataclass(frozen=True)
class TableSuite:
    """The expectations of one table (one key of the frames the gate receives)."""

    table: str
    id_columns: tuple[str, ...]
    checks: tuple[Check, ...]
    # Scalar columns GX receives; list-valued ones (doc_ids, mentions, ...) never go.
    columns: tuple[str, ...] = field(default=())

    @property
    def suite_name(self) -> str:
        return f"{SUITE_PREFIX}{self.table}"


def _critical(type_: str, description: str, **kwargs: Any) -> Check:
    return Check(type_, kwargs, CRITICAL, description)


def _warning(type_: str, description: str, **kwargs: Any) -> Check:
    return Check(type_, kwargs, WARNING, description)


def _not_null(*columns: str) -> list[Check]:
    return [
        _critical("expect_column_values_to_not_be_null", f"{c} is never null", column=c)
        for c in columns
    ]


def _in_set(column: str, values: Iterable[str], what: str) -> Check:
    return _critical(
        "expect_column_values_to_be_in_set",
        f"{column} is one of the {what} (or null where nullable)",
        column=column,
        value_set=list(values),
    )


def _non_negative(columns: Iterable[str]) -> list[Check]:
    return [
        _critical(
            "expect_column_values_to_be_between", f"{c} is never negative", column=c, min_value=0
        )
        for c in columns
    ]


def _low_le_high(kinds: Iterable[str]) -> list[Check]:
    return [
        _critical(
            "expect_column_pair_values_a_to_be_greater_than_b",
            f"{kind}_low <= {kind}_high where both are stated",
            column_A=f"{kind}_high",
            column_B=f"{kind}_low",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        )
        for kind in kinds
    ]


def _dates(known_until: bool = True) -> list[Check]:
    checks = [
        *_not_null("date_start", "date_end"),
        _critical(
            "expect_column_pair_values_a_to_be_greater_than_b",
            "date_start <= date_end",
            column_A="date_end",
            column_B="date_start",
            or_equal=True,
        ),
    ]
    if known_until:
        checks.append(
            _critical(
                "expect_column_values_to_be_between",
                "date_end <= known_until (no date after what the documents can know)",
                column="date_end",
                max_value=_param("known_until"),
            )
        )
    return checks


def _unique_id(column: str) -> list[Check]:
    return [
        *_not_null(column),
        _critical("expect_column_values_to_be_unique", f"{column} is unique", column=column),
    ]


def gold_allowed(table: str, column: str) -> list[str]:
    """The closed set of values of a gold column, from the data contract."""
    contract = yaml.safe_load(GOLD_CONTRACT.read_text(encoding="utf-8"))
    for spec in contract["tables"][table]["columns"]:
        if spec["name"] == column:
            return list(spec["allowed"])
    raise KeyError(f"{table}.{column} has no allowed values in the gold contract")


def _casualty_columns(kinds: Iterable[str], with_assailants: bool) -> list[str]:
    columns = [f"{kind}{suffix}" for kind in kinds for suffix in ("", "_low", "_high")]
    return [*columns, "assailants_killed"] if with_assailants else columns


SILVER_CASUALTIES = [*_casualty_columns(CASUALTY_KINDS, with_assailants=False), "fatalities"]
GOLD_CASUALTIES = [*_casualty_columns(GOLD_RANGED_KINDS, with_assailants=True), "fatalities"]

SILVER_RECORDS = TableSuite(
    table="silver_records",
    id_columns=("record_id",),
    columns=(
        "record_id",
        "bronze_record_id",
        "date_start",
        "date_end",
        "date_precision",
        "date_imputed",
        "location_precision",
        "event_type",
        "record_class",
        "class_reason",
        *SILVER_CASUALTIES,
    ),
    checks=(
        *_unique_id("record_id"),
        *_not_null("bronze_record_id", "date_precision", "location_precision"),
        *_not_null("record_class", "class_reason"),
        _in_set("record_class", RECORD_CLASSES, "record classes (event, context)"),
        _in_set("date_precision", DATE_PRECISIONS, "date precisions"),
        _in_set("location_precision", LOCATION_PRECISIONS, "location precisions"),
        _in_set("event_type", EVENT_TYPES, "six ACLED event types"),
        *_dates(),
        *_non_negative(SILVER_CASUALTIES),
        *_low_le_high(CASUALTY_KINDS),
        _warning(
            "expect_column_values_to_be_in_set",
            f"at most {MAX_IMPUTED_DATE_SHARE:.0%} of records have an imputed date",
            column="date_imputed",
            value_set=[False],
            mostly=round(1 - MAX_IMPUTED_DATE_SHARE, 4),
        ),
        _warning(
            "expect_column_values_to_not_be_in_set",
            f"at most {MAX_UNKNOWN_LOCATION_SHARE:.0%} of records have no recognised place",
            column="location_precision",
            value_set=["unknown"],
            mostly=round(1 - MAX_UNKNOWN_LOCATION_SHARE, 4),
        ),
        _warning(
            "expect_column_values_to_not_be_null",
            f"at most {MAX_UNCLASSIFIED_EVENT_SHARE:.0%} of records have no ACLED event type",
            column="event_type",
            mostly=round(1 - MAX_UNCLASSIFIED_EVENT_SHARE, 4),
        ),
    ),
)

EVENTS = TableSuite(
    table="events",
    id_columns=("event_id",),
    columns=(
        "event_id",
        "year",
        "date_start",
        "date_end",
        "date_precision",
        "location_precision",
        "event_type",
        "record_class",
        "description",
        *GOLD_CASUALTIES,
    ),
    checks=(
        *_unique_id("event_id"),
        _critical(
            "expect_table_row_count_to_equal",
            "one event per silver event_id (conservation; context records are not events)",
            value=_param("silver_event_count"),
        ),
        _in_set("record_class", gold_allowed("events", "record_class"), "record classes"),
        *_not_null("date_precision", "location_precision", "description"),
        _in_set("date_precision", gold_allowed("events", "date_precision"), "date precisions"),
        _in_set(
            "location_precision",
            gold_allowed("events", "location_precision"),
            "location precisions",
        ),
        _in_set("event_type", gold_allowed("events", "event_type"), "six ACLED event types"),
        *_dates(),
        *_non_negative(GOLD_CASUALTIES),
        *_low_le_high(GOLD_RANGED_KINDS),
    ),
)

ACTORS = TableSuite(
    table="actors",
    id_columns=("actor_id",),
    columns=(
        "actor_id",
        "name",
        "actor_type",
        "inter_code",
        "event_count",
        "perpetrator_event_count",
    ),
    checks=(
        *_unique_id("actor_id"),
        *_not_null("name", "actor_type"),
        _in_set("actor_type", gold_allowed("actors", "actor_type"), "actor types"),
        _in_set("inter_code", gold_allowed("actors", "inter_code"), "ACLED inter codes"),
        *_non_negative(["event_count", "perpetrator_event_count"]),
    ),
)

EVENT_ACTORS = TableSuite(
    table="event_actors",
    id_columns=("event_id", "actor_id"),
    columns=(
        "event_id",
        "actor_id",
        "role",
        "certainty",
        "side",
        "inter_code",
        "event_id_known",
        "actor_id_known",
    ),
    checks=(
        *_not_null("event_id", "actor_id", "role"),
        _in_set("side", gold_allowed("event_actors", "side"), "ACLED sides"),
        _in_set("inter_code", gold_allowed("event_actors", "inter_code"), "ACLED inter codes"),
        _critical(
            "expect_compound_columns_to_be_unique",
            "one row per (event_id, actor_id, role)",
            column_list=["event_id", "actor_id", "role"],
        ),
        _in_set("role", gold_allowed("event_actors", "role"), "roles"),
        _in_set("certainty", gold_allowed("event_actors", "certainty"), "certainties"),
        _critical(
            "expect_column_values_to_be_in_set",
            "every link points at an event of events (referential integrity)",
            column="event_id_known",
            value_set=[True],
        ),
        _critical(
            "expect_column_values_to_be_in_set",
            "every link points at an actor of actors (referential integrity)",
            column="actor_id_known",
            value_set=[True],
        ),
    ),
)

# One row, built by the gate from the counts of the run (see quality_gate.run_metrics_frame).
RUN_METRICS = TableSuite(
    table="run_metrics",
    id_columns=("run",),
    columns=(
        "run",
        "bronze_records",
        "silver_records",
        "silver_bronze_records",
        "silver_quarantined",
        "silver_quarantined_only",
        "silver_context",
        "silver_duplicates",
        "accounted_records",
        "quarantined_share",
        "gold_events",
        "unresolved_actor_mentions",
        "unresolved_per_event",
    ),
    checks=(
        _critical(
            "expect_column_pair_values_to_be_equal",
            "bronze records told in silver + those only in quarantine == bronze records"
            " (conservation)",
            column_A="accounted_records",
            column_B="bronze_records",
        ),
        _warning(
            "expect_column_values_to_be_between",
            f"at most {MAX_QUARANTINED_SHARE:.0%} of bronze records are quarantined",
            column="quarantined_share",
            min_value=0,
            max_value=MAX_QUARANTINED_SHARE,
        ),
        _warning(
            "expect_column_values_to_be_between",
            f"at most {MAX_UNRESOLVED_MENTIONS_PER_EVENT} unresolved actor names per event",
            column="unresolved_per_event",
            min_value=0,
            max_value=MAX_UNRESOLVED_MENTIONS_PER_EVENT,
        ),
    ),
)

SUITES: tuple[TableSuite, ...] = (SILVER_RECORDS, EVENTS, ACTORS, EVENT_ACTORS, RUN_METRICS)
SUITES_BY_TABLE: dict[str, TableSuite] = {suite.table: suite for suite in SUITES}


def _stable_id(*parts: str) -> str:
    return str(uuid.uuid5(_ID_NAMESPACE, "\x1f".join(parts)))


def suite_document(suite: TableSuite) -> dict[str, Any]:
    """The suite as GX 1.x stores it (``expectations/<name>.json``), with stable ids."""
    expectations = []
    for check in suite.checks:
        key = json.dumps([check.type, check.kwargs], sort_keys=True)
        expectations.append(
            {
                "id": _stable_id(suite.suite_name, key),
                "type": check.type,
                "kwargs": check.gx_kwargs,
                "meta": {"description": check.description},
                "notes": f"{check.severity}: {check.description}",
                "severity": check.severity,
            }
        )
    return {
        "name": suite.suite_name,
        "id": _stable_id(suite.suite_name),
        "expectations": expectations,
        "meta": {
            "great_expectations_version": GX_VERSION,
            "generated_by": "python -m eventline.quality.suites",
            "id_columns": list(suite.id_columns),
        },
        "notes": f"eventline quality gate: {suite.table} (generated, do not edit by hand)",
    }


def render_suite(suite: TableSuite) -> str:
    return json.dumps(suite_document(suite), indent=2, ensure_ascii=False) + "\n"


def write_suites(gx_root: Path = GX_ROOT) -> list[Path]:
    """Write every suite's JSON under ``gx_root/expectations/``; return the paths."""
    directory = gx_root / "expectations"
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for suite in SUITES:
        path = directory / f"{suite.suite_name}.json"
        path.write_text(render_suite(suite), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_suites(Path(sys.argv[1]) if len(sys.argv) > 1 else GX_ROOT):
        print(written_path)
