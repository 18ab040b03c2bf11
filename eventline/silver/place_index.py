"""Place entries by folded spelling: one index per country, and one of the world's best known.

The resolver looks names up country by country, so a document loads only the countries it
needs (a full GeoNames country costs about 0.3 s and 20 MB; the world's 250 would cost 10 s
and 500 MB). Each index turns GeoNames places, admin areas, the country itself and the
reviewed ``places.csv`` overrides into one kind of :class:`Entry`, files it under every
spelling (folded by :mod:`eventline.text.fold`), and compiles the spellings into one
:class:`~eventline.text.names.NameMatcher`, the project's name matcher, to find them in text.

The world index holds what a report names without saying the country: every country, the
capitals and major towns of ``major_places.csv.gz``, and every override.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventline.reference import keep_for_good
from eventline.silver import gazetteer as gz
from eventline.silver.place_overrides import OverridePlace, default_overrides
from eventline.silver.place_vocabulary import default_vocabulary
from eventline.text.fold import fold_key
from eventline.text.names import NameMatch, NameMatcher

# Precision of each entry kind once resolved (location_precision).
PRECISION = {
    "town": "town",
    "site": "town",
    "water": "town",
    "locality": "town",
    "admin3": "admin3",
    "admin2": "admin2",
    "admin1": "admin1",
    "area": "admin1",
    "country": "country",
}
_PLACE_KIND = {
    "populated_place": "town",
    "site": "site",
    "water_point": "water",
    "locality": "locality",
    "area": "area",
}
_OVERRIDE_KIND = {
    "city": "town",
    "town": "town",
    "village": "town",
    "site": "site",
    "admin2": "admin2",
    "admin1": "admin1",
    "area": "area",
    "country": "country",
}
# How well known a populated place is, by GeoNames code: decides between homonyms.
_CODE_RANK = {
    "PPLC": 7,
    "PPLG": 6,
    "PPLA": 6,
    "PPLA2": 5,
    "PPLA3": 4,
    "PPLA4": 3,
    "PPLA5": 3,
    "PPLQ": 0,
    "PPLW": 0,
    "PPLH": 0,
    "PPLCH": 0,
}
OVERRIDE_RANK = 10
_CAPITAL_DEGREES = 0.25  # a capital's row lies this close to the country's capital point


@dataclass(frozen=True, slots=True)
class Entry:
    """One place an event can be located at, whatever file it came from."""

    id: str
    name: str  # as ``location`` reports it: the short name of an admin area ("Lac")
    kind: str  # town | site | water | locality | area | admin1 | admin2 | admin3 | country
    country_code: str | None  # ISO2; None for an override area that spans borders
    country: str | None
    admin1: str | None
    admin2: str | None
    admin1_code: str | None  # GeoNames codes; None for overrides
    admin2_code: str | None
    latitude: float | None
    longitude: float | None
    rank: int  # how well known: higher wins among homonyms
    population: int | None = None
    override: bool = False
    twin: bool = False  # an override region filed under its town's name ("Gao" -> Gao Region)

    @property
    def precision(self) -> str:
        return PRECISION[self.kind]

    @property
    def is_admin(self) -> bool:
        return self.kind in ("admin1", "admin2", "admin3")


@cache
def _common_words() -> frozenset[str]:
    words = default_vocabulary()
    return words["not_name_words"] | words["org_words"] | words.feature.keys() | words["directions"]


def _usable(key: str) -> bool:
    """GeoNames spellings that are also common words would be found everywhere."""
    return len(key) >= 3 and key not in _common_words()


def _is_capital(place: gz.Place) -> bool:
    """The national capital (countries.csv names it and gives its coordinates), though its
    row may lack GeoNames' PPLC code: it is better known than any homonym."""
    country = gz.countries().get(place.country_code)
    if country is None or country.capital is None:
        return False
    if country.capital_latitude is None or country.capital_longitude is None:
        return False
    return (  # the coordinates first: they rule out almost every place, cheaply
        abs(place.latitude - country.capital_latitude) < _CAPITAL_DEGREES
        and abs(place.longitude - country.capital_longitude) < _CAPITAL_DEGREES
        and fold_key(country.capital) == fold_key(place.name)
    )


def _place_entry(place: gz.Place) -> Entry:
    rank = _CODE_RANK.get(place.feature_code, 1) if place.kind == "populated_place" else 0
    if place.kind == "populated_place" and rank < _CODE_RANK["PPLC"] and _is_capital(place):
        rank = _CODE_RANK["PPLC"]
    return Entry(
        id=place.id, name=place.name, kind=_PLACE_KIND[place.kind],
        country_code=place.country_code, country=place.country, admin1=place.admin1,
        admin2=place.admin2, admin1_code=place.admin1_code, admin2_code=place.admin2_code,
        latitude=place.latitude, longitude=place.longitude, rank=rank,
        population=place.population,
    )  # fmt: skip


