"""The eventline Prefect flow: raw reports → bronze → silver → gold.

Orchestration and I/O only; every decision about text lives in the ``eventline``
package and is unit-tested there.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from eventline.actor_resolver import default_catalog
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from eventline.bronze_extractor import BronzeExtract, extract_bronze
from eventline.conservation import check_line_accounting, check_record_conservation
from eventline.document_decoder import Rejection, decode_document
from eventline.event_classifier import default_classifier
from eventline.gold_builder import GoldTables, build_gold_tables
from eventline.place_resolver import default_gazetteer
from eventline.quality_gate import QualityReport, run_quality_checks
from eventline.run_report import ReportInputs, render_run_report, report_markdown, report_tables
from eventline.run_summary import RunSummary
from eventline.silver_builder import SilverTables, build_silver_tables, frame_of
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


@dataclass
class DocumentOutcome:
    """What became of one input file."""

    path: str
    document: dict[str, Any] | None = None
    rejection: dict[str, Any] | None = None
    extract: BronzeExtract | None = None
    warnings: list[str] = field(default_factory=list)


def _rejection(path: Path, reason: str, size: int | None) -> DocumentOutcome:
    return DocumentOutcome(
        path=str(path),
        rejection={"path": str(path), "file_name": path.name, "size_bytes": size, "reason": reason},
    )


@task(name="extract-bronze", task_run_name="bronze · {path.name}", cache_policy=NO_CACHE, retries=0)
def extract_document(path: Path) -> DocumentOutcome:
    """Read, decode and extract one file; any failure becomes a rejection, not a crash."""
    logger = get_run_logger()
    try:
        data = path.read_bytes()
    except OSError as error:
        return _rejection(path, f"cannot read file: {error.strerror or error}", None)
    decoded = decode_document(data)
    if isinstance(decoded, Rejection):
        logger.warning("rejected %s: %s", path.name, decoded.reason)
        return _rejection(path, decoded.reason, decoded.size_bytes)
    try:
        extract = extract_bronze(decoded.doc_id, decoded.text)
        check_line_accounting(decoded.text, (row["line_no"] for row in extract.lines))
    except Exception as error:  # a bug must not stop the other documents
        logger.error("extraction failed for %s: %r", path.name, error)
        return _rejection(
            path, f"internal error while extracting: {type(error).__name__}: {error}", len(data)
        )
    lines = decoded.text.split("\n")
    document = {
        "doc_id": decoded.doc_id,
        "path": str(path),
        "file_name": path.name,
        "title": extract.title,
        "size_bytes": decoded.size_bytes,
        "encoding": decoded.encoding,
        "decode_warning": decoded.warning,
        "sha256": decoded.sha256,
        "n_lines": len(lines),
        "n_nonblank_lines": sum(1 for line in lines if line.strip()),
        "duplicate_paths": [],
    }
    warnings = [f"{path.name}: {decoded.warning}"] if decoded.warning else []
    if not extract.bullets and not extract.narratives:
        warnings.append(f"{path.name}: no timeline bullets and no dated sentences found")
    logger.info(
        "%s: %d bullets, %d dated sentences",
        path.name,
        len(extract.bullets),
        len(extract.narratives),
    )
    return DocumentOutcome(str(path), document=document, extract=extract, warnings=warnings)


@dataclass
class BronzeBatch:
    """The validated bronze tables of a run, and the plain rows they were made from."""

    tables: dict[str, pd.DataFrame]
    documents: list[dict[str, Any]]
    bullets: list[dict[str, Any]]
    narratives: list[dict[str, Any]]


@task(name="write-bronze", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def write_bronze(outcomes: list[DocumentOutcome], bronze_dir: Path) -> BronzeBatch:
    """Merge identical documents, validate every bronze table and write it."""
    documents: dict[str, dict[str, Any]] = {}
    extracts: list[BronzeExtract] = []
    for outcome in outcomes:
        if outcome.document is None or outcome.extract is None:
            continue
        doc_id = outcome.document["doc_id"]
        if doc_id in documents:
            documents[doc_id]["duplicate_paths"].append(outcome.path)
            continue
        documents[doc_id] = outcome.document
        extracts.append(outcome.extract)
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
    return BronzeBatch(
        tables=tables,
        documents=list(documents.values()),
        bullets=[row for e in extracts for row in e.bullets],
        narratives=[row for e in extracts for row in e.narratives],
    )


@task(name="build-silver", cache_policy=NO_CACHE)
def build_silver(bronze: BronzeBatch, known_until: date) -> SilverTables:
    """Normalise, validate and deduplicate; every bronze record is accounted for."""
    return build_silver_tables(
        bronze.documents,
        bronze.bullets,
        bronze.narratives,
        known_until,
        default_gazetteer(),
        default_classifier(),
    )


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
    texts = {row["record_id"]: row["text"] for row in [*bronze.bullets, *bronze.narratives]}
    columns = {name: list(model.to_schema().columns) for name, model in GOLD_MODELS.items()}
    tables = build_gold_tables(silver, texts, default_catalog(), columns)
    validated = GoldTables(
        **{name: GOLD_MODELS[name].validate(frame) for name, frame in tables.as_dict().items()}
    )
    check_record_conservation(
        [*silver["record_id"], *(rid for ids in silver["merged_record_ids"] for rid in ids)],
        [rid for ids in validated.events["record_ids"] for rid in ids],
        [],
    )
    return validated


@task(name="publish-gold", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def publish_gold(tables: GoldTables, gold_dir: Path) -> None:
    """Write every table to a staging folder, then swap it in; the old gold stays until then."""
    recover(gold_dir)
    staging = staging_dir(gold_dir)
    try:
        for name, frame in tables.as_dict().items():
            if name == "events":
                write_partitioned_parquet(frame, GOLD_MODELS[name], staging / name, "year")
            else:
                write_parquet(frame, GOLD_MODELS[name], staging / f"{name}.parquet")
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
        {"silver_records": silver.records, **gold.as_dict()},
        {
            "known_until": known_until,
            "bronze_records": bronze_records,
            "silver_quarantined": len(silver.quarantine),
            "silver_merged": len(silver.merges),
        },
        reports / "gx",
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


@flow(name="eventline", flow_run_name="eventline · {data_dir}", log_prints=False)
def eventline_pipeline(
    inputs: list[str], data_dir: str, known_until: str | None = None
) -> dict[str, Any]:
    """Run every input report through bronze, silver and gold under *data_dir*.

    *known_until* (ISO date, default today) is the latest date a report can know:
    records dated after it are quarantined. Gold is published only when the quality
    gate passes; otherwise the flow fails and the previous gold stays.
    """
    started = time.monotonic()
    clock = _Clock()
    horizon = date.fromisoformat(known_until) if known_until else date.today()
    logger = get_run_logger()
    root = Path(data_dir)
    reports = root / "reports"
    files, missing = discover_files([Path(item) for item in inputs])
    outcomes = [_rejection(path, "input path does not exist", None) for path in missing]
    outcomes += [extract_document(path) for path in files]

    summary = RunSummary()
    summary.rejected = [o.rejection for o in outcomes if o.rejection]
    summary.documents_rejected = len(summary.rejected)
    summary.warnings = [warning for o in outcomes for warning in o.warnings]
    bronze = write_bronze(outcomes, root / "bronze")
    tables = bronze.tables
    summary.documents_read = len(tables["documents"])
    summary.duplicate_documents = int(tables["documents"]["duplicate_paths"].map(len).sum())
    summary.lines = {
        str(k): int(v) for k, v in tables["lines"]["line_class"].value_counts().items()
    }
    summary.bronze_bullets = len(tables["bullets"])
    summary.bronze_narratives = len(tables["narratives"])
    summary.timings["bronze"] = clock.lap()

    silver = build_silver(bronze, horizon)
    write_silver(silver, root / "silver")
    summary.silver_records = len(silver.records)
    summary.silver_quarantined = len(silver.quarantine)
    summary.silver_merged = len(silver.merges)
    summary.duplicate_candidates = len(silver.candidates)
    summary.unknown_places = len(silver.unknown_places)
    summary.timings["silver"] = clock.lap()

    gold = build_gold(silver.records, bronze)
    summary.gold_events = len(gold.events)
    summary.gold_actors = int((gold.actors["event_count"] > 0).sum())
    summary.gold_event_actors = len(gold.event_actors)
    summary.unresolved_actor_mentions = len(gold.unresolved_actor_mentions)
    summary.timings["gold"] = clock.lap()

    quality = quality_gate(
        silver, gold, summary.bronze_bullets + summary.bronze_narratives, horizon, reports
    )
    summary.quality_passed = quality.passed
    summary.quality_critical_failures = len(quality.critical_failures)
    summary.quality_warnings = len(quality.warnings)
    summary.timings["quality"] = clock.lap()
    if quality.passed:
        publish_gold(gold, root / "gold")
        summary.gold_published = True
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
    summary.report = str(write_run_report(report_inputs, quality, reports))
    summary.timings["report"] = clock.lap()
    summary.seconds = round(time.monotonic() - started, 2)
    write_text(
        json.dumps(summary.to_dict(), indent=2, default=str) + "\n",
        reports / "run_summary.json",
    )
    logger.info("\n%s", summary.format())
    if not quality.passed:
        raise QualityGateFailed(
            f"{len(quality.critical_failures)} critical expectations failed; gold was not "
            f"published (the previous gold stays). See {reports / 'latest.html'} and "
            f"{reports / 'quality_report.json'}."
        )
    return summary.to_dict()


class _Clock:
    """Seconds per stage, for the summary and the benchmark."""

    def __init__(self) -> None:
        self.last = time.monotonic()

    def lap(self) -> float:
        now = time.monotonic()
        elapsed, self.last = now - self.last, now
        return round(elapsed, 3)
