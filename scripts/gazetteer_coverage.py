"""How many place names of a corpus the bundled gazetteer knows, per country.

A name counts as known when some place or admin area *of its country* has a spelling that
folds like it (exact after folding: no fuzzy matching). A second figure also accepts the name
without a generic admin word ("Macomia district" -> "Macomia"), as a resolver that reads
admin hints would. Two inputs:

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

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from gazetteer_names import short_admin_name

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


Found = tuple[str, bool, bool]  # name, known exactly, known without a generic admin word


def coverage(entries: dict[tuple[str, str], list[str]]) -> dict[str, list[Found]]:
    by_country: dict[str, list[Found]] = defaultdict(list)
    for (country, name), spellings in sorted(entries.items()):
        code = _country_code(country)
        found = gazetteer.load([code]).find if code else lambda _: ()
        exact = any(found(s) for s in spellings)
        short = exact or any(found(short_admin_name(s)) for s in spellings)
        by_country[country].append((name, exact, short))
    return by_country


def report(title: str, by_country: dict[str, list[Found]]) -> None:
    rows = [f for found in by_country.values() for f in found]
    exact, short = sum(f[1] for f in rows), sum(f[2] for f in rows)
    print(f"\n## {title}: {exact}/{len(rows)} known exactly ({100 * exact / len(rows):.0f} %),")
    print(f"{short} ({100 * short / len(rows):.0f} %) without a generic admin word\n")
    print("| country | names | known | without admin word | missing |")
    print("|---|---|---|---|---|")
    for country, found in sorted(by_country.items()):
        missing = ", ".join(n for n, _, k in found if not k)
        exact, short = sum(f[1] for f in found), sum(f[2] for f in found)
        print(f"| {country} | {len(found)} | {exact} | {short} | {missing} |")


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
