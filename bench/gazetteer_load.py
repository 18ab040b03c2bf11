"""Load time and memory of the bundled gazetteer: one country, the six Sahel/Lake Chad dump
countries, every country. Each case runs in a fresh process (no warm cache): once timed,
once under tracemalloc (which slows Python down, so its times are not reported).

Usage: ``.venv/bin/python bench/gazetteer_load.py``
"""

from __future__ import annotations

import json
import subprocess
import sys

CASES = {
    "one country (ML)": ["ML"],
    "six (ML BF NE MR CI CM)": ["ML", "BF", "NE", "MR", "CI", "CM"],
    "all countries": None,
}

_CHILD = """
import json, resource, sys, time, tracemalloc
codes, traced = json.loads(sys.argv[1]), sys.argv[2] == "1"
if traced:
    tracemalloc.start()
start = time.perf_counter()
from eventline.silver import gazetteer
imported = time.perf_counter()
gz = gazetteer.load_all() if codes is None else gazetteer.load(codes)
loaded = time.perf_counter()
gz.find("Bosso")
indexed = time.perf_counter()
out = {"places": len(gz.places), "admin": len(gz.admin_areas),
       "import_s": imported - start, "load_s": loaded - imported, "index_s": indexed - loaded,
       "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
if traced:
    out["traced_mb"] = tracemalloc.get_traced_memory()[0] / 1e6
print(json.dumps(out))
"""


def _run(codes: list[str] | None, traced: bool) -> dict:
    args = [sys.executable, "-c", _CHILD, json.dumps(codes), "1" if traced else "0"]
    return json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)


def main() -> int:
    print("| case | places | admin areas | load (s) | first find: index (s) | "
          "max RSS (MB) | Python objects after index (tracemalloc, MB) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for name, codes in CASES.items():
        timed, traced = _run(codes, False), _run(codes, True)
        print(
            f"| {name} | {timed['places']:,} | {timed['admin']:,} | {timed['load_s']:.2f} "
            f"| {timed['index_s']:.2f} | {timed['max_rss_mb']:.0f} | {traced['traced_mb']:.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
