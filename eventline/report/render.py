"""The run report as one self-contained HTML page, rendered from Jinja2 templates.

A pure function of what a run produced (no clock, no network, no file access beyond the
packaged templates and map outlines): the same inputs give the same bytes. The page carries
everything inline (CSS in a ``<style>`` element, charts and the map as SVG) and a
Content-Security-Policy that forbids loading anything, so it opens the same offline, from an
artifact store or as an e-mail attachment. Templates (``eventline/report/templates/``) are
autoescaped: every value from the data is text, never markup.

Key numbers carry stable element ids (``count-gold-events``, ``chart-events-per-year`` with
``data-bars``...) so that tests and scripts can read them from the page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from eventline.report.charts import Chart, column_chart, row_chart
from eventline.report.facts import (
    MAX_CANDIDATES,
    MAX_FAILING_IDS,
    TOP_NAMES,
    UNCLASSIFIED,
    Facts,
    ReportInputs,
    as_int,
    as_list,
    as_text,
    compute_facts,
    excerpt,
    line_class_order,
    rows_of,
    top_names,
)
from eventline.report.map import event_map

STATUS_LABELS = {"passed": "PASSED", "warning": "PASSED WITH WARNINGS", "failed": "FAILED"}
# Nothing may be loaded: no script, no font, no image, no stylesheet beyond the inline one.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)
SECTIONS = (
    ("documents", "Documents"),
    ("layers", "Records per layer"),
    ("quarantine", "Quarantine"),
    ("duplicates", "Duplicate candidates"),
    ("curation", "Unknown names"),
    ("quality", "Data quality"),
    ("charts", "Events"),
    ("map", "Map"),
)


def plural(count: int, word: str, many: str | None = None) -> str:
    return word if count == 1 else (many or word + "s")


def thousands(value: int | float) -> str:
    return f"{value:,}"


@cache
def environment() -> jinja2.Environment:
    """The templates' environment: autoescaped, strict about undefined names."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("eventline.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["thousands"] = thousands
    env.filters["plural"] = plural
    return env


def safe_href(href: str) -> str | None:
    """A relative link only: the page never points at the network or runs a script URL."""
    href = href.strip()
    lowered = href.lower()
    if not href or href.startswith(("/", "\\")) or ":" in lowered.split("/", 1)[0]:
        return None
    return href


# --------------------------------------------------------------------------- sections


def _header(inputs: ReportInputs, facts: Facts) -> dict[str, Any]:
    seconds = facts.summary.get("seconds")
    took = f" in {float(seconds):.1f} s" if isinstance(seconds, int | float) else ""
    return {
        "run_id": inputs.run_id,
        "generated_at": inputs.generated_at,
        "took": took,
        "status": facts.status,
        "label": STATUS_LABELS[facts.status],
        "reasons": facts.status_reasons,
    }


def _documents(inputs: ReportInputs, facts: Facts) -> dict[str, Any]:
    summary = facts.summary
    docs = sorted(
        rows_of(inputs.documents),
        key=lambda r: (as_text(r.get("file_name")), as_text(r.get("doc_id"))),
    )
    rejections = sorted(
        summary.get("rejected") or [],
        key=lambda r: (as_text(r.get("path")), as_text(r.get("reason"))),
    )
    return {
        "read": as_int(summary.get("documents_read")),
        "rejected": as_int(summary.get("documents_rejected")),
        "duplicates": as_int(summary.get("duplicate_documents")),
        "rows": [
            {
                "file_name": as_text(doc.get("file_name")),
                "title": as_text(doc.get("title")),
                "encoding": as_text(doc.get("encoding")),
                "lines": f"{as_int(doc.get('n_nonblank_lines')):,}"
                if as_text(doc.get("n_nonblank_lines"))
                else "",
                "copies": ", ".join(as_list(doc.get("duplicate_paths"))),
                "doc_id": as_text(doc.get("doc_id")),
            }
            for doc in docs
        ],
        "rejections": [
            {
                "file_name": as_text(item.get("file_name"))
                or as_text(item.get("path")).rsplit("/", 1)[-1],
                "path": as_text(item.get("path")),
                "reason": as_text(item.get("reason")),
            }
            for item in rejections
        ],
        "warnings": [as_text(w) for w in summary.get("warnings") or []],
    }


