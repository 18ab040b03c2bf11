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
a place inside a known town ("Bamako's junction")   town          1     1
an unknown village near / given with a known town      unresolved    2     2
a commune or district (admin3, admin2)                 admin3/admin2 2     3
a region (admin1)                                      admin1        3     4
an area (a forest, a lake, "northern Mali")            admin1        3     5
a road between two towns ("the A–B axis")              town          2     5
the country only                                       country       3     6
the capital: a national act that names no place       country       3     6
=====================================================  ============  ====  =====

An unknown place keeps ``location_precision = unresolved``; its admin columns and
coordinates are those of what it was placed by. Nothing named: ``unknown``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from eventline.silver import gazetteer as gz
from eventline.silver.place_choice import (
    Found,
    PlaceMatch,
    country_name,
    finer_in,
    iso3,
    last_resort,
    looks_like_place,
    nothing,
    pick,
    to_match,
)
from eventline.silver.place_context import DocumentPlaces, document_places
from eventline.silver.place_index import (
    Entry,
    Lookups,
    PlaceIndex,
)
from eventline.silver.place_mention import (
    DESTINATION,
    EVENT_ROLES,
    MENTION,
    ORIGIN,
    Mention,
    is_organisation,
    is_people,
)
from eventline.silver.place_overrides import COLUMNS, PLACES_CSV, PRECISION_BY_TYPE
from eventline.silver.place_resolution import resolve_mention
from eventline.silver.place_vocabulary import default_vocabulary
from eventline.text.fold import fold_key

__all__ = [
    "COLUMNS",
    "PLACES_CSV",
    "PRECISIONS",
    "PRECISION_BY_TYPE",
    "DocumentPlaces",
    "PlaceMatch",
    "PlaceResolver",
    "default_gazetteer",
    "document_countries",
]

PRECISIONS = ("town", "admin3", "admin2", "admin1", "country", "unresolved", "unknown")
# Words that refer back to the paragraph's place.
_ANAPHOR = re.compile(
    r"\b(?:there|the same (?:junction|town|village|city|place|area|site|camp|base|post|"
    r"locality|road|market|bridge|island)|the (?:park|junction|town|village|city|locality|camp"
    r"|base|site|island|area)(?:['’]s)?)\b(?! of\b)",
    re.IGNORECASE,
)
# "in the north-east", "across the north of the country": a part of the report's country.
_COUNTRY_PART = re.compile(
    r"\b(?:in|across|throughout)\s+the\s+"
    r"(?P<part>(?:far[ -])?(?:north|south)(?:[ -]?(?:east|west))?|east|west|centre|center)"
    r"\b(?!\s+(?:of|side)\b(?!\s+the\s+country))"
)


def _hint_countries(mention: Mention, world: PlaceIndex) -> list[str]:
    codes = []
    for name in mention.hints:
        for entry in world.get(fold_key(name)):
            if entry.kind == "country" and entry.country_code not in codes:
                codes.append(entry.country_code)
    return [c for c in codes if c]


