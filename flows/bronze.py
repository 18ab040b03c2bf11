"""Bronze: every input file → ``bronze/`` (one file per document and table, and two indexes).

Layout of the layer (each document's rows can be replaced alone)::

    bronze/documents.parquet              one row per distinct document, in input order
    bronze/rejected_documents.parquet     one row per rejected input, with its reason
    bronze/bullets/<doc_id>.parquet       that document's timeline bullets
    bronze/narratives/<doc_id>.parquet    its dated sentences
    bronze/lines/<doc_id>.parquet         its classified lines
    bronze/_manifest.json                 fingerprint, counts, every file's size and SHA-256
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from eventline.documents import BronzeDocument, bronze_document, read_limited, rejected
from eventline.silver.builder import frame_of
from flows import progress
from flows.document_cache import StepCache, step_key
from flows.files import write_bytes
from flows.inputs import MISSING, InputFile
from flows.layers import bronze_fingerprint, seal
from flows.publishing import Staging
from flows.steps import LayerResult, run_batches, stage, timed, transient
from flows.storage import parquet_bytes, read_frame, write_parquet
from schemas.bronze import (
    BulletModel,
    DocumentModel,
    LineModel,
    NarrativeModel,
    RejectedDocumentModel,
)

if TYPE_CHECKING:
    from flows.plan import RunPlan

#: The per-document tables, each a folder of ``<doc_id>.parquet`` files.
RECORD_TABLES = {"bullets": BulletModel, "narratives": NarrativeModel, "lines": LineModel}


@dataclass
class BronzeOutcome:
    """What one input file gave, small enough to send back from a worker."""

    path: str
    document: dict[str, Any] | None = None
    rejection: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    bullets: int = 0
    narratives: int = 0
    from_cache: bool = False
    cache_key: str | None = None


def _outcome(document: BronzeDocument) -> BronzeOutcome:
    extract = document.extract
    return BronzeOutcome(
        path=document.path,
        document=document.document,
        rejection=document.rejection,
        warnings=list(document.warnings),
        lines=dict(Counter(row["line_class"] for row in extract.lines)) if extract else {},
        bullets=len(extract.bullets) if extract else 0,
        narratives=len(extract.narratives) if extract else 0,
    )


def _document_files(documents: list[BronzeDocument]) -> dict[str, dict[str, bytes]]:
    """Validate a batch's rows table by table (once per batch), then split them per document."""
    files: dict[str, dict[str, bytes]] = {d.doc_id: {} for d in documents if d.doc_id}
    for table, model in RECORD_TABLES.items():
        rows = [row for d in documents if d.extract for row in getattr(d.extract, table)]
        frame = model.validate(frame_of(rows, model))
        groups = dict(tuple(frame.groupby("doc_id", sort=False))) if len(frame) else {}
        for doc_id in files:
            part = groups.get(doc_id, frame.iloc[0:0])
            files[doc_id][table] = parquet_bytes(part, model)
    return files


def _from_cache(hit: dict[str, Any], path: Path, key: str) -> BronzeOutcome:
    outcome: BronzeOutcome = hit["outcome"]
    outcome.path = str(path)
    if outcome.document is not None:
        outcome.document = {**outcome.document, "path": str(path), "file_name": path.name}
    if outcome.rejection is not None:
        outcome.rejection = {**outcome.rejection, "path": str(path), "file_name": path.name}
    outcome.from_cache, outcome.cache_key = True, key
    return outcome


def _write(folder: Path, doc_id: str, files: dict[str, bytes]) -> None:
    for table, data in files.items():
        write_bytes(data, folder / table / f"{doc_id}.parquet")


@task(
    name="extract-bronze",
    task_run_name="extract-bronze · {label}",
    cache_policy=NO_CACHE,
    retries=1,
    retry_delay_seconds=[2],
    retry_condition_fn=transient,
)
def extract_bronze(
    files: list[dict[str, Any]], folder: Path, cache_dir: Path, max_bytes: int, label: str
) -> list[BronzeOutcome]:
    """Decode and extract a batch of files; write each document's rows to *folder*.

    The batch's rows are validated table by table (once per batch), then written as one
    file per document and table, and cached by the file's content hash.
    """
    cache = StepCache(cache_dir, "bronze")
    computed: list[tuple[str, BronzeDocument]] = []
    for item in (InputFile(**fields) for fields in files):
        data = read_limited(item.path, max_bytes)
        document = data if isinstance(data, BronzeDocument) else bronze_document(item.path, data)
        computed.append((step_key("bronze", item.sha256), document))
    unique = list({d.doc_id or d.path: d for _, d in computed}.values())
    written = _document_files(unique)
    outcomes = []
    for key, document in computed:
        files_of = written.get(document.doc_id or "")
        if files_of is not None:
            _write(folder, document.doc_id or "", files_of)
        cache.put(key, {"outcome": _outcome(document), "files": files_of or {}})
        outcome = _outcome(document)
        outcome.cache_key = key
        outcomes.append(outcome)
    get_run_logger().info("%s: %d extracted", label, len(outcomes))
    return outcomes


def _known(item: InputFile, cache: StepCache, folder: Path) -> BronzeOutcome | None:
    """An input this process can settle: unreadable (a rejection) or in the cache."""
    if item.problem:
        return _outcome(rejected(item.path, item.problem, item.size))
    key = step_key("bronze", item.sha256)
    hit = cache.get(key)
    if hit is None:
        return None
    outcome = _from_cache(hit, item.path, key)
    if outcome.document:
        _write(folder, outcome.document["doc_id"], hit["files"])
    return outcome


