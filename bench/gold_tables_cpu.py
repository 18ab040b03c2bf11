"""CPU seconds of the gold tables step: ``build_gold_tables`` and pandera validation apart.

    .venv/bin/python bench/gold_tables_cpu.py DATA [--profile] [--save OUT] [--compare REF]

DATA is a data folder after a run: ``silver/records.parquet`` and the actor findings of its
step cache ``.cache/actors`` (every entry's, as the run's ``build_gold`` gathers them) are
read, never written. Prints ``time.process_time`` seconds of each part (the step's input is
in memory, as in the flow), with the cyclic collector paused as in the flow (``--gc``: on,
``--freeze``: the loaded input frozen first) and the collector's own time.
``--save`` writes the four tables as Parquet to OUT; ``--compare`` checks them against a
folder saved before (``pyarrow.Table.equals``).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pickle
import pstats
import time
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from eventline.gold.actors import default_catalog
from eventline.gold.builder import GoldTables, build_gold_tables
from flows.gold import _validated, collector_paused
from flows.storage import read_frame
from schemas.gold import GOLD_MODELS


class GcClock:
    """CPU seconds and count of the cyclic collector's runs, per generation."""

    def __init__(self) -> None:
        self.seconds = [0.0, 0.0, 0.0]
        self.runs = [0, 0, 0]
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.process_time()
        else:
            self.seconds[info["generation"]] += time.process_time() - self._started
            self.runs[info["generation"]] += 1

    def __str__(self) -> str:
        return ", ".join(
            f"gen{g}: {n} runs {s:.2f} s"
            for g, (n, s) in enumerate(zip(self.runs, self.seconds, strict=True))
        )


def load_findings(data: Path) -> dict[str, Any]:
    """Every cached document's findings by record id (one version of the cache expected)."""
    findings: dict[str, Any] = {}
    for entry in sorted((data / ".cache" / "actors").glob("*/*.pickle")):
        with entry.open("rb") as handle:
            by_id = pickle.load(handle)
        for record_id, found in by_id.items():
            if record_id in findings and findings[record_id] != found:
                raise SystemExit(f"two cached findings differ for {record_id}: stale cache?")
            findings[record_id] = found
    return findings


def _parquet(frame: pd.DataFrame) -> pa.Buffer:
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), sink)
    return sink.getvalue()


def _save(tables: GoldTables, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.as_dict().items():
        (out / f"{name}.parquet").write_bytes(_parquet(frame).to_pybytes())


def _compare(tables: GoldTables, ref: Path) -> None:
    """Each table as Parquet, read back, equals the one saved (content, schema, metadata)."""
    for name, frame in tables.as_dict().items():
        now = pq.read_table(pa.BufferReader(_parquet(frame)))
        before = pq.read_table(ref / f"{name}.parquet")
        assert now.equals(before, check_metadata=True), f"{name} differs from {ref}"
        print(f"{name}: equal ({now.num_rows} rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--save", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--freeze", action="store_true", help="gc.freeze() the loaded input")
    parser.add_argument(
        "--gc", action="store_true", help="the collector on, as before the flow paused it"
    )
    args = parser.parse_args()
    silver = read_frame(args.data / "silver" / "records.parquet")
    findings = load_findings(args.data)
    catalog = default_catalog()
    columns = {name: list(model.to_schema().columns) for name, model in GOLD_MODELS.items()}
    events = int((silver["record_class"] == "event").sum())
    print(f"{len(silver)} silver records ({events} event), {len(findings)} findings")
    if args.freeze:
        gc.freeze()
    clock = GcClock()
    gc.callbacks.append(clock)
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    with nullcontext() if args.gc else collector_paused():
        started = time.process_time()
        tables = build_gold_tables(silver, findings, catalog, columns)
        built = time.process_time()
        tables = _validated(tables)
        validated = time.process_time()
    if profiler:
        profiler.disable()
    gc.callbacks.remove(clock)
    print(f"cyclic GC during both: {clock} ({len(gc.get_objects())} tracked objects after)")
    print(f"build_gold_tables: {built - started:.2f} s CPU ({len(tables.events)} events)")
    print(f"pandera validation: {validated - built:.2f} s CPU")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    if args.save:
        _save(tables, args.save)
    if args.compare:
        _compare(tables, args.compare)


if __name__ == "__main__":
    main()