@dataclass(frozen=True)
class _Analysis:
    """What one text says about its place, before its document's defaults."""

    primary: Found | None
    unknown: tuple[tuple[str, str], ...]  # (name, why the gazetteer did not place it)
    places: tuple[str, ...]
    named: str | None  # the country the text names, if one


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
        rows = list(records)
        context = document_places(title, rows, title_codes)
        named: dict[Any, list[tuple[int, str]]] = {}
        for row in rows:
            block = _block(row)
            if block is None:
                continue
            line = int(row.get("line_start") or 0)
            for text, at in ((row.get("lead_text"), line - 1), (row["text"], line)):
                code = self._named_country(text, context, row) if text else None
                if code is not None:
                    named.setdefault(block, []).append((at, code))
            self._read_lead(row, context)
        return replace(context, paragraphs={b: tuple(sorted(c)) for b, c in named.items()})

    def _read_lead(self, row: Mapping[str, Any], context: DocumentPlaces) -> None:
        """A paragraph's undated lead ("The toll from the blasts in Baoulé National Park has risen
        ...") is the place its records refer back to ("near the park's edge")."""
        block, lead = _block(row), row.get("lead_text")
        if not lead or block is None or block in context.last_places:
            return
        analysis = self._analyse(lead, context, row)
        if analysis.primary is not None:
            match = to_match(
                analysis.primary, analysis.named or self._context_country(context, row)
            )
            if match.location_text and match.location_precision != "country":
                context.last_places[block] = match

    def _named_country(
        self, text: str, context: DocumentPlaces, record: Mapping[str, Any]
    ) -> str | None:
        """The country (ISO2) a record's own text places it in, if any, among the
        document's: "10. Judicial proceedings ..." takes the paragraph's "in Bamako"."""
        analysis = self._analyse(text, context, record)
        place = analysis.primary.resolution.place if analysis.primary else None
        code = place.country_code if place else analysis.named
        return code if code in context.countries else None

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
        analysis = self._analyse(text, context, record)
        primary, unknown = analysis.primary, analysis.unknown
        default = analysis.named or self._context_country(context, record)
        if primary is None:
            return self._unnamed(text, context, record, default, unknown)
        match = to_match(primary, default)
        self._remember(context, record, match)
        places = analysis.places or (match.location_text,)
        return replace(match, places_text=places, unknown=unknown)

    def _analyse(
        self, text: str, context: DocumentPlaces, record: Mapping[str, Any] | None
    ) -> _Analysis:
        """What the text itself says (its places, resolved; its primary; its country),
        computed once per text and paragraph and shared by the paragraph pass."""
        key = (text, _block(record))
        cached = context.analyses.get(key)
        if cached is not None:
            return cached
        preferred = _preferred(context, record)
        mentions = self._absorb_appositions(
            [m for m in context.mentions(text) if not m.consumed], preferred
        )
        sentence = self._sentence_countries(mentions, preferred)
        found = [self._resolve(m, preferred, sentence) for m in mentions]
        eligible = [f for f in found if self._eligible(f)]
        unknown = tuple(
            dict.fromkeys(
                (f.mention.name, _why_unknown(f))
                for f in eligible
                if not f.resolution.known and f.mention.feature not in ("site", "event")
            )
        )
        primary = self._primary(found, context)
        places = tuple(
            dict.fromkeys(
                f.mention.written
                for f in eligible
                if primary is not None and f.mention.sentence == primary.mention.sentence
            )
        )
        named = self._text_country(context, sentence, text)
        analysis = _Analysis(primary, unknown, places, named)
        context.analyses[key] = analysis
        return analysis

    def _absorb_appositions(self, mentions: list[Mention], preferred: list[str]) -> list[Mention]:
        """ "Dembo, central Mali", "Tin Hama, Gao region": a name after a comma that is
        a country or an admin area is a hint of the name before it, not a second place
        (but "from Mali, France will ..." is no hint of a country)."""
        lookup = self.lookups.everywhere(preferred)
        kept = []
        for mention in mentions:
            head = mention.apposition_of
            entries = [e for _, g in lookup(fold_key(mention.name)) for e in g] if head else []
            is_country = head is not None and any(
                e.kind == "country" for e in self.lookups.world.get(fold_key(head.name))
            )
            if (
                head is not None
                and not is_country
                and entries
                and all(e.is_admin or e.kind == "country" for e in entries)
            ):
                head.hints.append(mention.name)
                head.strong_hints.append(mention.name)
                continue
            kept.append(mention)
        return kept

    def _primary(self, found: list[Found], context: DocumentPlaces) -> Found | None:
        """The place of the event: the first sentence that names one; in it, a place the
        text puts the event at, else a well-known place named in passing ("a Bamako court"),
        else where people came from or went ("deployed to Gao region")."""
        tiers = (
            self._eligible,
            lambda f: self._weak(f, context) and f.resolution.entry.kind != "country",
            last_resort,
            lambda f: self._weak(f, context),
        )
        for sentence in sorted({f.mention.sentence for f in found}):
            items = [f for f in found if f.mention.sentence == sentence]
            for number, tier in enumerate(tiers):
                chosen = [f for f in items if tier(f)]
                if chosen:
                    best = pick(chosen)
                    finer = [f for f in items if number == 0 and tiers[1](f)]
                    return finer_in(best, finer) or best
        return None

    def _weak(self, found: Found, context: DocumentPlaces) -> bool:
        """A well-known place of the document's countries named with no cue ("a Bamako
        court"): an override, a major town, an admin area; or one of those countries named
        in any role but a border ("Mali relied on", "withdrew from Mali")."""
        mention, entry = found.mention, found.resolution.entry
        if entry is None or mention.relative or is_people(mention.name, self.vocabulary):
            return False
        ours = not context.countries or entry.country_code in context.countries
        if entry.kind == "country":
            return ours and mention.role in (MENTION, ORIGIN, DESTINATION)
        if mention.role != MENTION or not ours:
            return False
        return (
            entry.override
            or entry.is_admin
            or entry.rank >= 5
            or (entry.population or 0) >= 100_000
        )

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

    def _resolve(self, mention: Mention, preferred: list[str], sentence: list[str]) -> Found:
        """Resolve in the hint's countries or the document's, then the world index; a
        country the document is not about is loaded only for a name that can be the event's
        place, when the world index fails: its hint ("X, Niger"), or a country of the
        document's region the sentence places events in."""
        hinted = _hint_countries(mention, self.lookups.world)
        lookup = self.lookups.everywhere(preferred, areas=hinted)
        first = [c for c in hinted if c in preferred] if hinted else preferred
        tiers = [
            self.lookups.countries(first),
            self.lookups.world_known(preferred, mention.feature),
        ]
        if mention.role in EVENT_ROLES and not mention.initial and looks_like_place(mention.name):
            further = [c for c in hinted if c not in first] or _same_regions(sentence, preferred)
            if further:
                tiers.append(self.lookups.countries(further))
        return Found(mention, resolve_mention(mention, lookup, tiers))

    def _eligible(self, found: Found) -> bool:
        mention = found.mention
        if mention.relative or mention.role not in EVENT_ROLES:
            return False
        entry = found.resolution.entry
        if entry is not None:
            return not mention.all_caps or _well_known(entry)  # "FAMA" is no village
        if mention.initial or is_organisation(mention.name, self.vocabulary):
            return False
        if mention.apposition_of is not None:
            return False  # "in Mali, Maslov is ...": a name after a comma is no second place
        if is_people(mention.name, self.vocabulary):
            return False
        if found.resolution.fallback is not None and mention.feature in ("site", "natural"):
            return True  # "the Radisson Blu Hotel ... in Bamako": a site of a known town
        return looks_like_place(mention.name)

    def _unnamed(
        self,
        text: str,
        context: DocumentPlaces,
        record: Mapping[str, Any] | None,
        default: str | None,
        unknown: tuple[tuple[str, str], ...],
    ) -> PlaceMatch:
        """No name: a reference back to the paragraph's place ("there", "the same
        junction", "near the park's edge"), a part of the country ("in the north-east"), or
        the country alone."""
        block = _block(record)
        earlier = context.last_places.get(block) if block is not None else None
        told = context.last_places.get(_bronze(record))
        if earlier is not None and _ANAPHOR.search(text):
            told = earlier
        if told is not None:  # "...; the following night, they returned"
            country = told.country or country_name(default)
            return replace(
                told,
                unknown=unknown,
                country=country,
                country_code=told.country_code or iso3(default),
            )
        part = _COUNTRY_PART.search(text)
        if part is not None and default:
            match = nothing(default, unknown)
            return replace(
                match, location_text=part.group("part"), location=match.country,
                location_precision="country", places_text=(part.group("part"),), where_prec=5,
            )  # fmt: skip
        return nothing(default, unknown)

    def _text_country(self, context: DocumentPlaces, sentence: list[str], text: str) -> str | None:
        """The country the text itself names: where it places events, else the one of the
        document's countries it names ("Chadian soldiers", in a report on Chad and Cameroon)."""
        if len(sentence) == 1:
            return sentence[0]
        named = {c for w in context.reading(text).country_words for c in w.codes}
        named &= set(context.countries)
        return next(iter(named)) if len(named) == 1 else None

    def _context_country(
        self, context: DocumentPlaces, record: Mapping[str, Any] | None
    ) -> str | None:
        """The country when the text names none: the paragraph's (the nearest record that
        names one, its dateline), the section's, the report's."""
        block = _block(record)
        nearest = _nearest(context.paragraphs.get(block, ()), record)
        if nearest is not None:
            return nearest
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
        if _bronze(record) is not None and match.location_text:
            context.last_places[_bronze(record)] = match  # the next part of the record
        if block is not None and match.location_text and match.location_precision != "country":
            context.last_places[block] = match

    # --- compatibility -----------------------------------------------------------------

    def find_all(self, text: str) -> list[tuple[Entry, str, int]]:
        """Known names of the world index in ``text`` (entry, as written, offset)."""
        found = []
        for match in self.lookups.world.find(text):
            entries = self.lookups.world.get(match.payload)
            if entries and not match.spelling.guarded:
                found.append((entries[0], text[match.start : match.end], match.start))
        return found


