"""The eventline Prefect flow: raw reports → bronze → silver → gold, as a list of steps.

Orchestration and I/O only; every decision about text lives in the ``eventline`` package
and is unit-tested there. Each layer is built from the previous layer's files into a
staging folder; the three are made current together, and only after the publish guard
and the quality gate agreed, so a failed run leaves every layer as it was.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger

from eventline.documents import DEFAULT_MAX_BYTES
from eventline.report.summary import RunSummary
from flows.bronze import build_bronze
from flows.gold import build_gold
from flows.inputs import write_registry
from flows.locking import data_folder_lock
from flows.plan import RunPlan, plan_run
from flows.publishing import staging_area
from flows.release import (
    NothingRead,
    PublishRefused,
    QualityGateFailed,
    check_quality,
    conclude,
    publish,
    publish_guard,
    summarize,
)
from flows.report import report, write_summary
from flows.silver import build_silver
from flows.steps import WorkerPool

__all__ = ["NothingRead", "PublishRefused", "QualityGateFailed", "eventline_pipeline"]


@flow(
    name="eventline",
    flow_run_name="eventline · {data_dir}",
    task_runner=WorkerPool(),
    log_prints=False,
)
def eventline_pipeline(
    data_dir: str = "data",
    inputs: list[str] | None = None,
    replace: bool = False,
    remove: list[str] | None = None,
    known_until: str | None = None,
    start: str | None = None,
    rebuild: bool = False,
    allow_removals: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    lock_timeout: float | None = None,
) -> dict[str, Any]:
    """Bring *data_dir*'s bronze, silver and gold up to date with its registered inputs.

    *inputs* are added to the data folder's input list (with *replace*, they become the
    whole list; *remove* takes entries off it). *known_until* (ISO date, default today) is
    the latest date a report can know. *start* (``silver`` or ``gold``) rebuilds from the
    current bronze or silver files; *rebuild* redoes everything without the cache.
    Publishing is refused when documents or events would be lost (*allow_removals*
    overrides) and when the quality gate fails. *lock_timeout*: seconds to wait for
    another run on the same folder (None: wait as long as it takes).
    """
    started = time.monotonic()
    root = Path(data_dir).absolute()  # workers (Dask) may not share our working folder
    horizon = date.fromisoformat(known_until) if known_until else date.today()
    with data_folder_lock(root, lock_timeout, get_run_logger().info):
        plan = plan_run(
            root, inputs or [], replace, remove or [], horizon, start, rebuild, max_bytes
        )
        if plan.start is None:
            return _nothing_to_do(plan, started)
        with staging_area(root) as staging:
            bronze = build_bronze(plan, staging)
            silver = build_silver(plan, bronze, staging)
            gold = build_gold(plan, bronze, silver, staging)
            layers = [bronze, silver, gold]
            guard = publish_guard(plan, bronze, gold, allow_removals)
            quality = check_quality(plan, bronze, silver, gold, go=guard.allowed)
            summary = summarize(plan, layers, guard, quality)
            publish(plan, layers, summary)
            report(plan, summary, layers, quality)
        _record(plan, summary, started)
    conclude(summary, guard, quality)
    return summary.to_dict()


def _nothing_to_do(plan: RunPlan, started: float) -> dict[str, Any]:
    """Same inputs, same pipeline, every layer verified: say so and change nothing."""
    manifest = plan.published_gold or {}
    summary = RunSummary.from_dict({**manifest.get("summary", {}), "unchanged": True})
    summary.report = str(plan.reports / "latest.html")
    if plan.registry_changed:
        write_registry(plan.root, plan.inputs)
    get_run_logger().info("inputs and pipeline unchanged since the published gold: nothing to do")
    _record(plan, summary, started)
    return summary.to_dict()


def _record(plan: RunPlan, summary: RunSummary, started: float) -> None:
    """Timings and memory into the summary (never into a manifest), then
    ``reports/run_summary.json``."""
    summary.timings, summary.seconds = dict(plan.timings), round(time.monotonic() - started, 2)
    summary.steps, summary.memory = dict(plan.steps), dict(plan.memory)
    write_summary(summary, plan.reports)
    get_run_logger().info("\n%s", summary.format())
