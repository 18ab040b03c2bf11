"""Real names for the realistic benchmark corpus, read from eventline's bundled reference data.

Towns and admin regions come from the gazetteer bundle (``schemas/reference/gazetteer``,
GeoNames), armed groups and state forces from the actor catalog, so that the generated
reports name places and actors a real report could name, and no name is written in code.
"""

from __future__ import annotations

import csv
import gzip
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "schemas" / "reference"
#: Countries of the corpus (ISO 3166-1 alpha-2): those whose armed groups the catalog knows.
COUNTRY_CODES = ("ML", "BF", "NE", "NG", "TD", "CM", "SO", "KE", "MZ", "CD", "BJ", "TG")
_PERPETRATORS = {"jihadist group", "militia", "separatist group", "rebel group"}
_TOWNS_PER_COUNTRY = 80


@dataclass(frozen=True)
class Town:
    name: str
    admin1: str


@dataclass(frozen=True)
class CountryFacts:
    code: str
    name: str
    towns: tuple[Town, ...]
    perpetrators: tuple[str, ...]
    forces: tuple[str, ...]


def _country_names() -> dict[str, str]:
    with (REFERENCE / "gazetteer" / "countries.csv").open(encoding="utf-8") as handle:
        return {row["iso2"]: row["name"] for row in csv.DictReader(handle)}


def _towns(code: str) -> tuple[Town, ...]:
    """The most populous towns with an admin region (the places reports name most)."""
    path = REFERENCE / "gazetteer" / "places" / f"{code}.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [
            row
            for row in csv.DictReader(handle)
            if row["feature_class"] == "P" and row["admin1"] and row["population"]
        ]
    rows.sort(key=lambda row: (-int(row["population"]), row["name"]))
    seen: set[str] = set()
    towns = []
    for row in rows:
        if row["name"] not in seen and "," not in row["name"]:
            seen.add(row["name"])
            towns.append(Town(row["name"], row["admin1"]))
        if len(towns) == _TOWNS_PER_COUNTRY:
            break
    return tuple(towns)


def _actors() -> list[dict[str, str]]:
    with (REFERENCE / "actor_catalog.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@cache
def country_facts() -> tuple[CountryFacts, ...]:
    """Names per country; countries without towns or armed groups are left out."""
    names = _country_names()
    actors = _actors()
    facts = []
    for code in COUNTRY_CODES:
        perpetrators = tuple(
            row["name"]
            for row in actors
            if row["country"] == code and row["actor_type"] in _PERPETRATORS
        )
        forces = tuple(
            row["name"]
            for row in actors
            if row["country"] == code and row["actor_type"] == "state force"
        )
        towns = _towns(code)
        if towns and perpetrators:
            facts.append(
                CountryFacts(code, names[code], towns, perpetrators, forces or ("national",))
            )
    return tuple(facts)
