"""The place of an event: as written, resolved, with ACLED/UCDP precision codes.

For each record the primary place is the first place of the event the lead sentence names
(a resolved town before an unknown village, before a district, a region, a country), kept
as written in ``location_text`` whether or not the gazetteer knows it; every place of the
event goes to ``places_text``; the country comes from the place, else from the sentence, the
paragraph, the section or the document. Mentions are found by
:mod:`~eventline.silver.place_mentions`, resolved by
:mod:`~eventline.silver.place_resolution` against the GeoNames bundle and the reviewed
``places.csv`` (:mod:`~eventline.silver.place_index`), with the document's countries from
:mod:`~eventline.silver.place_context`.

Precision codes (ACLED Codebook, geo-precision; UCDP GED Codebook, ``where_prec``):

=====================================================  ============  ====  =====
the event is placed at                                 precision     geo   where
=====================================================  ============  ====  =====
a town, village or site the gazetteer knows            town          1     1
... "near", "outside", "N km from" it, or on its road  town          2     2
a place inside a known town ("Mogadishu's junction")   town          1     1
an unknown village near / given with a known town      unresolved    2     2
a commune or district (admin3, admin2)                 admin3/admin2 2     3
a region (admin1)                                      admin1        3     4
an area (a forest, a lake, "northern Mali")            admin1        3     5
a road between two towns ("the A–B axis")              town          2     5
the country only                                       country       3     6
=====================================================  ============  ====  =====

An unknown place keeps ``location_precision = unresolved``; its admin columns and
coordinates are those of what it was placed by. Nothing named: ``unknown``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from eventline.silver import gazetteer as gz
from eventline.silver.place_context import DocumentPlaces, document_places, mentions_of
from eventline.silver.place_index import Entry, PlaceIndex, country_index, world_index
from eventline.silver.place_mentions import (
    DESTINATION,
    EVENT_ROLES,
    NEAR,
    ORIGIN,
    Mention,
    is_organisation,
)
from eventline.silver.place_overrides import COLUMNS, PLACES_CSV, PRECISION_BY_TYPE
from eventline.silver.place_resolution import Resolution, resolve_mention
from eventline.silver.place_vocabulary import default_vocabulary
from eventline.text.fold import fold_key

__all__ = [
    "COLUMNS",
    "PLACES_CSV",
    "PRECISION_BY_TYPE",
    "PRECISIONS",
    "DocumentPlaces",
    "PlaceMatch",
    "PlaceResolver",
    "default_gazetteer",
    "document_countries",
]

PRECISIONS = ("town", "admin3", "admin2", "admin1", "country", "unresolved", "unknown")
PLACE_COLUMNS = (
    "location_text", "location", "place_id", "location_precision", "admin1", "admin2",
    "country", "country_code", "latitude", "longitude", "geo_precision", "where_prec",
    "places_text",
)  # fmt: skip
_GEO = {"town": 1, "admin3": 2, "admin2": 2, "admin1": 3, "area": 3, "country": 3}
_WHERE = {"town": 1, "admin3": 3, "admin2": 3, "admin1": 4, "area": 5, "country": 6}
_INSIDE_FEATURES = frozenset({"site", "natural", "area", "event", "admin"})


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
    unknown_names: tuple[str, ...] = ()

    def columns(self) -> dict[str, Any]:
        """The silver/gold place columns of this match."""
        row = {name: getattr(self, name) for name in PLACE_COLUMNS}
        row["places_text"] = list(self.places_text)
        return row


def _iso3(code: str | None) -> str | None:
    country = gz.countries().get(code) if code else None
    return country.iso3 if country else None


def _country_name(code: str | None) -> str | None:
    country = gz.countries().get(code) if code else None
    return country.name if country else None


def nothing(country_code: str | None, unknown: tuple[str, ...] = ()) -> PlaceMatch:
    """No place named: the country (ISO2) of the report, if known."""
    precision = 3 if country_code else None
    return PlaceMatch(
        None, None, None, "unknown", None, None, _country_name(country_code),
        _iso3(country_code), None, None, precision, 6 if country_code else None,
        unknown_names=unknown,
    )  # fmt: skip


class Lookups:
    """Look-ups in the indexes of some countries (loaded on first use) and the world's."""

    def __init__(self) -> None:
        self.world: PlaceIndex = world_index()

    def countries(self, codes: Sequence[str]) -> Any:
        def lookup(key: str) -> list[tuple[PlaceIndex, tuple[Entry, ...]]]:
            found = []
            for code in codes:
                index = country_index(code)
                entries = index.get(key)
                if entries:
                    found.append((index, entries))
            return found

        return lookup

    def everywhere(self, codes: Sequence[str]) -> Any:
        local = self.countries(codes)

        def lookup(key: str) -> list[tuple[PlaceIndex, tuple[Entry, ...]]]:
            entries = self.world.get(key)
            return [*local(key), *([(self.world, entries)] if entries else [])]

        return lookup

    def world_only(self, key: str) -> list[tuple[PlaceIndex, tuple[Entry, ...]]]:
        entries = self.world.get(key)
        return [(self.world, entries)] if entries else []


