"""The eventline Prefect flow: raw reports → bronze → silver → gold.

Orchestration and I/O only; every decision about text lives in the ``eventline``
package and is unit-tested there.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from itertools import repeat
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pandas as pd
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from eventline.bronze.extractor import BronzeExtract
from eventline.documents import DocumentResult, read_and_process, rejected
from eventline.export.catalog import write_catalog
from eventline.gold.actors import default_catalog
from eventline.gold.builder import GoldTables, build_gold_tables
from eventline.quality.conservation import check_event_conservation
from eventline.quality.gate import QualityReport, run_quality_checks
from eventline.report.run_report import (
    ReportInputs,
    render_run_report,
    report_markdown,
    report_tables,
)
from eventline.report.summary import RunSummary
from eventline.silver.builder import SilverTables, assemble_silver_tables, frame_of
from flows.document_cache import DocumentCache, cache_key, pipeline_version
from flows.publishing import publish, recover, staging_dir
from flows.storage import discover_files, write_parquet, write_partitioned_parquet, write_text
from schemas.bronze import (
    BulletModel,
    DocumentModel,
    LineModel,
    NarrativeModel,
    RejectedDocumentModel,
)
from schemas.gold import GOLD_MODELS
from schemas.silver import (
    DuplicateCandidateModel,
    QuarantineModel,
    SilverRecordModel,
    UnknownPlaceModel,
)

# Set by the flow in local mode: the worker processes that per-document work runs on.
_POOL: ProcessPoolExecutor | None = None
# Below this many documents to process, worker processes cost more than they save.
_POOL_MINIMUM = 4


@task(name="fingerprint-inputs", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def fingerprint_inputs(files: list[Path], known_until: date) -> list[tuple[Path, str | None]]:
    """(file, cache key) per input; the key is None for a file that cannot be read."""
    keys: list[tuple[Path, str | None]] = []
    for path in files:
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            keys.append((path, None))
            continue
        keys.append((path, cache_key(digest, known_until)))
    return keys


@task(
    name="process-documents",
    task_run_name="documents · {label}",
    cache_policy=NO_CACHE,
    retries=1,
    retry_delay_seconds=[2],
)
def process_batch(
    items: list[tuple[Path, str | None]],
    known_until: date,
    cache_dir: Path,
    label: str,
    use_cache: bool = True,
) -> list[DocumentResult]:
    """Per-document work for a batch: cached results where the key matches, else computed."""
    logger = get_run_logger()
    cache = DocumentCache(cache_dir)
    results: dict[int, DocumentResult] = {}
    todo: list[int] = []
    for index, (path, key) in enumerate(items):
        hit = cache.get(key, path) if key and use_cache else None
        if hit is None:
            todo.append(index)
        else:
            results[index] = hit
    paths = [items[i][0] for i in todo]
    if _POOL is not None and len(paths) >= _POOL_MINIMUM:
        chunk = max(1, len(paths) // 16)
        computed = list(_POOL.map(read_and_process, paths, repeat(known_until), chunksize=chunk))
    else:
        computed = [read_and_process(path, known_until) for path in paths]
    for index, result in zip(todo, computed, strict=True):
        results[index] = result
        key = items[index][1]
        if key is not None:
            cache.put(key, result)
    for index in todo:
        if results[index].rejection:
            logger.warning(
                "rejected %s: %s", items[index][0].name, results[index].rejection["reason"]
            )
    logger.info("%s: %d from cache, %d processed", label, len(items) - len(todo), len(todo))
    return [results[i] for i in range(len(items))]


def _batches(
    items: list[tuple[Path, str | None]], count: int
) -> list[list[tuple[Path, str | None]]]:
    size = max(1, -(-len(items) // max(1, count)))
    return [items[i : i + size] for i in range(0, len(items), size)]


@dataclass
class BronzeBatch:
    """The validated bronze tables of a run, and the distinct documents' results."""

    tables: dict[str, pd.DataFrame]
    results: list[DocumentResult]

    @property
    def record_ids(self) -> list[str]:
        return [
            row["record_id"]
            for result in self.results
            if result.extract is not None
            for row in [*result.extract.bullets, *result.extract.narratives]
        ]


