"""The deduplication state kept between runs: Parquet files in one folder per pipeline version.

``cache/dedup-state/<key>/`` holds one Parquet file per table of
:class:`eventline.silver.dedup_incremental.DedupState`. It is written to a sibling folder
and swapped in whole, so a run never reads half of one; the other versions' folders (and
the pair-score pickles of the older ``dedup`` cache) are removed. A missing or unreadable
state is no error: deduplication then runs on the whole corpus, with the same result.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from eventline.silver.dedup_incremental import DedupState
from flows.document_cache import StepCache


def read_dedup_state(folder: Path) -> DedupState | None:
    """The state in *folder*, or None when there is none (or it cannot be read)."""
    empty = DedupState()
    tables: dict[str, pa.Table] = {}
    try:
        for name, table in empty.tables().items():
            tables[name] = pq.read_table(folder / f"{name}.parquet", schema=table.schema)
    except (OSError, pa.ArrowException):
        return None
    return DedupState(**tables)


def write_dedup_state(folder: Path, state: DedupState) -> None:
    """Replace the state in *folder* by *state*; drop the other versions' states."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".staging-"))
    try:
        for name, table in state.tables().items():
            pq.write_table(table, staged / f"{name}.parquet")
        old = folder.with_name(f".old-{folder.name}")
        if folder.exists():
            folder.rename(old)
        staged.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    for other in folder.parent.iterdir():
        if other != folder:
            shutil.rmtree(other, ignore_errors=True)
    StepCache(folder.parent.parent, "dedup").prune(set())
