"""Make a run's layers current together: stage them, then swap them in under a journal.

Each layer is written to a staging folder beside its target (same file system) and swapped
in whole with one ``renameat2(RENAME_EXCHANGE)`` on Linux, two renames elsewhere. Readers
of one layer see the previous complete layer or the new one, never a mixture.

A run usually replaces bronze, silver and gold together. Before the first swap, the
journal ``DIR/.publish.json`` names every staged folder, the fingerprint each layer will
have, and the input list to register; :func:`recover` (called by every run under the lock)
completes a commit that was cut off, so the layers never stay out of step. Staged
folders are complete and validated before the journal exists, so rolling forward is safe.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flows.files import read_json, write_json
from flows.inputs import write_registry
from flows.layers import LAYERS, read_manifest

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_KEEP = ".gitkeep"
JOURNAL = ".publish.json"


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


def _stale(target: Path) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}.staging-*"))


def swap_in(staging: Path, target: Path) -> None:
    """Make *staging* the new *target*; the old content is deleted only once replaced."""
    if not target.exists():
        previous = _previous(target)
        if previous.exists():  # a two-rename swap was cut off: the old layer is here
            shutil.rmtree(previous)
        staging.rename(target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging)
        return
    target.rename(_previous(target))
    staging.rename(target)
    shutil.rmtree(_previous(target))


def _fingerprint_of(folder: Path) -> str | None:
    manifest = read_manifest(folder)
    return manifest.get("fingerprint") if manifest else None


def _roll_forward(root: Path, journal: Mapping[str, Any]) -> None:
    for entry in journal["layers"]:
        target, staging = root / entry["layer"], root / entry["staging"]
        if _fingerprint_of(target) == entry["fingerprint"] and target.exists():
            continue
        if staging.is_dir() and _fingerprint_of(staging) == entry["fingerprint"]:
            swap_in(staging, target)
    if journal.get("registry") is not None:
        write_registry(root, journal["registry"])


def needs_recovery(root: Path) -> bool:
    """Whether :func:`recover` has anything to do (a journal, a swap or staging cut off)."""
    if (root / JOURNAL).exists():
        return True
    return any(_previous(root / layer).exists() or _stale(root / layer) for layer in LAYERS)


def recover(root: Path) -> list[str]:
    """Finish a commit that was cut off, then remove what dead runs left behind.

    Call only while holding the data folder's lock: then no live run owns any staging
    folder, and every one found is stale. Returns what was done, for the log.
    """
    done: list[str] = []
    journal = read_json(root / JOURNAL)
    if isinstance(journal, dict) and isinstance(journal.get("layers"), list):
        _roll_forward(root, journal)
        names = ", ".join(entry["layer"] for entry in journal["layers"])
        done.append(f"completed an interrupted publish of {names}")
    (root / JOURNAL).unlink(missing_ok=True)
    for layer in LAYERS:
        target = root / layer
        previous = _previous(target)
        if previous.exists():
            if target.exists():
                shutil.rmtree(previous)
            else:
                previous.rename(target)
                done.append(f"restored {layer} after an interrupted swap")
        for stale in _stale(target):
            shutil.rmtree(stale, ignore_errors=True)
            done.append(f"removed stale staging folder {stale.name}")
    return done


def commit(
    root: Path,
    staged: Mapping[str, Path],
    fingerprints: Mapping[str, str],
    registry: list[str] | None,
) -> None:
    """Swap every staged layer in, bronze first, under a journal; then register the inputs."""
    journal = {
        "layers": [  # a list: the order of the swaps
            {"layer": layer, "staging": folder.name, "fingerprint": fingerprints[layer]}
            for layer, folder in staged.items()
        ],
        "registry": registry,
    }
    write_json(journal, root / JOURNAL)
    for layer, folder in staged.items():
        swap_in(folder, root / layer)
    if registry is not None:
        write_registry(root, registry)
    (root / JOURNAL).unlink(missing_ok=True)


@dataclass
class Staging:
    """The staging folders of one run, made on first use, one per layer."""

    root: Path
    folders: dict[str, Path] = field(default_factory=dict)

    def folder(self, layer: str) -> Path:
        if layer not in self.folders:
            self.folders[layer] = staging_dir(self.root / layer)
        return self.folders[layer]


@contextmanager
def staging_area(root: Path) -> Iterator[Staging]:
    """Stage layers for one run; what is not committed is removed when the block ends.

    A commit cut off by an error is completed (its journal is there), never undone: the
    layers must not stay out of step.
    """
    staging = Staging(root)
    try:
        yield staging
    finally:
        if (root / JOURNAL).exists():
            recover(root)
        for folder in staging.folders.values():
            shutil.rmtree(folder, ignore_errors=True)