@task(name="write-bronze", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def write_bronze(outcomes: list[DocumentResult], bronze_dir: Path) -> BronzeBatch:
    """Merge identical documents, validate every bronze table and write it."""
    documents: dict[str, dict[str, Any]] = {}
    extracts: list[BronzeExtract] = []
    kept: list[DocumentResult] = []
    for outcome in outcomes:
        if outcome.document is None or outcome.extract is None:
            continue
        doc_id = outcome.document["doc_id"]
        if doc_id in documents:
            documents[doc_id]["duplicate_paths"].append(outcome.path)
            continue
        documents[doc_id] = {**outcome.document, "duplicate_paths": []}
        extracts.append(outcome.extract)
        kept.append(outcome)
    tables = {
        "documents": DocumentModel.validate(frame_of(list(documents.values()), DocumentModel)),
        "rejected_documents": RejectedDocumentModel.validate(
            frame_of([o.rejection for o in outcomes if o.rejection], RejectedDocumentModel)
        ),
        "bullets": BulletModel.validate(
            frame_of([row for e in extracts for row in e.bullets], BulletModel)
        ),
        "narratives": NarrativeModel.validate(
            frame_of([row for e in extracts for row in e.narratives], NarrativeModel)
        ),
        "lines": LineModel.validate(
            frame_of([row for e in extracts for row in e.lines], LineModel)
        ),
    }
    models = {
        "documents": DocumentModel,
        "rejected_documents": RejectedDocumentModel,
        "bullets": BulletModel,
        "narratives": NarrativeModel,
        "lines": LineModel,
    }
    for name, frame in tables.items():
        write_parquet(frame, models[name], bronze_dir / f"{name}.parquet")
    return BronzeBatch(tables=tables, results=kept)


@task(name="build-silver", cache_policy=NO_CACHE)
def build_silver(bronze: BronzeBatch) -> SilverTables:
    """Validate and deduplicate the documents' drafts; every bronze record is accounted for."""
    drafts = [result.draft for result in bronze.results if result.draft is not None]
    return assemble_silver_tables(drafts, bronze.record_ids)


@task(name="write-silver", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def write_silver(silver: SilverTables, silver_dir: Path) -> None:
    write_parquet(silver.records, SilverRecordModel, silver_dir / "records.parquet")
    write_parquet(silver.quarantine, QuarantineModel, silver_dir / "quarantine.parquet")
    write_parquet(
        silver.candidates, DuplicateCandidateModel, silver_dir / "duplicate_candidates.parquet"
    )
    write_parquet(silver.unknown_places, UnknownPlaceModel, silver_dir / "unknown_places.parquet")


@task(name="build-gold", cache_policy=NO_CACHE)
def build_gold(silver: pd.DataFrame, bronze: BronzeBatch) -> GoldTables:
    """Events, actors and links, each validated by its model; every silver record is kept."""
    findings = {rid: found for result in bronze.results for rid, found in result.actors.items()}
    columns = {name: list(model.to_schema().columns) for name, model in GOLD_MODELS.items()}
    tables = build_gold_tables(silver, findings, default_catalog(), columns)
    validated = GoldTables(
        **{name: GOLD_MODELS[name].validate(frame) for name, frame in tables.as_dict().items()}
    )
    check_event_conservation(silver, validated.events)
    return validated


@task(name="publish-gold", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def publish_gold(
    tables: GoldTables, gold_dir: Path, manifest: dict[str, Any] | None = None
) -> None:
    """Write every table to a staging folder, then swap it in; the old gold stays until then."""
    recover(gold_dir)
    staging = staging_dir(gold_dir)
    try:
        for name, frame in tables.as_dict().items():
            if name == "events":
                write_partitioned_parquet(frame, GOLD_MODELS[name], staging / name, "year")
            else:
                write_parquet(frame, GOLD_MODELS[name], staging / f"{name}.parquet")
        if manifest is not None:
            write_text(json.dumps(manifest, indent=2, default=str) + "\n", staging / MANIFEST)
        write_catalog(staging)  # gold/eventline.duckdb, from the complete staged gold
        publish(staging, gold_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


class QualityGateFailed(RuntimeError):
    """Critical expectations failed: gold is not published, the previous gold stays."""


@task(name="quality-gate", cache_policy=NO_CACHE)
def quality_gate(
    silver: SilverTables, gold: GoldTables, bronze_records: int, known_until: date, reports: Path
) -> QualityReport:
    """Great Expectations on silver, gold and the run's counts; Data Docs under reports/gx."""

    report = run_quality_checks(
        {
            "silver_records": silver.records,
            "silver_quarantine": silver.quarantine,
            **gold.as_dict(),
        },
        {
            "known_until": known_until,
            "bronze_records": bronze_records,
            "silver_quarantined": len(silver.quarantine),
        },
        reports / "gx",
        run_name=str(flow_run.get_id() or "local"),
    )
    write_text(
        json.dumps(report.to_dict(), indent=2, default=str) + "\n",
        reports / "quality_report.json",
    )
    get_run_logger().info("\n%s", report.format())
    return report


@task(name="run-report", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def write_run_report(inputs: ReportInputs, quality: QualityReport | None, reports: Path) -> Path:
    """One HTML page per run (reports/runs/), ``reports/latest.html``, and Prefect artifacts."""
    pages = {}
    for page, docs in (
        (reports / "latest.html", "gx/index.html"),
        (reports / "runs" / f"{inputs.run_id}.html", "../gx/index.html"),
    ):
        quality_dict = None
        if quality is not None:
            quality_dict = {**quality.to_dict(), "docs_index": docs}
        pages[page] = render_run_report(replace(inputs, quality=quality_dict))
    for page, html in pages.items():
        write_text(html, page)
    with_quality = replace(inputs, quality=quality.to_dict() if quality else None)
    create_markdown_artifact(
        key="eventline-run-report",
        markdown=report_markdown(with_quality) + f"\nFull report: `{reports / 'latest.html'}`\n",
        description="eventline run summary",
    )
    for name, rows in report_tables(with_quality).items():
        if rows:
            create_table_artifact(key=f"eventline-{name.replace('_', '-')}", table=rows)
    return reports / "latest.html"


# Large tables are passed to tasks inside quote(): Prefect otherwise walks every nested
# value of a task's arguments looking for futures, which costs seconds per 100k records.
@flow(name="eventline", flow_run_name="eventline · {data_dir}", log_prints=False)
def eventline_pipeline(
    inputs: list[str],
    data_dir: str,
    known_until: str | None = None,
    workers: int | None = None,
    rebuild: bool = False,
) -> dict[str, Any]:
    """Run every input report through bronze, silver and gold under *data_dir*.

    *known_until* (ISO date, default today) is the latest date a report can know:
    records dated after it are quarantined. *workers* is the number of local processes for
    per-document work (default: one per CPU; ignored on a Dask task runner). Results per
    document are cached under ``data_dir/.cache``; when neither the inputs nor the pipeline
    changed since the published gold, nothing is rebuilt. Gold is published only when the
    quality gate passes; otherwise the flow fails and the previous gold stays.
    *rebuild* ignores the cache and the published gold's manifest and does everything again.
    """
    global _POOL
    started = time.monotonic()
    clock = _Clock()
    horizon = date.fromisoformat(known_until) if known_until else date.today()
    logger = get_run_logger()
    root = Path(data_dir)
    reports = root / "reports"
    files, missing = discover_files([Path(item) for item in inputs])
    keyed = fingerprint_inputs(files, horizon)
    fingerprint = _manifest_fingerprint(keyed, missing, horizon)
    previous = _read_manifest(root / "gold")
    if not rebuild and previous is not None and previous.get("fingerprint") == fingerprint:
        summary = RunSummary(**{**previous["summary"], "unchanged": True, "timings": {}})
        summary.seconds = round(time.monotonic() - started, 2)
        _write_summary(summary, reports)
        logger.info("inputs and pipeline unchanged since the published gold: nothing to do")
        return summary.to_dict()

    local = isinstance(get_run_context().task_runner, ThreadPoolTaskRunner)
    count = max(1, workers or os.cpu_count() or 1)
    pool = (
        ProcessPoolExecutor(count, mp_context=get_context("spawn")) if local and count > 1 else None
    )
    _POOL = pool
    try:
        batches = _batches(keyed, 1 if local else 4 * count)
        futures = [
            process_batch.submit(
                batch, horizon, root / ".cache", _label(batch, len(keyed)), use_cache=not rebuild
            )
            for batch in batches
        ]
        outcomes = [rejected(path, "input path does not exist", None) for path in missing]
        outcomes += [result for future in futures for result in future.result()]
    finally:
        _POOL = None
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    DocumentCache(root / ".cache").prune({key for _, key in keyed if key})

    summary = RunSummary()
    summary.documents_from_cache = sum(o.from_cache for o in outcomes)
    summary.rejected = [o.rejection for o in outcomes if o.rejection]
    summary.documents_rejected = len(summary.rejected)
    summary.warnings = [f"{Path(o.path).name}: {w}" for o in outcomes for w in o.warnings]
    bronze = write_bronze(quote(outcomes), root / "bronze")
    tables = bronze.tables
    summary.documents_read = len(tables["documents"])
    summary.duplicate_documents = int(tables["documents"]["duplicate_paths"].map(len).sum())
    summary.lines = {
        str(k): int(v) for k, v in tables["lines"]["line_class"].value_counts().items()
    }
    summary.bronze_bullets = len(tables["bullets"])
    summary.bronze_narratives = len(tables["narratives"])
    summary.timings["bronze"] = clock.lap()

    silver = build_silver(quote(bronze))
    write_silver(quote(silver), root / "silver")
    for name, count in silver.counts().items():
        setattr(summary, name, count)
    summary.duplicate_candidates = len(silver.candidates)
    summary.unknown_places = len(silver.unknown_places)
    summary.timings["silver"] = clock.lap()

    gold = build_gold(quote(silver.records), quote(bronze))
    summary.gold_events = len(gold.events)
    summary.gold_actors = int((gold.actors["event_count"] > 0).sum())
    summary.gold_event_actors = len(gold.event_actors)
    summary.unresolved_actor_mentions = len(gold.unresolved_actor_mentions)
    summary.timings["gold"] = clock.lap()

    quality = quality_gate(
        quote(silver),
        quote(gold),
        summary.bronze_bullets + summary.bronze_narratives,
        horizon,
        reports,
    )
    summary.quality_passed = quality.passed
    summary.quality_critical_failures = len(quality.critical_failures)
    summary.quality_warnings = len(quality.warnings)
    summary.timings["quality"] = clock.lap()
    if quality.passed:
        summary.gold_published = True
        manifest = {"fingerprint": fingerprint, "summary": summary.to_dict()}
        publish_gold(quote(gold), root / "gold", manifest)
    summary.timings["publish"] = clock.lap()

    run_id = str(flow_run.get_id() or "local")
    report_inputs = ReportInputs(
        summary=summary.to_dict(),
        run_id=run_id,
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        quarantine=silver.quarantine,
        candidates=silver.candidates,
        unknown_places=silver.unknown_places,
        unresolved_actors=gold.unresolved_actor_mentions,
        events=gold.events,
        documents=tables["documents"],
    )
    summary.report = str(write_run_report(quote(report_inputs), quote(quality), reports))
    summary.timings["report"] = clock.lap()
    summary.seconds = round(time.monotonic() - started, 2)
    _write_summary(summary, reports)
    logger.info("\n%s", summary.format())
    if not quality.passed:
        raise QualityGateFailed(
            f"{len(quality.critical_failures)} critical expectations failed; gold was not "
            f"published (the previous gold stays). See {reports / 'latest.html'} and "
            f"{reports / 'quality_report.json'}."
        )
    return summary.to_dict()


MANIFEST = "_manifest.json"


def _write_summary(summary: RunSummary, reports: Path) -> None:
    write_text(
        json.dumps(summary.to_dict(), indent=2, default=str) + "\n", reports / "run_summary.json"
    )


def _manifest_fingerprint(
    keyed: list[tuple[Path, str | None]], missing: list[Path], horizon: date
) -> str:
    """What the published gold was made from: every input and its key, and the pipeline."""
    parts = [f"{path}={key}" for path, key in keyed] + [f"{path}=missing" for path in missing]
    raw = "\n".join([pipeline_version(), horizon.isoformat(), *sorted(parts)])
    return hashlib.sha256(raw.encode()).hexdigest()


def _read_manifest(gold_dir: Path) -> dict[str, Any] | None:
    try:
        return json.loads((gold_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _label(batch: list[tuple[Path, str | None]], total: int) -> str:
    if len(batch) == 1:
        return batch[0][0].name
    return f"{batch[0][0].name} … {batch[-1][0].name} ({len(batch)} of {total})"


class _Clock:
    """Seconds per stage, for the summary and the benchmark."""

    def __init__(self) -> None:
        self.last = time.monotonic()

    def lap(self) -> float:
        now = time.monotonic()
        elapsed, self.last = now - self.last, now
        return round(elapsed, 3)