def _admin_entry(area: gz.AdminArea, parents: dict[tuple[int, str, str | None], str]) -> Entry:
    admin1 = parents.get((1, area.admin1_code, None))
    admin2 = parents.get((2, area.admin1_code, area.admin2_code)) if area.level >= 2 else None
    country = gz.countries()[area.country_code].name
    return Entry(
        id=area.id, name=area.short_name, kind=area.kind, country_code=area.country_code,
        country=country, admin1=admin1, admin2=admin2, admin1_code=area.admin1_code,
        admin2_code=area.admin2_code, latitude=area.latitude, longitude=area.longitude,
        rank=0,
    )  # fmt: skip


def _country_entry(country: gz.Country) -> Entry:
    return Entry(
        id=f"iso:{country.iso2}", name=country.name, kind="country",
        country_code=country.iso2, country=country.name, admin1=None, admin2=None,
        admin1_code=None, admin2_code=None, latitude=None, longitude=None, rank=0,
    )  # fmt: skip


def override_entry(place: OverridePlace, twin: bool = False) -> Entry:
    return Entry(
        id=place.place_id, name=place.name, kind=_OVERRIDE_KIND[place.place_type],
        country_code=place.country_code, country=place.country, admin1=place.admin1,
        admin2=place.admin2, admin1_code=None, admin2_code=None, latitude=place.latitude,
        longitude=place.longitude, rank=OVERRIDE_RANK, override=True, twin=twin,
    )  # fmt: skip


_REGION_SUFFIXES = (" region", " cercle", " district")


def _override_spellings(place: OverridePlace) -> Iterator[tuple[str, Entry, bool]]:
    """(spelling, entry, guarded) of an override; a region also under its town's name."""
    entry = override_entry(place)
    for spelling in place.names:
        yield spelling, entry, fold_key(spelling) in place.guarded
    if place.place_type in ("admin1", "admin2"):
        twin = override_entry(place, twin=True)
        for spelling in place.names:
            key = fold_key(spelling)
            for suffix in _REGION_SUFFIXES:
                if key.endswith(suffix):
                    yield spelling[: -len(suffix)], twin, False


