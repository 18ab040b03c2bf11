"""The quality gate: run the Great Expectations suites on silver, gold and the run's counts.

No Prefect here; Great Expectations (5–8 s to import) is imported inside
``run_quality_checks`` only. The GX project (``schemas/gx/``: great_expectations.yml and
the expectation suites generated from ``eventline.quality.suites``) is read-only: each
call copies it into a temporary directory, wires an in-memory data source there (one
dataframe asset per table, named after its layer: ``silver_records``, ``gold_events``...),
runs each table's validation definition under the run's name and builds the Data Docs site
once, into *docs_dir*, with the offline views of :mod:`eventline.quality.data_docs`. The
temporary directory (GX's ``uncommitted/`` validation store) is removed afterwards;
nothing is written to the repository.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from time import perf_counter
from typing import Any

import numpy as np
import pandas as pd

from eventline.quality.suites import (
    CRITICAL,
    GX_ROOT,
    SUITES,
    SUITES_BY_TABLE,
    WARNING,
    TableSuite,
)
from eventline.quality.verdicts import VALIDATE_COLUMN, RowSelection, select_rows

MAX_FAILING_IDS = 20
DATASOURCE = "eventline"
DOCS_VARIABLE = "eventline_data_docs_dir"
DOCS_SITE = "local_site"
# What a Data Docs site build leaves in its folder; cleared before each build so the
# folder shows this run only.
_DOCS_ENTRIES = ("index.html", "validations", "expectations", "static")
_DATE_COLUMNS = ("date_start", "date_end")


@dataclass(frozen=True)
class ExpectationOutcome:
    """One expectation's result on one table."""

    table: str
    expectation: str
    column: str | None
    severity: str
    success: bool
    unexpected_count: int | None
    failing_ids: list[str]
    description: str = ""
    error: str | None = None
    row_level: bool = False  # read only the rows to validate (see eventline.quality.verdicts)


@dataclass(frozen=True)
class QualityReport:
    """Every expectation's outcome, and where the Data Docs of the run are."""

    outcomes: list[ExpectationOutcome]
    docs_index: Path | None
    seconds: float = 0.0
    metrics: dict[str, Any] = field(default_factory=dict)
    # Per table: rows, rows checked row by row this run, rows whose earlier verdict was reused.
    rows: dict[str, dict[str, int]] = field(default_factory=dict)
    # Per table: digests of the rows known to pass every row-level expectation (for next run).
    passed_rows: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    @property
    def critical_failures(self) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if not o.success and o.severity == CRITICAL]

    @property
    def warnings(self) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if not o.success and o.severity != CRITICAL]

    @property
    def passed(self) -> bool:
        """True when no critical expectation failed (warnings do not block)."""
        return not self.critical_failures

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "expectations": len(self.outcomes),
            "critical_failures": len(self.critical_failures),
            "warnings": len(self.warnings),
            "docs_index": str(self.docs_index) if self.docs_index else None,
            "seconds": self.seconds,
            "metrics": dict(self.metrics),
            "rows": {table: dict(counts) for table, counts in self.rows.items()},
            "failures": [asdict(o) for o in self.outcomes if not o.success],
            "outcomes": [asdict(o) for o in self.outcomes],
        }

    def format(self) -> str:
        """A few lines for the terminal: verdict, then every failure."""
        verdict = "passed" if self.passed else "FAILED"
        lines = [
            f"quality gate {verdict}: {len(self.outcomes)} expectations, "
            f"{len(self.critical_failures)} critical failures, {len(self.warnings)} warnings"
        ]
        if self.rows:
            validated = sum(c["validated"] for c in self.rows.values())
            reused = sum(c["reused"] for c in self.rows.values())
            lines.append(
                f"  rows validated row by row: {validated}; earlier verdicts reused: {reused}"
            )
        for o in [*self.critical_failures, *self.warnings]:
            ids = f" e.g. {', '.join(o.failing_ids[:5])}" if o.failing_ids else ""
            count = f" ({o.unexpected_count} rows)" if o.unexpected_count else ""
            lines.append(
                f"  {o.severity:<8} {o.table}: {o.description or o.expectation}{count}{ids}"
            )
        if self.docs_index:
            lines.append(f"  data docs {self.docs_index}")
        return "\n".join(lines)