def _hint_countries(mention: Mention, world: PlaceIndex) -> list[str]:
    codes = []
    for name in mention.hints:
        for entry in world.get(fold_key(name)):
            if entry.kind == "country" and entry.country_code not in codes:
                codes.append(entry.country_code)
    return [c for c in codes if c]


@dataclass
class _Found:
    mention: Mention
    resolution: Resolution

    @property
    def rank(self) -> int:
        """Which place is primary: a known town first, then an unknown village, a district,
        a region, a country (the first in the text among equals)."""
        entry = self.resolution.entry
        if entry is None:
            if self.mention.feature in (None, "settlement", "linear"):
                return 1
            return 2 if self.resolution.fallback is None else 1
        return {"town": 0, "admin3": 2, "admin2": 2, "admin1": 3, "country": 4}[entry.precision]


class PlaceResolver:
    """The gazetteer as the silver builder uses it (see the module docstring)."""

    def __init__(self) -> None:
        self.lookups = Lookups()
        self.vocabulary = default_vocabulary()

    # --- documents -------------------------------------------------------------------

    def document(
        self,
        records: Iterable[Mapping[str, Any]],
        title: str | None = None,
        title_codes: Iterable[str] = (),
    ) -> DocumentPlaces:
        """The place context of one document (its countries, paragraphs, sections)."""
        return document_places(title, records, title_codes)

    def title_countries(self, title: str | None) -> tuple[str, ...]:
        return document_places(title, []).countries

    # --- one text --------------------------------------------------------------------

    def resolve(
        self,
        text: str,
        default_country: str | None = None,
        context: DocumentPlaces | None = None,
    ) -> PlaceMatch:
        """The primary place of ``text``; ``default_country`` (a name) when none is found."""
        if context is None:
            code = _code_of(default_country)
            context = DocumentPlaces((code,) if code else (), code)
        return self.locate(text, context)

    def locate(
        self,
        text: str,
        context: DocumentPlaces,
        record: Mapping[str, Any] | None = None,
    ) -> PlaceMatch:
        """The primary place of one record's text, in its document's context."""
        preferred = _preferred(context, record)
        mentions = self._absorb_appositions(
            [m for m in mentions_of(text) if not m.consumed], preferred
        )
        sentence = self._sentence_countries(mentions, preferred)
        found = [f for f in (self._resolve(m, preferred, sentence) for m in mentions) if f]
        eligible = [f for f in found if self._eligible(f)]
        unknown = tuple(dict.fromkeys(f.mention.name for f in eligible if not f.resolution.known))
        primary = _primary(eligible) or _last_resort(found)
        default = self._default_country(context, record, sentence)
        if primary is None:
            return nothing(default, unknown)
        match = _match(primary, default)
        places = tuple(
            dict.fromkeys(
                f.mention.written for f in eligible if f.mention.sentence == primary.mention.sentence
            )
        )
        self._remember(context, record, match)
        return replace(match, places_text=places or (match.location_text,), unknown_names=unknown)

    def _absorb_appositions(self, mentions: list[Mention], preferred: list[str]) -> list[Mention]:
        """ "Dembo, central Mali", "El Baraf, Middle Shabelle": a name after a comma that is
        a country or an admin area is a hint of the name before it, not a second place."""
        lookup = self.lookups.everywhere(preferred)
        kept = []
        for mention in mentions:
            head = mention.apposition_of
            entries = [e for _, g in lookup(fold_key(mention.name)) for e in g] if head else []
            if head is not None and entries and all(e.is_admin or e.kind == "country" for e in entries):
                head.hints.append(mention.name)
                head.strong_hints.append(mention.name)
                continue
            kept.append(mention)
        return kept

    def _sentence_countries(self, mentions: list[Mention], preferred: list[str]) -> list[str]:
        """Countries the text places events in ("attacks in Niger"), beyond the document's."""
        codes: list[str] = []
        for mention in mentions:
            if mention.role not in EVENT_ROLES:
                continue
            for entry in self.lookups.world.get(fold_key(mention.name)):
                code = entry.country_code
                if entry.kind == "country" and code and code not in preferred + codes:
                    codes.append(code)
        return codes

    def _resolve(self, mention: Mention, preferred: list[str], sentence: list[str]) -> _Found:
        hinted = _hint_countries(mention, self.lookups.world)
        codes = hinted or preferred
        lookup = self.lookups.everywhere([*dict.fromkeys([*hinted, *preferred, *sentence])])
        tiers = [self.lookups.countries(codes)]
        if not hinted and sentence:
            tiers.append(self.lookups.countries(sentence))
        tiers.append(self.lookups.world_only)
        return _Found(mention, resolve_mention(mention, lookup, tiers))

    def _eligible(self, found: _Found) -> bool:
        mention = found.mention
        if mention.relative or mention.role not in EVENT_ROLES:
            return False
        if found.resolution.known:
            return True
        if mention.initial or is_organisation(mention.name, self.vocabulary):
            return False
        if found.resolution.fallback is not None and mention.feature in ("site", "natural"):
            return True  # "the Beach View Hotel ... in Mogadishu": a site of a known town
        return looks_like_place(mention.name)

    def _default_country(
        self, context: DocumentPlaces, record: Mapping[str, Any] | None, sentence: list[str]
    ) -> str | None:
        if len(sentence) == 1:
            return sentence[0]
        block = _block(record)
        if block is not None and block in context.last_countries:
            return context.last_countries[block]
        preferred = _preferred(context, record)
        if block is not None and block in context.blocks:
            return context.blocks[block]
        if record and record.get("section") in context.sections:
            codes = context.sections[record["section"]]
            if codes:
                return codes[0]
        return context.main or (preferred[0] if len(preferred) == 1 else None)

    def _remember(
        self, context: DocumentPlaces, record: Mapping[str, Any] | None, match: PlaceMatch
    ) -> None:
        block = _block(record)
        code = _code_of(match.country)
        if block is not None and code and match.location_precision != "unknown":
            context.last_countries[block] = code

    # --- compatibility -----------------------------------------------------------------

    def find_all(self, text: str) -> list[tuple[Entry, str, int]]:
        """Known names of the world index in ``text`` (entry, as written, offset)."""
        found = []
        for match in self.lookups.world.find(text):
            entries = self.lookups.world.get(match.payload)
            if entries and not match.spelling.guarded:
                found.append((entries[0], text[match.start : match.end], match.start))
        return found


