"""The eventline Prefect flow: raw reports → bronze → silver → gold.

Orchestration and I/O only; every decision about text lives in the ``eventline``
package and is unit-tested there.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from eventline.bronze_extractor import BronzeExtract, extract_bronze
from eventline.conservation import check_line_accounting, check_record_conservation
from eventline.document_decoder import Rejection, decode_document
from eventline.gold_events import events_from_silver
from eventline.quarantine import validate_and_split
from eventline.run_summary import RunSummary
from eventline.silver_records import quarantine_rows, union_bronze
from flows.storage import discover_files, write_parquet, write_text
from schemas.bronze import (
    BulletModel,
    DocumentModel,
    LineModel,
    NarrativeModel,
    RejectedDocumentModel,
)
from schemas.gold import GoldEventModel
from schemas.silver import QuarantineModel, SilverRecordModel


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


def _frame(rows: list[dict[str, Any]], model: Any) -> pd.DataFrame:
    columns = list(model.to_schema().columns)
    return pd.DataFrame(rows, columns=columns)


@task(name="write-bronze", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def write_bronze(outcomes: list[DocumentOutcome], bronze_dir: Path) -> dict[str, pd.DataFrame]:
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
        "documents": DocumentModel.validate(_frame(list(documents.values()), DocumentModel)),
        "rejected_documents": RejectedDocumentModel.validate(
            _frame([o.rejection for o in outcomes if o.rejection], RejectedDocumentModel)
        ),
        "bullets": BulletModel.validate(
            _frame([row for e in extracts for row in e.bullets], BulletModel)
        ),
        "narratives": NarrativeModel.validate(
            _frame([row for e in extracts for row in e.narratives], NarrativeModel)
        ),
        "lines": LineModel.validate(_frame([row for e in extracts for row in e.lines], LineModel)),
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
    return tables


@task(name="build-silver", cache_policy=NO_CACHE)
def build_silver(bronze: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Validate bronze records into silver; failures go to quarantine with their checks."""
    records = union_bronze(bronze["bullets"], bronze["narratives"])
    silver, reasons = validate_and_split(records, SilverRecordModel)
    quarantine = QuarantineModel.validate(quarantine_rows(records, reasons, "silver"))
    check_record_conservation(records["record_id"], silver["record_id"], quarantine["record_id"])
    return silver, quarantine


@task(name="write-silver", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def write_silver(silver: pd.DataFrame, quarantine: pd.DataFrame, silver_dir: Path) -> None:
    write_parquet(silver, SilverRecordModel, silver_dir / "records.parquet")
    write_parquet(quarantine, QuarantineModel, silver_dir / "quarantine.parquet")


@task(name="build-gold", cache_policy=NO_CACHE)
def build_gold(silver: pd.DataFrame) -> pd.DataFrame:
    events = GoldEventModel.validate(events_from_silver(silver))
    check_record_conservation(
        silver["record_id"], [rid for ids in events["record_ids"] for rid in ids], []
    )
    return events


@task(name="write-gold", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def write_gold(events: pd.DataFrame, gold_dir: Path) -> None:
    write_parquet(events, GoldEventModel, gold_dir / "events.parquet")


@flow(name="eventline", flow_run_name="eventline · {data_dir}", log_prints=False)
def eventline_pipeline(inputs: list[str], data_dir: str) -> dict[str, Any]:
    """Run every input report through bronze, silver and gold under *data_dir*."""
    started = time.monotonic()
    logger = get_run_logger()
    root = Path(data_dir)
    files, missing = discover_files([Path(item) for item in inputs])
    outcomes = [_rejection(path, "input path does not exist", None) for path in missing]
    outcomes += [extract_document(path) for path in files]

    summary = RunSummary()
    summary.rejected = [o.rejection for o in outcomes if o.rejection]
    summary.documents_rejected = len(summary.rejected)
    summary.warnings = [warning for o in outcomes for warning in o.warnings]
    bronze = write_bronze(outcomes, root / "bronze")
    summary.documents_read = len(bronze["documents"])
    summary.duplicate_documents = int(bronze["documents"]["duplicate_paths"].map(len).sum())
    summary.lines = {
        str(k): int(v) for k, v in bronze["lines"]["line_class"].value_counts().items()
    }
    summary.bronze_bullets = len(bronze["bullets"])
    summary.bronze_narratives = len(bronze["narratives"])

    silver, quarantine = build_silver(bronze)
    write_silver(silver, quarantine, root / "silver")
    summary.silver_records = len(silver)
    summary.silver_quarantined = len(quarantine)

    events = build_gold(silver)
    write_gold(events, root / "gold")
    summary.gold_events = len(events)

    summary.seconds = round(time.monotonic() - started, 2)
    write_text(
        json.dumps(summary.to_dict(), indent=2, default=str) + "\n",
        root / "reports" / "run_summary.json",
    )
    logger.info("\n%s", summary.format())
    return summary.to_dict()