def _bronze_told(
    frames: Mapping[str, pd.DataFrame], expected: Mapping[str, Any]
) -> tuple[int, int]:
    """(bronze records told in silver, bronze records told only by quarantine rows)."""
    silver = frames["silver_records"]
    told = set(silver["bronze_record_id"]) if "bronze_record_id" in silver.columns else None
    quarantine = frames.get("silver_quarantine")
    if told is None:
        return len(silver), int(expected.get("silver_quarantined", 0))
    if quarantine is not None and "bronze_record_id" in quarantine.columns:
        return len(told), len(set(quarantine["bronze_record_id"]) - told)
    return len(told), int(expected.get("silver_quarantined", 0))


def silver_event_count(silver: pd.DataFrame) -> int:
    """The gold events silver calls for: one per ``event_id`` of its event records."""
    if "record_class" not in silver.columns:
        return len(silver)
    return int(silver.loc[silver["record_class"] == "event", "event_id"].nunique())


def run_metrics_frame(
    frames: Mapping[str, pd.DataFrame], expected: Mapping[str, Any]
) -> pd.DataFrame:
    """The one-row frame of run-level counts that the ``run_metrics`` suite checks."""
    silver_frame = frames["silver_records"]
    silver = len(silver_frame)
    events = len(frames["events"])
    bronze = int(expected["bronze_records"])
    quarantined = int(expected.get("silver_quarantined", 0))
    told, quarantined_only = _bronze_told(frames, expected)
    context = (
        int((silver_frame["record_class"] == "context").sum())
        if "record_class" in silver_frame.columns
        else 0
    )
    duplicates = (
        int(silver_frame["duplicate_of"].notna().sum())
        if "duplicate_of" in silver_frame.columns
        else 0
    )
    if "unresolved_actor_mentions" in expected:
        unresolved = int(expected["unresolved_actor_mentions"])
    else:
        unresolved = len(frames.get("unresolved_actor_mentions", ()))
    return pd.DataFrame(
        [
            {
                "run": "run",
                "bronze_records": bronze,
                "silver_records": silver,
                "silver_bronze_records": told,
                "silver_quarantined": quarantined,
                "silver_quarantined_only": quarantined_only,
                "silver_context": context,
                "silver_duplicates": duplicates,
                "accounted_records": told + quarantined_only,
                "quarantined_share": quarantined_only / bronze if bronze else 0.0,
                "gold_events": events,
                "unresolved_actor_mentions": unresolved,
                "unresolved_per_event": unresolved / events if events else 0.0,
            }
        ]
    )


def scalar_frame(frame: pd.DataFrame, suite: TableSuite) -> pd.DataFrame:
    """The columns GX checks, in types it handles: dates as datetime64, counts as float.

    List-valued columns never go to GX. A column the suite needs but the frame lacks is
    left out, so its expectations fail (critical) rather than pass unnoticed.
    """
    columns = [c for c in suite.columns if c in frame.columns]
    out = frame.loc[:, columns].reset_index(drop=True).copy()
    for column in columns:
        values = out[column]
        if column in _DATE_COLUMNS:
            out[column] = pd.to_datetime(values, errors="coerce").astype("datetime64[ns]")
        elif pd.api.types.is_bool_dtype(values.dtype) and values.isna().any():
            out[column] = values.astype(object)
        elif pd.api.types.is_integer_dtype(values.dtype) or pd.api.types.is_float_dtype(
            values.dtype
        ):
            out[column] = pd.to_numeric(values, errors="coerce").astype("float64")
        elif values.dtype == object and column not in suite.id_columns:
            # Nullable integers that arrive as objects (None / int) become floats.
            numeric = pd.to_numeric(values, errors="coerce")
            if numeric.notna().sum() == values.notna().sum() and values.notna().any():
                out[column] = numeric.astype("float64")
    for column in suite.id_columns:
        if column in out.columns:
            out[column] = out[column].astype(object).where(out[column].notna(), None)
    return out


