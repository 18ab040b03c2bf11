"""Resolve one place mention to a gazetteer entry, using the countries and hints it comes with.

The rules, in order:

1. **Where to look.** A country among the mention's hints ("(Lac, Chad)", "Tongo Tongo,
   Niger") restricts the search to it. Otherwise the document's countries are searched first,
   then the countries the sentence places events in, then the world index (every override,
   capital and major town): "Koro" in a Burkina Faso report is never the Mali town.
2. **Which spelling.** The name as written, without its noun ("Lac province" -> Lac), then
   its other spellings in parentheses ("Boulkessi (Boulkesi)", "(also written Boulkési)").
3. **Hints decide between homonyms.** Each admin hint ("Mayo-Sava", "Far North", "Kong
   department") is resolved to an admin area of the country; a candidate whose region or
   department contradicts one is dropped, one that matches gains; a town among the hints
   ("Kolofata") must be near the candidate.
4. **The most specific kind wins** unless the prose says otherwise: a village beats its
   region ("Gao" is the town, "the Gao region" the region; "Bosso town in Diffa" is Bosso).
   A noun changes the order ("Ansongo district" is the district, "the Bouna area" the town).
5. **Among homonyms of one kind** a reviewed override wins, then the better known (capital,
   regional seat, population). Two candidates as well known as each other and far apart
   make the mention ambiguous: it is not guessed.
6. **When the name is not known**, the event is placed by what comes with it: the town it
   is near ("Fafa near Ansongo"), the town it is in ("Bamako's Sogoniko junction"), the
   most specific admin hint ("Dioura (Mopti, Mali)" -> Mopti), and at worst the country.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from eventline.silver.place_index import Entry, PlaceIndex
from eventline.silver.place_mention import Mention
from eventline.text.fold import fold_key

NEAR_KM = 25.0  # homonyms closer than this are one place for an event's coordinates
HINT_TOWN_KM = 60.0  # a town given as a hint ("(Kolofata, ...)") is this close at most

# Preferred kinds, most specific first, by what the prose says about the name.
_DEFAULT_ORDER = ("town", "site", "water", "locality", "admin3", "admin2", "admin1", "area")
_ORDERS = {
    None: _DEFAULT_ORDER,
    "settlement": ("town", "locality", "site", "water", "admin3", "admin2", "admin1", "area"),
    "site": ("site", "town", "locality", "water", "admin3", "admin2", "admin1", "area"),
    "natural": ("area", "site", "water", "locality", "town", "admin3", "admin2", "admin1"),
    "area": ("town", "locality", "area", "admin3", "admin2", "admin1", "site", "water"),
    "linear": _DEFAULT_ORDER,
    "event": _DEFAULT_ORDER,
    "admin1": ("admin1", "admin2", "admin3", "area", "town", "locality", "site", "water"),
    "admin2": ("admin2", "admin3", "admin1", "area", "town", "locality", "site", "water"),
    "admin3": ("admin3", "admin2", "admin1", "area", "town", "locality", "site", "water"),
}
# Admin nouns and the level they usually name (the tie-break between two levels of a name).
_ADMIN_LEVEL = {
    "region": "admin1", "regions": "admin1", "province": "admin1", "provinces": "admin1",
    "state": "admin1", "states": "admin1", "governorate": "admin1", "wilaya": "admin1",
    "região": "admin1", "província": "admin1", "provincia": "admin1",
    "commune": "admin3", "communes": "admin3", "municipality": "admin3",
    "arrondissement": "admin3", "sous-préfecture": "admin3", "subprefecture": "admin3",
    "sub-prefecture": "admin3", "canton": "admin3",
}  # fmt: skip

# Population steps that make one homonym better known than another (GeoNames figures are
# rough: only a step apart counts).
_POPULATION_STEPS = (1, 1_000, 5_000, 20_000, 100_000)

Lookup = Callable[[str], Sequence[tuple[PlaceIndex, tuple[Entry, ...]]]]


@dataclass(frozen=True)
class Resolution:
    """What one mention resolved to.

    ``entry`` is the place itself when the gazetteer knows the name; otherwise ``fallback``
    is what the event can be placed at (``how``: near, container, hint, country).
    """

    mention: Mention
    entry: Entry | None
    fallback: Entry | None = None
    how: str | None = None
    ambiguous: int = 0  # number of equally good candidates when the name is ambiguous
    spelling: str | None = None  # the folded spelling the entry was found under

    @property
    def place(self) -> Entry | None:
        return self.entry or self.fallback

    @property
    def known(self) -> bool:
        return self.entry is not None


def distance_km(a: Entry, b: Entry) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def level_of(mention: Mention) -> str | None:
    """The kind the prose gives a name: an admin level, settlement, site, natural..."""
    if mention.feature == "admin":
        return _ADMIN_LEVEL.get(mention.noun or "", "admin2" if mention.noun else "admin1")
    if mention.direction and mention.feature is None:
        return "admin1"  # "northern Gao" is the region
    return mention.feature


def spellings(mention: Mention, aliases: bool = True) -> list[str]:
    """The keys to look a mention up under, best first (its other spellings last)."""
    keys: list[str] = []
    full = (mention.full,) if mention.full else ()
    others = tuple(mention.aliases) if aliases else ()
    for text in (*full, mention.written, mention.name, _without_noun(mention), *others):
        key = fold_key(text)
        if key and key not in keys:
            keys.append(key)
    return keys


def _without_noun(mention: Mention) -> str:
    return strip_noun(mention.name, mention.noun)


def strip_noun(name: str, noun: str | None) -> str:
    """The name without a feature noun it starts or ends with ("Gao region Province")."""
    words = name.split()
    if noun and len(words) > 1:
        if words[-1].casefold().startswith(noun[:4]):
            return " ".join(words[:-1])
        if words[0].casefold().startswith(noun[:4]):
            return " ".join(words[1:])
    return name


_HYPHENS = re.compile(r"[-‐‑–]")
_ADMIN_SUFFIX = re.compile(
    r"[ \-]+(?:region|regions|province|department|prefecture|district|commune|state|county"
    r"|municipality|cercle|governorate)$",
    re.IGNORECASE,
)


@dataclass
class Hints:
    """A mention's hints, resolved: countries, admin areas, towns."""

    countries: set[str]
    admins: list[Entry]
    towns: list[Entry]
    strong_towns: list[Entry]

    def compatible(self, entry: Entry) -> int | None:
        """How many hints confirm ``entry``; None when one contradicts it."""
        if self.countries and entry.country_code not in (*self.countries, None):
            return None
        if entry.kind == "country" or entry.country_code is None:
            return 0
        support = 0
        for area in self.admins:
            verdict = _admin_verdict(entry, area)
            if verdict is False:
                return None
            support += bool(verdict)
        for town in self.towns:
            km = distance_km(entry, town)
            if km is not None and town.id != entry.id:
                if km > HINT_TOWN_KM * 3:
                    return None
                support += km <= HINT_TOWN_KM
        return support


