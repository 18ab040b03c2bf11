"""All the work that depends on one document alone: decode, bronze, silver draft, actors.

This is the unit that is cached (by content hash and pipeline version) and spread over
processes or a Dask cluster; everything after it (deduplication across documents,
validation, gold) needs all documents together.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventline.bronze.decoder import Rejection, decode_document
from eventline.bronze.extractor import BronzeExtract, extract_bronze
from eventline.gold.actors import ActorMention, UnresolvedMention, default_catalog
from eventline.quality.conservation import check_line_accounting
from eventline.silver.builder import SilverDraft, document_countries, draft_silver
from eventline.silver.event_types import default_classifier
from eventline.silver.places import default_gazetteer

logger = logging.getLogger(__name__)
ActorFindings = tuple[list[ActorMention], list[UnresolvedMention]]


@dataclass
class DocumentResult:
    """What became of one input file, up to the silver draft and the actors it names."""

    path: str
    document: dict[str, Any] | None = None
    rejection: dict[str, Any] | None = None
    extract: BronzeExtract | None = None
    draft: SilverDraft | None = None
    actors: dict[str, ActorFindings] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    from_cache: bool = False


def rejected(path: Path, reason: str, size: int | None) -> DocumentResult:
    return DocumentResult(
        path=str(path),
        rejection={"path": str(path), "file_name": path.name, "size_bytes": size, "reason": reason},
    )


def process_document(path: Path, data: bytes, known_until: date) -> DocumentResult:
    """Decode and process one file; any failure becomes a rejection with a reason, not a crash."""
    decoded = decode_document(data)
    if isinstance(decoded, Rejection):
        return rejected(path, decoded.reason, decoded.size_bytes)
    try:
        extract = extract_bronze(decoded.doc_id, decoded.text)
        check_line_accounting(decoded.text, (row["line_no"] for row in extract.lines))
        gazetteer, catalog = default_gazetteer(), default_catalog()
        title = [{"doc_id": decoded.doc_id, "title": extract.title}]
        countries = document_countries(title, gazetteer)
        draft = draft_silver(
            extract.bullets,
            extract.narratives,
            countries,
            known_until,
            gazetteer,
            default_classifier(),
        )
        actors = {
            row["record_id"]: catalog.resolve(row["text"])
            for row in [*draft.records, *draft.quarantine]
        }
    except Exception as error:  # a bug must not stop the other documents
        logger.exception("processing failed for %s", path.name)
        return rejected(
            path, f"internal error while processing: {type(error).__name__}: {error}", len(data)
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
    warnings = [decoded.warning] if decoded.warning else []
    if not extract.bullets and not extract.narratives:
        warnings.append("no timeline bullets and no dated sentences found")
    return DocumentResult(str(path), document, None, extract, draft, actors, warnings)


def read_and_process(path: Path, known_until: date) -> DocumentResult:
    """As :func:`process_document`, reading the file first (for worker processes)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return rejected(path, f"cannot read file: {error.strerror or error}", None)
    return process_document(path, data, known_until)