def with_references(
    links: pd.DataFrame, events: pd.DataFrame | None, actors: pd.DataFrame | None
) -> pd.DataFrame:
    """*links* with ``event_id_known`` and ``actor_id_known``: whether each link's event and
    actor are rows of *events* and *actors* (referential integrity, on the whole tables).
    A column it cannot compute is left out, so that its expectation fails."""
    out = links.copy()
    for column, table in (("event_id", events), ("actor_id", actors)):
        if column in links.columns and table is not None and column in table.columns:
            out[f"{column}_known"] = links[column].isin(set(table[column].dropna()))
    return out


def batch_name(table: str) -> str:
    """The batch (GX data asset) name of a checked table: its layer, then its name."""
    return table if table.startswith(("silver_", "run_")) else f"gold_{table}"


def _as_datetime(value: date | datetime | str) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    return datetime.combine(date.fromisoformat(str(value)), time())


def _failing_ids(
    result: Mapping[str, Any], frame: pd.DataFrame, id_columns: tuple[str, ...]
) -> list[str]:
    """The ids of the first failing rows, from GX's row positions in *frame*."""
    found: list[str] = []
    for position in result.get("partial_unexpected_index_list") or []:
        if not isinstance(position, int) or position not in frame.index:
            continue
        key = "/".join(str(frame.at[position, column]) for column in id_columns)
        if key not in found:
            found.append(key)
        if len(found) >= MAX_FAILING_IDS:
            break
    return found


def _clear_docs(docs_dir: Path) -> None:
    for name in _DOCS_ENTRIES:
        path = docs_dir / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def _outcomes(
    suite_results: Any, tables_by_suite: Mapping[str, str], frames: Mapping[str, pd.DataFrame]
) -> list[ExpectationOutcome]:
    outcomes = []
    for suite_result in suite_results:
        suite = SUITES_BY_TABLE[tables_by_suite[suite_result.suite_name]]
        for result in suite_result.results:
            config = result.expectation_config
            kwargs = config.kwargs
            column = kwargs.get("column")
            if column is None and "column_A" in kwargs:
                column = f"{kwargs['column_A']},{kwargs['column_B']}"
            elif column is None and "column_list" in kwargs:
                column = ",".join(kwargs["column_list"])
            info = result.exception_info or {}
            error = info.get("exception_message") if info.get("raised_exception") else None
            details = result.result or {}
            severity = getattr(config.severity, "value", config.severity) or CRITICAL
            outcomes.append(
                ExpectationOutcome(
                    table=suite.table,
                    expectation=config.type,
                    column=column,
                    severity=str(severity) if severity in (CRITICAL, WARNING) else CRITICAL,
                    success=bool(result.success),
                    unexpected_count=details.get("unexpected_count"),
                    failing_ids=_failing_ids(details, frames[suite.table], suite.id_columns),
                    description=(config.meta or {}).get("description", ""),
                    error=error,
                    row_level="row_condition" in kwargs and bool(kwargs["row_condition"]),
                )
            )
    order = {suite.table: index for index, suite in enumerate(SUITES)}
    return sorted(outcomes, key=lambda o: order[o.table])


