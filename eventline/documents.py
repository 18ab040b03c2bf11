"""The bronze step of one document: bytes in, bronze rows (or a rejection) out.

This is the per-document unit of the bronze layer: it is cached by content hash and spread
over worker processes or a Dask cluster. Silver does not call it: silver reads the bronze
files this step's rows are written to (``flows/bronze.py``), so each layer is built from
the previous layer's files.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventline.bronze.decoder import Rejection, decode_document
from eventline.bronze.extractor import BronzeExtract, extract_bronze
from eventline.quality.conservation import check_line_accounting

logger = logging.getLogger(__name__)

#: Default upper bound on one input file: larger files are rejected without being read.
DEFAULT_MAX_BYTES = 200_000_000


@dataclass
class BronzeDocument:
    """What became of one input file in bronze: its document row and rows, or a rejection."""

    path: str
    document: dict[str, Any] | None = None
    rejection: dict[str, Any] | None = None
    extract: BronzeExtract | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def doc_id(self) -> str | None:
        return self.document["doc_id"] if self.document else None


def rejected(path: Path, reason: str, size: int | None) -> BronzeDocument:
    """A rejection row: the file is listed with its reason and the other documents go on."""
    return BronzeDocument(
        path=str(path),
        rejection={"path": str(path), "file_name": path.name, "size_bytes": size, "reason": reason},
    )


def too_large_reason(size: int, limit: int) -> str:
    return (
        f"file too large: {size:,} bytes, over the limit of {limit:,} bytes "
        "(raise it with --max-bytes)"
    )


def bronze_document(path: Path, data: bytes) -> BronzeDocument:
    """Decode and extract one file; any failure becomes a rejection with a reason, not a crash."""
    decoded = decode_document(data)
    if isinstance(decoded, Rejection):
        return rejected(path, decoded.reason, decoded.size_bytes)
    try:
        extract = extract_bronze(decoded.doc_id, decoded.text)
        check_line_accounting(decoded.text, (row["line_no"] for row in extract.lines))
    except Exception as error:  # a bug must not stop the other documents
        logger.exception("bronze extraction failed for %s", path.name)
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
    return BronzeDocument(str(path), document, None, extract, warnings)


def read_limited(path: Path, max_bytes: int) -> bytes | BronzeDocument:
    """The file's bytes, or a rejection when it cannot be read or exceeds *max_bytes*.

    Never reads more than ``max_bytes + 1`` bytes, so a huge file costs nothing.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
            if len(data) > max_bytes:
                size = path.stat().st_size
                return rejected(path, too_large_reason(size, max_bytes), size)
    except OSError as error:
        return rejected(path, f"cannot read file: {error.strerror or error}", None)
    return data
