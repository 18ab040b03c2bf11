"""Choosing a text's primary place among its resolved mentions, and coding its precision.

The primary place is the lead sentence's: a place the text puts the event at ("at", "in",
"attacked"), a known town before an unknown village, a district, a region, a country (the
first among equals; a place named only as a reference after it is not the event's). With
none, a well-known place named in passing ("a Bamako court"), then an origin or a
destination that is not a country ("deployed to Gao region"), then one of the document's
countries named in passing. The codes follow ACLED's geo-precision and UCDP GED's
``where_prec`` (the table in :mod:`eventline.silver.places`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from eventline.silver import gazetteer as gz
from eventline.silver.place_mention import (
    DESTINATION,
    EVENT_ROLES,
    NEAR,
    ORIGIN,
    Mention,
    is_organisation,
)
from eventline.silver.place_resolution import Resolution
from eventline.silver.place_vocabulary import default_vocabulary
from eventline.text.fold import fold_key

PLACE_COLUMNS = (
    "location_text", "location", "place_id", "location_precision", "admin1", "admin2",
    "country", "country_code", "latitude", "longitude", "geo_precision", "where_prec",
    "places_text",
)  # fmt: skip
_GEO = {"town": 1, "admin3": 2, "admin2": 2, "admin1": 3, "area": 3, "country": 3}
_WHERE = {"town": 1, "admin3": 3, "admin2": 3, "admin1": 4, "area": 5, "country": 6}
_INSIDE_FEATURES = frozenset({"site", "natural", "area", "event", "admin"})
# Security sites take the name of the place they stand in ("the X police post", "X camp").
_LOCALITY_SITES = frozenset(
    {"post", "posts", "outpost", "outposts", "position", "positions", "base", "bases", "camp"}
    | {"camps", "checkpoint", "checkpoints", "barracks", "garrison", "station"}
)


@dataclass(frozen=True)
class PlaceMatch:
    """The primary place of a text, resolved, and every place it names as written."""

    location_text: str | None
    location: str | None
    place_id: str | None
    location_precision: str
    admin1: str | None
    admin2: str | None
    country: str | None
    country_code: str | None  # ISO 3166-1 alpha-3
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    where_prec: int | None
    places_text: tuple[str, ...] = ()
    matched_text: str | None = None  # the written name that resolved
    unknown: tuple[tuple[str, str], ...] = ()  # (name, why): for the curators' queue

    @property
    def unknown_names(self) -> tuple[str, ...]:
        """Names the text places the event at that the gazetteer does not place."""
        return tuple(name for name, _ in self.unknown)

    def unknown_rows(self) -> list[dict[str, Any]]:
        """Rows of ``unknown_places``: the name, the record's country, and why."""
        return [{"name": n, "country": self.country, "reason": r} for n, r in self.unknown]

    def columns(self) -> dict[str, Any]:
        """The silver/gold place columns of this match."""
        row = {name: getattr(self, name) for name in PLACE_COLUMNS}
        row["places_text"] = list(self.places_text)
        return row


def iso3(code: str | None) -> str | None:
    country = gz.countries().get(code) if code else None
    return country.iso3 if country else None


def country_name(code: str | None) -> str | None:
    country = gz.countries().get(code) if code else None
    return country.name if country else None


def nothing(country_code: str | None, unknown: tuple[tuple[str, str], ...] = ()) -> PlaceMatch:
    """No place named: the country (ISO2) of the report, if known."""
    precision = 3 if country_code else None
    return PlaceMatch(
        None, None, None, "unknown", None, None, country_name(country_code),
        iso3(country_code), None, None, precision, 6 if country_code else None,
        unknown=unknown,
    )  # fmt: skip


@dataclass
class Found:
    mention: Mention
    resolution: Resolution

    @property
    def rank(self) -> int:
        """Which place is primary: a known town first, then an unknown village (or a post
        or camp, named after its village), a district, a region, a country (the first in the
        text among equals); an unknown hotel or complex is a building's name, not a place."""
        entry = self.resolution.entry
        if entry is None:
            if self.mention.feature in (None, "settlement", "linear"):
                return 1
            if self.mention.feature == "site" and self.mention.noun in _LOCALITY_SITES:
                return 1  # "the Borkoi police post": a post is named after its locality
            return 2 if self.resolution.fallback is None else 1
        if self.mention.feature == "settlement" and entry.is_admin:
            return 0  # "the town of Ménaka", known only as the district of that name
        return {"town": 0, "admin3": 2, "admin2": 2, "admin1": 3, "country": 4}[entry.precision]


def finer_in(best: Found, weak: list[Found]) -> Found | None:
    """ "A Bamako court ... attacks in Mali": a town named in passing refines a country."""
    entry = best.resolution.entry
    if entry is None or entry.kind != "country":
        return None
    inside = [
        f
        for f in weak
        if f.resolution.entry and f.resolution.entry.country_code == entry.country_code
    ]
    return pick(inside) if inside else None


