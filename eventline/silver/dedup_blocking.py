"""Blocked pairs as arrays: the same pairs as the date sweep of
:func:`eventline.silver.deduplication._blocked_pairs`, found with one sort and one search.

A corpus of a thousand reports holds millions of blocked pairs; as two integer arrays they
cost 16 bytes each and no Python object, and a run can compare them with the last run's
(:mod:`eventline.silver.dedup_incremental`) without scoring them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from eventline.silver.dedup_text import blocking_keys
from eventline.silver.deduplication import BLOCK_LIMIT, WINDOW_DAYS, DedupRecord

BLOCKED_PRECISIONS = ("day", "range", "bounded")


def record_keys(record: DedupRecord) -> list[str]:
    """What *record* is blocked on (none when it is not precisely dated), sorted."""
    if record.date_precision not in BLOCKED_PRECISIONS:
        return []
    keys = set(blocking_keys(record.text))
    if record.place_id is not None:
        keys.add(f"p:{record.place_id}")
    return sorted(keys)


def blocked_positions(
    starts: Sequence[int], keys: Sequence[Iterable[str]]
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a, b), a < b, of positions into records sorted by (start date, order), whose
    start ordinals are *starts* and blocking keys *keys*.

    For each record b and each of its keys, the earlier records of that key starting at
    most ``WINDOW_DAYS`` before it are its partners, unless they are more than
    ``BLOCK_LIMIT`` (the sweep's queue). Sorted by (b, a), each pair once.
    """
    key_ids: dict[str, int] = {}
    row_key: list[int] = []
    row_pos: list[int] = []
    for position, record_keys_ in enumerate(keys):
        for key in record_keys_:
            row_key.append(key_ids.setdefault(key, len(key_ids)))
            row_pos.append(position)
    if not row_pos:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.copy()
    key_of = np.asarray(row_key, dtype=np.int64)
    pos_of = np.asarray(row_pos, dtype=np.int64)
    order = np.lexsort((pos_of, key_of))
    key_of, pos_of = key_of[order], pos_of[order]
    start_of = np.asarray(starts, dtype=np.int64)[pos_of]
    # One number that sorts by key, then start: a search finds each row's window.
    span = int(start_of.max()) + WINDOW_DAYS + 1
    value = key_of * span + start_of
    low = np.searchsorted(value, value - WINDOW_DAYS, side="left")
    count = np.arange(len(value)) - low
    keep = (count > 0) & (count <= BLOCK_LIMIT)
    low, count, b_rows = low[keep], count[keep], np.flatnonzero(keep)
    offsets = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
    a = pos_of[np.repeat(low, count) + offsets]
    b = pos_of[np.repeat(b_rows, count)]
    size = len(starts)
    joined = np.sort(b * size + a)  # a sort, not np.unique's hash table: 3x faster here
    first = np.ones(len(joined), dtype=bool)
    first[1:] = joined[1:] != joined[:-1]
    unique = joined[first]
    return unique % size, unique // size
