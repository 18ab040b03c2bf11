"""Silver: ``bronze/`` files → ``silver/`` (drafted per document, validated and deduplicated).

Layout::

    silver/records.parquet               one row per event record that passed validation
    silver/quarantine.parquet            records held back, with every reason
    silver/duplicate_candidates.parquet  pairs that may tell one event, for a reviewer
    silver/unknown_places.parquet        place names the gazetteer does not know
    silver/_manifest.json                fingerprint (bronze's and the horizon), counts, files
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow.dataset as ds
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from eventline.silver.builder import SilverDraft, assemble_silver_tables, draft_document
from eventline.silver.event_types import default_classifier
from eventline.silver.places import default_gazetteer
from flows.dedup_state import read_dedup_state, write_dedup_state
from flows.document_cache import StepCache, step_key
from flows.layers import seal, silver_fingerprint
from flows.publishing import Staging
from flows.steps import LayerResult, cached_or_run, clock, stage, timed, transient
from flows.storage import read_rows, write_parquet
from schemas.silver import (
    DuplicateCandidateModel,
    QuarantineModel,
    SilverRecordModel,
    UnknownPlaceModel,
)

if TYPE_CHECKING:
    from flows.plan import RunPlan

MODELS = {
    "records": SilverRecordModel,
    "quarantine": QuarantineModel,
    "duplicate_candidates": DuplicateCandidateModel,
    "unknown_places": UnknownPlaceModel,
}


def _document_work(bronze: LayerResult, known_until: date) -> list[dict[str, Any]]:
    """Each document of bronze, with the cache key of its draft (its bronze files' hashes)."""
    files = bronze.manifest["files"]
    work = []
    for row in read_rows(bronze.folder / "documents.parquet", ["doc_id", "title"]):
        doc_id = row["doc_id"]
        hashes = [
            files[f"{table}/{doc_id}.parquet"]["sha256"] for table in ("bullets", "narratives")
        ]
        work.append(
            {
                "doc_id": doc_id,
                "title": row["title"],
                "key": step_key("silver", doc_id, row["title"], *hashes, known_until.isoformat()),
            }
        )
    return work


@task(
    name="draft-silver",
    task_run_name="draft-silver · {label}",
    cache_policy=NO_CACHE,
    retries=1,
    retry_delay_seconds=[2],
    retry_condition_fn=transient,
)
def draft_silver(
    work: list[dict[str, Any]], bronze_dir: Path, known_until: date, cache_dir: Path, label: str
) -> list[SilverDraft]:
    """Each document's silver draft, from its bronze files; cached by their hashes."""
    cache = StepCache(cache_dir, "silver")
    gazetteer, classifier = default_gazetteer(), default_classifier()
    drafts = []
    for item in work:
        doc_id = item["doc_id"]
        draft = draft_document(
            {"doc_id": doc_id, "title": item["title"]},
            read_rows(bronze_dir / "bullets" / f"{doc_id}.parquet"),
            read_rows(bronze_dir / "narratives" / f"{doc_id}.parquet"),
            known_until,
            gazetteer,
            classifier,
        )
        cache.put(item["key"], draft)
        drafts.append(draft)
    get_run_logger().info("%s: %d drafted", label, len(drafts))
    return drafts


def _bronze_record_ids(bronze_dir: Path, doc_ids: list[str]) -> list[str]:
    ids: list[str] = []
    for table in ("bullets", "narratives"):
        paths = [str(bronze_dir / table / f"{doc_id}.parquet") for doc_id in doc_ids]
        if paths:
            ids += (
                ds.dataset(paths, format="parquet")
                .to_table(columns=["record_id"])["record_id"]
                .to_pylist()
            )
    return ids


@task(
    name="deduplicate-silver",
    cache_policy=NO_CACHE,
    retries=1,
    retry_delay_seconds=[2],
    retry_condition_fn=transient,
)
def deduplicate_silver(
    drafts: list[SilverDraft],
    bronze_dir: Path,
    doc_ids: list[str],
    folder: Path,
    manifest: dict[str, Any],
    cache_dir: Path,
    use_cache: bool,
) -> LayerResult:
    """Validate the drafts of all documents, link duplicates across them, write and seal
    silver.

    Every bronze record (read from bronze's files) must be told by a silver record or be in
    quarantine: the conservation law is checked here. The deduplication state is kept in
    ``dedup-state`` (Parquet, by pipeline version), so a re-run redoes only the pairs and
    groups of duplicates that hold records of changed documents (``dedup_incremental``).
    """
    state_dir = cache_dir / "dedup-state" / step_key("dedup-state")
    previous = read_dedup_state(state_dir) if use_cache else None
    tables = assemble_silver_tables(drafts, _bronze_record_ids(bronze_dir, doc_ids), previous)
    if tables.dedup_state is not None:
        write_dedup_state(state_dir, tables.dedup_state)
    get_run_logger().info(
        "deduplication: %s",
        "the last run's state reused" if previous else "on the whole corpus (no earlier state)",
    )
    frames = tables.as_dict()
    for name, frame in frames.items():
        write_parquet(frame, MODELS[name], folder / f"{name}.parquet")
    counts = tables.counts()
    sealed = seal(folder, {**manifest, "counts": counts})
    return LayerResult("silver", folder, sealed, rebuilt=True, tables=frames)


@timed("silver")
def build_silver(plan: RunPlan, bronze: LayerResult, staging: Staging) -> LayerResult:
    """Silver from bronze's files into a staging folder, or the published one if reusable."""
    if not plan.rebuilds("silver"):
        return plan.published("silver")
    work = _document_work(bronze, plan.known_until)
    with stage(plan, "silver drafting", len(work)):
        drafted = cached_or_run(
            StepCache(plan.cache_dir, "silver", plan.use_cache),
            draft_silver,
            work,
            lambda item: item["doc_id"],
            bronze_dir=bronze.folder,
            known_until=plan.known_until,
            cache_dir=plan.cache_dir,
        )
    manifest = {
        "layer": "silver",
        "fingerprint": silver_fingerprint(bronze.fingerprint, plan.known_until),
        "built_from": bronze.fingerprint,
        "known_until": plan.known_until.isoformat(),
    }
    with clock(plan, "silver deduplication"):
        result = deduplicate_silver(
            quote([draft for draft, _ in drafted]),
            bronze.folder,
            [item["doc_id"] for item in work],
            staging.folder("silver"),
            manifest,
            plan.cache_dir,
            plan.use_cache,
        )
    result.from_cache = sum(cached for _, cached in drafted)
    result.cache_keys = {item["key"] for item in work}
    return result