def run_quality_checks(
    frames: Mapping[str, pd.DataFrame],
    expected: Mapping[str, Any],
    docs_dir: Path,
    run_name: str = "eventline",
    verdicts: Mapping[str, np.ndarray] | None = None,
) -> QualityReport:
    """Validate the run's tables with GX; write offline Data Docs to *docs_dir*.

    *frames*: ``silver_records``, ``events``, ``actors``, ``event_actors`` (the silver and
    gold frames as built; list-valued columns are dropped before GX sees them) and,
    optionally, ``unresolved_actor_mentions``.

    *expected*: ``known_until`` (date, required: no record may end after it);
    ``bronze_records`` (int, required: bronze bullets + dated sentences);
    ``silver_quarantined`` (int, default 0: quarantine rows); optionally
    ``unresolved_actor_mentions`` (int, default: rows of that frame, else 0) and
    ``silver_event_count`` (int, default: the distinct ``event_id`` of silver's event
    records) — the number of gold events expected. *frames* may hold the quarantine as
    ``silver_quarantine``. From these the gate builds the one-row ``run_metrics`` table
    (conservation: bronze records told in silver + those only in quarantine == bronze;
    quarantined share; unresolved actor names per event).

    *run_name* names the run in the Data Docs (the Prefect flow run's id in the flow).

    *verdicts*: per table, the digests of rows that passed every row-level expectation in
    an earlier run under the same suites and parameters (``report.passed_rows`` of that
    run): such rows are not checked row by row again; table-level expectations still read
    every row. ``report.rows`` says how many rows were checked and how many reused.

    Returns every expectation's outcome; ``report.passed`` is False on any critical
    failure. Offline: GX makes no network call with this configuration.
    """
    started = perf_counter()
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier

    class _IdValidationDefinition(gx.ValidationDefinition):
        """Reports the first failing rows' positions (the gate names them by their ids)."""

        def run(self, *, result_format: Any = None, **kwargs: Any) -> Any:
            return super().run(
                result_format={
                    # The first MAX_FAILING_IDS failing rows, by position (the gate names
                    # them by id; GX looked up every failing row's id cell by cell, and
                    # COMPLETE listed them all: most of the gate's time where a share fails).
                    "result_format": "SUMMARY",
                    "partial_unexpected_count": MAX_FAILING_IDS,
                    "return_unexpected_index_query": False,
                },
                **kwargs,
            )

    docs_dir = Path(docs_dir).resolve()
    docs_dir.mkdir(parents=True, exist_ok=True)
    _clear_docs(docs_dir)
    all_frames = dict(frames)
    all_frames["run_metrics"] = run_metrics_frame(frames, expected)
    if "event_actors" in frames:
        all_frames["event_actors"] = with_references(
            frames["event_actors"], frames.get("events"), frames.get("actors")
        )
    silver_count = int(
        expected.get("silver_event_count", silver_event_count(frames["silver_records"]))
    )
    parameters = {
        "known_until": _as_datetime(expected["known_until"]),
        "silver_event_count": silver_count,
    }
    # Results are filed under the run's name; each batch is named after its layer and
    # table (gold_events, ...), so the Data Docs say what was checked and when.
    run_id = RunIdentifier(run_name=run_name, run_time=datetime.now(UTC))
    with tempfile.TemporaryDirectory(prefix="eventline-gx-") as scratch:
        root = Path(scratch) / "gx"
        shutil.copytree(
            GX_ROOT, root, ignore=shutil.ignore_patterns("uncommitted", ".ge_store_backend_id")
        )
        context = gx.get_context(
            mode="file",
            context_root_dir=root,
            runtime_environment={DOCS_VARIABLE: str(docs_dir)},
        )
        source = context.data_sources.add_pandas(name=DATASOURCE)
        results = []
        selections: dict[str, RowSelection] = {}
        checked: dict[str, pd.DataFrame] = {}
        for suite in SUITES:
            frame = scalar_frame(all_frames[suite.table], suite)
            selection = select_rows(frame, (verdicts or {}).get(suite.table))
            frame[VALIDATE_COLUMN] = selection.to_validate
            selections[suite.table] = selection
            checked[suite.table] = frame
            asset = source.add_dataframe_asset(name=batch_name(suite.table))
            batch = asset.add_batch_definition_whole_dataframe(name=batch_name(suite.table))
            definition = _IdValidationDefinition(
                name=suite.table, data=batch, suite=context.suites.get(suite.suite_name)
            )
            definition = context.validation_definitions.add(definition)
            results.append(
                definition.run(
                    batch_parameters={"dataframe": frame},
                    expectation_parameters=parameters,
                    run_id=run_id,
                )
            )
        context.build_data_docs(site_names=[DOCS_SITE])
        outcomes = _outcomes(results, {s.suite_name: s.table for s in SUITES}, checked)
    index = docs_dir / "index.html"
    metrics = {
        key: (value.item() if hasattr(value, "item") else value)
        for key, value in all_frames["run_metrics"].iloc[0].items()
        if key != "run"
    }
    failed = {o.table for o in outcomes if o.row_level and not o.success}
    return QualityReport(
        outcomes=outcomes,
        docs_index=index if index.exists() else None,
        seconds=round(perf_counter() - started, 2),
        metrics=metrics,
        rows={table: selection.counts for table, selection in selections.items()},
        passed_rows={
            table: selection.passed(table not in failed) for table, selection in selections.items()
        },
    )