def _block(record: Mapping[str, Any] | None) -> tuple[Any, Any] | None:
    if not record or record.get("block_index") is None:
        return None
    return (record.get("section"), record.get("block_index"))


def _preferred(context: DocumentPlaces, record: Mapping[str, Any] | None) -> list[str]:
    """The document's countries, the paragraph's and the section's first."""
    first: list[str] = []
    block = _block(record)
    if block is not None and block in context.blocks:
        first.append(context.blocks[block])
    if record and record.get("section") in context.sections:
        first += context.sections[record["section"]][:1]
    return list(dict.fromkeys([*first, *context.countries]))


def _code_of(country: str | None) -> str | None:
    if not country:
        return None
    found = gz.countries_named(country)
    return found[0].iso2 if len(found) == 1 else None


def _primary(found: list[_Found]) -> _Found | None:
    if not found:
        return None
    lead = min(f.mention.sentence for f in found)
    in_lead = [f for f in found if f.mention.sentence == lead]
    return min(in_lead, key=lambda f: (f.rank, f.mention.start))


def _last_resort(found: list[_Found]) -> _Found | None:
    """No place of the event named: a known non-country origin or destination ("deployed to
    Cabo Delgado", "withdrew from the Afungi site") is better than nothing."""
    for item in found:
        mention, entry = item.mention, item.resolution.entry
        if mention.role not in (ORIGIN, DESTINATION) or mention.relative:
            continue
        if (entry is not None and entry.kind != "country") or mention.hints or mention.noun:
            if entry is not None or looks_like_place(mention.name):
                return item
    return None


