"""The bundled gazetteer: GeoNames places, admin areas and countries, validated when loaded.

Data: ``schemas/reference/gazetteer/`` (built by ``scripts/build_gazetteer.py`` from GeoNames,
CC BY 4.0, "GeoNames (geonames.org)"; see the README there). It is partitioned by country so
that a resolver loads the countries of a document, not the world: ``places/<ISO2>.csv.gz``
holds one country's places, ``admin/<ISO2>.csv.gz`` its admin areas, and ``countries.csv``
the countries, with the row count of each file. Each file is checked row by row as it is
read, and a bad row stops the load with its file and line: a silently wrong gazetteer would
mis-place events. Loads are cached per country, so reading a country twice costs nothing.

This module only reads; it decides nothing about which place a text means.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from eventline.text.fold import fold_key as _fold_key

Root = Path | Traversable

PLACE_COLUMNS = (
    "id", "name", "ascii_name", "spellings", "latitude", "longitude", "feature_class",
    "feature_code", "population", "admin1_code", "admin1", "admin2_code", "admin2",
    "country_code", "country", "source",
)  # fmt: skip
ADMIN_COLUMNS = (
    "id", "country_code", "level", "admin1_code", "admin2_code", "admin3_code", "name",
    "short_name", "spellings", "latitude", "longitude", "iso_code", "source",
)  # fmt: skip
COUNTRY_COLUMNS = (
    "iso2", "iso3", "name", "official_name", "alt_names", "demonyms", "capital",
    "capital_latitude", "capital_longitude", "acled_region", "place_rows", "admin_rows",
)  # fmt: skip
FEATURE_COLUMNS = ("feature_class", "feature_code", "kind", "description")
PLACE_SOURCES = frozenset({"geonames", "cities500"})
ADMIN_SOURCES = frozenset({"geonames", "geonames-codes", "iso3166-2"})
ACLED_REGIONS = frozenset({
    "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
    "Middle East", "South Asia", "Southeast Asia", "East Asia", "Caucasus and Central Asia",
    "Europe", "North America", "Central America", "Caribbean", "South America", "Oceania",
    "Antarctica",
})  # fmt: skip
KINDS = frozenset({"populated_place", "site", "water_point", "locality", "area"})
# The world's well-known towns (``major_places.csv.gz``): capitals and first-order seats, and
# towns of at least this many people. A report names them without saying the country.
MAJOR_POPULATION = 100_000
MAJOR_CODES = frozenset({"PPLC", "PPLA", "PPLG"})
MAJOR_COUNT = "major places"
SEPARATOR = "|"
_PLACE_ID = re.compile(r"gn:[1-9][0-9]*")
_ADMIN_ID = re.compile(r"(?:gn:[1-9][0-9]*|iso:[A-Z]{2}-[A-Z0-9]{1,3})")
_ISO2 = re.compile(r"[A-Z]{2}")


class GazetteerError(ValueError):
    """A bundled gazetteer file is malformed; the message starts with ``file:line``."""


def fold_key(text: str) -> str:
    """The key a spelling is filed under (the project's one place-name folding)."""
    return _fold_key(text)


@dataclass(frozen=True, slots=True)
class FeatureCode:
    feature_class: str
    feature_code: str
    kind: str
    description: str


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    name: str
    official_name: str
    alt_names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    capital_latitude: float | None
    capital_longitude: float | None
    acled_region: str | None
    place_rows: int
    admin_rows: int

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the country (not the demonyms); a leading ``~`` marks a spelling that
        is also an ordinary word ("~US"), as in ``places.csv``."""
        extra = (self.official_name,) if self.official_name else ()
        return (self.name, *extra, *self.alt_names)


@dataclass(frozen=True, slots=True)
class Place:
    """A place of a country: populated place, site, water point, locality or area."""

    id: str
    name: str
    ascii_name: str
    spellings: tuple[str, ...]
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    kind: str
    population: int | None
    admin1_code: str | None
    admin1: str | None
    admin2_code: str | None
    admin2: str | None
    country_code: str
    country: str
    source: str

    @property
    def names(self) -> tuple[str, ...]:
        ascii_ = (self.ascii_name,) if self.ascii_name and self.ascii_name != self.name else ()
        return (self.name, *ascii_, *self.spellings)


@dataclass(frozen=True, slots=True)
class AdminArea:
    """An administrative area (level 1 = region/state/province, 2 = cercle/department, 3)."""

    id: str
    country_code: str
    level: int
    admin1_code: str
    admin2_code: str | None
    admin3_code: str | None
    name: str
    short_name: str
    spellings: tuple[str, ...]
    latitude: float | None
    longitude: float | None
    iso_code: str | None
    source: str

    @property
    def kind(self) -> str:
        return f"admin{self.level}"

    @property
    def names(self) -> tuple[str, ...]:
        short = (self.short_name,) if self.short_name != self.name else ()
        return (self.name, *short, *self.spellings)


# --- reading ------------------------------------------------------------------------------


def default_root() -> Traversable:
    return files("schemas") / "reference" / "gazetteer"


def _rows(resource: Traversable, columns: tuple[str, ...]) -> Iterator[tuple[str, list[str]]]:
    """(``file:line``, values) for every row of a CSV or gzipped CSV, header checked."""
    with resource.open("rb") as raw:
        binary = gzip.GzipFile(fileobj=raw) if resource.name.endswith(".gz") else raw
        text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
        reader = csv.reader(text)
        name = resource.name
        try:
            header = tuple(next(reader, ()))
            if header != columns:
                raise GazetteerError(f"{name}:1: header {header} is not {columns}")
            for values in reader:
                where = f"{name}:{reader.line_num}"
                if len(values) != len(columns):
                    raise GazetteerError(
                        f"{where}: expected {len(columns)} fields, got {len(values)}"
                    )
                yield where, values
        except (OSError, EOFError, UnicodeDecodeError, csv.Error) as exc:
            raise GazetteerError(f"{name}: unreadable ({exc})") from exc


def _split(value: str) -> tuple[str, ...]:
    return tuple(value.split(SEPARATOR)) if value else ()


def _coordinate(where: str, value: str, limit: float) -> float:
    try:
        number = float(value)
    except ValueError:
        raise GazetteerError(f"{where}: coordinate {value!r} is not a number") from None
    if not -limit <= number <= limit:
        raise GazetteerError(f"{where}: coordinate {number} is out of range ±{limit}")
    return number


def _optional_point(where: str, lat: str, lon: str) -> tuple[float | None, float | None]:
    if not lat and not lon:
        return None, None
    return _coordinate(where, lat, 90), _coordinate(where, lon, 180)


def _check_spellings(where: str, spellings: tuple[str, ...]) -> None:
    if any(not s.strip() for s in spellings):
        raise GazetteerError(f"{where}: empty spelling in {SEPARATOR.join(spellings)!r}")


def _population(where: str, value: str) -> int | None:
    if not value:
        return None
    if not value.isdigit() or int(value) == 0:
        raise GazetteerError(f"{where}: population {value!r} is not a positive integer")
    return int(value)


@cache
def feature_codes(root: Root | None = None) -> dict[tuple[str, str], FeatureCode]:
    """The feature codes the gazetteer keeps, by (class, code)."""
    codes: dict[tuple[str, str], FeatureCode] = {}
    for where, values in _rows((root or default_root()) / "feature_codes.csv", FEATURE_COLUMNS):
        code = FeatureCode(*values)
        if code.kind not in KINDS:
            raise GazetteerError(f"{where}: unknown kind {code.kind!r}")
        if (code.feature_class, code.feature_code) in codes:
            raise GazetteerError(f"{where}: duplicate feature code {code.feature_code!r}")
        codes[(code.feature_class, code.feature_code)] = code
    return codes


def _country(where: str, values: list[str]) -> Country:
    row = dict(zip(COUNTRY_COLUMNS, values, strict=True))
    if not _ISO2.fullmatch(row["iso2"]) or not re.fullmatch(r"[A-Z]{3}", row["iso3"]):
        raise GazetteerError(f"{where}: bad country codes {row['iso2']!r}/{row['iso3']!r}")
    if not row["name"]:
        raise GazetteerError(f"{where}: country {row['iso2']} has no name")
    region = row["acled_region"] or None
    if region is not None and region not in ACLED_REGIONS:
        raise GazetteerError(f"{where}: unknown ACLED region {region!r}")
    for count in ("place_rows", "admin_rows"):
        if not row[count].isdigit():
            raise GazetteerError(f"{where}: {count} {row[count]!r} is not a count")
    lat, lon = _optional_point(where, row["capital_latitude"], row["capital_longitude"])
    alt_names, demonyms = _split(row["alt_names"]), _split(row["demonyms"])
    _check_spellings(where, alt_names + demonyms)
    return Country(
        row["iso2"], row["iso3"], row["name"], row["official_name"], alt_names, demonyms,
        row["capital"] or None, lat, lon, region, int(row["place_rows"]),
        int(row["admin_rows"]),
    )  # fmt: skip


@cache
def countries(root: Root | None = None) -> dict[str, Country]:
    """Every country, by ISO 3166-1 alpha-2 code."""
    table: dict[str, Country] = {}
    for where, values in _rows((root or default_root()) / "countries.csv", COUNTRY_COLUMNS):
        country = _country(where, values)
        if country.iso2 in table:
            raise GazetteerError(f"{where}: duplicate country {country.iso2}")
        table[country.iso2] = country
    return table


@cache
def _country_names(root: Root | None) -> dict[str, tuple[Country, ...]]:
    index: dict[str, list[Country]] = {}
    for country in countries(root).values():
        for name in {fold_key(n.lstrip("~")) for n in (*country.names, *country.demonyms)}:
            index.setdefault(name, []).append(country)
    return {key: tuple(found) for key, found in index.items()}


def countries_named(name: str, root: Root | None = None) -> tuple[Country, ...]:
    """The countries a name or demonym means ("Malian" -> Mali; "Congolese" -> both Congos)."""
    return _country_names(root).get(fold_key(name), ())


def _place(where: str, values: list[str], code: str, kinds: dict[tuple[str, str], str]) -> Place:
    (place_id, name, ascii_name, spellings_, lat, lon, fclass, fcode, population, admin1_code,
     admin1, admin2_code, admin2, country_code, country, source) = values  # fmt: skip
    if not _PLACE_ID.fullmatch(place_id):
        raise GazetteerError(f"{where}: bad id {place_id!r}")
    if not name.strip():
        raise GazetteerError(f"{where}: {place_id} has no name")
    if country_code != code:
        raise GazetteerError(f"{where}: country {country_code!r} in the file of {code}")
    kind = kinds.get((fclass, fcode))
    if kind is None:
        raise GazetteerError(f"{where}: unknown feature code {fclass}.{fcode}")
    if source not in PLACE_SOURCES:
        raise GazetteerError(f"{where}: unknown source {source!r}")
    if bool(admin1) != bool(admin1_code) or bool(admin2) != bool(admin2_code):
        raise GazetteerError(f"{where}: an admin name and its code must be given together")
    spellings = _split(spellings_)
    _check_spellings(where, spellings)
    return Place(
        place_id, name, ascii_name, spellings,
        _coordinate(where, lat, 90), _coordinate(where, lon, 180), fclass, fcode, kind,
        _population(where, population), admin1_code or None, admin1 or None,
        admin2_code or None, admin2 or None, code, country, source,
    )  # fmt: skip


def _known_country(code: str, root: Root | None) -> Country:
    country = countries(root).get(code)
    if country is None:
        raise GazetteerError(f"unknown country code {code!r} (countries.csv)")
    return country


@cache
def places(code: str, root: Root | None = None) -> tuple[Place, ...]:
    """The places of one country (ISO2), validated; cached."""
    country = _known_country(code, root)
    resource = (root or default_root()) / "places" / f"{code}.csv.gz"
    kinds = {key: feature.kind for key, feature in feature_codes(root).items()}
    seen: set[str] = set()
    found: list[Place] = []
    for where, values in _rows(resource, PLACE_COLUMNS):
        place = _place(where, values, code, kinds)
        if place.id in seen:
            raise GazetteerError(f"{where}: duplicate id {place.id}")
        if place.country != country.name:
            raise GazetteerError(f"{where}: country name {place.country!r} is not {country.name!r}")
        seen.add(place.id)
        found.append(place)
    if len(found) != country.place_rows:
        raise GazetteerError(
            f"{resource.name}: {len(found)} rows, countries.csv says {country.place_rows}"
        )
    return tuple(found)


def is_major(place: Place) -> bool:
    """A town readers know without its country: a capital, a region's seat, or a big town."""
    return place.kind == "populated_place" and (
        place.feature_code in MAJOR_CODES or (place.population or 0) >= MAJOR_POPULATION
    )


@cache
def major_places(root: Root | None = None) -> tuple[Place, ...]:
    """The major towns of every country (see :func:`is_major`), validated; cached.

    A small file built beside the per-country files, so that a document that names
    "Bamako" or "Niamey" is placed without loading every country.
    """
    base = root or default_root()
    known = countries(root)
    kinds = {key: feature.kind for key, feature in feature_codes(root).items()}
    resource = base / "major_places.csv.gz"
    found: list[Place] = []
    seen: set[str] = set()
    for where, values in _rows(resource, PLACE_COLUMNS):
        code = values[PLACE_COLUMNS.index("country_code")]
        if code not in known:
            raise GazetteerError(f"{where}: unknown country code {code!r}")
        place = _place(where, values, code, kinds)
        if place.id in seen or not is_major(place) or place.country != known[code].name:
            raise GazetteerError(f"{where}: {place.id} is repeated, not major or misnamed")
        seen.add(place.id)
        found.append(place)
    expected = _build_counts(base).get(MAJOR_COUNT)
    if expected != len(found):
        raise GazetteerError(f"{resource.name}: {len(found)} rows, build_info.json says {expected}")
    return tuple(found)


def _build_counts(base: Root) -> dict[str, int]:
    try:
        info = json.loads((base / "build_info.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"build_info.json: unreadable ({exc})") from exc
    return dict(info.get("counts", {}))


def _admin(where: str, values: list[str], known: dict[str, Country]) -> AdminArea:
    row = dict(zip(ADMIN_COLUMNS, values, strict=True))
    if not _ADMIN_ID.fullmatch(row["id"]):
        raise GazetteerError(f"{where}: bad id {row['id']!r}")
    if row["country_code"] not in known:
        raise GazetteerError(f"{where}: unknown country code {row['country_code']!r}")
    if row["level"] not in ("1", "2", "3"):
        raise GazetteerError(f"{where}: level {row['level']!r} is not 1, 2 or 3")
    level = int(row["level"])
    codes = (row["admin1_code"], row["admin2_code"], row["admin3_code"])
    if not all(codes[:level]) or any(codes[level:]):
        raise GazetteerError(f"{where}: a level-{level} area needs exactly {level} codes")
    if not row["name"].strip() or not row["short_name"].strip():
        raise GazetteerError(f"{where}: {row['id']} has no name")
    if row["source"] not in ADMIN_SOURCES:
        raise GazetteerError(f"{where}: unknown source {row['source']!r}")
    spellings = _split(row["spellings"])
    _check_spellings(where, spellings)
    lat, lon = _optional_point(where, row["latitude"], row["longitude"])
    return AdminArea(
        row["id"], row["country_code"], level, codes[0], codes[1] or None, codes[2] or None,
        row["name"], row["short_name"], spellings, lat, lon, row["iso_code"] or None,
        row["source"],
    )  # fmt: skip


@cache
def admin_areas(code: str, root: Root | None = None) -> tuple[AdminArea, ...]:
    """The admin areas (levels 1-3) of one country (ISO2), validated; cached."""
    known = countries(root)
    country = _known_country(code, root)
    resource = (root or default_root()) / "admin" / f"{code}.csv.gz"
    seen_ids: set[str] = set()
    seen_codes: set[tuple[int, str | None, str | None, str | None]] = set()
    found: list[AdminArea] = []
    for where, values in _rows(resource, ADMIN_COLUMNS):
        area = _admin(where, values, known)
        codes = (area.level, area.admin1_code, area.admin2_code, area.admin3_code)
        if area.id in seen_ids or codes in seen_codes:
            raise GazetteerError(f"{where}: duplicate admin area {area.id} {codes}")
        if area.country_code != code:
            raise GazetteerError(f"{where}: country {area.country_code!r} in the file of {code}")
        seen_ids.add(area.id)
        seen_codes.add(codes)
        found.append(area)
    if len(found) != country.admin_rows:
        raise GazetteerError(
            f"{resource.name}: {len(found)} rows, countries.csv says {country.admin_rows}"
        )
    return tuple(found)


class Gazetteer:
    """The places and admin areas of some countries, with a lookup by folded spelling."""

    def __init__(self, codes: Iterable[str], root: Root | None = None) -> None:
        self.countries = tuple(sorted(set(codes)))
        self.places = tuple(p for code in self.countries for p in places(code, root))
        self.admin_areas = tuple(a for code in self.countries for a in admin_areas(code, root))
        ids = Counter(entry.id for entry in (*self.places, *self.admin_areas))
        if len(ids) != len(self.places) + len(self.admin_areas):
            repeated = sorted(i for i, n in ids.items() if n > 1)
            raise GazetteerError(f"ids repeated across files: {repeated[:5]} ({len(repeated)})")

    @cached_property
    def _index(self) -> dict[str, tuple[Place | AdminArea, ...]]:
        index: dict[str, list[Place | AdminArea]] = {}
        for entry in (*self.admin_areas, *self.places):
            for key in {fold_key(name) for name in entry.names}:
                index.setdefault(key, []).append(entry)
        return {key: tuple(found) for key, found in index.items()}

    def find(self, name: str) -> tuple[Place | AdminArea, ...]:
        """Every place and admin area one of whose spellings folds like ``name``."""
        return self._index.get(fold_key(name), ())


def load(codes: Iterable[str], root: Root | None = None) -> Gazetteer:
    """The gazetteer of the given countries (ISO2 codes), validated; cached per set."""
    return _load(tuple(sorted(set(codes))), root)


@cache
def _load(codes: tuple[str, ...], root: Root | None) -> Gazetteer:
    return Gazetteer(codes, root)


def load_all(root: Root | None = None) -> Gazetteer:
    """The gazetteer of every country (about 300,000 places and 49,000 admin areas)."""
    return load(countries(root), root)
