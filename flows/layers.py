"""The three layers on disk: where they live, what their manifests say, whether they verify.

Every layer folder (``DIR/bronze``, ``DIR/silver``, ``DIR/gold``) carries ``_manifest.json``:
the layer's fingerprint (what it was built from: inputs and pipeline version for bronze,
bronze's fingerprint and the horizon for silver, silver's fingerprint for gold), its counts,
and the size and SHA-256 of every file in it. The manifest is byte-stable: the same inputs
give the same manifest (timings belong in the run summary). A layer *verifies* when its
manifest parses and every file it lists is there, of that size and hash, with no data file
it does not list; a run trusts a layer only then.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from flows.document_cache import step_key
from flows.files import SCHEMA_VERSION, read_json, sha256_file, write_json
from flows.inputs import MISSING, InputError, InputFile, discover, hash_file

LAYERS = ("bronze", "silver", "gold")
MANIFEST = "_manifest.json"
#: Files rebuilt from a layer's other files whose bytes are not reproducible (a DuckDB
#: database differs at every write): listed by name, checked by content, never hashed, so
#: that the manifest stays byte-stable.
DERIVED = {"eventline.duckdb"}
_IGNORED = {MANIFEST, ".gitkeep"}


def fingerprint(*parts: object) -> str:
    """A SHA-256 over *parts*, in order: what a layer was built from."""
    return hashlib.sha256("\n".join(str(part) for part in parts).encode()).hexdigest()


def bronze_fingerprint(tokens: Iterable[str]) -> str:
    """Bronze is made of every input file (its path and content hash) and the pipeline."""
    return fingerprint("bronze", step_key("bronze"), *sorted(tokens))


def silver_fingerprint(bronze: str, known_until: date) -> str:
    """Silver is made of bronze, the horizon ``known_until`` and the pipeline."""
    return fingerprint("silver", step_key("silver"), known_until.isoformat(), bronze)


def gold_fingerprint(silver: str) -> str:
    """Gold is made of silver and the pipeline."""
    return fingerprint("gold", step_key("gold"), silver)


def data_files(folder: Path) -> list[Path]:
    """Every file of a layer but its manifest and hidden files (temporaries, .gitkeep)."""
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.name not in _IGNORED
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def file_entries(folder: Path) -> dict[str, dict[str, Any]]:
    """``{relative path: {"bytes": size, "sha256": digest}}`` for every data file."""
    return {
        path.relative_to(folder).as_posix(): {
            "bytes": path.stat().st_size,
            "sha256": sha256_file(path),
        }
        for path in data_files(folder)
    }


def seal(folder: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    """Write the manifest of a finished layer folder, with every file's size and hash."""
    files = file_entries(folder)
    derived = sorted(name for name in files if name in DERIVED)
    sealed = {
        **manifest,
        "schema_version": SCHEMA_VERSION,
        "files": {name: entry for name, entry in files.items() if name not in DERIVED},
        **({"derived": derived} if derived else {}),
    }
    write_json(sealed, folder / MANIFEST)
    return sealed


def read_manifest(folder: Path) -> dict[str, Any] | None:
    manifest = read_json(folder / MANIFEST)
    return manifest if isinstance(manifest, dict) else None


@dataclass
class Verification:
    """Whether a layer on disk is what its manifest says; *problems* say what is not."""

    layer: str
    manifest: dict[str, Any] | None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.manifest is not None and not self.problems

    @property
    def exists(self) -> bool:
        return self.manifest is not None or bool(self.problems)

    def describe(self) -> str:
        shown = "; ".join(self.problems[:3])
        more = f" (and {len(self.problems) - 3} more)" if len(self.problems) > 3 else ""
        return f"{self.layer} does not verify: {shown}{more}"


def _file_problem(path: Path, name: str, entry: Any) -> str | None:
    if not isinstance(entry, dict):
        return f"{name}: bad manifest entry"
    if not path.is_file():
        return f"{name}: missing"
    size = path.stat().st_size
    if size != entry.get("bytes"):
        return f"{name}: {size} bytes, the manifest says {entry.get('bytes')}"
    if sha256_file(path) != entry.get("sha256"):
        return f"{name}: content differs from the manifest (SHA-256)"
    return None


def verify(folder: Path, layer: str) -> Verification:
    """Check a published layer against its manifest (reads and hashes every file)."""
    if not folder.is_dir() or (not (folder / MANIFEST).exists() and not data_files(folder)):
        return Verification(layer, None)
    manifest = read_manifest(folder)
    if manifest is None or not isinstance(manifest.get("files"), dict):
        return Verification(layer, None, ["no readable manifest with file checksums"])
    problems: list[str] = []
    listed = manifest["files"]
    for name, entry in sorted(listed.items()):
        problem = _file_problem(folder / name, name, entry)
        if problem:
            problems.append(problem)
    derived = manifest.get("derived", [])
    for path in data_files(folder):
        name = path.relative_to(folder).as_posix()
        if name not in listed and name not in derived:
            problems.append(f"{name}: not in the manifest")
    problems += [p for name in derived if (p := _derived_problem(folder, name, manifest))]
    return Verification(layer, manifest, problems)


def _derived_problem(folder: Path, name: str, manifest: dict[str, Any]) -> str | None:
    """A derived file must exist and hold what the layer holds (the catalog: its events)."""
    path = folder / name
    if not path.is_file():
        return f"{name}: missing"
    if name != "eventline.duckdb":
        return None
    import duckdb

    expected = manifest.get("counts", {}).get("gold_events")
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            row = con.execute("select count(*) from events").fetchone()
    except duckdb.Error as error:
        return f"{name}: not a readable DuckDB catalog ({type(error).__name__})"
    if expected is not None and (row is None or row[0] != expected):
        return f"{name}: {row[0] if row else 0} events, the manifest says {expected}"
    return None


def _expected(current: dict[str, Verification], bronze: str, known_until: date) -> str | None:
    """The first layer that is not what this run would build (None: all are)."""
    silver = silver_fingerprint(bronze, known_until)
    wanted = {"bronze": bronze, "silver": silver, "gold": gold_fingerprint(silver)}
    for layer in LAYERS:
        found = current[layer]
        if not found.ok or (found.manifest or {}).get("fingerprint") != wanted[layer]:
            return layer
    return None


def choose_start(
    current: dict[str, Verification],
    bronze: str,
    known_until: date,
    start: str | None,
    rebuild: bool,
) -> str | None:
    """Which layer the run rebuilds first; raises InputError when ``--from`` cannot be met."""
    if rebuild:
        return "bronze"
    if start in ("silver", "gold"):
        for before in LAYERS[: LAYERS.index(start)]:
            found = current[before]
            if not found.ok:
                why = found.describe() if found.exists else f"there is no {before} layer yet"
                raise InputError(f"--from {start} needs the current {before}, but {why}")
        return start
    return _expected(current, bronze, known_until)


@dataclass(frozen=True)
class Survey:
    """The inputs as found on disk, the layers as published, and the bronze they call for."""

    files: list[InputFile]
    missing: list[Path]
    current: dict[str, Verification]
    expected: str


def survey(root: Path, inputs: list[str], max_bytes: int) -> Survey:
    """Hash *inputs*, verify every layer of *root*: what a run decides its start from."""
    found, missing = discover(inputs)
    files = [hash_file(path, max_bytes) for path in found]
    every = [*files, *(InputFile(path, None, None, MISSING) for path in missing)]
    current = {layer: verify(root / layer, layer) for layer in LAYERS}
    return Survey(files, missing, current, bronze_fingerprint(item.token for item in every))
