"""One self-contained HTML page per pipeline run, for the data engineer who reads it.

A pure function of what a run produced: the run summary, the silver and gold side tables
(quarantine, duplicate candidates, unknown places, unresolved actor names), the gold events
and the data-quality outcomes. No clock, no network, no file access: the same inputs give
the same bytes. The page carries everything inline (CSS in a ``<style>`` element, charts as
SVG written here) and a Content-Security-Policy that forbids loading anything, so it opens
the same offline, from an artifact store or as an e-mail attachment.

Key numbers carry stable element ids (``count-gold-events``, ``chart-events-per-year`` with
``data-bars``...) so that tests and scripts can read them from the page.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
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


# --------------------------------------------------------------------------- facts


def _int(value: Any) -> int:
    try:
        if value is None or pd.isna(value):
            return 0
    except (TypeError, ValueError):
        pass
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _text(value: Any) -> str:
    """A cell as text: '' for None/NaN/NA."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _as_list(value: Any) -> list[str]:
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


def _rows(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    if frame is None or frame.empty:
        return []
    return frame.to_dict("records")


def _lines(start: Any, end: Any) -> str:
    first, last = _text(start), _text(end)
    if not first:
        return ""
    if not last or last == first:
        return f"line {first}"
    return f"lines {first}–{last}"


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class _Facts:
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
    for row in _rows(inputs.documents):
        doc_id = _text(row.get("doc_id"))
        if doc_id:
            names[doc_id] = _text(row.get("file_name")) or _text(row.get("path")) or doc_id
    return names


def _status(
    summary: Mapping[str, Any], quality: Mapping[str, Any] | None, outcomes: list[dict[str, Any]]
) -> tuple[str, list[str]]:
    failed: list[str] = []
    warned: list[str] = []
    if _int(summary.get("documents_read")) == 0:
        failed.append("no document was read")
    if quality is not None:
        failures = [o for o in outcomes if not o["success"]]
        critical = sum(1 for o in failures if o["severity"] == "critical")
        warning = len(failures) - critical
        if quality.get("passed") is False or critical:
            failed.append(f"data quality: {critical} critical expectation(s) failed")
        if warning:
            warned.append(f"data quality: {warning} warning expectation(s) failed")
    if _int(summary.get("documents_rejected")):
        warned.append(f"{_int(summary.get('documents_rejected'))} document(s) rejected")
    if summary.get("warnings"):
        warned.append(f"{len(summary.get('warnings') or [])} warning(s)")
    if failed:
        return "failed", failed + warned
    if warned:
        return "warning", warned
    return "passed", []


def _severity(outcome: Mapping[str, Any]) -> str:
    return _text(outcome.get("severity")).lower() or "critical"


def _layers(summary: Mapping[str, Any]) -> tuple[list[dict[str, Any]], bool | None]:
    lines = {str(k): _int(v) for k, v in (summary.get("lines") or {}).items()}
    bullets, narratives = (
        _int(summary.get("bronze_bullets")),
        _int(summary.get("bronze_narratives")),
    )
    silver = _int(summary.get("silver_records"))
    quarantined = _int(summary.get("silver_quarantined"))
    merged = _int(summary.get("silver_merged"))
    line_detail = ", ".join(f"{lines[k]} {k}" for k in sorted(lines, key=_line_class_order))
    layers = [
        {
            "layer": "lines",
            "records": sum(lines.values()),
            "quarantined": None,
            "merged": None,
            "detail": f"non-blank lines: {line_detail}" if line_detail else "non-blank lines",
        },
        {
            "layer": "bronze",
            "records": bullets + narratives,
            "quarantined": None,
            "merged": None,
            "detail": f"{bullets} timeline bullets, {narratives} dated sentences",
        },
        {
            "layer": "silver",
            "records": silver,
            "quarantined": quarantined,
            "merged": merged,
            "detail": f"{_int(summary.get('duplicate_candidates'))} duplicate candidate pairs, "
            f"{_int(summary.get('unknown_places'))} unknown place names",
        },
        {
            "layer": "gold",
            "records": _int(summary.get("gold_events")),
            "quarantined": None,
            "merged": None,
            "detail": f"{_int(summary.get('gold_actors'))} actors involved, "
            f"{_int(summary.get('gold_event_actors'))} event-actor links, "
            f"{_int(summary.get('unresolved_actor_mentions'))} unresolved actor names",
        },
    ]
    accounted = None
    if bullets + narratives:
        accounted = bullets + narratives == silver + quarantined + merged
    return layers, accounted


def _line_class_order(name: str) -> tuple[int, str]:
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
    for row in _rows(quarantine):
        doc_id = _text(row.get("doc_id"))
        reasons = list(dict.fromkeys(_as_list(row.get("reasons")))) or ["(no reason given)"]
        groups: dict[str, list[str]] = {}
        for reason in reasons:
            groups.setdefault(reason_group(reason), []).append(reason)
        for group, details in groups.items():
            by_reason.setdefault(group, []).append(
                {
                    "record_id": _text(row.get("record_id")),
                    "document": doc_names.get(doc_id, doc_id),
                    "layer": _text(row.get("layer")),
                    "kind": _text(row.get("kind")),
                    "lines": _lines(row.get("line_start"), row.get("line_end")),
                    "line_start": _int(row.get("line_start")),
                    "text": _text(row.get("text")),
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
        types = Counter(_text(t) or UNCLASSIFIED for t in events["event_type"])
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
                "table": _text(outcome.get("table")),
                "expectation": _text(outcome.get("expectation")),
                "column": _text(outcome.get("column")),
                "severity": _severity(outcome),
                "success": bool(outcome.get("success", False)),
                "unexpected_count": _int(outcome.get("unexpected_count")),
                "failing_ids": _as_list(outcome.get("failing_ids")),
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


def _facts(inputs: ReportInputs) -> _Facts:
    summary = inputs.summary
    doc_names = _doc_names(inputs)
    outcomes = _outcomes(inputs.quality)
    status, status_reasons = _status(summary, inputs.quality, outcomes)
    layers, accounted = _layers(summary)
    per_year, fatalities, (total, known, missing), types = _event_facts(inputs.events)
    return _Facts(
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


# --------------------------------------------------------------------------- HTML helpers


def _e(value: Any) -> str:
    return escape(_text(value), quote=True)


def _num(value: int, element_id: str) -> str:
    return f'<span class="num" id="{_e(element_id)}" data-value="{value}">{value:,}</span>'


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return word if count == 1 else (plural or word + "s")


def _table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    table_id: str | None = None,
    numeric: Sequence[int] = (),
) -> str:
    """A table whose cells are already-escaped HTML."""
    ident = f' id="{_e(table_id)}"' if table_id else ""
    head = "".join(
        f'<th scope="col"{" class=r" if i in numeric else ""}>{_e(h)}</th>'
        for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=r' if i in numeric else ''}>{cell}</td>" for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table{ident}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _safe_href(href: str) -> str | None:
    """A relative link only: the page never points at the network or runs a script URL."""
    href = href.strip()
    lowered = href.lower()
    if not href or href.startswith(("/", "\\")) or ":" in lowered.split("/", 1)[0]:
        return None
    return href


def _ticks(value: int) -> list[int]:
    """Integer axis ticks from 0 to a round number at or above *value*, at most 6 of them."""
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if math.ceil(max(value, 1) / step) <= 5:
                return list(range(0, step * math.ceil(max(value, 1) / step) + 1, step))
        magnitude *= 10


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _column_chart(
    chart_id: str,
    title: str,
    bars: Sequence[tuple[str, int, str]],
    unit: str,
    *,
    extra: Mapping[str, str] | None = None,
) -> str:
    """Vertical bars (label, value, tooltip) as inline SVG."""
    width, height = 720, 260
    left, right, top, bottom = 48, 12, 14, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    ticks = _ticks(max((value for _, value, _ in bars), default=0))
    vmax = ticks[-1]
    slot = plot_w / max(len(bars), 1)
    bar_w = max(min(slot * 0.72, 48), 1.0)
    label_every = max(1, math.ceil(len(bars) / 18))
    show_values = len(bars) <= 24
    parts = []
    for tick in ticks:
        y = top + plot_h - plot_h * tick / vmax
        parts.append(
            f'<line class="grid" x1="{left}" x2="{width - right}" y1="{_fmt(y)}" y2="{_fmt(y)}"/>'
            f'<text class="tick" x="{left - 6}" y="{_fmt(y + 4)}" text-anchor="end">'
            f"{tick:,}</text>"
        )
    for index, (label, value, tip) in enumerate(bars):
        x = left + slot * index + (slot - bar_w) / 2
        h = plot_h * value / vmax
        y = top + plot_h - h
        parts.append(
            f'<rect class="bar" x="{_fmt(x)}" y="{_fmt(y)}" width="{_fmt(bar_w)}" '
            f'height="{_fmt(h)}" data-label="{_e(label)}" data-value="{value}">'
            f"<title>{_e(tip)}</title></rect>"
        )
        if show_values and value:
            parts.append(
                f'<text class="value" x="{_fmt(x + bar_w / 2)}" y="{_fmt(y - 3)}" '
                f'text-anchor="middle">{value:,}</text>'
            )
        if index % label_every == 0:
            parts.append(
                f'<text class="label" x="{_fmt(x + bar_w / 2)}" y="{height - bottom + 16}" '
                f'text-anchor="middle">{_e(label)}</text>'
            )
    parts.append(
        f'<line class="axis" x1="{left}" x2="{width - right}" y1="{top + plot_h}" '
        f'y2="{top + plot_h}"/>'
    )
    return _svg(chart_id, title, len(bars), width, height, "".join(parts), unit, extra)


def _row_chart(chart_id: str, title: str, bars: Sequence[tuple[str, int, str]], unit: str) -> str:
    """Horizontal bars (label, value, tooltip) as inline SVG, for long category names."""
    row_h, left, right, top = 26, 220, 60, 6
    width = 720
    height = top * 2 + row_h * max(len(bars), 1)
    plot_w = width - left - right
    vmax = max((value for _, value, _ in bars), default=0) or 1
    parts = []
    for index, (label, value, tip) in enumerate(bars):
        y = top + row_h * index
        w = plot_w * value / vmax
        parts.append(
            f'<text class="label" x="{left - 8}" y="{y + row_h / 2 + 4:.0f}" text-anchor="end">'
            f"{_e(label)}</text>"
            f'<rect class="bar" x="{left}" y="{y + 4}" width="{_fmt(w)}" height="{row_h - 8}" '
            f'data-label="{_e(label)}" data-value="{value}"><title>{_e(tip)}</title></rect>'
            f'<text class="value" x="{_fmt(left + w + 6)}" y="{y + row_h / 2 + 4:.0f}">'
            f"{value:,}</text>"
        )
    return _svg(chart_id, title, len(bars), width, height, "".join(parts), unit, None)


def _svg(
    chart_id: str,
    title: str,
    n_bars: int,
    width: int,
    height: int,
    body: str,
    unit: str,
    extra: Mapping[str, str] | None,
) -> str:
    attrs = "".join(f' {_e(k)}="{_e(v)}"' for k, v in sorted((extra or {}).items()))
    if not n_bars:
        return f'<p class="muted" id="{_e(chart_id)}" data-bars="0">No {_e(unit)} to chart.</p>'
    return (
        f'<svg id="{_e(chart_id)}" class="chart" role="img" data-bars="{n_bars}"{attrs} '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{_e(chart_id)}-title">'
        f'<title id="{_e(chart_id)}-title">{_e(title)}</title>{body}</svg>'
    )


def _figure(heading: str, chart: str, caption: str, table: str) -> str:
    return (
        f"<figure><figcaption><h3>{_e(heading)}</h3>{caption}</figcaption>{chart}"
        f"<details><summary>Data table</summary>{table}</details></figure>"
    )


# --------------------------------------------------------------------------- sections


def _header(inputs: ReportInputs, facts: _Facts) -> str:
    labels = {"passed": "PASSED", "warning": "PASSED WITH WARNINGS", "failed": "FAILED"}
    reasons = "".join(f"<li>{_e(reason)}</li>" for reason in facts.status_reasons)
    seconds = facts.summary.get("seconds")
    took = f" in {float(seconds):.1f} s" if isinstance(seconds, int | float) else ""
    return (
        f'<header><h1>eventline run report <span class="badge {facts.status}" id="run-status" '
        f'data-status="{facts.status}">{labels[facts.status]}</span></h1>'
        f'<p class="meta">Run <code id="run-id">{_e(inputs.run_id)}</code> · generated '
        f'<time id="generated-at">{_e(inputs.generated_at)}</time>{_e(took)}</p>'
        + (f'<ul class="status-reasons" id="status-reasons">{reasons}</ul>' if reasons else "")
        + "</header>"
    )


def _nav() -> str:
    links = [
        ("documents", "Documents"),
        ("layers", "Records per layer"),
        ("quarantine", "Quarantine"),
        ("duplicates", "Duplicate candidates"),
        ("curation", "Unknown names"),
        ("quality", "Data quality"),
        ("charts", "Events"),
    ]
    items = "".join(f'<li><a href="#{key}">{_e(label)}</a></li>' for key, label in links)
    return f'<nav aria-label="Sections"><ul>{items}</ul></nav>'


def _documents(inputs: ReportInputs, facts: _Facts) -> str:
    summary = facts.summary
    read, rejected = _int(summary.get("documents_read")), _int(summary.get("documents_rejected"))
    duplicates = _int(summary.get("duplicate_documents"))
    out = [
        '<section id="documents"><h2>Documents</h2>',
        f"<p>{_num(read, 'count-documents-read')} {_plural(read, 'document')} read, "
        f"{_num(rejected, 'count-documents-rejected')} rejected"
        + (
            f", {_num(duplicates, 'count-duplicate-documents')} identical "
            f"{_plural(duplicates, 'copy', 'copies')} merged"
            if duplicates
            else ""
        )
        + ".</p>",
    ]
    docs = sorted(
        _rows(inputs.documents), key=lambda r: (_text(r.get("file_name")), _text(r.get("doc_id")))
    )
    if docs:
        rows = [
            (
                _e(doc.get("file_name")),
                _e(doc.get("title")),
                _e(doc.get("encoding")),
                f"{_int(doc.get('n_nonblank_lines')):,}"
                if _text(doc.get("n_nonblank_lines"))
                else "",
                _e(", ".join(_as_list(doc.get("duplicate_paths")))),
                f"<code>{_e(doc.get('doc_id'))}</code>",
            )
            for doc in docs
        ]
        out.append(
            _table(
                ["File", "Title", "Encoding", "Non-blank lines", "Identical copies", "doc_id"],
                rows,
                "documents-read",
                numeric=(3,),
            )
        )
    rejections = sorted(
        summary.get("rejected") or [], key=lambda r: (_text(r.get("path")), _text(r.get("reason")))
    )
    if rejections:
        out.append("<h3>Rejected documents</h3>")
        rows = [
            (
                _e(item.get("file_name") or _text(item.get("path")).rsplit("/", 1)[-1]),
                f"<code>{_e(item.get('path'))}</code>",
                f'<span class="reason">{_e(item.get("reason"))}</span>',
            )
            for item in rejections
        ]
        out.append(_table(["File", "Path", "Reason"], rows, "rejected-documents"))
    warnings = summary.get("warnings") or []
    if warnings:
        items = "".join(f"<li>{_e(w)}</li>" for w in warnings)
        out.append(f'<h3>Warnings</h3><ul id="run-warnings">{items}</ul>')
    out.append("</section>")
    return "".join(out)


def _layer_details(summary: Mapping[str, Any]) -> dict[str, str]:
    """The 'detail' column of the layer table as HTML, each number with its own id."""
    lines = {str(k): _int(v) for k, v in (summary.get("lines") or {}).items()}
    return {
        "lines": "non-blank lines: "
        + ", ".join(
            f"{_num(lines[k], f'count-lines-{k}')} {_e(k)}"
            for k in sorted(lines, key=_line_class_order)
        ),
        "bronze": f"{_num(_int(summary.get('bronze_bullets')), 'count-bronze-bullets')} timeline "
        f"bullets, {_num(_int(summary.get('bronze_narratives')), 'count-bronze-narratives')} "
        "dated sentences",
        "silver": f"{_int(summary.get('duplicate_candidates')):,} duplicate candidate pairs, "
        f"{_int(summary.get('unknown_places')):,} unknown place names",
        "gold": f"{_num(_int(summary.get('gold_actors')), 'count-gold-actors')} actors involved, "
        f"{_num(_int(summary.get('gold_event_actors')), 'count-gold-event-actors')} event-actor "
        f"links, {_int(summary.get('unresolved_actor_mentions')):,} unresolved actor names",
    }


def _layer_section(facts: _Facts) -> str:
    ids = {"lines": "count-lines", "bronze": "count-bronze-records"}
    ids |= {"silver": "count-silver-records", "gold": "count-gold-events"}
    details = _layer_details(facts.summary)
    rows = []
    for layer in facts.layers:
        quarantined = layer["quarantined"]
        merged = layer["merged"]
        rows.append(
            (
                f"<strong>{_e(layer['layer'])}</strong>",
                _num(layer["records"], ids[layer["layer"]]),
                _num(quarantined, "count-silver-quarantined") if quarantined is not None else "",
                _num(merged, "count-silver-merged") if merged is not None else "",
                details[layer["layer"]],
            )
        )
    table = _table(
        ["Layer", "Records", "Quarantined", "Merged", "Detail"], rows, "layers-table", (1, 2, 3)
    )
    if facts.accounted is None:
        check = ""
    elif facts.accounted:
        check = (
            '<p class="ok" id="conservation" data-ok="true">Every bronze record is accounted '
            "for: silver records + quarantined + merged = bronze records.</p>"
        )
    else:
        check = (
            '<p class="bad" id="conservation" data-ok="false">Bronze records and silver '
            "records + quarantined + merged do not add up.</p>"
        )
    return (
        '<section id="layers"><h2>Records per layer</h2>'
        f"<p>lines → bronze → silver → gold</p>{table}{check}</section>"
    )


def _quarantine_section(facts: _Facts) -> str:
    out = ['<section id="quarantine"><h2>Quarantine reasons</h2>']
    total = _int(facts.summary.get("silver_quarantined"))
    if not facts.reasons:
        out.append(f"<p>{_num(total, 'count-quarantined')} records quarantined.</p></section>")
        return "".join(out)
    out.append(
        f"<p>{_num(total, 'count-quarantined')} {_plural(total, 'record')} quarantined for "
        f"{_num(len(facts.reasons), 'count-quarantine-reasons')} distinct "
        f"{_plural(len(facts.reasons), 'reason')} (a record may fail several checks).</p>"
    )
    summary_rows = [
        (
            f'<a href="#reason-{index}">{_e(reason)}</a>',
            f'<span data-reason="{_e(reason)}">{count:,}</span>',
        )
        for index, (reason, count, _) in enumerate(facts.reasons)
    ]
    out.append(_table(["Reason", "Records"], summary_rows, "quarantine-reasons", (1,)))
    for index, (reason, count, examples) in enumerate(facts.reasons):
        shown = len(examples)
        items = "".join(
            "<li>"
            f'<span class="where">{_e(ex["document"])}, {_e(ex["lines"] or "no line")}</span> '
            f'<span class="muted">{_e(ex["layer"])} · {_e(ex["kind"])} · '
            f"<code>{_e(ex['record_id'])}</code></span>"
            + "".join(f'<div class="detail">{_e(d)}</div>' for d in ex["details"])
            + (
                f'<div class="muted">also: {_e("; ".join(ex["other_reasons"]))}</div>'
                if ex["other_reasons"]
                else ""
            )
            + f'<blockquote class="excerpt">{_e(_excerpt(ex["text"]))}</blockquote>'
            "</li>"
            for ex in examples
        )
        more = f" (first {shown} of {count:,})" if count > shown else ""
        out.append(
            f'<details class="reason" id="reason-{index}" open><summary><strong>{_e(reason)}'
            f"</strong> — {count:,} {_plural(count, 'record')}{_e(more)}</summary>"
            f'<ul class="examples">{items}</ul></details>'
        )
    out.append("</section>")
    return "".join(out)


def _candidates_section(inputs: ReportInputs, facts: _Facts) -> str:
    count = _int(facts.summary.get("duplicate_candidates"))
    rows = _rows(inputs.candidates)
    out = [
        '<section id="duplicates"><h2>Duplicate candidate pairs</h2>',
        f"<p>{_num(count, 'count-duplicate-candidates')} candidate "
        f"{_plural(count, 'pair')} to review (never merged automatically).</p>",
    ]
    if rows:
        rows = sorted(
            rows,
            key=lambda r: (
                -float(r.get("score") or 0),
                _text(r.get("record_id_a")),
                _text(r.get("record_id_b")),
            ),
        )

        def where(row: Mapping[str, Any], side: str) -> str:
            doc = _text(row.get(f"doc_id_{side}"))
            line = _text(row.get(f"line_{side}"))
            date = _text(row.get(f"date_{side}"))
            return (
                f"{_e(facts.doc_names.get(doc, doc))}, line {_e(line)}"
                f'<br><span class="muted">{_e(date)} · '
                f"<code>{_e(row.get(f'record_id_{side}'))}</code></span>"
            )

        shown = rows[:MAX_CANDIDATES]
        table_rows = [
            (f"{float(r.get('score') or 0):.2f}", where(r, "a"), where(r, "b"), _e(r.get("reason")))
            for r in shown
        ]
        out.append(
            _table(["Score", "Record A", "Record B", "Reason"], table_rows, "candidates", (0,))
        )
        if len(rows) > len(shown):
            out.append(f'<p class="muted">{len(rows) - len(shown):,} more pairs not shown.</p>')
    out.append("</section>")
    return "".join(out)


def _top_names(frame: pd.DataFrame, column: str) -> list[tuple[str, int]]:
    if frame is None or frame.empty or column not in frame.columns:
        return []
    counts = Counter(_text(v) for v in frame[column] if _text(v))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _curation_section(inputs: ReportInputs, facts: _Facts) -> str:
    out = ['<section id="curation"><h2>Unresolved actor names and unknown places</h2>']
    blocks = [
        (
            "Unresolved actor mentions",
            "unresolved-actors",
            _int(facts.summary.get("unresolved_actor_mentions")),
            "count-unresolved-actor-mentions",
            _top_names(inputs.unresolved_actors, "mention_text"),
            "organisation-like names the actor file does not know",
        ),
        (
            "Unknown place names",
            "unknown-places",
            _int(facts.summary.get("unknown_places")),
            "count-unknown-places",
            _top_names(inputs.unknown_places, "name"),
            "place names the gazetteer does not know",
        ),
    ]
    for heading, key, count, count_id, names, what in blocks:
        out.append(
            f'<div class="half"><h3>{_e(heading)}</h3><p>{_num(count, count_id)} '
            f"{_plural(count, 'mention')}, {_num(len(names), count_id + '-distinct')} distinct "
            f"{_plural(len(names), 'name')}: {_e(what)}.</p>"
        )
        if names:
            top = names[:TOP_NAMES]
            rows = [(_e(name), f"{n:,}") for name, n in top]
            out.append(_table(["Name", "Mentions"], rows, f"top-{key}", (1,)))
            if len(names) > len(top):
                out.append(f'<p class="muted">{len(names) - len(top):,} more names.</p>')
        out.append("</div>")
    out.append("</section>")
    return "".join(out)


def _quality_section(inputs: ReportInputs, facts: _Facts) -> str:
    out = ['<section id="quality"><h2>Data quality (Great Expectations)</h2>']
    quality = inputs.quality
    if quality is None:
        out.append(
            '<p class="muted" id="quality-missing">No data-quality results for this run.</p>'
        )
        out.append("</section>")
        return "".join(out)
    failures = [o for o in facts.outcomes if not o["success"]]
    critical = sum(1 for o in failures if o["severity"] == "critical")
    warning = len(failures) - critical
    passed = quality.get("passed")
    verdict = "passed" if passed else "failed" if passed is False else "unknown"
    out.append(
        f'<p><span class="badge {"passed" if passed else "failed"}" id="quality-status" '
        f'data-status="{verdict}">{verdict.upper()}</span> '
        f"{_num(len(facts.outcomes), 'count-expectations')} expectations, "
        f"{_num(critical, 'count-critical-failures')} critical and "
        f"{_num(warning, 'count-warning-failures')} warning failures.</p>"
    )
    href = _safe_href(_text(quality.get("docs_index")))
    if href:
        out.append(
            f'<p><a id="data-docs-link" href="{_e(href)}">Open the Data Docs</a> '
            "for every expectation and its results.</p>"
        )
    elif quality.get("docs_index"):
        out.append(f'<p class="muted">Data Docs: <code>{_e(quality.get("docs_index"))}</code></p>')
    if facts.outcomes:
        rows = []
        for outcome in facts.outcomes:
            ids = outcome["failing_ids"]
            shown = ", ".join(ids[:MAX_FAILING_IDS])
            if len(ids) > MAX_FAILING_IDS:
                shown += f" … and {len(ids) - MAX_FAILING_IDS:,} more"
            result = "pass" if outcome["success"] else "FAIL"
            rows.append(
                (
                    f'<span class="result {result.lower()}">{result}</span>',
                    _e(outcome["severity"]),
                    _e(outcome["table"]),
                    f"<code>{_e(outcome['expectation'])}</code>",
                    _e(outcome["column"]),
                    f"{outcome['unexpected_count']:,}",
                    f'<span class="ids">{_e(shown)}</span>',
                )
            )
        out.append(
            _table(
                [
                    "Result",
                    "Severity",
                    "Table",
                    "Expectation",
                    "Column",
                    "Unexpected",
                    "Failing ids",
                ],
                rows,
                "expectations",
                (5,),
            )
        )
    out.append("</section>")
    return "".join(out)


def _charts_section(facts: _Facts) -> str:
    gold = _int(facts.summary.get("gold_events"))
    events = sum(n for _, n in facts.years)
    out = [
        '<section id="charts"><h2>Gold events</h2>',
        f"<p>{_num(events, 'count-charted-events')} events charted"
        + (f" (the run summary counts {gold:,})" if events != gold else "")
        + ".</p>",
    ]
    year_bars = [(str(y), n, f"{y}: {n:,} {_plural(n, 'event')}") for y, n in facts.years]
    out.append(
        _figure(
            "Events per year",
            _column_chart(
                "chart-events-per-year", "Events per year (bar chart)", year_bars, "events"
            ),
            "",
            _table(
                ["Year", "Events"],
                [(str(y), f"{n:,}") for y, n in facts.years],
                "table-events-per-year",
                (1,),
            ),
        )
    )
    fatality_bars = [
        (
            str(y),
            killed,
            f"{y}: {killed:,} killed in {known:,} {_plural(known, 'event')} with a figure"
            + (f"; {missing:,} without a figure" if missing else ""),
        )
        for y, killed, known, missing in facts.fatalities
    ]
    missing = facts.killed_missing
    caption = (
        f"<p>{_num(facts.killed_total, 'count-killed')} killed in "
        f"{_num(facts.killed_known, 'count-events-with-killed')} events that state a figure; "
        f"{_num(missing, 'count-events-without-killed')} {_plural(missing, 'event')} without a "
        "figure are not counted (not taken as zero).</p>"
    )
    out.append(
        _figure(
            "Fatalities per year",
            _column_chart(
                "chart-fatalities-per-year",
                "Fatalities per year: sum of killed over events that state a figure (bar chart)",
                fatality_bars,
                "fatalities",
                extra={"data-events-without-figure": str(missing)},
            ),
            caption,
            _table(
                ["Year", "Killed", "Events with a figure", "Events without a figure"],
                [(str(y), f"{k:,}", f"{n:,}", f"{m:,}") for y, k, n, m in facts.fatalities],
                "table-fatalities-per-year",
                (1, 2, 3),
            ),
        )
    )
    type_bars = [(name, n, f"{name}: {n:,} {_plural(n, 'event')}") for name, n in facts.types]
    out.append(
        _figure(
            "Events by type",
            _row_chart(
                "chart-events-by-type",
                "Events by ACLED event type (bar chart)",
                type_bars,
                "events",
            ),
            f'<p class="muted">Events without a type are shown as “{UNCLASSIFIED}”.</p>',
            _table(
                ["Event type", "Events"],
                [(_e(name), f"{n:,}") for name, n in facts.types],
                "table-events-by-type",
                (1,),
            ),
        )
    )
    out.append("</section>")
    return "".join(out)


_CSS = """
:root{color-scheme:light;--ink:#1b1f24;--muted:#5b6570;--line:#d8dde3;--bg:#f6f7f9;
--accent:#2f6f9f;--ok:#1e7a3c;--warn:#9a6400;--bad:#b3261e}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1040px;margin:0 auto;padding:24px 20px 64px}
header h1{font-size:1.5rem;margin:0 0 4px;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
.meta{color:var(--muted);margin:0}
code,.ids{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}
.badge{font-size:.8rem;font-weight:700;letter-spacing:.04em;padding:3px 10px;border-radius:999px;
color:#fff;background:var(--muted)}
.badge.passed{background:var(--ok)}.badge.warning{background:var(--warn)}
.badge.failed{background:var(--bad)}
.status-reasons{margin:8px 0 0;color:var(--muted)}
nav ul{list-style:none;padding:0;margin:16px 0;display:flex;flex-wrap:wrap;gap:6px 16px}
nav a,section a{color:var(--accent)}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;
margin:16px 0}
h2{font-size:1.2rem;margin:0 0 8px}h3{font-size:1rem;margin:16px 0 6px}
table{border-collapse:collapse;width:100%;margin:8px 0;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}
th{background:var(--bg);font-weight:600}
.r{text-align:right;font-variant-numeric:tabular-nums}
.num{font-weight:700;font-variant-numeric:tabular-nums}
.muted{color:var(--muted)}.ok{color:var(--ok)}.bad{color:var(--bad);font-weight:600}
.reason{overflow-wrap:anywhere}
details{margin:6px 0}summary{cursor:pointer}
.examples{padding-left:18px}.examples li{margin:8px 0}
.where{font-weight:600}
.detail{font-size:.85rem;overflow-wrap:anywhere}
blockquote.excerpt{margin:4px 0 0;padding:4px 10px;border-left:3px solid var(--line);
background:var(--bg);white-space:pre-wrap;overflow-wrap:anywhere}
.result.fail{color:var(--bad);font-weight:700}.result.pass{color:var(--ok)}
.half{display:inline-block;vertical-align:top;width:49%;min-width:300px;padding-right:12px}
figure{margin:12px 0 20px}figcaption h3{margin:0 0 4px}figcaption p{margin:0 0 6px}
svg.chart{display:block;max-width:720px;height:auto}
svg .bar{fill:var(--accent)}svg .bar:hover{fill:#1d4b6e}
svg .grid{stroke:var(--line);stroke-width:1}svg .axis{stroke:var(--muted);stroke-width:1}
svg text{font-size:11px;fill:var(--muted)}svg .value{fill:var(--ink)}
@media print{body{background:#fff}section{break-inside:avoid;border:none}nav{display:none}}
"""

# Nothing may be loaded: no script, no font, no image, no stylesheet beyond the inline one.
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)


# --------------------------------------------------------------------------- public API


def render_run_report(inputs: ReportInputs) -> str:
    """The run report as one self-contained HTML document (deterministic for equal inputs)."""
    facts = _facts(inputs)
    body = "".join(
        [
            _header(inputs, facts),
            _nav(),
            _documents(inputs, facts),
            _layer_section(facts),
            _quarantine_section(facts),
            _candidates_section(inputs, facts),
            _curation_section(inputs, facts),
            _quality_section(inputs, facts),
            _charts_section(facts),
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>eventline run {_e(inputs.run_id)} · {facts.status}</title>"
        f"<style>{_CSS}</style></head>\n"
        f'<body data-run-id="{_e(inputs.run_id)}" data-status="{facts.status}"><main>'
        f"{body}</main></body></html>\n"
    )


def _md(text: Any) -> str:
    """Plain text made inert in markdown (no HTML, no tables broken by pipes)."""
    return escape(_text(text), quote=False).replace("|", "\\|").replace("\n", " ")


def report_markdown(inputs: ReportInputs) -> str:
    """A short markdown summary, e.g. for a Prefect markdown artifact."""
    facts = _facts(inputs)
    s = facts.summary
    labels = {"passed": "✅ passed", "warning": "⚠️ passed with warnings", "failed": "❌ failed"}
    out = [
        f"# eventline run {_md(inputs.run_id)}",
        "",
        f"**{labels[facts.status]}** · generated {_md(inputs.generated_at)}",
        "",
    ]
    out += [f"- {_md(reason)}" for reason in facts.status_reasons]
    if facts.status_reasons:
        out.append("")
    out += [
        f"Documents: **{_int(s.get('documents_read'))}** read, "
        f"**{_int(s.get('documents_rejected'))}** rejected.",
        "",
        "| layer | records | quarantined | merged |",
        "| --- | ---: | ---: | ---: |",
    ]
    for layer in facts.layers:
        q = "" if layer["quarantined"] is None else str(layer["quarantined"])
        m = "" if layer["merged"] is None else str(layer["merged"])
        out.append(f"| {layer['layer']} | {layer['records']} | {q} | {m} |")
    out.append("")
    for item in sorted(s.get("rejected") or [], key=lambda r: _text(r.get("path"))):
        name = item.get("file_name") or _text(item.get("path"))
        out.append(f"- rejected `{_md(name)}`: {_md(item.get('reason'))}")
    if facts.reasons:
        out.append("")
        out.append("Top quarantine reasons:")
        out += [f"- {_md(reason)} ({count})" for reason, count, _ in facts.reasons[:5]]
    out.append("")
    out.append(
        f"Duplicate candidates: {_int(s.get('duplicate_candidates'))} · unknown places: "
        f"{_int(s.get('unknown_places'))} · unresolved actor names: "
        f"{_int(s.get('unresolved_actor_mentions'))}"
    )
    if inputs.quality is not None:
        failures = [o for o in facts.outcomes if not o["success"]]
        critical = sum(1 for o in failures if o["severity"] == "critical")
        out.append(
            f"Data quality: {'passed' if inputs.quality.get('passed') else 'failed'} · "
            f"{critical} critical and {len(failures) - critical} warning failures "
            f"of {len(facts.outcomes)} expectations"
        )
    out.append(
        f"Fatalities: {facts.killed_total} killed in {facts.killed_known} events with a figure "
        f"({facts.killed_missing} without a figure, not counted)"
    )
    return "\n".join(out) + "\n"


def report_tables(inputs: ReportInputs) -> dict[str, list[dict[str, Any]]]:
    """Small JSON-ready tables, e.g. for Prefect table artifacts."""
    facts = _facts(inputs)
    return {
        "records_per_layer": [
            {
                "layer": layer["layer"],
                "records": layer["records"],
                "quarantined": layer["quarantined"],
                "merged": layer["merged"],
                "detail": layer["detail"],
            }
            for layer in facts.layers
        ],
        "rejected_documents": [
            {
                "file_name": _text(item.get("file_name")),
                "path": _text(item.get("path")),
                "reason": _text(item.get("reason")),
            }
            for item in sorted(
                facts.summary.get("rejected") or [], key=lambda r: _text(r.get("path"))
            )
        ],
        "quarantine_reasons": [
            {"reason": reason, "records": count} for reason, count, _ in facts.reasons
        ],
        "quality": [
            {
                "table": o["table"],
                "expectation": o["expectation"],
                "column": o["column"],
                "severity": o["severity"],
                "success": o["success"],
                "unexpected_count": o["unexpected_count"],
                "failing_ids": ", ".join(o["failing_ids"][:MAX_FAILING_IDS]),
            }
            for o in facts.outcomes
        ],
    }
