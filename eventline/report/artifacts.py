"""The run report for Prefect artifacts: a short markdown summary and small JSON tables.

Rendered from the same :class:`~eventline.report.facts.Facts` as the HTML page.
"""

from __future__ import annotations

from html import escape
from typing import Any

from eventline.report.facts import (
    MAX_FAILING_IDS,
    ReportInputs,
    as_int,
    as_text,
    compute_facts,
)


def _md(text: Any) -> str:
    """Plain text made inert in markdown (no HTML, no tables broken by pipes)."""
    return escape(as_text(text), quote=False).replace("|", "\\|").replace("\n", " ")


def report_markdown(inputs: ReportInputs) -> str:
    """A short markdown summary, e.g. for a Prefect markdown artifact."""
    facts = compute_facts(inputs)
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
        f"Documents: **{as_int(s.get('documents_read'))}** read, "
        f"**{as_int(s.get('documents_rejected'))}** rejected.",
        "",
        "| layer | records | quarantined | duplicate tellings |",
        "| --- | ---: | ---: | ---: |",
    ]
    for layer in facts.layers:
        q = "" if layer["quarantined"] is None else str(layer["quarantined"])
        m = "" if layer["duplicates"] is None else str(layer["duplicates"])
        out.append(f"| {layer['layer']} | {layer['records']} | {q} | {m} |")
    out.append("")
    for item in sorted(s.get("rejected") or [], key=lambda r: as_text(r.get("path"))):
        name = item.get("file_name") or as_text(item.get("path"))
        out.append(f"- rejected `{_md(name)}`: {_md(item.get('reason'))}")
    if facts.reasons:
        out.append("")
        out.append("Top quarantine reasons:")
        out += [f"- {_md(reason)} ({count})" for reason, count, _ in facts.reasons[:5]]
    out.append("")
    out.append(
        f"Duplicate candidates: {as_int(s.get('duplicate_candidates'))} · unknown places: "
        f"{as_int(s.get('unknown_places'))} · unresolved actor names: "
        f"{as_int(s.get('unresolved_actor_mentions'))}"
    )
    if inputs.quality is not None:
        failures = [o for o in facts.outcomes if not o["success"]]
        critical = sum(1 for o in failures if o["severity"] == "critical")
        out.append(
            f"Data quality: {'passed' if inputs.quality.get('passed') else 'failed'} · "
            f"{critical} critical and {len(failures) - critical} warning failures "
            f"of {len(facts.outcomes)} expectations"
        )
        rows = inputs.quality.get("rows") or {}
        if rows:  # the row-level expectations read only rows not seen passing before
            out.append(
                f"Rows validated row by row: {sum(c['validated'] for c in rows.values())} · "
                f"earlier verdicts reused: {sum(c['reused'] for c in rows.values())}"
            )
    out.append(
        f"Fatalities: {facts.killed_total} killed in {facts.killed_known} events with a figure "
        f"({facts.killed_missing} without a figure, not counted)"
    )
    return "\n".join(out) + "\n"


def report_tables(inputs: ReportInputs) -> dict[str, list[dict[str, Any]]]:
    """Small JSON-ready tables, e.g. for Prefect table artifacts."""
    facts = compute_facts(inputs)
    return {
        "records_per_layer": [
            {
                "layer": layer["layer"],
                "records": layer["records"],
                "quarantined": layer["quarantined"],
                "duplicates": layer["duplicates"],
                "detail": layer["detail"],
            }
            for layer in facts.layers
        ],
        "rejected_documents": [
            {
                "file_name": as_text(item.get("file_name")),
                "path": as_text(item.get("path")),
                "reason": as_text(item.get("reason")),
            }
            for item in sorted(
                facts.summary.get("rejected") or [], key=lambda r: as_text(r.get("path"))
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