def _admin_verdict(entry: Entry, area: Entry) -> bool | None:
    """True when ``entry`` lies in admin ``area``, False when it cannot, None when unknown."""
    if entry.country_code != area.country_code or entry.id == area.id:
        return None if entry.id == area.id else False
    if area.kind == "admin1":
        if entry.admin1_code and area.admin1_code:
            return entry.admin1_code == area.admin1_code
        return _same_name(entry.admin1, area.admin1 or area.name)
    if area.kind == "admin2":
        if entry.admin1_code and area.admin1_code and entry.admin1_code != area.admin1_code:
            return False
        if entry.admin2_code and area.admin2_code:
            return entry.admin2_code == area.admin2_code
        named = _same_name(entry.admin2, area.admin2 or area.name)
        if named is not None:
            return named
        km = distance_km(entry, area)
        return True if km is not None and km <= HINT_TOWN_KM else None
    km = distance_km(entry, area)
    return True if km is not None and km <= HINT_TOWN_KM else None


def _same_name(value: str | None, name: str) -> bool | None:
    if value is None:
        return None
    return fold_key(value) == fold_key(name)


def resolve_hints(names: Sequence[str], strong: Sequence[str], lookup: Lookup) -> Hints:
    """Resolve hint names: countries first, then areas and towns within those countries."""
    hints = Hints(set(), [], [], [])
    found: list[tuple[str, list[Entry]]] = []
    for name in dict.fromkeys(names):
        admin_only = bool(_ADMIN_SUFFIX.search(name))  # "the Ménaka region": not the town
        groups = lookup(fold_key(name))
        if not groups and admin_only:
            groups = lookup(fold_key(_ADMIN_SUFFIX.sub("", name)))
        entries = [e for index, group in groups if index.label != "world" for e in group]
        world = [e for index, group in groups if index.label == "world" for e in group]
        countries = {e.country_code for e in entries + world if e.kind == "country"}
        entries = entries or world  # the document's countries first
        if countries:
            hints.countries |= {c for c in countries if c}
        else:
            found.append((name, entries))
    for name, entries in found:
        entries = list({e.id: e for e in entries}.values())
        if hints.countries:
            entries = [e for e in entries if e.country_code in hints.countries]
        admins = [e for e in entries if e.is_admin or (e.twin and e.kind in ("admin1", "admin2"))]
        towns = [e for e in entries if e.kind == "town"]
        if admins:
            hints.admins.append(_best_area(admins))
        if len(towns) == 1 or (admins and towns):
            town = max(towns, key=_prominence)
            if not admins:
                hints.towns.append(town)  # near the candidate; a city's own district is not
            if name in strong:
                hints.strong_towns.append(town)  # "the Sogoniko district of Bamako"
    if not hints.countries and hints.admins:
        codes = {a.country_code for a in hints.admins}
        if len(codes) == 1:
            hints.countries = {c for c in codes if c}
    return hints


