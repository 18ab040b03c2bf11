"""How many place names of a corpus the bundled gazetteer knows, per country.

A name counts as known when some place or admin area *of its country* has a spelling that
folds like it (exact after folding: no fuzzy matching, no stripping of words such as
"district" or "area"). Two inputs:

* ``--truth DIR``: the development corpus truth files (``*.truth.csv``, columns ``location``
  with places joined by "; ", and ``country``);
* ``schemas/reference/places.csv`` (the reviewed overrides): each row's name or a variant.

Usage: ``.venv/bin/python scripts/gazetteer_coverage.py --truth ../shared/corpus/truth``
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eventline.silver import gazetteer

PLACES_CSV = Path(__file__).resolve().parents[1] / "schemas" / "reference" / "places.csv"


def _country_code(name: str) -> str | None:
    found = gazetteer.countries_named(name)
    return found[0].iso2 if len(found) == 1 else None


def truth_names(folder: Path) -> set[tuple[str, str]]:
    """(country, place as written) of every truth row's location."""
    names = set()
    for path in sorted(folder.glob("*.truth.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for part in row["location"].split(";"):
                    if part.strip():
                        names.add((row["country"], part.strip()))
    return names


def places_csv_names() -> dict[tuple[str, str], list[str]]:
    """(country, name) -> name and variants of each places.csv row below country level."""
    rows: dict[tuple[str, str], list[str]] = {}
    with PLACES_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["place_type"] == "country" or not row["country"]:
                continue
            variants = [v.lstrip("~") for v in row["variants"].split("|") if v]
            rows[(row["country"], row["name"])] = [row["name"], *variants]
    return rows


def coverage(entries: dict[tuple[str, str], list[str]]) -> dict[str, list[tuple[str, bool]]]:
    by_country: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for (country, name), spellings in sorted(entries.items()):
        code = _country_code(country)
        known = code is not None and any(gazetteer.load([code]).find(s) for s in spellings)
        by_country[country].append((name, known))
    return by_country


def report(title: str, by_country: dict[str, list[tuple[str, bool]]]) -> None:
    total = sum(len(v) for v in by_country.values())
    known = sum(k for v in by_country.values() for _, k in v)
    print(f"\n## {title}: {known}/{total} known ({100 * known / max(total, 1):.0f} %)\n")
    print("| country | known | names | missing |")
    print("|---|---|---|---|")
    for country, names in sorted(by_country.items()):
        missing = ", ".join(n for n, k in names if not k)
        print(f"| {country} | {sum(k for _, k in names)} | {len(names)} | {missing} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--truth", type=Path, help="folder of *.truth.csv files")
    args = parser.parse_args(argv)
    if args.truth:
        names = truth_names(args.truth)
        report("corpus truth locations", coverage({n: [n[1]] for n in names}))
    report("places.csv names", coverage(places_csv_names()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
