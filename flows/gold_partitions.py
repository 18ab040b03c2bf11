"""Gold's events dataset written in proportion to what changed.

A year whose rows are those of the published gold's partition is hard-linked (copied where
links cannot be made) from it instead of being encoded again. "Those rows" is decided by
a digest: the cache ``gold-partitions`` maps a digest of a partition's rows (and the
writer's version) to the SHA-256 of the file those rows were written as; a published file
of that hash holds exactly those bytes, which a full rebuild would write again. The
published gold is trusted only when it verified at the start of the run (every file as
its manifest says), and a linked file is hashed again before it counts.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa

from flows.document_cache import StepCache, step_key
from flows.files import sha256_file, write_bytes
from flows.storage import partition_tables, rows_digest, table_bytes, writer_version

CACHE = "gold-partitions"
EVENTS = "events"


@dataclass(frozen=True)
class Published:
    """The published, verified gold to link unchanged partitions from (files: its manifest's)."""

    folder: Path
    files: Mapping[str, Mapping[str, Any]]


@dataclass
class Written:
    """Which partition files were encoded and which were linked from the published gold."""

    written: list[str] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)


def _link(source: Path, target: Path, sha256: str) -> bool:
    """Put *source* at *target* (a hard link, else a copy); False unless it has *sha256*."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        try:
            shutil.copyfile(source, target)
        except OSError:
            return False
    if sha256_file(target) == sha256:
        return True
    target.unlink()
    return False


def write_events_dataset(
    frame: pd.DataFrame,
    model: type[pa.DataFrameModel],
    folder: Path,
    cache: StepCache,
    published: Published | None,
) -> Written:
    """``folder/events/year=YYYY/part-0.parquet`` for every year of *frame*, the bytes
    :func:`flows.storage.write_partitioned_parquet` writes; unchanged years are linked
    from *published*.

    *folder* is gold's staging folder; with *cache* off (``--rebuild``) or no published
    gold, every year is encoded.
    """
    done = Written()
    for name, rows in partition_tables(frame, model, "year").items():
        key = step_key(CACHE, writer_version(), name, rows_digest(rows))
        done.keys.add(key)
        relative = f"{EVENTS}/{name}"
        entry = published.files.get(relative) if published else None
        known = cache.get(key)
        if (
            published is not None
            and isinstance(entry, Mapping)
            and known is not None
            and known == entry.get("sha256")
            and _link(published.folder / relative, folder / relative, known)
        ):
            done.linked.append(name)
            continue
        data = table_bytes(rows)
        write_bytes(data, folder / relative)
        cache.put(key, hashlib.sha256(data).hexdigest())
        done.written.append(name)
    return done
