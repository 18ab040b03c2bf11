"""Plain files for the flows, written atomically: JSON, text, bytes, and their hashes.

Apart from ``flows.storage`` (Parquet) so that the checks a run makes before it starts
(inputs, manifests, "nothing changed") import neither pandas nor pandera.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

SCHEMA_VERSION = "0.1.0"


def write_bytes(data: bytes, path: Path) -> None:
    """Write a file atomically: readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text(text: str, path: Path) -> None:
    """Write a small text file atomically."""
    write_bytes(text.encode("utf-8"), path)


def write_json(value: Any, path: Path) -> None:
    """Stable JSON (sorted keys, two-space indent): the same value gives the same bytes."""
    write_text(json.dumps(value, indent=2, sort_keys=True, default=str) + "\n", path)


def read_json(path: Path) -> Any | None:
    """The JSON value of *path*; None when it is missing or not JSON."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