def _best_area(areas: list[Entry]) -> Entry:
    """Of the areas a hint may name, the largest (a hint names a container)."""
    order = {"admin1": 0, "admin2": 1, "admin3": 2}
    return min(areas, key=lambda a: (order[a.kind], not a.override, a.id))


def _kind_rank(entry: Entry, order: Sequence[str]) -> int:
    if entry.kind == "country":
        return len(order) + 2
    if entry.twin and order[0] not in ("admin1", "admin2", "admin3"):
        return len(order) + 1  # an override region under its town's name: only when asked
    return order.index(entry.kind) if entry.kind in order else len(order)


def _prominence(entry: Entry) -> tuple[int, int]:
    population = entry.population or 0
    bucket = sum(population >= floor for floor in _POPULATION_STEPS)
    return (entry.rank, bucket)


def choose(
    candidates: Sequence[Entry], order: Sequence[str], hints: Hints, country_first: bool = True
) -> tuple[Entry | None, int]:
    """The best candidate, or None and the number of equally good far-apart ones."""
    countries = sorted(
        (e for e in candidates if e.kind == "country" and hints.compatible(e) is not None),
        key=lambda e: not e.override,
    )
    if countries and country_first:
        return countries[0], 0  # "in Niger" is the country, "Niger State" the state
    scored = []
    for entry in dict.fromkeys(candidates):
        support = hints.compatible(entry)
        if support is None:
            continue
        # A reviewed override decides its spellings (a region twin only when a region is meant).
        key = (
            not entry.override,
            _kind_rank(entry, order),
            -support,
            _neg(_prominence(entry)),
        )
        scored.append((key, entry))
    if not scored:
        return None, 0
    scored.sort(key=lambda item: (item[0], item[1].id))
    best_key, best = scored[0]
    rivals = [e for key, e in scored[1:] if key == best_key]
    far = [e for e in rivals if (distance_km(best, e) or NEAR_KM * 2) > NEAR_KM]
    if far and not best.override:
        return None, len(far) + 1
    return best, 0


def _neg(pair: tuple[int, int]) -> tuple[int, int]:
    return (-pair[0], -pair[1])


def resolve_mention(mention: Mention, lookup: Lookup, tiers: Sequence[Lookup]) -> Resolution:
    """Resolve ``mention``: ``lookup`` finds hint names, ``tiers`` are the places searched in
    order (hint countries or the document's, the sentence's, the world)."""
    hints = resolve_hints(mention.hints, mention.strong_hints, lookup)
    order = _ORDERS.get(level_of(mention), _DEFAULT_ORDER)
    country = _country_named(mention, lookup, hints)
    if country is not None:
        return Resolution(mention, country, spelling=fold_key(mention.name))
    ambiguous = 0
    own = spellings(mention, aliases=False)
    for keys in (own, [k for k in spellings(mention) if k not in own]):  # the name first
        found, ties = _search(mention, keys, tiers, order, hints)
        if found is not None:
            return found
        ambiguous = ambiguous or ties
        if ties:
            break
    pair = _hyphen_pair(mention, tiers) if not ambiguous else None
    if pair is not None:
        return pair
    tail = _country_tail(mention, lookup, tiers) if not ambiguous else None
    if tail is not None:
        return tail
    return _fall_back(mention, hints, lookup, tiers, ambiguous)


def _search(
    mention: Mention,
    keys: Sequence[str],
    tiers: Sequence[Lookup],
    order: Sequence[str],
    hints: Hints,
) -> tuple[Resolution | None, int]:
    """The first tier where ``keys`` name a candidate decides: found, or ambiguous there."""
    for tier in tiers:
        found = {key: tier(key) for key in keys}  # looked up once per key and tier
        candidates = [
            e
            for key, groups in found.items()
            for index, group in groups
            if _open(index, key, mention)
            for e in group
        ]
        if hints.countries:
            candidates = [e for e in candidates if e.country_code in (*hints.countries, None)]
        if not candidates:
            continue
        entry, ties = choose(candidates, order, hints, mention.feature != "admin")
        if entry is None and ties:
            return None, ties
        if entry is None:
            continue  # every candidate here contradicts a hint: look further
        spelling = next(k for k in keys if any(entry in g for _, g in found[k]))
        if mention.full and spelling == fold_key(mention.full) and mention.full_role:
            mention.role = mention.full_role  # "near In Salah": the cue is "near"
        return Resolution(mention, entry, spelling=spelling), 0
    return None, 0