def _same_regions(codes: Sequence[str], preferred: Sequence[str]) -> list[str]:
    """The countries of ``codes`` in the ACLED regions of the document's countries."""
    table = gz.countries()
    regions = {table[c].acled_region for c in preferred if c in table}
    return [c for c in codes if not regions or table[c].acled_region in regions]


def _why_unknown(found: Found) -> str:
    ties = found.resolution.ambiguous
    return f"ambiguous: {ties} places of that name" if ties else "not in the gazetteer"


def _well_known(entry: Entry) -> bool:
    """An override, a country, an admin area, a capital or seat, or a town of 100,000."""
    return (
        entry.override
        or entry.is_admin
        or entry.kind == "country"
        or entry.rank >= 5
        or (entry.population or 0) >= 100_000
    )


def _nearest(named: Sequence[tuple[int, str]], record: Mapping[str, Any] | None) -> str | None:
    """The country named by the paragraph's record closest to this one (the earlier of two
    as close): a paragraph stays in one country, and moves on where the text says so."""
    if not named or record is None:
        return None
    line = int(record.get("line_start") or 0)
    return min(named, key=lambda item: (abs(item[0] - line), item[0] > line))[1]


def _bronze(record: Mapping[str, Any] | None) -> tuple[str, Any] | None:
    """The bronze record a segment is a part of (the dates step splits one record into
    several incidents): a later part that names no place is told in the same place."""
    if not record or not record.get("bronze_record_id"):
        return None
    return ("bronze", record["bronze_record_id"])


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


@cache
def default_gazetteer() -> PlaceResolver:
    """The repository's resolver (GeoNames bundle + reviewed overrides), once per process."""
    return PlaceResolver()


def document_countries(
    documents: Iterable[Mapping[str, Any]], gazetteer: PlaceResolver
) -> dict[str, tuple[str, ...]]:
    """The countries (ISO2) each document's title names ("Mali: Extremism and Terrorism")."""
    return {d["doc_id"]: gazetteer.title_countries(d.get("title")) for d in documents}
