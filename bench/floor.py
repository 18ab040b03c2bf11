"""The floor: one compiled regular-expression pass over a corpus read from disk.

The machine's speed drifts (up to 2x from day to day here), so every benchmark time is
also given as a ratio to this floor, measured in the same run on the same files: a fresh
process reads each file, decodes it and runs one compiled pattern (dates as reports write
them, and figures) over it. Nothing eventline does can be faster than reading its input
once; the ratio says how many such passes a run costs.

    .venv/bin/python bench/floor.py /tmp/corpus
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
PATTERN = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?\b|\b\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?\b"
    r"|\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d+\b"
)


def scan(paths: list[Path]) -> dict[str, float]:
    """Read, decode and scan every file once; seconds and matches."""
    started = time.perf_counter()
    matches = size = 0
    for path in paths:
        data = path.read_bytes()
        size += len(data)
        matches += sum(1 for _ in PATTERN.finditer(data.decode("utf-8", errors="replace")))
    return {
        "seconds": round(time.perf_counter() - started, 3),
        "matches": matches,
        "megabytes": round(size / 1e6, 2),
    }


def measure_floor(corpus: Path) -> dict[str, float]:
    """The floor of *corpus*, measured in a fresh process (as a run reads it)."""
    out = subprocess.run(
        [sys.executable, __file__, str(corpus), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def main() -> None:
    corpus = Path(sys.argv[1])
    result = scan(sorted(p for p in corpus.rglob("*") if p.is_file()))
    if "--json" in sys.argv:
        print(json.dumps(result))
    else:
        print(f"{result['megabytes']} MB: {result['seconds']} s, {result['matches']} matches")


if __name__ == "__main__":
    main()
