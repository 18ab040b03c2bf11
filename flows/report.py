"""The run's report: an HTML page per run, ``run_summary.json``, and Prefect artifacts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from prefect import task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from eventline.quality.gate import QualityReport
from eventline.report.run_report import (
    ReportInputs,
    render_run_reports,
    report_markdown,
    report_tables,
)
from eventline.report.summary import RunSummary
from flows.files import write_json, write_text
from flows.steps import LayerResult, timed, transient
from flows.storage import read_frame

if TYPE_CHECKING:
    from flows.plan import RunPlan


def write_summary(summary: RunSummary, reports: Path) -> None:
    write_json(summary.to_dict(), reports / "run_summary.json")


def _table(layer: LayerResult, name: str) -> pd.DataFrame:
    frame = layer.tables.get(name)
    return frame if frame is not None else read_frame(layer.folder / f"{name}.parquet")


def report_inputs(summary: RunSummary, layers: list[LayerResult]) -> ReportInputs:
    """What the report shows, from the layers as this run built them."""
    bronze, silver, gold = layers
    return ReportInputs(
        summary=summary.to_dict(),
        run_id=str(flow_run.get_id() or "local"),
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        quarantine=_table(silver, "quarantine"),
        candidates=_table(silver, "duplicate_candidates"),
        unknown_places=_table(silver, "unknown_places"),
        unresolved_actors=gold.tables["unresolved_actor_mentions"],
        events=gold.tables["events"],
        documents=_table(bronze, "documents"),
    )


@task(
    name="run-report",
    cache_policy=NO_CACHE,
    retries=2,
    retry_delay_seconds=[1, 5],
    retry_condition_fn=transient,
)
def write_run_report(inputs: ReportInputs, quality: QualityReport | None, reports: Path) -> Path:
    """One HTML page per run (reports/runs/), ``reports/latest.html``, and Prefect artifacts."""
    pages = {
        reports / "latest.html": "gx/index.html",
        reports / "runs" / f"{inputs.run_id}.html": "../gx/index.html",
    }
    with_quality = replace(inputs, quality=quality.to_dict() if quality else None)
    for page, html in zip(
        pages, render_run_reports(with_quality, list(pages.values())), strict=True
    ):
        write_text(html, page)
    create_markdown_artifact(
        key="eventline-run-report",
        markdown=report_markdown(with_quality) + f"\nFull report: `{reports / 'latest.html'}`\n",
        description="eventline run summary",
    )
    for name, rows in report_tables(with_quality).items():
        if rows:
            create_table_artifact(key=f"eventline-{name.replace('_', '-')}", table=rows)
    return reports / "latest.html"


@timed("report")
def report(
    plan: RunPlan, summary: RunSummary, layers: list[LayerResult], quality: QualityReport | None
) -> None:
    """The run report of a run that built its layers (published or not)."""
    write_run_report(report_inputs(summary, layers), quality, plan.reports)