def _match(found: _Found, default: str | None) -> PlaceMatch:
    mention, resolution = found.mention, found.resolution
    place = resolution.place
    if place is None:
        return replace(nothing(default), location_text=mention.written, location_precision="unresolved")
    code = place.country_code or default
    precision, geo, where = _precision(mention, resolution)
    return PlaceMatch(
        location_text=mention.written,
        location=place.name,
        place_id=place.id,
        location_precision=precision,
        admin1=place.admin1 or (place.name if place.kind == "admin1" else None),
        admin2=place.admin2 or (place.name if place.kind == "admin2" else None),
        country=place.country or _country_name(code),
        country_code=_iso3(code),
        latitude=place.latitude if place.kind != "country" else None,
        longitude=place.longitude if place.kind != "country" else None,
        geo_precision=geo,
        where_prec=where,
        matched_text=mention.name if resolution.known else None,
    )


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
        if mention.feature == "linear" and len(mention.hints) and "–" in mention.written:
            where = 5
        if level == "country" and mention.direction:
            where = 5  # "northern Mali": a part of the country
        return precision, geo, where
    inside = resolution.how == "container" and mention.feature in _INSIDE_FEATURES
    if level == "town":
        if inside and not approximate:
            return "town", 1, 1
        return ("town" if inside else "unresolved"), 2, 2
    return "unresolved", geo, where


_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "african", "american", "asian")


def looks_like_place(name: str) -> bool:
    """An unknown capitalised name that could be a place: not an acronym, an organisation,
    a title, a people or a possessive."""
    vocab = default_vocabulary()
    words = name.replace("–", " ").split()
    lowered = [w.casefold().strip("'’") for w in words]
    if len(words[0]) == 1 and len(words) == 1:
        return False
    if any(sum(c.isupper() for c in w) >= 2 and not any(c.islower() for c in w) for w in words):
        if not all(w in ("II", "III", "IV") for w in words[1:]) or len(words) == 1:
            return False  # "JNIM", "G5", but "Gangafani II" is a name
    bad = vocab["not_place_words"] | vocab["broad_regions"]
    if any(w in bad for w in lowered) or is_organisation(name, vocab):
        return False
    return not lowered[-1].endswith(_DEMONYM_ENDINGS)


@cache
def default_gazetteer() -> PlaceResolver:
    """The repository's resolver (GeoNames bundle + reviewed overrides), once per process."""
    return PlaceResolver()


def document_countries(
    documents: Iterable[Mapping[str, Any]], gazetteer: PlaceResolver
) -> dict[str, tuple[str, ...]]:
    """The countries (ISO2) each document's title names ("Mali: Extremism and Terrorism")."""
    return {d["doc_id"]: gazetteer.title_countries(d.get("title")) for d in documents}
