"""The actor catalog as resolution sees it: who a spelling or a word names, in which country.

Built from the reviewed regional reference (:func:`~eventline.gold.actor_reference.
load_actor_reference`: ``actor_catalog.csv``, ``generic_actors.csv`` and the derived
``generic_actor_words.csv``) and the gazetteer's country table (names, demonyms). One
:class:`~eventline.text.names.NameMatcher` per country scope holds four kinds of entry:

* named actors' spellings, with the spellings that hold only in that country
  (``MZ:al-Shabaab``) winning there over the global ones;
* generic actors' trigger words ("gunmen", "villagers", "gendarmes"), strong or weak;
* country names ("Rwanda") and demonyms ("Rwandan"), which are not actors by themselves: the
  resolver uses them when a country acts ("Rwanda began deploying") or qualifies a word
  ("Rwandan and Mozambican forces").

Matching follows :mod:`eventline.text.names`: case, accents, hyphens and apostrophes do not
matter, whole words, longest first (a longer name is never split into a shorter one:
"ISIS-GS" is not "ISIS"); acronyms keep their case; a guarded spelling (``~Total``) counts
only mid-sentence and capitalised; country names and demonyms must be capitalised. Mentions
inside a ``Source(s): [..](#)`` citation are not actors.

A generic actor in a country is an :class:`Actor` too, with a derived id
(``civilians-tg``) so that every process names it alike; :meth:`ActorCatalog.instance`
prefers the catalog actor that *is* that generic actor there (``instance_of``, or a spelling
"<demonym> <word>": "special forces" in Guinea is the Special Forces Group).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from eventline.gold.actor_model import Actor
from eventline.gold.actor_reference import (
    ActorReference,
    CatalogActor,
    GenericActor,
    load_actor_reference,
    spelling_key,
)
from eventline.silver.gazetteer import Country, countries
from eventline.text.fold import Folded, fold
from eventline.text.markup import citation_spans, inside_spans
from eventline.text.names import NameMatch, NameMatcher

NAMED, TRIGGER, COUNTRY, DEMONYM, LEARNED = "named", "trigger", "country", "demonym", "learned"
# Between texts matched together: a dot on its own line stops any name (see fold).
_SEPARATOR = "\n.\n"
# An English word used as an alias ("~Total") counts only mid-sentence.
_SENTENCE_OPENING = re.compile(r"[.!?:;\"“(*\-–—•\n]\s*$")


@dataclass(frozen=True)
class Entry:
    """What a spelling stands for: a named actor, a generic actor's word, a country."""

    kind: str  # NAMED, TRIGGER, COUNTRY, DEMONYM, LEARNED (a document's own acronym)
    key: str  # actor_id, generic_id or ISO2 code
    strength: str = ""  # "strong" or "weak" for a trigger word


@dataclass(frozen=True)
class Match:
    """One accepted occurrence of an entry in a text."""

    entry: Entry
    start: int
    end: int


def _ident(entry: Entry) -> tuple[str, str]:
    return (entry.kind if entry.kind != LEARNED else NAMED, entry.key)


def _actor(row: CatalogActor) -> Actor:
    aliases = [s.text for s in row.aliases]
    aliases += [s.text for _, s in row.aliases_by_country if s.text not in aliases]
    return Actor(
        actor_id=row.actor_id,
        name=row.name,
        actor_type=row.actor_type,
        inter_code=row.inter_code,
        country=row.country,
        parent_ids=row.parent_ids,
        successor_ids=row.successor_ids,
        aliases=tuple(aliases),
    )


