"""Resolve place names in report prose against the reviewed gazetteer.

Each event needs one primary location with an honest precision, and curators need to see
the place names the gazetteer does not know yet. The names themselves live in
``schemas/reference/places.csv`` so that reviewers change data, not code; this module only
holds the matching rules (see ``schemas/reference/README.md``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventline.reference import Source, reference_file, reference_rows
from eventline.text.fold import fold_key
from eventline.text.markup import inside_spans, link_label_spans
from eventline.text.names import GUARD, NameMatch, NameMatcher, parse_spelling
from eventline.text.words import word_set

__all__ = ["GUARD", "Gazetteer", "Place", "PlaceMatch", "default_gazetteer"]

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
PRECISIONS = ("town", "admin2", "admin1", "country", "unknown")
_RANK = {precision: rank for rank, precision in enumerate(PRECISIONS)}
_TOWN_TYPES = frozenset(t for t, p in PRECISION_BY_TYPE.items() if p == "town")
_PLACE_ID = re.compile(r"[a-z]{2}-[a-z0-9]+(?:-[a-z0-9]+)*")
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:[Ii]n|[Nn]ear|[Aa]t|[Oo]utside|[Aa]round|[Ff]rom|[Tt]o|[Tt]owards?|[Bb]etween"
    r"|and|of|[Vv]ia)\s+)$"
)
_CAPITALISED_AFTER = re.compile(rf"\s+[{_UPPER}]")
_PREVIOUS_WORD = re.compile(rf"([{_UPPER}][\w'’.\-]*)\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;“\"(*\-–—•\n])\s*$")
# Compass adjectives only: "South Sudan" is not Sudan, but "northern Gao" is in Gao.
_DIRECTION = r"(?:(?:north|south)-?(?:east|west)ern|(?:north|south|east|west)ern|central)"
_DIRECTION_WORD = re.compile(_DIRECTION, re.IGNORECASE)

# Region-twin promotion: "Gao" is the town unless the prose makes it the region.
_LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
_REGIONS_AFTER = re.compile(r"\s+regions?\b", re.IGNORECASE)
_REGION_OF_BEFORE = re.compile(r"\b(?:regions?|cercles)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_DIRECTION_BEFORE = re.compile(rf"\b{_DIRECTION}\s+$", re.IGNORECASE)
_NESTED_IN_BEFORE = re.compile(r"^\s*,?\s*(?:in|of)\s+(?:the\s+)?$", re.IGNORECASE)
_REGION_SUFFIX = re.compile(r" (?:region|cercle|district)$")
# A neighbour named only to place a border is not where the event happened.
_BORDER_BEFORE = re.compile(r"\bborders?\s+(?:with|of)\s+(?:the\s+)?$", re.IGNORECASE)

# Unknown names: a capitalised sequence after a locative preposition.
_NAME_TOKEN = rf"[{_UPPER}][\w'’\-]*"
_NAME = rf"{_NAME_TOKEN}(?:[ \t]+(?:{_NAME_TOKEN}|\d\b|(?:II|III|IV)\b))*"
_UNKNOWN_HEAD = re.compile(
    r"(?<![\w'’\-])"  # a whole word: not the "at" of "Jama’at"
    r"(?:[Ii]n|[Nn]ear|[Aa]t|[Oo]utside(?:\s+of)?|[Aa]round|[Bb]etween|[Tt]owards?|[Ff]rom)"
    r"\s+(?:the\s+)?(?:(?:towns?|villages?|city|cities|commune|municipality|region|district"
    rf"|cercle|area)\s+of\s+)?(?P<name>{_NAME})"
)
_UNKNOWN_NEXT = re.compile(rf"(?P<gap>\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?P<name>{_NAME})")
# A name followed by one of these nouns is a venue, event or people, not a place.
_NOT_PLACE_AFTER = re.compile(
    r"\s+(?:hotel|restaurant|nightclub|resort|café|cafe|attacks?|siege|bombings?|massacres?"
    r"|operations?|offensive|incident|community|communities|clans?|tribes?|ethnic|militias?"
    r"|fighters|herders|hunters)\b"
)


_MONTHS = word_set(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
)
_WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
_DETERMINERS = word_set(
    "the a an this that these those its their his her our my your it he she they we i you"
    " which what some many most all both each several other such another any no"
)
_TITLES = word_set(
    "president colonel general minister prime secretary secretary-general imam emir king"
    " sheikh commander captain lieutenant sergeant chief judge mr mrs ms dr sir"
)
_ORG_WORDS = word_set(
    "operation operations department ministry mission group groups council committee force"
    " forces army court office agency organization organisation movement movements front"
    " alliance coalition union nations republic state states hotel restaurant bank university"
    " institute center centre assembly parliament program programme task brigade battalion"
    " province party times post news journal report reports agreement accord framework"
    " coordination authority service services police gendarmerie airport embassy camp base"
    " company corps initiative fund network partnership forum community"
)
# Peoples, creeds and adjectives read as capitalised nouns but are never places.
_NOT_PLACE_WORDS = word_set(
    "french burkinabe nigerien tuareg tuaregs fulani peul peulh dogon dogons donzo dozo bambara"
    " songhai arab arabs berber moor bozo dutch swiss greek thai western eastern northern"
    " southern central islamic islamist islamists jihadist jihadists muslim muslims christian"
    " christians jews sufi salafist islam sharia allah god ramadan eid hamas wagner barkhane"
    " serval takuba telegram twitter facebook youtube whatsapp al-qaeda al-qaida qaeda isis"
    " daesh"
)
# Macro-regions deliberately kept out of the gazetteer: too broad to locate an event, and in
# this corpus mostly part of group names (IS Sahel, G5 Sahel, AQIM's "Islamic Maghreb").
_BROAD_REGIONS = frozenset(
    {
        "sahel",
        "sahara",
        "africa",
        "maghreb",
        "europe",
        "asia",
        "west africa",
        "north africa",
        "east africa",
        "middle east",
        "greater sahara",
        "islamic maghreb",
        "sub-saharan africa",
    }
)
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "african", "american", "asian", "moroccan")
_ROMAN = frozenset({"II", "III", "IV"})
_HYPHEN_ADJECTIVE = re.compile(
    r"-(?:backed|aligned|based|linked|led|owned|affiliated?|run|funded|trained|sponsored)$"
)


@dataclass(frozen=True)
class Place:
    """One reviewed gazetteer row."""

    place_id: str
    name: str
    variants: tuple[str, ...]
    place_type: str
    admin2: str | None
    admin1: str | None
    # None only for an area that spans borders (Liptako); resolve() then takes the country
    # from the text.
    country: str | None
    latitude: float | None
    longitude: float | None

    @property
    def precision(self) -> str:
        return PRECISION_BY_TYPE[self.place_type]


@dataclass(frozen=True)
class PlaceMatch:
    """The primary location of a text, with what the gazetteer could not place."""

    location: str | None
    place_id: str | None
    location_precision: str
    admin1: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    matched_text: str | None
    unknown_names: tuple[str, ...]


def _fold_name(name: str) -> str:
    return fold_key(name)


def _optional(value: str) -> str | None:
    value = value.strip()
    return value or None


def _coordinate(value: str, low: float, high: float, where: str) -> float | None:
    if not value.strip():
        return None
    number = float(value)
    if not low <= number <= high:
        raise ValueError(f"{where}: coordinate {number} outside [{low}, {high}]")
    return number


class Gazetteer:
    """Reviewed places, compiled once into a single longest-first pattern."""

    def __init__(self, places: list[Place], guarded: set[tuple[str, str]]) -> None:
        self.places: tuple[Place, ...] = tuple(places)
        # Longest first, so "Gangafani 2" beats "Gangafani" and "Mopti Region" beats "Mopti".
        self._matcher: NameMatcher[Place] = NameMatcher("initial", ident=lambda p: p.place_id)
        for place in places:
            for spelling in (place.name, *place.variants):
                key = _fold_name(spelling)
                self._matcher.add(
                    spelling,
                    place,
                    guarded=(place.place_id, key) in guarded,
                )
        self._twins = self._region_twins()

    @classmethod
    def from_csv(cls, path: Source = PLACES_CSV) -> Gazetteer:
        """Load and validate places.csv; a bad row fails loudly rather than mis-place events."""
        places: list[Place] = []
        guarded: set[tuple[str, str]] = set()
        seen: set[str] = set()
        for where, row in reference_rows(path, COLUMNS):
            place_id = row["place_id"].strip()
            if not _PLACE_ID.fullmatch(place_id) or place_id in seen:
                raise ValueError(f"{where}: bad or duplicate place_id {place_id!r}")
            seen.add(place_id)
            place_type = row["place_type"].strip()
            if place_type not in PRECISION_BY_TYPE:
                raise ValueError(f"{where}: unknown place_type {place_type!r}")
            variants: list[str] = []
            for raw in row["variants"].split("|"):
                variant, is_guarded = parse_spelling(raw)
                if is_guarded:
                    guarded.add((place_id, _fold_name(variant)))
                if variant:
                    variants.append(variant)
            latitude = _coordinate(row["latitude"], -90, 90, where)
            longitude = _coordinate(row["longitude"], -180, 180, where)
            if (latitude is None) != (longitude is None):
                raise ValueError(f"{where}: give both latitude and longitude, or neither")
            if not row["coord_note"].strip():
                raise ValueError(f"{where}: coord_note is required")
            name = row["name"].strip()
            if not name:
                raise ValueError(f"{where}: name is required")
            places.append(
                Place(
                    place_id=place_id,
                    name=name,
                    variants=tuple(variants),
                    place_type=place_type,
                    admin2=_optional(row["admin2"]),
                    admin1=_optional(row["admin1"]),
                    country=_optional(row["country"]),
                    latitude=latitude,
                    longitude=longitude,
                )
            )
        return cls(places, guarded)

    def _region_twins(self) -> dict[str, Place]:
        """Town place_id -> the region or cercle named after it ("Gao" -> "Gao Region")."""
        by_base: dict[str, Place] = {}
        for place in sorted(self.places, key=lambda p: p.place_type != "admin1"):
            if place.place_type not in ("admin1", "admin2"):
                continue
            for spelling in (place.name, *place.variants):
                base, n = _REGION_SUFFIX.subn("", _fold_name(spelling))
                if n:
                    by_base.setdefault(base, place)
        twins: dict[str, Place] = {}
        for place in self.places:
            if place.place_type in _TOWN_TYPES:
                for spelling in (place.name, *place.variants):
                    twin = by_base.get(_fold_name(spelling))
                    if twin is not None:
                        twins[place.place_id] = twin
                        break
        return twins

    def find_all(self, text: str) -> list[tuple[Place, str, int]]:
        """Every gazetteer place in ``text`` as (place, text as written, offset), in text order.

        Names inside Markdown link labels are citations ("[France 24](#)"), not places.
        """
        links = link_label_spans(text)

        def accept(match: NameMatch[Place], accepted: list[NameMatch[Place]]) -> bool:
            return (
                not inside_spans(match.start, links)
                and self._guard_allows(match, text)
                and not _inside_proper_name(text, match.start, accepted)
            )

        found = [
            (m.payload, text[m.start : m.end], m.start, m.end)
            for m in self._matcher.find(text, accept)
        ]
        return [(place, written, start) for place, written, start, _ in self._promote(text, found)]

    def _guard_allows(self, match: NameMatch[Place], text: str) -> bool:
        """A guarded variant ("Severe") counts only as a locative object: after in/near/at/…
        and not followed by another capitalised word ("Severe Acute Malnutrition")."""
        if not match.spelling.guarded:
            return True
        start, end = match.start, match.end
        return bool(_LOCATIVE_BEFORE.search(text, max(0, start - 12), start)) and not (
            _CAPITALISED_AFTER.match(text, end)
        )

    def _promote(
        self, text: str, found: list[tuple[Place, str, int, int]]
    ) -> list[tuple[Place, str, int, int]]:
        """Read a bare town name as its region where the prose says so: "the Ménaka and
        Timbuktu regions", "regions of Gao, Kidal, and Menaka", "northern Gao",
        "the Niafounke district in Timbuktu". A bare name otherwise stays the town."""
        result = list(found)
        groups: list[list[int]] = []
        for i, (_, _, start, _) in enumerate(found):
            if groups and _LIST_GAP.fullmatch(text, found[i - 1][3], start):
                groups[-1].append(i)
            else:
                groups.append([i])
        for group in groups:
            first_start = found[group[0]][2]
            last_end = found[group[-1]][3]
            whole_list = bool(
                _REGIONS_AFTER.match(text, last_end)
                or _REGION_OF_BEFORE.search(text, max(0, first_start - 40), first_start)
            )
            for i in group:
                place, written, start, end = found[i]
                twin = self._twins.get(place.place_id)
                if twin is None:
                    continue
                before = text[max(0, start - 40) : start]
                nested = i > 0 and (
                    found[i - 1][0].place_type in ("admin1", "admin2")
                    and bool(_NESTED_IN_BEFORE.match(text[found[i - 1][3] : start]))
                )
                if whole_list or nested or _DIRECTION_BEFORE.search(before):
                    result[i] = (twin, written, start, end)
        return result

    def resolve(self, text: str, default_country: str | None = None) -> PlaceMatch:
        """The primary location: the first place of the most precise kind in ``text``.

        Towns (any size, and sites) beat cercles, which beat regions and areas, which beat
        countries. A country named only as a border ("near the border with Burkina Faso") is
        not a candidate. With nothing found, precision is 'unknown' and country is
        ``default_country``.
        """
        matches = self.find_all(text)
        unknown = _unknown_names(text, matches)
        candidates: list[tuple[Place, str, int]] = []
        border_end: int | None = None  # end of the last country named only as a border
        for place, written, start in matches:
            if place.place_type == "country" and (
                _BORDER_BEFORE.search(text, max(0, start - 60), start)
                or (border_end is not None and _LIST_GAP.fullmatch(text, border_end, start))
            ):
                border_end = start + len(written)
                continue
            border_end = None
            candidates.append((place, written, start))
        if not candidates:
            return PlaceMatch(
                location=None,
                place_id=None,
                location_precision="unknown",
                admin1=None,
                country=default_country,
                latitude=None,
                longitude=None,
                matched_text=None,
                unknown_names=unknown,
            )
        place, written, _ = min(candidates, key=lambda item: (_RANK[item[0].precision], item[2]))
        country = place.country
        if country is None:
            named = [p.country for p, _, _ in candidates if p.place_type == "country"]
            country = named[0] if named else default_country
        return PlaceMatch(
            location=place.name,
            place_id=place.place_id,
            location_precision=place.precision,
            admin1=place.admin1,
            country=country,
            latitude=place.latitude,
            longitude=place.longitude,
            matched_text=written,
            unknown_names=unknown,
        )


def _inside_proper_name(text: str, start: int, found: list[NameMatch[Place]]) -> bool:
    """True when the name continues a longer proper name ("Agence France-Presse",
    "Amadou Bamba", "High Commissioner for Refugees Mali"): it follows a capitalised word
    that is not itself a place, not a compass adjective, and does not start a sentence."""
    previous = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if previous is None:
        return False
    word = previous.group(1)
    if found and found[-1].end > previous.start(1):
        return False  # "Tongo Tongo Niger": the word before is (part of) a place
    if _DIRECTION_WORD.fullmatch(word):
        return False  # "Northern Mali"
    if word.endswith(".") and len(word) > 3 and any(c.islower() for c in word):
        return False  # "… Tuareg. Kidal": a full stop, not an abbreviation like "U.N."
    return not _SENTENCE_START.search(text, max(0, previous.start(1) - 5), previous.start(1))


def _unknown_names(text: str, matches: list[tuple[Place, str, int]]) -> tuple[str, ...]:
    """Capitalised names after a locative preposition that the gazetteer does not hold.

    Conservative by design: a few non-places reach curators rather than real places being
    dropped, but months, pronouns, acronyms, possessives and group names are filtered.
    """
    known = [(start, start + len(written)) for _, written, start in matches]
    links = link_label_spans(text)
    names: list[str] = []
    for head in _UNKNOWN_HEAD.finditer(text):
        spans = [head.span("name")]
        gaps: list[str] = []
        pos = head.end("name")
        while (more := _UNKNOWN_NEXT.match(text, pos)) is not None:
            spans.append(more.span("name"))
            gaps.append(more.group("gap"))
            pos = more.end("name")
        if not any(re.search(r"\b(?:and|or)\b", gap) for gap in gaps):
            spans = spans[:1]  # "in Mali, Maslov is …" is not a list of places
        for start, end in spans:
            name = text[start:end]
            overlaps = any(s < end and start < e for s, e in known)
            if (
                overlaps
                or inside_spans(start, links)
                or _NOT_PLACE_AFTER.match(text, end)
                or not _looks_like_place(name)
            ):
                continue
            if name not in names:
                names.append(name)
    return tuple(names)


def _looks_like_place(name: str) -> bool:
    words = name.split()
    first = words[0].casefold()
    lowered = [w.casefold() for w in words]
    if len(words[0]) == 1 or first in _DETERMINERS or first in _MONTHS or first in _WEEKDAYS:
        return False
    if re.search(r"['’]s?$", words[-1]):
        return False  # possessive: "Mali's", "Gaddafi’s"
    if any(
        _is_acronym(part) and not (i and word in _ROMAN)
        for i, word in enumerate(words)
        for part in word.split("-")
    ):
        return False  # "JNIM", "JNIM-affiliate", "CSP-DPA" (but "Gangafani II" is a name)
    if any(any(c.isdigit() for c in w) and any(c.isalpha() for c in w) for w in words):
        return False  # "G5 Sahel"
    bare = [re.sub(r"['’]s$", "", w) for w in lowered]
    if any(w in _ORG_WORDS or w in _TITLES or w in _NOT_PLACE_WORDS for w in bare):
        return False
    if name.casefold() in _BROAD_REGIONS or any(w in _BROAD_REGIONS for w in bare):
        return False  # "West Africa", "Africa’s Sahel"
    if bare[-1].endswith(_DEMONYM_ENDINGS):
        return False  # "Algerian", "Senegalese", "West African"
    return not _HYPHEN_ADJECTIVE.search(first)


def _is_acronym(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 and not any(c.islower() for c in word)


@cache
def default_gazetteer() -> Gazetteer:
    """The repository's reviewed gazetteer, loaded once per process."""
    return Gazetteer.from_csv()