def _layers(facts: Facts) -> dict[str, Any]:
    summary = facts.summary
    lines = {str(k): as_int(v) for k, v in (summary.get("lines") or {}).items()}
    return {
        "rows": facts.layers,
        "accounted": facts.accounted,
        "lines": [(name, lines[name]) for name in sorted(lines, key=line_class_order)],
        "counts": {
            key: as_int(summary.get(key))
            for key in (
                "bronze_bullets",
                "bronze_narratives",
                "silver_context",
                "duplicate_candidates",
                "unknown_places",
                "gold_actors",
                "gold_event_actors",
                "unresolved_actor_mentions",
            )
        },
    }


def _quarantine(facts: Facts) -> dict[str, Any]:
    reasons = []
    for index, (reason, count, examples) in enumerate(facts.reasons):
        shown = len(examples)
        reasons.append(
            {
                "index": index,
                "reason": reason,
                "count": count,
                "more": f" (first {shown} of {count:,})" if count > shown else "",
                "examples": [ex | {"excerpt": excerpt(ex["text"])} for ex in examples],
            }
        )
    return {"total": as_int(facts.summary.get("silver_quarantined")), "reasons": reasons}


def _candidates(inputs: ReportInputs, facts: Facts) -> dict[str, Any]:
    rows = sorted(
        rows_of(inputs.candidates),
        key=lambda r: (
            -float(r.get("score") or 0),
            as_text(r.get("record_id_a")),
            as_text(r.get("record_id_b")),
        ),
    )

    def side(row: Mapping[str, Any], key: str) -> dict[str, str]:
        doc = as_text(row.get(f"doc_id_{key}"))
        return {
            "document": facts.doc_names.get(doc, doc),
            "line": as_text(row.get(f"line_{key}")),
            "date": as_text(row.get(f"date_{key}")),
            "record_id": as_text(row.get(f"record_id_{key}")),
        }

    shown = [
        {
            "score": f"{float(r.get('score') or 0):.2f}",
            "a": side(r, "a"),
            "b": side(r, "b"),
            "reason": as_text(r.get("reason")),
        }
        for r in rows[:MAX_CANDIDATES]
    ]
    return {
        "count": as_int(facts.summary.get("duplicate_candidates")),
        "rows": shown,
        "hidden": len(rows) - len(shown),
    }


def _curation(inputs: ReportInputs, facts: Facts) -> list[dict[str, Any]]:
    blocks = [
        (
            "Unresolved actor mentions",
            "unresolved-actors",
            "unresolved_actor_mentions",
            "count-unresolved-actor-mentions",
            top_names(inputs.unresolved_actors, "mention_text"),
            "organisation-like names the actor file does not know",
        ),
        (
            "Unknown place names",
            "unknown-places",
            "unknown_places",
            "count-unknown-places",
            top_names(inputs.unknown_places, "name"),
            "place names the gazetteer does not know",
        ),
    ]
    return [
        {
            "heading": heading,
            "key": key,
            "count": as_int(facts.summary.get(summary_key)),
            "count_id": count_id,
            "names": names[:TOP_NAMES],
            "hidden": max(0, len(names) - TOP_NAMES),
            "distinct": len(names),
            "what": what,
        }
        for heading, key, summary_key, count_id, names, what in blocks
    ]


def _quality(inputs: ReportInputs, facts: Facts) -> dict[str, Any] | None:
    quality = inputs.quality
    if quality is None:
        return None
    failures = [o for o in facts.outcomes if not o["success"]]
    critical = sum(1 for o in failures if o["severity"] == "critical")
    passed = quality.get("passed")
    rows = []
    for outcome in facts.outcomes:
        ids = outcome["failing_ids"]
        shown = ", ".join(ids[:MAX_FAILING_IDS])
        if len(ids) > MAX_FAILING_IDS:
            shown += f" … and {len(ids) - MAX_FAILING_IDS:,} more"
        rows.append(outcome | {"result": "pass" if outcome["success"] else "FAIL", "ids": shown})
    docs = as_text(quality.get("docs_index"))
    return {
        "verdict": "passed" if passed else "failed" if passed is False else "unknown",
        "badge": "passed" if passed else "failed",
        "expectations": len(facts.outcomes),
        "critical": critical,
        "warning": len(failures) - critical,
        "href": safe_href(docs),
        "docs_index": docs,
        "rows": rows,
    }