class ActorCatalog:
    """Named and generic actors, and the matchers that find them (module docstring)."""

    def __init__(self, reference: ActorReference, country_table: Mapping[str, Country]) -> None:
        self.reference = reference
        self.countries = dict(country_table)
        self.actors: dict[str, Actor] = {a.actor_id: _actor(a) for a in reference.actors.values()}
        self.generic: Mapping[str, GenericActor] = reference.generic_actors
        self._country_keys: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        self._index_countries()
        self._base = self._base_entries()
        self._scoped: dict[str, list[tuple[str, Entry, bool]]] = {}
        for actor in reference.actors.values():
            for code, spelling in actor.aliases_by_country:
                entry = Entry(NAMED, actor.actor_id)
                self._scoped.setdefault(code, []).append((spelling.text, entry, spelling.guarded))
        self._matchers: dict[str | None, NameMatcher[Entry]] = {}
        self._instances: dict[tuple[str, str], Actor | None] = {}
        self._worded: dict[tuple[str, str, str], Actor | None] = {}
        self._instance_of = {
            (a.instance_of, a.country): a.actor_id
            for a in reference.actors.values()
            if a.instance_of and a.country
        }

    # --- countries -------------------------------------------------------------------------

    def _index_countries(self) -> None:
        demonyms: dict[str, set[str]] = {}
        for code, country in self.countries.items():
            for name in country.names:
                self._country_keys.setdefault(spelling_key(name), code)
            for demonym in country.demonyms:
                demonyms.setdefault(spelling_key(demonym), set()).add(code)
        # "Congolese" names two countries: it qualifies nothing.
        self._demonyms = {key: codes.pop() for key, codes in demonyms.items() if len(codes) == 1}

    def country_code(self, value: str | None) -> str | None:
        """The ISO2 code of a country written as a name, an ISO2 or an ISO3 code."""
        if not value or not value.strip():
            return None
        text = value.strip()
        if text in self.countries:
            return text
        if len(text) == 3 and text.isupper():
            for code, country in self.countries.items():
                if country.iso3 == text:
                    return code
        return self._country_keys.get(spelling_key(text))

    def country_name(self, code: str) -> str:
        return self.countries[code].name

    def demonyms(self, code: str) -> tuple[str, ...]:
        return self.countries[code].demonyms if code in self.countries else ()

    # --- matchers --------------------------------------------------------------------------

    def _base_entries(self) -> dict[str, tuple[str, Entry, bool]]:
        """folded key -> (spelling, entry, guarded) of everything that holds everywhere."""
        entries: dict[str, tuple[str, Entry, bool]] = {}
        for actor in self.reference.actors.values():
            for spelling in actor.spellings():
                entries[spelling_key(spelling.text)] = (
                    spelling.text,
                    Entry(NAMED, actor.actor_id),
                    spelling.guarded,
                )
        for generic in self.generic.values():
            for trigger in generic.triggers:
                key = spelling_key(trigger.text)
                entry = Entry(TRIGGER, generic.generic_id, trigger.strength)
                entries.setdefault(key, (trigger.text, entry, False))
        for code, country in self.countries.items():
            for name in country.names:
                guarded = name.startswith("~")
                text = name.lstrip("~")
                key = spelling_key(text)
                if key and key not in entries:
                    entries[key] = (text, Entry(COUNTRY, code), guarded)
        for key, code in self._demonyms.items():
            if key not in entries:
                entries[key] = (key, Entry(DEMONYM, code), False)
        return entries

    def scope(self, country: str | None) -> str | None:
        """The matcher scope of a country: itself when it has spellings of its own."""
        return country if country in self._scoped else None

    def matcher(self, country: str | None) -> NameMatcher[Entry]:
        """The matcher of one country scope (global spellings, and that country's own)."""
        scope = self.scope(country)
        found = self._matchers.get(scope)
        if found is not None:
            return found
        entries = dict(self._base)
        for spelling, entry, guarded in self._scoped.get(scope or "", []):
            entries[spelling_key(spelling)] = (spelling, entry, guarded)
        matcher: NameMatcher[Entry] = NameMatcher("acronyms", ident=_ident)
        for spelling, entry, guarded in entries.values():
            matcher.add(spelling, entry, guarded=guarded)
        self._matchers[scope] = matcher
        return matcher

    def matches(
        self,
        text: str,
        country: str | None = None,
        learned: NameMatcher[Entry] | None = None,
        folded: Folded | None = None,
    ) -> list[Match]:
        """Every entry in ``text``, in text order, non-overlapping, longest first.

        ``learned`` holds a document's own spellings (acronyms it defines, short names of
        the persons it names); where both match, the longer wins.
        """
        cited = citation_spans(text)

        def accept(match: NameMatch[Entry], _: list[NameMatch[Entry]]) -> bool:
            if cited and inside_spans(match.start, cited):
                return False
            kind = match.payload.kind
            if kind in (COUNTRY, DEMONYM) and not text[match.start].isupper():
                return False
            if match.spelling.guarded:
                before = text[max(0, match.start - 4) : match.start]
                return bool(before.strip()) and not _SENTENCE_OPENING.search(before)
            return True

        folded = folded if folded is not None else fold(text)
        matcher = self.matcher(country)
        found = [Match(m.payload, m.start, m.end) for m in matcher.find(text, accept, folded)]
        if learned is not None:
            extra = [Match(m.payload, m.start, m.end) for m in learned.find(text, folded=folded)]
            found = _merge(found, extra)
        return found

    def merged(
        self, found: list[Match], text: str, learned: NameMatcher[Entry], folded: Folded
    ) -> list[Match]:
        """``found`` with the matches of a document's own spellings merged in."""
        extra = [Match(m.payload, m.start, m.end) for m in learned.find(text, folded=folded)]
        return _merge(found, extra)

    def matches_many(
        self,
        texts: Sequence[str],
        country: str | None = None,
        learned: NameMatcher[Entry] | None = None,
    ) -> list[list[Match]]:
        """:meth:`matches` of each text, found in one pass over all of them (the cost of a
        match is mostly per call: folding, marking and the automaton's set-up)."""
        if len(texts) < 2:
            return [self.matches(text, country, learned) for text in texts]
        joined = _SEPARATOR.join(texts)
        starts: list[int] = []
        at = 0
        for text in texts:
            starts.append(at)
            at += len(text) + len(_SEPARATOR)
        out: list[list[Match]] = [[] for _ in texts]
        index = 0
        for match in self.matches(joined, country, learned):
            while index + 1 < len(starts) and match.start >= starts[index + 1]:
                index += 1
            offset = starts[index]
            if match.end <= offset + len(texts[index]):
                out[index].append(Match(match.entry, match.start - offset, match.end - offset))
        return out

    # --- actors ----------------------------------------------------------------------------

    def instance(self, generic_id: str, country: str | None, word: str = "") -> Actor | None:
        """The actor a generic actor is in ``country``: the catalog actor spelled "<demonym>
        <word>" ("Guinean special forces"), else its ``instance_of`` there (FAMa for Mali's
        military), else the generic actor itself in that country ("Civilians (Togo)").
        None when a country is needed and unknown."""
        generic = self.generic[generic_id]
        if not generic.per_country:
            return self._generic_actor(generic, None)
        if not country or country not in self.countries:
            return None
        if word:
            cached = (generic_id, country, word.lower())
            if cached not in self._worded:
                self._worded[cached] = self._spelled(country, [word])
            named = self._worded[cached]
            if named is not None:
                return named
        key = (generic_id, country)
        if key not in self._instances:
            named_id = self._instance_of.get(key)
            found = self.actors[named_id] if named_id else None
            if found is None:  # "Government of France", "French government"
                name = generic.name_for(self.country_name(country))
                words = [t.text for t in generic.triggers if t.source == "reviewed"]
                found = self._spelled(country, words, [name] if name else [])
            self._instances[key] = found or self._generic_actor(generic, country)
        return self._instances[key]

    def _spelled(
        self, country: str, words: Iterable[str], names: Iterable[str] = ()
    ) -> Actor | None:
        """The catalog actor of ``country`` spelled as one of ``names`` or "<demonym> <word>"."""
        spellings = [*names, *(f"{d} {w}" for w in words for d in self.demonyms(country))]
        for spelling in spellings:
            named = self.reference.actor_for(spelling, country)
            if named is not None and named.country == country:
                return self.actors[named.actor_id]
        return None

    def _generic_actor(self, generic: GenericActor, country: str | None) -> Actor:
        name = generic.name_for(self.country_name(country) if country else None)
        assert name is not None
        actor_id = f"{generic.generic_id}-{country.lower()}" if country else generic.generic_id
        demonyms = self.demonyms(country) if country else ()
        aliases = sorted(
            {
                f"{demonyms[0]} {t.text}"
                for t in generic.triggers
                if demonyms
                and t.source == "reviewed"
                and "en" in t.languages
                and t.strength == "strong"
            }
        )
        return Actor(
            actor_id=actor_id,
            name=name,
            actor_type=generic.actor_type,
            inter_code=generic.inter_code,
            country=country,
            aliases=tuple(aliases),
            generic_id=generic.generic_id,
        )

    def actor(self, actor_id: str) -> Actor:
        """Any actor by id, generic instances included ("civilians-tg")."""
        found = self.actors.get(actor_id)
        if found is not None:
            return found
        for generic in self.generic.values():
            if actor_id == generic.generic_id and not generic.per_country:
                return self._generic_actor(generic, None)
            prefix = f"{generic.generic_id}-"
            code = actor_id.removeprefix(prefix).upper()
            if actor_id.startswith(prefix) and generic.per_country and code in self.countries:
                return self._generic_actor(generic, code)
        raise KeyError(actor_id)

    def resolve(self, text: str, country: str | None = None) -> tuple[list, list]:
        """The mentions (with roles) and unresolved names of one text on its own."""
        from eventline.gold.actors import Telling, resolve_document

        return resolve_document([Telling("_", text, country)], catalog=self)["_"]

    def find(self, text: str, country: str | None = None) -> list[tuple[Actor, int, int]]:
        """The named actors of ``text`` as (actor, start, end), in text order."""
        return [
            (self.actors[m.entry.key], m.start, m.end)
            for m in self.matches(text, self.country_code(country))
            if m.entry.kind == NAMED
        ]


def _merge(first: list[Match], second: Iterable[Match]) -> list[Match]:
    """Both lists in text order without overlaps; where two overlap, the longer wins."""
    combined = sorted([*first, *second], key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Match] = []
    for match in combined:
        if kept and match.start < kept[-1].end:
            if match.end - match.start > kept[-1].end - kept[-1].start:
                kept[-1] = match
            continue
        kept.append(match)
    return kept


@cache
def default_catalog() -> ActorCatalog:
    """The bundled reference and country table, loaded once per process."""
    return ActorCatalog(load_actor_reference(), countries())