def _extract_all(plan: RunPlan, folder: Path) -> list[BronzeOutcome]:
    """Every input's outcome, in input order: cached ones here, the others on the runner."""
    cache = StepCache(plan.cache_dir, "bronze", plan.use_cache)
    with stage(plan, "bronze extraction", len(plan.files)):
        known = [_known(item, cache, folder) for item in plan.files]
        pending = [item for item, done in zip(plan.files, known, strict=True) if done is None]
        todo = [asdict(item) for item in pending]
        progress.current().advance(len(plan.files) - len(todo))
        extracted = iter(
            run_batches(
                extract_bronze,
                todo,  # plain dicts travel to any runner
                lambda item: item["path"].name,
                folder=folder,
                cache_dir=plan.cache_dir,
                max_bytes=plan.max_bytes,
            )
        )
    outcomes = [done if done is not None else next(extracted) for done in known]
    logger = get_run_logger()
    for outcome in outcomes:
        if outcome.rejection:
            logger.warning("rejected %s: %s", Path(outcome.path).name, outcome.rejection["reason"])
    hits = sum(outcome.from_cache for outcome in outcomes)
    logger.info("bronze: %d documents from the cache, %d extracted", hits, len(todo))
    return outcomes


def _merge_duplicates(outcomes: list[BronzeOutcome]) -> list[dict[str, Any]]:
    """One row per distinct document; identical copies list their paths on the first."""
    documents: dict[str, dict[str, Any]] = {}
    for outcome in outcomes:
        if outcome.document is None:
            continue
        doc_id = outcome.document["doc_id"]
        if doc_id in documents:
            documents[doc_id]["duplicate_paths"].append(outcome.path)
        else:
            documents[doc_id] = {**outcome.document, "duplicate_paths": []}
    return list(documents.values())


def _counts(outcomes: list[BronzeOutcome], documents: list[dict[str, Any]]) -> dict[str, Any]:
    first: dict[str, BronzeOutcome] = {}
    for outcome in outcomes:
        if outcome.document is not None:
            first.setdefault(outcome.document["doc_id"], outcome)
    lines: Counter[str] = Counter()
    for outcome in first.values():
        lines.update(outcome.lines)
    rejected_rows = [o.rejection for o in outcomes if o.rejection]
    return {
        "documents_read": len(documents),
        "documents_rejected": len(rejected_rows),
        "duplicate_documents": sum(len(d["duplicate_paths"]) for d in documents),
        "rejected": rejected_rows,
        "warnings": [f"{Path(o.path).name}: {w}" for o in outcomes for w in o.warnings],
        "lines": dict(sorted(lines.items())),
        "bronze_bullets": sum(o.bullets for o in first.values()),
        "bronze_narratives": sum(o.narratives for o in first.values()),
    }


@task(
    name="seal-bronze",
    cache_policy=NO_CACHE,
    retries=2,
    retry_delay_seconds=[1, 5],
    retry_condition_fn=transient,
)
def seal_bronze(
    outcomes: list[BronzeOutcome], folder: Path, layer_fingerprint: str, sources: dict[str, str]
) -> dict:
    """Write the documents and rejections tables, then the manifest of the whole layer.

    *sources* maps each input path to the cache key of its bronze result, so that the cache
    entry of a registered report that is missing for a while is kept for its return.
    """
    documents = _merge_duplicates(outcomes)
    frame = DocumentModel.validate(frame_of(documents, DocumentModel))
    write_parquet(frame, DocumentModel, folder / "documents.parquet")
    rejections = [o.rejection for o in outcomes if o.rejection]
    write_parquet(
        RejectedDocumentModel.validate(frame_of(rejections, RejectedDocumentModel)),
        RejectedDocumentModel,
        folder / "rejected_documents.parquet",
    )
    for table in RECORD_TABLES:
        (folder / table).mkdir(exist_ok=True)
    manifest = {
        "layer": "bronze",
        "fingerprint": layer_fingerprint,
        "counts": _counts(outcomes, documents),
        "sources": sources,
    }
    return seal(folder, manifest)


def _sources(plan: RunPlan, outcomes: list[BronzeOutcome]) -> dict[str, str]:
    """Cache keys by input path: this run's, and those of registered paths now missing."""
    sources = {o.path: o.cache_key for o in outcomes if o.cache_key}
    previous = (plan.current["bronze"].manifest or {}).get("sources", {})
    for path in map(str, plan.missing):
        for old, key in previous.items():
            if old == path or old.startswith(path.rstrip("/") + "/"):
                sources.setdefault(old, key)
    return dict(sorted(sources.items()))


@timed("bronze")
def build_bronze(plan: RunPlan, staging: Staging) -> LayerResult:
    """Bronze from the input files into a staging folder, or the published one if reusable."""
    if not plan.rebuilds("bronze"):
        return plan.published("bronze")
    folder = staging.folder("bronze")
    missing = [_outcome(rejected(path, MISSING, None)) for path in plan.missing]
    outcomes = missing + _extract_all(plan, folder)
    fingerprint = bronze_fingerprint(item.token for item in plan.every_input)
    sources = _sources(plan, outcomes)
    manifest = seal_bronze(outcomes, folder, fingerprint, sources)
    return LayerResult(
        layer="bronze",
        folder=folder,
        manifest=manifest,
        rebuilt=True,
        tables={"documents": read_frame(folder / "documents.parquet")},
        from_cache=sum(o.from_cache for o in outcomes),
        cache_keys=set(sources.values()),
    )
