"""Load time, memory and per-record cost of place resolution, one document per fresh process.

For each document: importing the resolver, the world index (countries, major towns,
overrides; built once per process), the document's context (its countries, whose indexes
are built on first use) and locating every bronze record; then the process's peak RSS.

Usage: ``.venv/bin/python bench/places_load.py [FILE ...]`` (default: the bundled sample).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
from eventline.bronze.decoder import decode_document
from eventline.bronze.extractor import extract_bronze
from eventline.silver import place_index
from eventline.silver.places import default_gazetteer
path = Path(sys.argv[1])
decoded = decode_document(path.read_bytes())
extract = extract_bronze(decoded.doc_id, decoded.text)
records = [*extract.bullets, *extract.narratives]
imported = time.perf_counter()
gazetteer = default_gazetteer()
place_index.world_index()
world = time.perf_counter()
context = gazetteer.document(records, title=extract.title)
documented = time.perf_counter()
for record in records:
    gazetteer.locate(record["text"], context, record)
located = time.perf_counter()
again = gazetteer.document(records, title=extract.title)  # indexes loaded: the steady cost
for record in records:
    gazetteer.locate(record["text"], again, record)
warm = time.perf_counter()
print(json.dumps({
    "records": len(records), "countries": list(context.countries),
    "indexes": sorted(place_index.country_index.cache_info()._asdict().items()),
    "import_s": imported - start, "world_s": world - imported,
    "document_s": documented - world, "locate_s": located - documented,
    "warm_s": warm - located,
    "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def _run(path: Path) -> dict:
    args = [sys.executable, "-c", _CHILD, str(path)]
    done = subprocess.run(args, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(done.stdout)


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((ROOT / "data" / "raw").glob("*.txt"))
    print(
        "| document | records | countries | indexes built | import (s) | world index (s) | "
        "first pass: context, indexes, every record (s) | again, indexes loaded (s) | "
        "per record (ms) | max RSS (MB) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for path in paths:
        r = _run(path)
        built = dict(r["indexes"])["currsize"]
        first = r["document_s"] + r["locate_s"]
        per = 1000 * r["warm_s"] / max(r["records"], 1)
        print(
            f"| {path.name} | {r['records']} | {' '.join(r['countries'])} | {built} "
            f"| {r['import_s']:.2f} | {r['world_s']:.2f} | {first:.2f} | {r['warm_s']:.2f} "
            f"| {per:.2f} | {r['max_rss_mb']:.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