class PlaceIndex:
    """Entries by folded spelling (the resolver looks names up by key), and the project's
    matcher over the same spellings, compiled on first use, to find them in running text."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.by_key: dict[str, list[Entry]] = {}
        self.open_keys: set[str] = set()  # keys with a spelling that is not guarded
        self._spellings: dict[str, tuple[str, bool]] = {}  # key -> (a spelling, guarded)
        self._matcher: NameMatcher[str] | None = None

    def add(self, spelling: str, entry: Entry, guarded: bool = False, key: str = "") -> None:
        key = key or fold_key(spelling)
        if not key:
            return
        found = self.by_key.setdefault(key, [])
        if all(e.id != entry.id or e.twin != entry.twin for e in found):
            found.append(entry)
        if not guarded:
            self.open_keys.add(key)
        self._spellings.setdefault(key, (spelling, guarded))
        self._matcher = None

    @property
    def matcher(self) -> NameMatcher[str]:
        if self._matcher is None:
            matcher: NameMatcher[str] = NameMatcher("initial")
            for key, (spelling, _) in self._spellings.items():
                matcher.add(spelling, key, guarded=self.guarded(key))
            matcher.compile()
            self._matcher = matcher
            keep_for_good()  # the matcher lives as long as the index
        return self._matcher

    def guarded(self, key: str) -> bool:
        """Every spelling filed under ``key`` is also an English word ("~Severe")."""
        return key in self.by_key and key not in self.open_keys

    def get(self, key: str) -> tuple[Entry, ...]:
        return tuple(self.by_key.get(key, ()))

    def find(self, text: str) -> list[NameMatch[str]]:
        """Every indexed spelling in ``text``, longest first (guards are the caller's)."""
        return self.matcher.find(text)

    def __len__(self) -> int:
        return len(self.by_key)


def _add_names(index: PlaceIndex, entry: Entry, names: Iterable[str]) -> None:
    """File ``entry`` under each usable key of its names, once per key: a name and its ASCII
    spelling usually fold alike ("Ségou", "Segou"), and the first spelling is the one kept."""
    keys: set[str] = set()
    for name in names:
        key = fold_key(name)
        if key not in keys and _usable(key):
            keys.add(key)
            index.add(name, entry, key=key)


@cache
def country_index(code: str) -> PlaceIndex:
    """The index of one country (ISO2): its GeoNames places and admin areas, the country
    itself and its overrides; built once per process."""
    index = PlaceIndex(code)
    country = gz.countries()[code]
    areas = gz.admin_areas(code)
    parents = {
        (a.level, a.admin1_code, a.admin2_code if a.level == 2 else None): a.short_name
        for a in areas
        if a.level <= 2
    }
    for place in gz.places(code):
        _add_names(index, _place_entry(place), place.names)
    for area in areas:
        _add_names(index, _admin_entry(area, parents), area.names)
    _add_country(index, country)
    for place in default_overrides():
        if place.country_code == code:
            for spelling, entry, guarded in _override_spellings(place):
                index.add(spelling, entry, guarded)
    keep_for_good()
    return index


@cache
def admin_index(code: str) -> PlaceIndex:
    """One country's admin areas, the country itself and its admin overrides: enough to read
    hints such as "(Tillabéri, Niger)" without loading every village of the country."""
    index = PlaceIndex(f"{code}-admin")
    areas = gz.admin_areas(code)
    parents = {
        (a.level, a.admin1_code, a.admin2_code if a.level == 2 else None): a.short_name
        for a in areas
        if a.level <= 2
    }
    for area in areas:
        _add_names(index, _admin_entry(area, parents), area.names)
    _add_country(index, gz.countries()[code])
    for place in default_overrides():
        if place.country_code == code and place.place_type in ("admin1", "admin2", "area"):
            for spelling, entry, guarded in _override_spellings(place):
                index.add(spelling, entry, guarded)
    keep_for_good()
    return index


def _add_country(index: PlaceIndex, country: gz.Country) -> None:
    entry = _country_entry(country)
    for raw in country.names:
        guarded = raw.startswith("~")
        index.add(raw.lstrip("~"), entry, guarded)


@cache
def world_index() -> PlaceIndex:
    """Countries, the major towns of every country, and every override."""
    index = PlaceIndex("world")
    for country in gz.countries().values():
        _add_country(index, country)
    for place in gz.major_places():  # their own names only: not every language's spelling
        _add_names(index, _place_entry(place), (place.name, place.ascii_name))
    for place in default_overrides():
        for spelling, entry, guarded in _override_spellings(place):
            index.add(spelling, entry, guarded)
    keep_for_good()
    return index


@dataclass(frozen=True)
class CountryWord:
    """A country name or demonym as found in text."""

    start: int
    end: int
    codes: tuple[str, ...]  # ISO2; a demonym can mean two countries ("Congolese")
    demonym: bool


class CountryFinder:
    """Country names and demonyms of every country, in one matcher."""

    def __init__(self) -> None:
        self.matcher: NameMatcher[str] = NameMatcher("initial")
        self._codes: dict[str, set[str]] = {}
        self._demonym: dict[str, bool] = {}
        for country in gz.countries().values():
            for raw in country.names:
                self._add(raw, country.iso2, demonym=False)
            for raw in country.demonyms:
                self._add(raw, country.iso2, demonym=True)

    def _add(self, raw: str, code: str, demonym: bool) -> None:
        spelling = raw.lstrip("~")
        key = fold_key(spelling)
        self._codes.setdefault(key, set()).add(code)
        self._demonym[key] = self._demonym.get(key, True) and demonym
        self.matcher.add(spelling, key, guarded=raw.startswith("~"))

    def is_demonym(self, name: str) -> bool:
        """True when ``name`` is exactly a demonym ("Chadian", "Burkinabe")."""
        return self._demonym.get(fold_key(name), False)

    def find(self, text: str) -> list[CountryWord]:
        found = []
        for match in self.matcher.find(text):
            if match.spelling.guarded and not text[match.start : match.end].isupper():
                continue  # "~US": only written in capitals
            key = match.payload
            found.append(
                CountryWord(
                    match.start, match.end, tuple(sorted(self._codes[key])), self._demonym[key]
                )
            )
        return found


@cache
def country_finder() -> CountryFinder:
    return CountryFinder()


class Lookups:
    """Look-ups in the indexes of some countries (loaded on first use) and the world's."""

    def __init__(self) -> None:
        self.world: PlaceIndex = world_index()

    def countries(self, codes: Sequence[str], areas_only: bool = False) -> Any:
        """Look-ups in the full indexes of ``codes`` (or their admin areas only)."""
        build = admin_index if areas_only else country_index

        def lookup(key: str) -> list[tuple[PlaceIndex, tuple[Entry, ...]]]:
            found = []
            for code in codes:
                index = build(code)
                entries = index.get(key)
                if entries:
                    found.append((index, entries))
            return found

        return lookup

    def everywhere(self, codes: Sequence[str], areas: Sequence[str] = ()) -> Any:
        """Look-ups in the indexes of ``codes``, the admin areas of ``areas`` and the world."""
        local = self.countries(codes)
        admin = self.countries([c for c in areas if c not in codes], areas_only=True)

        def lookup(key: str) -> list[tuple[PlaceIndex, tuple[Entry, ...]]]:
            entries = self.world.get(key)
            return [*local(key), *admin(key), *([(self.world, entries)] if entries else [])]

        return lookup

    def world_only(self, key: str) -> list[tuple[PlaceIndex, tuple[Entry, ...]]]:
        entries = self.world.get(key)
        return [(self.world, entries)] if entries else []

    def world_known(self, countries: Sequence[str], feature: str | None) -> Any:
        """The world index as the last tier of a mention of a document about ``countries``.
        A natural feature ("the X Forest" of a report on one country) is not a town abroad
        that shares its name: an unresolved name that keeps its text and country is better."""
        if feature != "natural" or not countries:
            return self.world_only

        def lookup(key: str) -> list[tuple[PlaceIndex, tuple[Entry, ...]]]:
            entries = tuple(
                e for e in self.world.get(key) if e.country_code in countries or e.kind != "town"
            )
            return [(self.world, entries)] if entries else []

        return lookup
