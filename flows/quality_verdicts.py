"""The quality gate's row verdicts kept between runs: ``.cache/quality/verdicts.pickle``.

One file, for the current key (pipeline version, which covers the suites, and the run's
parameters): the digests of rows that passed every row-level expectation, per table (see
``eventline.quality.verdicts``). A missing, unreadable or other-key file is no error: the
gate then checks every row, with the same outcomes.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np

from flows.document_cache import step_key
from flows.files import write_bytes


def _path(cache_dir: Path) -> Path:
    return cache_dir / "quality" / "verdicts.pickle"


def verdicts_key(known_until: object) -> str:
    """The key under which verdicts hold: the pipeline version and the gate's parameters."""
    return step_key("quality-verdicts", known_until)


def read_verdicts(cache_dir: Path, key: str) -> dict[str, np.ndarray] | None:
    """The kept verdicts if they were kept under *key*, else None."""
    try:
        with _path(cache_dir).open("rb") as handle:
            stored = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != key:
        return None
    return dict(stored["tables"])


def write_verdicts(cache_dir: Path, key: str, tables: dict[str, np.ndarray]) -> None:
    """Replace the kept verdicts, atomically."""
    data = pickle.dumps({"key": key, "tables": tables}, protocol=pickle.HIGHEST_PROTOCOL)
    write_bytes(data, _path(cache_dir))
