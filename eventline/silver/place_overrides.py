"""The reviewed place overrides of ``schemas/reference/places.csv``, validated when loaded.

GeoNames is the gazetteer; ``places.csv`` holds what a curator decided on top of it: the
places of the bundled sample with their reviewed names, spellings and types (so that they
resolve exactly as reviewed), spellings GeoNames lacks, and the few real places GeoNames does
not have. A bad row fails loudly rather than mis-place events. See
``schemas/reference/README.md`` for the columns and how to add a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventline.reference import Source, reference_file, reference_rows
from eventline.silver.gazetteer import countries_named
from eventline.text.fold import fold_key
from eventline.text.names import parse_spelling

PLACES_CSV = reference_file("places.csv")

COLUMNS = (
    "place_id",
    "name",
    "variants",
    "place_type",
    "admin2",
    "admin1",
    "country",
    "latitude",
    "longitude",
    "coord_note",
)
# Each place type has one precision; towns of every size are equally precise for an event.
PRECISION_BY_TYPE = {
    "city": "town",
    "town": "town",
    "village": "town",
    "site": "town",
    "admin2": "admin2",
    "admin1": "admin1",
    "area": "admin1",
    "country": "country",
}
TOWN_TYPES = frozenset(t for t, p in PRECISION_BY_TYPE.items() if p == "town")
_PLACE_ID = re.compile(r"[a-z]{2}-[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class OverridePlace:
    """One reviewed row of ``places.csv``; ``country_code`` is the ISO2 of its country."""

    place_id: str
    name: str
    variants: tuple[str, ...]
    guarded: frozenset[str]  # folded variants that are also English words ("~Severe")
    place_type: str
    admin2: str | None
    admin1: str | None
    # None only for an area that spans borders (Liptako): the text then gives the country.
    country: str | None
    country_code: str | None
    latitude: float | None
    longitude: float | None

    @property
    def precision(self) -> str:
        return PRECISION_BY_TYPE[self.place_type]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.variants)


def _optional(value: str) -> str | None:
    value = value.strip()
    return value or None


def _coordinate(value: str, limit: float, where: str) -> float | None:
    if not value.strip():
        return None
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{where}: coordinate {value!r} is not a number") from None
    if not -limit <= number <= limit:
        raise ValueError(f"{where}: coordinate {number} outside ±{limit}")
    return number


def _country(where: str, name: str | None) -> tuple[str | None, str | None]:
    """The gazetteer's name and ISO2 code of a country named in the file."""
    if name is None:
        return None, None
    found = countries_named(name)
    if len(found) != 1:
        raise ValueError(f"{where}: country {name!r} is not one country of countries.csv")
    return found[0].name, found[0].iso2


def _variants(raw: str) -> tuple[tuple[str, ...], frozenset[str]]:
    variants: list[str] = []
    guarded: set[str] = set()
    for item in raw.split("|"):
        variant, is_guarded = parse_spelling(item)
        if not variant:
            continue
        variants.append(variant)
        if is_guarded:
            guarded.add(fold_key(variant))
    return tuple(variants), frozenset(guarded)


def _row(where: str, row: dict[str, str]) -> OverridePlace:
    place_id = row["place_id"].strip()
    if not _PLACE_ID.fullmatch(place_id):
        raise ValueError(f"{where}: bad place_id {place_id!r}")
    place_type = row["place_type"].strip()
    if place_type not in PRECISION_BY_TYPE:
        raise ValueError(f"{where}: unknown place_type {place_type!r}")
    name = row["name"].strip()
    if not name:
        raise ValueError(f"{where}: name is required")
    if not row["coord_note"].strip():
        raise ValueError(f"{where}: coord_note is required")
    latitude = _coordinate(row["latitude"], 90, where)
    longitude = _coordinate(row["longitude"], 180, where)
    if (latitude is None) != (longitude is None):
        raise ValueError(f"{where}: give both latitude and longitude, or neither")
    variants, guarded = _variants(row["variants"])
    country, code = _country(where, _optional(row["country"]))
    return OverridePlace(
        place_id=place_id,
        name=name,
        variants=variants,
        guarded=guarded,
        place_type=place_type,
        admin2=_optional(row["admin2"]),
        admin1=_optional(row["admin1"]),
        country=country,
        country_code=code,
        latitude=latitude,
        longitude=longitude,
    )


def read_overrides(source: Source = PLACES_CSV) -> tuple[OverridePlace, ...]:
    """Every row of a places file, validated: ids unique, one place per spelling."""
    rows: list[OverridePlace] = []
    ids: set[str] = set()
    spellings: dict[str, str] = {}
    for where, raw in reference_rows(source, COLUMNS):
        place = _row(where, raw)
        if place.place_id in ids:
            raise ValueError(f"{where}: duplicate place_id {place.place_id!r}")
        ids.add(place.place_id)
        for spelling in place.names:
            key = fold_key(spelling)
            other = spellings.setdefault(key, place.place_id)
            if other != place.place_id:
                raise ValueError(f"{where}: {spelling!r} names both {other} and {place.place_id}")
        rows.append(place)
    return tuple(rows)


@cache
def default_overrides() -> tuple[OverridePlace, ...]:
    """The repository's reviewed overrides, loaded once per process."""
    return read_overrides()
