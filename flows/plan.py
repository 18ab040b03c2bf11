"""The first step of a run: what to read, what is published, and which layers to rebuild.

A layer is reused only when it verifies (every file as its manifest says) and its
fingerprint is what this run would build; otherwise it and the layers after it are
rebuilt, and a layer that exists but does not verify is named in the run's notes
(``gold does not verify: actors.parquet: missing; rebuilt``). ``--from silver`` and
``--from gold`` take the current bronze or silver as they are, even when the inputs or
the pipeline changed since; ``--rebuild`` redoes everything without the cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.inputs import (
    MISSING,
    InputError,
    InputFile,
    plan_inputs,
    read_registry,
)
from flows.layers import LAYERS, Verification, choose_start, survey
from flows.publishing import recover
from flows.steps import LayerResult


@dataclass
class RunPlan:
    """Everything the steps of one run need to know before they start."""

    root: Path
    inputs: list[str]
    removed: list[str]
    registry_changed: bool
    files: list[InputFile]
    missing: list[Path]
    known_until: date
    max_bytes: int
    use_cache: bool
    start: str | None  # the first layer to rebuild; None: nothing to do
    current: dict[str, Verification]
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    steps: dict[str, float] = field(default_factory=dict)  # parts of steps, e.g. dedup
    memory: dict[str, float] = field(default_factory=dict)  # peak MB after each (sub)step

    def rebuilds(self, layer: str) -> bool:
        return self.start is not None and LAYERS.index(layer) >= LAYERS.index(self.start)

    def published(self, layer: str) -> LayerResult:
        """The current (verified) layer, for a run that does not rebuild it."""
        verification = self.current[layer]
        assert verification.manifest is not None
        return LayerResult(layer, self.root / layer, verification.manifest, rebuilt=False)

    @property
    def published_gold(self) -> dict[str, Any] | None:
        return self.current["gold"].manifest

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def every_input(self) -> list[InputFile]:
        """The files to read and the registered inputs that are missing."""
        return [*self.files, *(InputFile(path, None, None, MISSING) for path in self.missing)]


def _notes(current: dict[str, Verification], start: str | None) -> list[str]:
    return [
        f"{found.describe()}; rebuilt"
        for layer, found in current.items()
        if found.exists and not found.ok and start is not None
    ]


@task(name="plan-run", cache_policy=NO_CACHE)
def plan_run(
    root: Path,
    inputs: list[str],
    replace: bool,
    remove: list[str],
    known_until: date,
    start: str | None,
    rebuild: bool,
    max_bytes: int,
) -> RunPlan:
    """Finish an interrupted publish, read the input list, hash the inputs, verify the layers."""
    logger = get_run_logger()
    for done in recover(root):
        logger.warning("%s", done)
    if start is not None and (inputs or replace or remove):
        raise InputError(f"--from {start} rebuilds from the current files; it takes no inputs")
    registered = read_registry(root)
    chosen = plan_inputs(registered, inputs, replace, remove)
    found = survey(root, chosen.inputs, max_bytes)
    files, missing, current = found.files, found.missing, found.current
    first = choose_start(current, found.expected, known_until, start, rebuild)
    plan = RunPlan(
        root=root,
        inputs=chosen.inputs,
        removed=chosen.removed,
        registry_changed=chosen.inputs != registered,
        files=files,
        missing=missing,
        known_until=known_until,
        max_bytes=max_bytes,
        use_cache=not rebuild,
        start=first,
        current=current,
        notes=_notes(current, first),
    )
    for note in plan.notes:
        logger.warning("%s", note)
    logger.info(
        "%d input files; %s",
        len(files) + len(missing),
        f"rebuilding from {first}" if first else "nothing changed since the published gold",
    )
    return plan
