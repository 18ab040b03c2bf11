"""The end of a run: the publish guard, the quality gate, and publishing the layers together."""

from __future__ import annotations

import pandas as pd
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from eventline.export.catalog import write_catalog
from eventline.quality.gate import QualityReport, run_quality_checks
from eventline.report.summary import RunSummary
from flows.document_cache import StepCache
from flows.files import write_json
from flows.guard import GuardDecision, check_publish
from flows.layers import LAYERS, seal
from flows.plan import RunPlan
from flows.publishing import commit
from flows.quality_verdicts import read_verdicts, verdicts_key, write_verdicts
from flows.steps import LayerResult, timed, transient
from flows.storage import read_frame, read_rows

#: The cache each layer's step fills.
CACHE_OF = {"bronze": "bronze", "silver": "silver", "gold": "actors"}


class QualityGateFailed(RuntimeError):
    """Critical expectations failed: nothing is published, the previous layers stay."""


class PublishRefused(RuntimeError):
    """The publish guard refused: the run would drop published documents or events."""

    def __init__(self, decision: GuardDecision) -> None:
        super().__init__(decision.reason)
        self.decision = decision


class NothingRead(PublishRefused):
    """No document could be read: nothing is published."""


@task(name="publish-guard", cache_policy=NO_CACHE)
def publish_guard(
    plan: RunPlan, bronze: LayerResult, gold: LayerResult, allow_removals: bool
) -> GuardDecision:
    """May this run's gold replace the published one? (documents kept, events not lost)"""
    rows = read_rows(bronze.folder / "documents.parquet", ["doc_id", "path", "duplicate_paths"])
    decision = check_publish(
        plan.published_gold, rows, gold.counts["gold_events"], plan.removed, allow_removals
    )
    logger = get_run_logger()
    if not decision.allowed:
        logger.warning("not publishing: %s", decision.reason)
    for dropped in decision.dropped:
        logger.info("removing %s (%d events), as asked", dropped["paths"][0], dropped["events"])
    return decision


@task(name="quality-gate", cache_policy=NO_CACHE)
def quality_gate(
    plan: RunPlan, bronze: LayerResult, silver: LayerResult, gold: LayerResult
) -> QualityReport:
    """Great Expectations on silver, gold and the run's counts; Data Docs under reports/gx.

    Rows that passed every row-level expectation in an earlier run (same pipeline, same
    parameters) are not checked row by row again; table-level rules read every row.
    """
    records = silver.tables.get("records")
    if records is None:
        records = read_frame(silver.folder / "records.parquet")
    quarantine = silver.tables.get("quarantine")
    if quarantine is None:
        quarantine = read_frame(silver.folder / "quarantine.parquet")
    counts = bronze.counts
    known_until = pd.Timestamp(silver.manifest["known_until"]).date()
    key = verdicts_key(known_until)
    verdicts = read_verdicts(plan.cache_dir, key) if plan.use_cache else None
    report = run_quality_checks(
        {"silver_records": records, "silver_quarantine": quarantine, **gold.tables},
        {
            "known_until": known_until,
            "bronze_records": counts["bronze_bullets"] + counts["bronze_narratives"],
            "silver_quarantined": silver.counts["silver_quarantined"],
        },
        plan.reports / "gx",
        run_name=str(flow_run.get_id() or "local"),
        verdicts=verdicts,
    )
    write_verdicts(plan.cache_dir, key, report.passed_rows)
    write_json(report.to_dict(), plan.reports / "quality_report.json")
    get_run_logger().info("\n%s", report.format())
    return report


@timed("quality")
def check_quality(
    plan: RunPlan, bronze: LayerResult, silver: LayerResult, gold: LayerResult, go: bool
) -> QualityReport | None:
    """The quality gate, unless the guard already refused (then it would change nothing)."""
    return quality_gate(plan, bronze, silver, gold) if go else None


@task(
    name="publish-layers",
    cache_policy=NO_CACHE,
    retries=2,
    retry_delay_seconds=[1, 5],
    retry_condition_fn=transient,
)
def publish_layers(plan: RunPlan, layers: list[LayerResult], summary: RunSummary) -> list[str]:
    """Seal gold, then make every rebuilt layer current together; prune their caches."""
    gold = layers[-1]
    write_catalog(gold.folder)  # gold/eventline.duckdb, from the complete staged gold
    gold.manifest = seal(gold.folder, {**gold.manifest, "summary": summary.stable_dict()})
    rebuilt = [layer for layer in layers if layer.rebuilt]
    commit(
        plan.root,
        {layer.layer: layer.folder for layer in rebuilt},
        {layer.layer: layer.fingerprint for layer in rebuilt},
        plan.inputs,
    )
    for layer in rebuilt:
        StepCache(plan.cache_dir, CACHE_OF[layer.layer]).prune(layer.cache_keys)
    names = [layer.layer for layer in rebuilt]
    get_run_logger().info("published %s under %s", ", ".join(names), plan.root)
    return names


@timed("publish")
def publish(plan: RunPlan, layers: list[LayerResult], summary: RunSummary) -> None:
    """Publish when the guard and the gate agreed; otherwise leave every layer as it was."""
    if summary.gold_published:
        publish_layers(plan, layers, summary)


def summarize(
    plan: RunPlan,
    layers: list[LayerResult],
    guard: GuardDecision,
    quality: QualityReport | None,
) -> RunSummary:
    """The run's summary, from what its steps returned."""
    bronze, silver, gold = layers
    return RunSummary.from_steps(
        bronze.counts,
        silver.counts,
        gold.counts,
        quality=quality.to_dict() if quality else None,
        publishable=guard.allowed and quality is not None and quality.passed,
        refused=None if guard.allowed else guard.reason,
        documents_from_cache=bronze.from_cache
        if bronze.rebuilt
        else bronze.counts["documents_read"],
        rebuilt=[layer for layer in LAYERS if plan.rebuilds(layer)],
        notes=plan.notes,
        report=str(plan.reports / "latest.html"),
        timings=plan.timings,  # the same dict: the report shows the steps timed so far
    )


def conclude(summary: RunSummary, guard: GuardDecision, quality: QualityReport | None) -> None:
    """Fail the flow run when nothing was published, with the reason a user can act on."""
    if not guard.allowed:
        if summary.documents_read == 0:
            raise NothingRead(guard)
        raise PublishRefused(guard)
    if quality is not None and not quality.passed:
        raise QualityGateFailed(
            f"{len(quality.critical_failures)} critical expectations failed; nothing was "
            f"published (the previous layers stay). See {summary.report} and "
            f"{summary.report and summary.report.replace('latest.html', 'quality_report.json')}."
        )
