"""CPU seconds of the quality gate alone on a published data folder (GX imported first).

Usage: ``.venv/bin/python bench/gate_cpu.py DATA MODE`` where MODE is ``full`` (every row
checked) or ``reused`` (the verdicts of a first call, minus one report's silver rows, as a
one-changed run would have them). Prints three timings; see ``bench/results/incr-gold.md``.
The run-level counts are placeholders, so the conservation checks fail: only time is measured.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import great_expectations  # noqa: E402,F401  (its import is not what is measured)
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from eventline.quality.gate import run_quality_checks, scalar_frame  # noqa: E402
from eventline.quality.suites import SUITES_BY_TABLE  # noqa: E402
from eventline.quality.verdicts import row_digests  # noqa: E402

GOLD = ("events", "actors", "event_actors", "unresolved_actor_mentions")


def _frames(data: Path) -> dict[str, pd.DataFrame]:
    frames = {
        "silver_records": pd.read_parquet(data / "silver/records.parquet"),
        "silver_quarantine": pd.read_parquet(data / "silver/quarantine.parquet"),
    }
    for name in GOLD:
        frames[name] = pd.read_parquet(
            data / "gold" / (name if name == "events" else f"{name}.parquet")
        )
    return frames


def main(data: Path, mode: str) -> None:
    frames = _frames(data)
    expected = {
        "known_until": pd.Timestamp("2060-01-01").date(),
        "bronze_records": 1,
        "silver_quarantined": len(frames["silver_quarantine"]),
    }
    out = Path(tempfile.mkdtemp())
    kwargs = {}
    if mode == "reused":
        first = run_quality_checks(frames, expected, out / "first")
        verdicts = dict(first.passed_rows)
        silver = frames["silver_records"]
        doc = silver["doc_id"].iloc[len(silver) // 2]
        changed = scalar_frame(silver[silver["doc_id"] == doc], SUITES_BY_TABLE["silver_records"])
        verdicts["silver_records"] = np.setdiff1d(verdicts["silver_records"], row_digests(changed))
        kwargs["verdicts"] = verdicts
    for i in range(3):
        start = time.process_time()
        result = run_quality_checks(frames, expected, out / f"r{i}", **kwargs)
        seconds = time.process_time() - start
        print(f"{mode} {i}: {seconds:.2f} CPU s ({len(result.outcomes)} checks)")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
