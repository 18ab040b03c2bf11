"""Publish a layer atomically: write it to a staging folder, then swap it in whole.

Readers of ``data/gold`` see either the previous complete gold or the new complete gold,
never a mixture: the swap is one ``renameat2(RENAME_EXCHANGE)`` on Linux. Where that call
is missing (other systems, some file systems) two renames are used, and a publish that
was cut off between them is repaired by the next one.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import uuid
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_KEEP = ".gitkeep"


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step; False when the system cannot."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return done == 0


def _previous(target: Path) -> Path:
    return target.with_name(f".{target.name}.previous")


def staging_dir(target: Path) -> Path:
    """A new, empty staging folder beside *target* (same file system, so renames are cheap)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.staging-{uuid.uuid4().hex[:12]}")
    staging.mkdir()
    if (target / _KEEP).exists():
        (staging / _KEEP).touch()
    return staging


def recover(target: Path) -> list[Path]:
    """Repair a publish cut off between its two renames and remove stale staging folders."""
    removed = []
    previous = _previous(target)
    if previous.exists():
        if target.exists():
            shutil.rmtree(previous)
        else:
            previous.rename(target)
    for stale in target.parent.glob(f".{target.name}.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
        removed.append(stale)
    return removed


def publish(staging: Path, target: Path) -> None:
    """Make *staging* the new *target*; the old content is deleted only once replaced."""
    recover_previous = _previous(target)
    if not target.exists():
        staging.rename(target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging)
        return
    target.rename(recover_previous)
    staging.rename(target)
    shutil.rmtree(recover_previous)
