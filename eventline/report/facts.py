"""What a run report says, computed once from a run's tables: the facts behind every page.

Pure functions of :class:`ReportInputs` (no HTML here): the status and its reasons, records
per layer, quarantine reasons with examples, events and fatalities per year, events per
type, data-quality outcomes. The HTML page, the markdown summary and the Prefect tables
are all rendered from these facts, so they can never disagree.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

UNCLASSIFIED = "unclassified"
EXAMPLES_PER_REASON = 5
MAX_CANDIDATES = 50
TOP_NAMES = 10
MAX_FAILING_IDS = 10
EXCERPT_CHARS = 280
LINE_CLASSES = ("bullet", "narrative", "heading", "artifact")


@dataclass(frozen=True, kw_only=True, eq=False)  # frames do not compare with ==
class ReportInputs:
    """Everything a run report is made of; frames may be empty or lack optional columns."""

    summary: Mapping[str, Any]
    run_id: str
    generated_at: str
    quarantine: pd.DataFrame = field(default_factory=pd.DataFrame)
    candidates: pd.DataFrame = field(default_factory=pd.DataFrame)
    unknown_places: pd.DataFrame = field(default_factory=pd.DataFrame)
    unresolved_actors: pd.DataFrame = field(default_factory=pd.DataFrame)
    events: pd.DataFrame = field(default_factory=pd.DataFrame)
    documents: pd.DataFrame = field(default_factory=pd.DataFrame)
    quality: Mapping[str, Any] | None = None


def as_int(value: Any) -> int:
    try:
        if value is None or pd.isna(value):
            return 0
    except (TypeError, ValueError):
        pass
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def as_text(value: Any) -> str:
    """A cell as text: '' for None/NaN/NA."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def as_list(value: Any) -> list[str]:
    """A list cell (Python list, numpy array from Parquet, or a lone string) as strings."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(item) for item in value]
    try:
        if pd.isna(value):
            return []
    except (TypeError, ValueError):
        pass
    return [str(value)]


def rows_of(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    if frame is None or frame.empty:
        return []
    return frame.to_dict("records")


def _lines(start: Any, end: Any) -> str:
    first, last = as_text(start), as_text(end)
    if not first:
        return ""
    if not last or last == first:
        return f"line {first}"
    return f"lines {first}–{last}"


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Facts:
    """What the page, the markdown and the tables all say, computed once."""

    summary: Mapping[str, Any]
    doc_names: dict[str, str]
    status: str  # passed | warning | failed
    status_reasons: list[str]
    layers: list[dict[str, Any]]
    accounted: bool | None
    reasons: list[tuple[str, int, list[dict[str, Any]]]]
    years: list[tuple[int, int]]
    fatalities: list[tuple[int, int, int, int]]  # year, killed, events with a figure, without
    killed_total: int
    killed_known: int
    killed_missing: int
    types: list[tuple[str, int]]
    outcomes: list[dict[str, Any]]


def _doc_names(inputs: ReportInputs) -> dict[str, str]:
    names: dict[str, str] = {}
    for row in rows_of(inputs.documents):
        doc_id = as_text(row.get("doc_id"))
        if doc_id:
            names[doc_id] = as_text(row.get("file_name")) or as_text(row.get("path")) or doc_id
    return names


def _status(
    summary: Mapping[str, Any], quality: Mapping[str, Any] | None, outcomes: list[dict[str, Any]]
) -> tuple[str, list[str]]:
    failed: list[str] = []
    warned: list[str] = []
    if as_int(summary.get("documents_read")) == 0:
        failed.append("no document was read")
    if quality is not None:
        failures = [o for o in outcomes if not o["success"]]
        critical = sum(1 for o in failures if o["severity"] == "critical")
        warning = len(failures) - critical
        if quality.get("passed") is False or critical:
            failed.append(f"data quality: {critical} critical expectation(s) failed")
        if warning:
            warned.append(f"data quality: {warning} warning expectation(s) failed")
    if as_int(summary.get("documents_rejected")):
        warned.append(f"{as_int(summary.get('documents_rejected'))} document(s) rejected")
    if summary.get("warnings"):
        warned.append(f"{len(summary.get('warnings') or [])} warning(s)")
    if failed:
        return "failed", failed + warned
    if warned:
        return "warning", warned
    return "passed", []


def _severity(outcome: Mapping[str, Any]) -> str:
    return as_text(outcome.get("severity")).lower() or "critical"


def _layers(summary: Mapping[str, Any]) -> tuple[list[dict[str, Any]], bool | None]:
    lines = {str(k): as_int(v) for k, v in (summary.get("lines") or {}).items()}
    bullets, narratives = (
        as_int(summary.get("bronze_bullets")),
        as_int(summary.get("bronze_narratives")),
    )
    silver = as_int(summary.get("silver_records"))
    quarantined = as_int(summary.get("silver_quarantined"))
    duplicates = as_int(summary.get("silver_duplicates"))
    context = as_int(summary.get("silver_context"))
    line_detail = ", ".join(f"{lines[k]} {k}" for k in sorted(lines, key=line_class_order))
    layers = [
        {
            "layer": "lines",
            "records": sum(lines.values()),
            "quarantined": None,
            "duplicates": None,
            "detail": f"non-blank lines: {line_detail}" if line_detail else "non-blank lines",
        },
        {
            "layer": "bronze",
            "records": bullets + narratives,
            "quarantined": None,
            "duplicates": None,
            "detail": f"{bullets} timeline bullets, {narratives} dated sentences",
        },
        {
            "layer": "silver",
            "records": silver,
            "quarantined": quarantined,
            "duplicates": duplicates,
            "detail": f"{context} context records (not events), "
            f"{as_int(summary.get('duplicate_candidates'))} duplicate candidate pairs, "
            f"{as_int(summary.get('unknown_places'))} unknown place names",
        },
        {
            "layer": "gold",
            "records": as_int(summary.get("gold_events")),
            "quarantined": None,
            "duplicates": None,
            "detail": f"{as_int(summary.get('gold_actors'))} actors involved, "
            f"{as_int(summary.get('gold_event_actors'))} event-actor links, "
            f"{as_int(summary.get('unresolved_actor_mentions'))} unresolved actor names",
        },
    ]
    accounted = None
    if bullets + narratives:
        told = as_int(summary.get("silver_bronze_records"))
        only = as_int(summary.get("silver_quarantined_only"))
        accounted = bullets + narratives == told + only
    return layers, accounted


def line_class_order(name: str) -> tuple[int, str]:
    return (LINE_CLASSES.index(name) if name in LINE_CLASSES else len(LINE_CLASSES), name)


_QUOTED_DETAIL = re.compile(r"^(.+?):\s+['\"“‘]")


def reason_group(reason: str) -> str:
    """A quarantine reason without its record-specific quoted detail.

    ``date: date later than the document can know: 'June 2024' starts ...`` is counted
    under ``date: date later than the document can know``; pandera check names such as
    ``killed: greater_than_or_equal_to(0)`` are already generic and stay as they are.
    """
    match = _QUOTED_DETAIL.match(reason)
    return match.group(1).strip() if match else reason.strip()


def _reasons(
    quarantine: pd.DataFrame, doc_names: Mapping[str, str]
) -> list[tuple[str, int, list[dict[str, Any]]]]:
    """(reason group, records with it, up to 5 examples), most frequent first."""
    by_reason: dict[str, list[dict[str, Any]]] = {}
    for row in rows_of(quarantine):
        doc_id = as_text(row.get("doc_id"))
        reasons = list(dict.fromkeys(as_list(row.get("reasons")))) or ["(no reason given)"]
        groups: dict[str, list[str]] = {}
        for reason in reasons:
            groups.setdefault(reason_group(reason), []).append(reason)
        for group, details in groups.items():
            by_reason.setdefault(group, []).append(
                {
                    "record_id": as_text(row.get("record_id")),
                    "document": doc_names.get(doc_id, doc_id),
                    "layer": as_text(row.get("layer")),
                    "kind": as_text(row.get("kind")),
                    "lines": _lines(row.get("line_start"), row.get("line_end")),
                    "line_start": as_int(row.get("line_start")),
                    "text": as_text(row.get("text")),
                    "details": [d for d in details if d != group],
                    "other_reasons": [r for r in reasons if reason_group(r) != group],
                }
            )
    out = []
    for reason, rows in by_reason.items():
        rows = sorted(rows, key=lambda r: (r["document"], r["line_start"], r["record_id"]))
        out.append((reason, len(rows), rows[:EXAMPLES_PER_REASON]))
    return sorted(out, key=lambda item: (-item[1], item[0]))


def _year_series(events: pd.DataFrame) -> pd.Series:
    if "year" in events.columns:
        years = pd.to_numeric(events["year"], errors="coerce")
    elif "date_start" in events.columns:
        years = pd.to_datetime(events["date_start"], errors="coerce").dt.year
    else:
        return pd.Series([], dtype="float64")
    return years


def _event_facts(
    events: pd.DataFrame,
) -> tuple[list[tuple[int, int]], list[tuple[int, int, int, int]], tuple[int, int, int], list]:
    if events is None or events.empty:
        return [], [], (0, 0, 0), []
    years = _year_series(events)
    known_years = sorted({int(y) for y in years.dropna()})
    span = list(range(known_years[0], known_years[-1] + 1)) if known_years else []
    counts = Counter(int(y) for y in years.dropna())
    per_year = [(year, counts.get(year, 0)) for year in span]

    if "killed" in events.columns:
        killed = pd.to_numeric(events["killed"], errors="coerce")
    else:
        killed = pd.Series([math.nan] * len(events), index=events.index, dtype="float64")
    fatalities = []
    for year in span:
        mask = (years == year).fillna(False).astype(bool)
        values = killed[mask]
        known = values.dropna()
        fatalities.append((year, int(known.sum()), len(known), int(values.isna().sum())))
    known_all = killed.dropna()
    totals = (int(known_all.sum()), len(known_all), int(killed.isna().sum()))

    if "event_type" in events.columns:
        types = Counter(as_text(t) or UNCLASSIFIED for t in events["event_type"])
    else:
        types = Counter({UNCLASSIFIED: len(events)})
    by_type = sorted(types.items(), key=lambda item: (-item[1], item[0]))
    return per_year, fatalities, totals, by_type


def _outcomes(quality: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    if not quality:
        return []
    out = []
    for outcome in quality.get("outcomes") or []:
        out.append(
            {
                "table": as_text(outcome.get("table")),
                "expectation": as_text(outcome.get("expectation")),
                "column": as_text(outcome.get("column")),
                "severity": _severity(outcome),
                "success": bool(outcome.get("success", False)),
                "unexpected_count": as_int(outcome.get("unexpected_count")),
                "failing_ids": as_list(outcome.get("failing_ids")),
            }
        )
    order = {"critical": 0, "warning": 1}
    return sorted(
        out,
        key=lambda o: (
            o["success"],
            order.get(o["severity"], 2),
            o["table"],
            o["expectation"],
            o["column"],
        ),
    )


def compute_facts(inputs: ReportInputs) -> Facts:
    summary = inputs.summary
    doc_names = _doc_names(inputs)
    outcomes = _outcomes(inputs.quality)
    status, status_reasons = _status(summary, inputs.quality, outcomes)
    layers, accounted = _layers(summary)
    per_year, fatalities, (total, known, missing), types = _event_facts(inputs.events)
    return Facts(
        summary=summary,
        doc_names=doc_names,
        status=status,
        status_reasons=status_reasons,
        layers=layers,
        accounted=accounted,
        reasons=_reasons(inputs.quarantine, doc_names),
        years=per_year,
        fatalities=fatalities,
        killed_total=total,
        killed_known=known,
        killed_missing=missing,
        types=types,
        outcomes=outcomes,
    )


def top_names(frame: pd.DataFrame | None, column: str) -> list[tuple[str, int]]:
    """Distinct non-empty values of *column* with their counts, most frequent first."""
    if frame is None or frame.empty or column not in frame.columns:
        return []
    counts = Counter(as_text(v) for v in frame[column] if as_text(v))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