def pick(found: list[Found]) -> Found:
    """The best of one sentence's places: by rank, then the first; a place named only as a
    reference after the event's town ("the town of Ménaka, close to the Labbezanga site") is
    not the event's, but after a region it is the finer place ("In Gao region, an IED hit a
    vehicle near Tin Hama")."""
    events = [f.mention.start for f in found if f.mention.role != NEAR and f.rank <= 1]
    kept = [
        f for f in found if f.mention.role != NEAR or not any(s < f.mention.start for s in events)
    ]
    return min(kept or found, key=lambda f: (f.rank, f.mention.start))


def last_resort(item: Found) -> bool:
    """No place of the event named: a known place the text names as an origin or a
    destination ("deployed to Gao region", "withdrew from the Labbezanga site", not a country)
    or in a relative clause ("who had been kidnapped at a hotel in Timbuktu")."""
    mention, entry = item.mention, item.resolution.entry
    if mention.relative:
        return entry is not None and mention.role in EVENT_ROLES
    if mention.role not in (ORIGIN, DESTINATION):
        return False
    if entry is not None:
        return entry.kind != "country"
    return bool(mention.hints or mention.noun) and looks_like_place(mention.name)


def to_match(found: Found, default: str | None) -> PlaceMatch:
    mention, resolution = found.mention, found.resolution
    place = resolution.place
    if place is None:
        return replace(
            nothing(default), location_text=mention.written, location_precision="unresolved"
        )
    code = place.country_code or default
    precision, geo, where = _precision(mention, resolution)
    written = mention.full if resolution.spelling == fold_key(mention.full or "") else None
    return PlaceMatch(
        location_text=written or mention.written,
        location=place.name,
        place_id=place.id,
        location_precision=precision,
        admin1=place.admin1 or (place.name if place.kind == "admin1" else None),
        admin2=place.admin2 or (place.name if place.kind == "admin2" else None),
        country=place.country or country_name(code),
        country_code=iso3(code),
        latitude=place.latitude if place.kind != "country" else None,
        longitude=place.longitude if place.kind != "country" else None,
        geo_precision=geo,
        where_prec=where,
        matched_text=_matched_text(mention, resolution),
    )


def _matched_text(mention: Mention, resolution: Resolution) -> str | None:
    """The spelling of the text that the gazetteer knows ("Timbuktu" of "Timbuktu town",
    "Bandiagara region" when that is a reviewed spelling)."""
    if not resolution.known:
        return None
    for text in (mention.full, mention.written, mention.name, *mention.aliases):
        if text and fold_key(text) == resolution.spelling:
            return text
    return mention.name


def _precision(mention: Mention, resolution: Resolution) -> tuple[str, int, int]:
    """location_precision, ACLED geo_precision and UCDP where_prec of a resolution."""
    place = resolution.place
    assert place is not None
    level = "area" if place.kind == "area" else place.precision
    geo, where = _GEO[level], _WHERE[level]
    approximate = mention.role == NEAR or mention.distance or mention.feature in ("area", "linear")
    if resolution.known:
        precision = place.precision
        if level == "town" and approximate:
            geo, where = 2, 2
        if mention.feature == "linear" and mention.near:
            where = 5  # along a road between two places
        if level == "country" and mention.direction:
            where = 5  # "northern Mali": a part of the country
        return precision, geo, where
    inside = resolution.how in ("container", "near") and mention.feature in _INSIDE_FEATURES
    if level == "town":
        if inside and resolution.how == "container" and not approximate:
            return "town", 1, 1  # "Bamako's Sogoniko junction"
        return ("town" if inside else "unresolved"), 2, 2  # "a hotel outside of Bamako"
    return "unresolved", geo, where


_WORD_CUTS = re.compile(r"[\s\-]+")
_AFFILIATION = re.compile(r"-(?:led|backed|based|linked|affiliated?|owned|run|held)$")


def looks_like_place(name: str) -> bool:
    """An unknown capitalised name that could be a place: not an acronym, an organisation,
    a title, a people or a possessive."""
    vocab = default_vocabulary()
    words = name.replace("–", " ").split()
    lowered = [w.casefold().strip("'’") for w in words]
    if len(words[0]) == 1 and len(words) == 1:
        return False
    acronyms = [
        w
        for w in _WORD_CUTS.split(name)
        if sum(c.isupper() for c in w) >= 2 and w.removesuffix("s").upper() == w.removesuffix("s")
    ]
    if any(_AFFILIATION.search(w) for w in lowered):
        return False  # "French-led", "JNIM-affiliated"
    site = lowered[-1] in vocab.feature and len(words) > 1  # "Azalaï Hotel"
    if acronyms and not site and not all(w in ("II", "III", "IV") for w in acronyms):
        return False  # "JNIM", "G5", but "Gangafani II" is a name
    bad = vocab["not_place_words"] | vocab["broad_regions"]
    return not any(w in bad for w in lowered) and not is_organisation(name, vocab)
