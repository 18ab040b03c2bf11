"""Per-document results kept between runs, keyed on what could change them.

A key is the document's content hash, the pipeline's version (a hash of the source of
the ``eventline`` and ``schemas`` packages and of the reference data) and the horizon
``known_until``. Prefect's own cache is not used for this: its default key includes the
flow-run id, and its task-source hashing does not see the code a task calls.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

import eventline
import schemas
from eventline.documents import DocumentResult

_FORMAT = "1"


_SOURCES = {".py", ".csv", ".yaml", ".yml", ".json"}


def tree_digest(roots: list[Path]) -> str:
    """A hash of the source and reference files under *roots* (not caches or outputs)."""
    digest = hashlib.sha256(_FORMAT.encode())
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in _SOURCES and path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root.parent)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def pipeline_version() -> str:
    """The version of everything whose change can change a document's result."""
    return tree_digest([Path(eventline.__file__).parent, Path(schemas.__file__).parent])


def cache_key(content_sha256: str, known_until: date) -> str:
    raw = f"{content_sha256}|{pipeline_version()}|{known_until.isoformat()}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


class DocumentCache:
    """Pickled :class:`DocumentResult` files under one folder (a local, trusted cache)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str, path: Path) -> DocumentResult | None:
        """The cached result, told where the file now lives; None on a miss or a bad entry."""
        try:
            with self._path(key).open("rb") as handle:
                result: DocumentResult = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        document = result.document
        if document is not None:
            document = {**document, "path": str(path), "file_name": path.name}
        return replace(result, path=str(path), document=document, from_cache=True)

    def put(self, key: str, result: DocumentResult) -> None:
        target = self._path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)

    def prune(self, keep: set[str]) -> int:
        """Remove entries not in *keep* (documents gone from the input, old versions)."""
        removed = 0
        for entry in self.folder.glob("*/*.pickle"):
            if entry.stem not in keep:
                entry.unlink(missing_ok=True)
                removed += 1
        return removed
