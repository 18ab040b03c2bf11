"""What a data folder is built from: its registered inputs, and the files they hold.

A data folder keeps the list of its inputs in ``DIR/inputs.json`` (files or folders,
absolute paths). ``eventline run REPORT`` adds REPORT to the list and runs the whole list,
so a data engineer adds one report without retyping the archive; ``eventline run`` alone
re-runs the list; ``--replace`` makes the given inputs the whole list and ``eventline
remove`` takes entries off it. The list is written only by a run that publishes (or finds
nothing to do), as part of its commit. Folders are read recursively, hidden files skipped,
so a report dropped into a registered folder is picked up by the next run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eventline.documents import too_large_reason
from flows.files import read_json, write_json

REGISTRY = "inputs.json"
MISSING = "input path does not exist"


class InputError(ValueError):
    """The inputs asked for cannot be used; nothing was run and nothing registered."""


def read_registry(root: Path) -> list[str] | None:
    """The registered inputs of *root*, or None for a data folder without a list yet."""
    value = read_json(root / REGISTRY)
    if isinstance(value, dict) and isinstance(value.get("inputs"), list):
        return [str(item) for item in value["inputs"]]
    return None


def write_registry(root: Path, inputs: list[str]) -> None:
    write_json({"inputs": inputs}, root / REGISTRY)


def _absolute(item: str) -> str:
    return str(Path(item).expanduser().resolve())


@dataclass(frozen=True)
class InputSet:
    """The inputs of one run: the list to register, and what this run takes off it."""

    inputs: list[str]
    removed: list[str]


def plan_inputs(
    registered: list[str] | None,
    given: Sequence[str],
    replace: bool = False,
    remove: Sequence[str] = (),
    default: str = "data/raw",
) -> InputSet:
    """The run's input list from the registered one and the command line.

    Raises :class:`InputError` for a given path that does not exist (a typo must not
    replace the corpus) or a removal of something not registered.
    """
    current = list(registered or [])
    added = [_absolute(item) for item in given]
    for item in added:
        if not Path(item).exists():
            raise InputError(f"{MISSING}: {item}")
    taken = [_absolute(item) for item in remove]
    for item in taken:
        if item not in current:
            known = ", ".join(current) or "none"
            raise InputError(f"not a registered input: {item} (registered: {known})")
    if replace:
        inputs = list(dict.fromkeys(added))
    else:
        inputs = list(dict.fromkeys([*current, *added]))
        if not inputs:
            inputs = [_absolute(default)]
    inputs = [item for item in inputs if item not in taken]
    removed = [item for item in current if item not in inputs]
    return InputSet(inputs, removed)


@dataclass(frozen=True)
class InputFile:
    """One file to read: its content hash, or why it cannot be read (a rejection)."""

    path: Path
    size: int | None
    sha256: str | None
    problem: str | None = None

    @property
    def token(self) -> str:
        """What the bronze fingerprint records for this file."""
        return f"{self.path}\t{self.sha256 or self.problem}"


def discover(inputs: Sequence[str]) -> tuple[list[Path], list[Path]]:
    """(files to read, inputs that do not exist). Folders are walked; hidden files skipped."""
    files: list[Path] = []
    missing: list[Path] = []
    for item in map(Path, inputs):
        if item.is_dir():
            files.extend(
                path
                for path in sorted(item.rglob("*"))
                if path.is_file()
                and not any(part.startswith(".") for part in path.relative_to(item).parts)
            )
        elif item.is_file():
            files.append(item)
        else:
            missing.append(item)
    unique = list(dict.fromkeys(path.resolve() for path in files))
    return unique, missing


def hash_file(path: Path, max_bytes: int) -> InputFile:
    """Size and SHA-256 of *path*, read in chunks; files over *max_bytes* are not read."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return InputFile(path, size, None, too_large_reason(size, max_bytes))
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as error:
        return InputFile(path, None, None, f"cannot read file: {error.strerror or error}")
    return InputFile(path, size, digest.hexdigest())


def is_under(path: str, entries: Sequence[str]) -> bool:
    """Whether *path* is one of *entries* or inside one of them."""
    candidate = Path(path)
    return any(candidate == Path(entry) or Path(entry) in candidate.parents for entry in entries)
