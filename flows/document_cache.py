"""Per-document results of each layer's step, kept between runs, keyed on their exact input.

An optimisation behind the layer boundary, never instead of it: silver still reads bronze's
files and gold silver's; a key only lets a step skip work whose input it has already seen.

* ``bronze``: a file's SHA-256 and the pipeline version → the document row and the bytes
  of its three bronze files;
* ``silver``: the SHA-256 of the document's bronze files, its title, the pipeline version
  and ``known_until`` → its silver draft;
* ``actors``: the texts of a document's silver records and the pipeline version → the
  actors they name;
* ``dedup-state``: not a :class:`StepCache` but one folder of Parquet tables per pipeline
  version, what the last deduplication decided (``flows.dedup_state``).

The pipeline version is a hash of the source of the ``eventline`` and ``schemas`` packages
and of the reference data. Prefect's own cache is not used: its default key includes the
flow-run id, and its task-source hashing does not see the code a task calls.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import eventline
import schemas

_FORMAT = "2"
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
    """The version of everything whose change can change a layer's content."""
    return tree_digest([Path(eventline.__file__).parent, Path(schemas.__file__).parent])


def step_key(step: str, *parts: object) -> str:
    """The cache key of one document's *step* on input *parts* (with the pipeline version)."""
    raw = "\x1f".join([step, pipeline_version(), *(str(part) for part in parts)])
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


class StepCache:
    """Pickled results of one step under ``folder/step`` (a local, trusted cache)."""

    def __init__(self, folder: Path, step: str, enabled: bool = True) -> None:
        self.folder = folder / step
        self.enabled = enabled

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Any | None:
        """The cached value; None on a miss, a bad entry, or when the cache is off."""
        if not self.enabled:
            return None
        try:
            with self._path(key).open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, key: str, value: Any) -> None:
        target = self._path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def prune(self, keep: set[str]) -> int:
        """Remove entries not in *keep*: documents no longer registered, old versions."""
        removed = 0
        for entry in self.folder.glob("*/*.pickle"):
            if entry.stem not in keep:
                entry.unlink(missing_ok=True)
                removed += 1
        return removed