def _country_named(mention: Mention, lookup: Lookup, hints: Hints) -> Entry | None:
    """ "in Togo" is the country, even where a village of the document's country has that
    name; "Niger State" (a noun) is not."""
    if mention.feature is not None:
        return None
    found = [
        e
        for index, group in lookup(fold_key(mention.name))
        if index.label == "world"
        for e in group
        if e.kind == "country" and hints.compatible(e) is not None
    ]
    return min(found, key=lambda e: not e.override) if found else None


def _open(index: PlaceIndex, key: str, mention: Mention) -> bool:
    """A guarded spelling ("~Severe", "~New York") counts only after a preposition and not
    before another capitalised word ("near Severe"; not "Severe flooding")."""
    return not index.guarded(key) or (mention.cue is not None and mention.role != "mention")


def _country_tail(mention: Mention, lookup: Lookup, tiers: Sequence[Lookup]) -> Resolution | None:
    """ "in Tongo Tongo Niger" (a comma lost): a name that ends with a country's name is a
    place of that country."""
    words = mention.name.split()
    for cut in range(len(words) - 1, 0, -1):
        country = [
            e for _, g in lookup(fold_key(" ".join(words[cut:]))) for e in g if e.kind == "country"
        ]
        if country:
            head = replace(mention, name=" ".join(words[:cut]), written=" ".join(words[:cut]))
            head.hints = [*mention.hints, " ".join(words[cut:])]
            found = resolve_mention(head, lookup, tiers)
            return (
                Resolution(mention, found.entry, found.fallback, found.how, spelling=found.spelling)
                if found.entry
                else None
            )
    return None


def _hyphen_pair(mention: Mention, tiers: Sequence[Lookup]) -> Resolution | None:
    """ "the Kwala-Mourdiah road", "the Tessalit-Gao highway": two known towns joined by a
    hyphen are a road between them, placed at the first."""
    name = strip_noun(mention.name, mention.noun)
    parts = [p for p in _HYPHENS.split(name) if p.strip()]
    if len(parts) != 2 or mention.feature not in ("linear", None):
        return None
    empty = Hints(set(), [], [], [])
    first, second = (_single_town(p.strip(), empty, tiers) for p in parts)
    if first is None or second is None:
        return None
    mention.feature = "linear"
    mention.near.append(parts[1].strip())
    return Resolution(mention, first)


def _fall_back(
    mention: Mention, hints: Hints, lookup: Lookup, tiers: Sequence[Lookup], ambiguous: int
) -> Resolution:
    for name in mention.near:
        town = _single_town(name, hints, tiers)
        if town is not None:
            return Resolution(mention, None, town, "near", ambiguous)
    if hints.strong_towns:
        return Resolution(mention, None, hints.strong_towns[0], "container", ambiguous)
    if hints.towns:
        return Resolution(mention, None, hints.towns[0], "hint", ambiguous)
    if hints.admins:
        order = {"admin3": 0, "admin2": 1, "admin1": 2}
        area = min(hints.admins, key=lambda a: order[a.kind])
        return Resolution(mention, None, area, "hint", ambiguous)
    if len(hints.countries) == 1:
        code = next(iter(hints.countries))
        country = [e for _, g in lookup(code.lower()) for e in g if e.kind == "country"]
        for _, group in lookup(fold_key(_country_name(mention, code, lookup))):
            country += [e for e in group if e.kind == "country" and e.country_code == code]
        if country:
            return Resolution(mention, None, country[0], "country", ambiguous)
    return Resolution(mention, None, None, None, ambiguous)


def _country_name(mention: Mention, code: str, lookup: Lookup) -> str:
    for name in mention.hints:
        for _, group in lookup(fold_key(name)):
            if any(e.kind == "country" and e.country_code == code for e in group):
                return name
    return code


def _single_town(name: str, hints: Hints, tiers: Sequence[Lookup]) -> Entry | None:
    for tier in tiers:
        candidates = [e for _, group in tier(fold_key(name)) for e in group]
        if hints.countries:
            candidates = [e for e in candidates if e.country_code in hints.countries]
        candidates = [e for e in candidates if e.kind != "country"]
        entry, _ = choose(candidates, _ORDERS["settlement"], hints)
        if entry is not None:
            return entry
    return None