def _figures(facts: Facts) -> list[dict[str, Any]]:
    years = [(str(y), n, f"{y}: {n:,} {plural(n, 'event')}") for y, n in facts.years]
    fatality_bars = [
        (
            str(y),
            killed,
            f"{y}: {killed:,} killed in {known:,} {plural(known, 'event')} with a figure"
            + (f"; {missing:,} without a figure" if missing else ""),
        )
        for y, killed, known, missing in facts.fatalities
    ]
    types = [(name, n, f"{name}: {n:,} {plural(n, 'event')}") for name, n in facts.types]
    missing = str(facts.killed_missing)
    return [
        _figure(
            "Events per year",
            column_chart("chart-events-per-year", "Events per year (bar chart)", years, "events"),
            ["Year", "Events"],
            [(str(y), f"{n:,}") for y, n in facts.years],
            (1,),
        ),
        _figure(
            "Fatalities per year",
            column_chart(
                "chart-fatalities-per-year",
                "Fatalities per year: sum of killed over events that state a figure (bar chart)",
                fatality_bars,
                "fatalities",
                extra={"data-events-without-figure": missing},
            ),
            ["Year", "Killed", "Events with a figure", "Events without a figure"],
            [(str(y), f"{k:,}", f"{n:,}", f"{m:,}") for y, k, n, m in facts.fatalities],
            (1, 2, 3),
            caption="fatalities",
        ),
        _figure(
            "Events by type",
            row_chart(
                "chart-events-by-type", "Events by ACLED event type (bar chart)", types, "events"
            ),
            ["Event type", "Events"],
            [(name, f"{n:,}") for name, n in facts.types],
            (1,),
            caption="types",
        ),
    ]


def _figure(
    heading: str,
    chart: Chart,
    headers: list[str],
    rows: list[tuple[str, ...]],
    numeric: tuple[int, ...],
    caption: str = "",
) -> dict[str, Any]:
    table_id = chart.chart_id.replace("chart-", "table-", 1)
    return {
        "heading": heading,
        "chart": chart,
        "caption": caption,
        "table": {"id": table_id, "headers": headers, "rows": rows, "numeric": numeric},
    }


# --------------------------------------------------------------------------- public API


def render_run_report(inputs: ReportInputs) -> str:
    """The run report as one self-contained HTML document (deterministic for equal inputs)."""
    (page,) = render_run_reports(inputs, [None])
    return page


def render_run_reports(inputs: ReportInputs, docs_links: Sequence[str | None]) -> list[str]:
    """The report once per link to the Data Docs (a page's folder decides the link; None
    keeps the quality results' own): the facts, tables and map are computed once."""
    facts = compute_facts(inputs)
    gold = as_int(facts.summary.get("gold_events"))
    context = {
        "csp": Markup(CSP),  # a constant of this module, quotes kept as written
        "sections": SECTIONS,
        "header": _header(inputs, facts),
        "documents": _documents(inputs, facts),
        "layers": _layers(facts),
        "quarantine": _quarantine(facts),
        "candidates": _candidates(inputs, facts),
        "curation": _curation(inputs, facts),
        "charted": sum(n for _, n in facts.years),
        "gold_events": gold,
        "figures": _figures(facts),
        "facts": facts,
        "unclassified": UNCLASSIFIED,
        "map": event_map(inputs.events),
    }
    template = environment().get_template("run_report.html.j2")
    pages = []
    for link in docs_links:
        quality = inputs.quality
        if quality is not None and link is not None:
            quality = {**quality, "docs_index": link}
        pages.append(
            template.render(context, quality=_quality(replace(inputs, quality=quality), facts))
        )
    return pages
