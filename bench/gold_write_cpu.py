"""CPU seconds of writing gold's events dataset: every year encoded, or the unchanged linked.

    .venv/bin/python bench/gold_write_cpu.py NEW OLD [--repeat 3]

NEW is a data folder after a run (its gold's events are written again), OLD the data folder
it started from (its gold is the published one to link from, its ``.cache/gold-partitions``
what that run remembered; copied, never changed). Prints ``time.process_time`` seconds of
the whole write (Arrow conversion, split, digests, encoding, hashing) and checks that every
file written is the bytes of NEW's gold.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import pandas as pd

from flows.document_cache import StepCache
from flows.files import sha256_file
from flows.gold_partitions import CACHE, Published, write_events_dataset
from flows.layers import read_manifest
from schemas.gold import GoldEventModel


def _events(folder: Path) -> pd.DataFrame:
    frame = pd.read_parquet(folder / "events")
    frame["year"] = frame["year"].astype("int64")
    return frame.sort_values(["date_start", "event_id"], kind="stable", ignore_index=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("new", type=Path)
    parser.add_argument("old", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    frame = _events(args.new / "gold")
    expected = read_manifest(args.new / "gold")["files"]  # type: ignore[index]
    published = Published(args.old / "gold", read_manifest(args.old / "gold")["files"])  # type: ignore[index]
    for label, linking in (("every year encoded", False), ("unchanged years linked", True)):
        for _ in range(args.repeat):
            work = Path(tempfile.mkdtemp())
            shutil.copytree(args.old / ".cache" / CACHE, work / "cache" / CACHE)
            cache = StepCache(work / "cache", CACHE, linking)
            started = time.process_time()
            done = write_events_dataset(
                frame, GoldEventModel, work / "gold", cache, published if linking else None
            )
            seconds = time.process_time() - started
            for path in (work / "gold" / "events").rglob("*.parquet"):
                name = path.relative_to(work / "gold").as_posix()
                assert sha256_file(path) == expected[name]["sha256"], name
            print(
                f"{label}: {seconds:.3f} s CPU "
                f"({len(done.written)} written, {len(done.linked)} linked)"
            )
            shutil.rmtree(work)


if __name__ == "__main__":
    main()
