"""From the names and words found in a record to the actors it mentions.

:meth:`~eventline.gold.catalog.ActorCatalog.matches` finds named actors, generic actors'
trigger words, country names and demonyms. This module decides what each stands for, by
these rules (the role rules then decide what each actor did):

* **A group's head noun is the group.** "Boko Haram fighters", "al-Shabaab gunmen",
  "JNIM-affiliated militants", "militants from the CMA", "fighters loyal to X", "clan
  militias known as Macawisley", "gunmen described by officials as Boko Haram": the word
  adds nothing; the named group stands for it.
* **A more specific name in parentheses wins**: "Boko Haram (JAS) fighters" is JAS, a
  faction of Boko Haram (the catalog's ``parent_ids``).
* **A demonym qualifies the word after it**: "Rwandan and Mozambican forces" are the forces
  of both countries; "Nigerien soldiers" are Niger's military.
* **Strong words** ("gunmen", "villagers", "soldiers", "gendarmes") are the generic actor in
  the event's country (:meth:`~eventline.gold.catalog.ActorCatalog.instance`: "soldiers" in
  Chad are the Chadian Armed Forces); "the soldiers" after a named force of that kind in the
  record or its paragraph are that force.
* **Weak words** ("militants", "insurgents", "fighters", "the group", "the government")
  stand for a named actor of a fitting type when the text ties them to exactly one: the
  record names one such actor; else the record's paragraph before it does; else (armed
  words only) the document's dominant group, if the event is in a country it operates in (see
  :mod:`eventline.gold.document_context`); "the junta" and "the military authorities" the
  junta the document names in the event's country. Otherwise they are the generic actor, as
  strong words are. A word qualified "unidentified" or "unknown" is a strong word.
* **A strong attacker word** ("assailants", "gunmen") stands for the one armed group its
  paragraph names ("Boko Haram remained active. ... 26 assailants were neutralized"),
  unless it says it is unidentified, or it is "bandits" or "kidnappers", whom ACLED codes
  apart from the insurgents of the same area.
* **A country name** is not an actor by itself; it becomes its government (or, acting
  militarily abroad, its forces) only when the role rules find it acting ("Rwanda began
  deploying ..."); otherwise it is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from eventline.gold.actor_model import ARMED_GROUP_TYPES, Actor, ActorMention
from eventline.gold.catalog import COUNTRY, DEMONYM, LEARNED, NAMED, ActorCatalog, Match
from eventline.gold.document_context import NO_PASSAGE, DocumentContext, Passage
from eventline.gold.match_spans import (
    absorbed_triggers,
    demonym_qualifiers,
    name_span,
    specified_names,
)
from eventline.gold.role_patterns import (
    ADJECTIVAL,
    DISGUISED_AS,
    FOREIGN,
    MILITIA_WORDS,
    NAME_SEPARATOR,
    OFFICE_OF,
    PLACE_BEFORE,
)
from eventline.text.fold import fold_key

GROUP_TYPES = frozenset({"jihadist group", "separatist group", "rebel group"})
_TIE_TYPES = {
    "unidentified-armed-group": GROUP_TYPES,
    "communal-militia": frozenset({"militia"}),
    "government": frozenset({"government"}),
    "military-forces": frozenset({"state force", "foreign state force"}),
}
_BACK_REFERENCE = re.compile(r"(?:the|this|that|the\s+same)\s+group", re.IGNORECASE)
_UNNAMED = re.compile(r"\b(?:unidentified|unknown|unnamed)\s+$", re.IGNORECASE)
_UNNAMED_WORD = re.compile(r"(?:unidentified|unknown|unnamed)\b", re.IGNORECASE)
# Strong words that never stand for the paragraph's jihadist or rebel group: ACLED codes
# bandits and kidnappers as unidentified armed groups of their own.
_NEVER_THE_GROUP = frozenset(
    {"bandit", "bandits", "armed bandits", "kidnapper", "kidnappers", "abductors"}
)
_JUNTA_WORD = re.compile(r"\b(?:junta|junte|military|militaires)\b", re.IGNORECASE)
_PLACE_NOUN = re.compile(r"\s+(?:hideouts?|camps?|bases?|strongholds?|positions?)\b", re.I)
_DEFINITE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
# "Perpetrator: …" at the start of a line labels a field of an incident record.
_FIELD_LABEL_AFTER = re.compile(r"[ \t]*:[ \t]")


def _nobody() -> list[Actor]:
    return []


@dataclass(eq=False)
class Candidate:
    """One actor mention of a record while its role is decided (offsets in the record)."""

    actor: Actor
    start: int
    end: int
    kind: str = NAMED  # NAMED, "generic", "weak", COUNTRY
    generic_id: str | None = None  # the word's generic actor (generic, weak)
    tie: str | None = None  # "record", "paragraph", "document": what a weak word stands for
    claimant: bool = False
    perpetrator: str | None = None  # certainty
    target: bool = False
    modifier: bool = False
    possessive: bool = False
    how: str = ""  # the rule that made it a perpetrator ("verb", "agent", "claim", ...)
    clause: tuple[int, int] = (0, 0)  # (sentence, verb offset) of that rule
    verb_class: str = ""  # "military" or "state" for an acting country
    clash: bool = False
    defender: bool = False
    side: int | None = None
    co_subjects: list[Candidate] = field(default_factory=list)

    @property
    def is_person(self) -> bool:
        return self.actor.actor_type == "person"

    def set_perpetrator(
        self, certainty: str, how: str = "verb", clause: tuple[int, int] = (0, 0)
    ) -> None:
        rank = {"confirmed": 0, "claimed": 1, "suspected": 2}
        if self.perpetrator is None or rank[certainty] < rank[self.perpetrator]:
            self.perpetrator = certainty
        if not self.how:
            self.how, self.clause = how, clause

    def mention(self, text: str, role: str, certainty: str | None) -> ActorMention:
        return ActorMention(
            self.actor.actor_id, text[self.start : self.end], role, certainty, self.start, self.end
        )


def _field_label(text: str, match: Match) -> bool:
    """Whether a generic word labels a record's field, naming nobody: it opens its line and
    a colon follows it ("Perpetrator: rebels")."""
    if match.entry.kind in (NAMED, LEARNED, COUNTRY):
        return False
    opens_line = match.start == 0 or text[: match.start].rstrip(" \t").endswith("\n")
    return opens_line and bool(_FIELD_LABEL_AFTER.match(text, match.end))


def _kind_of(catalog: ActorCatalog, actor: Actor) -> str | None:
    """The generic actor a named actor is an instance of, itself or through a parent."""
    if actor.generic_id:
        return actor.generic_id
    reference = catalog.reference
    for actor_id in (actor.actor_id, *reference.ancestors(actor.actor_id)):
        found = reference.actors[actor_id].instance_of
        if found:
            return found
    return None


def _movement(catalog: ActorCatalog, group: Actor, word: str) -> Actor:
    """The collective movement an unattributed word names when the document's one group
    belongs to it: a parent of the group's type and country whose name ends with a word the
    record says up to the word ("Armed separatists ... Fighters set vehicles on fire" ->
    "Ambazonian Separatists" when only a faction of it is named). ACLED codes attacks no
    group claimed to the movement."""
    said = {w.removesuffix("s") for w in re.findall(r"\w+", fold_key(word))}
    for parent_id in catalog.reference.ancestors(group.actor_id):
        parent = catalog.actors[parent_id]
        head = fold_key(parent.name).split()[-1].removesuffix("s")
        same_kind = parent.actor_type == group.actor_type and parent.country == group.country
        if same_kind and head in said:
            return parent
    return group


def _leaves(catalog: ActorCatalog, actors: Sequence[Actor]) -> list[Actor]:
    """The distinct actors, each one's ancestors folded into it."""
    ids = {a.actor_id for a in actors}
    ancestors = {p for a in ids for p in catalog.reference.ancestors(a)}
    return [catalog.actors[a] for a in sorted(ids - ancestors)]


class MentionResolver:
    """Turns one record's matches into :class:`Candidate` actors (module docstring)."""

    def __init__(self, catalog: ActorCatalog, context: DocumentContext) -> None:
        self.catalog = catalog
        self.context = context
        self._around: dict[tuple[int, int, str | None], list[Actor]] = {}
        self._matches: dict[tuple[str, str | None], list[Match]] = {}

    def prime(self, texts: Sequence[str], country: str | None) -> None:
        """Match many texts of one country scope at once (records, paragraphs); the
        matches are kept for :meth:`candidates`."""
        scope = self.catalog.scope(country)
        todo = sorted({t for t in texts if t and (t, scope) not in self._matches})
        found = self.catalog.matches_many(todo, scope, self.context.learned)
        for text, matches in zip(todo, found, strict=True):
            self._matches[(text, scope)] = matches

    def _matched(self, text: str, country: str | None) -> list[Match]:
        key = (text, self.catalog.scope(country))
        if key not in self._matches:
            self._matches[key] = self.catalog.matches(text, country, self.context.learned)
        return self._matches[key]

    def candidates(
        self,
        text: str,
        country: str | None,
        paragraph: Passage | Callable[[], Passage] = NO_PASSAGE,
        matches: Sequence[Match] | None = None,
    ) -> list[Candidate]:
        catalog = self.catalog
        if matches is None:
            matches = self._matched(text, country)
        specified = specified_names(text, matches, catalog)
        dropped = absorbed_triggers(text, matches, catalog) | specified
        qualified = demonym_qualifiers(text, matches)
        # "dressed as", "supporters of" before a mention: one search per offset
        disguised = cache(lambda at: DISGUISED_AS.search(text, max(0, at - 40), at) is not None)
        disguise = {i for i, m in enumerate(matches) if disguised(m.start)}
        placed = [
            (m.start, catalog.actors[m.entry.key])
            for i, m in enumerate(matches)
            if m.entry.kind in (NAMED, LEARNED) and i not in dropped and i not in disguise
        ]
        named = [actor for _, actor in placed]
        # the paragraph's actors, found only when a word needs them (the costly part)
        around = cache(
            lambda: self._paragraph_actors(
                paragraph() if callable(paragraph) else paragraph, country
            )
        )
        found: list[Candidate] = []
        place_end = -1  # where the last country named as a place ends ("in Mali and Niger")
        for i, match in enumerate(matches):
            if i in dropped or match.entry.kind == DEMONYM or _field_label(text, match):
                continue
            kind = match.entry.kind
            if kind in (NAMED, LEARNED):
                start, end = name_span(text, matches, i, specified)
                found.append(Candidate(catalog.actors[match.entry.key], start, end))
                for demonym in qualified.get(i, []):
                    extra = self._qualified_named(text, match, demonym.entry.key)
                    if extra is not None:
                        found.append(Candidate(extra, demonym.start, demonym.end, kind="generic"))
                continue
            if kind == COUNTRY:
                before = text[max(0, match.start - 40) : match.start]
                listed = place_end >= 0 and NAME_SEPARATOR.fullmatch(text[place_end : match.start])
                if (PLACE_BEFORE.search(before) or listed) and not OFFICE_OF.search(
                    text, max(0, match.start - 90), match.start
                ):
                    place_end = match.end
                    continue  # "from Niger", "in Mali and Burkina Faso": a place
                government = catalog.instance("government", match.entry.key)
                office = OFFICE_OF.search(text, max(0, match.start - 90), match.start)
                if government is not None and office is not None and office.end() == match.start:
                    # "the Prime Minister of Côte d'Ivoire": that country's government.
                    found.append(Candidate(government, office.start(), match.end, kind="generic"))
                elif government is not None:
                    found.append(Candidate(government, match.start, match.end, kind=COUNTRY))
                continue
            earlier = [actor for start, actor in placed if start < match.start]
            for candidate in self._word(
                text, match, country, qualified.get(i), named, around, earlier
            ):
                found.append(candidate)
        for c in found:
            if disguised(c.start):
                c.modifier = True  # "armed men dressed as traditional hunters"
        found.sort(key=lambda c: (c.start, c.end))
        return found

    def _qualified_named(self, text: str, match: Match, code: str) -> Actor | None:
        """ "Rwandan and Mozambican forces": the Rwandan forces, found from the named
        "Mozambican forces" (its kind, and its words after the demonym)."""
        actor = self.catalog.actors[match.entry.key]
        kind = _kind_of(self.catalog, actor)
        words = text[match.start : match.end].split(maxsplit=1)
        if kind is None or len(words) < 2 or code == actor.country:
            return None
        return self.catalog.instance(kind, code, words[1])

    def _paragraph_actors(self, passage: Passage, country: str | None) -> list[Actor]:
        """The actors a paragraph names before a record (words that stand for a named
        actor included: "special forces" in Guinea), in text order."""
        if not passage.matches:
            return []
        key = (passage.start, len(passage.text), country)
        if key not in self._around:
            found = self.candidates(passage.text, country, matches=passage.matches)
            self._around[key] = [
                c.actor for c in found if c.kind != COUNTRY and not c.actor.is_generic
            ]
        return self._around[key]

    def _word(
        self,
        text: str,
        match: Match,
        country: str | None,
        demonyms: list[Match] | None,
        named: Sequence[Actor],
        around: Callable[[], Sequence[Actor]],
        earlier: Sequence[Actor] = (),
    ) -> list[Candidate]:
        generic_id = match.entry.key
        word = text[match.start : match.end]
        if generic_id == "military-forces" and FOREIGN.search(text[: match.start]):
            generic_id = "unidentified-military-forces"  # "foreign military personnel"
        # (country, start) of each actor the word names: one per qualifying demonym.
        if demonyms:
            places = [(d.entry.key, d.start) for d in demonyms]
            places[-1] = (places[-1][0], places[-1][1])
        elif country or self.context.country:
            places = [(country or self.context.country or "", match.start)]
        else:
            places = []
        unnamed = bool(_UNNAMED.search(text[: match.start]) or _UNNAMED_WORD.match(word))
        weak = match.entry.strength == "weak" and not unnamed
        if weak and demonyms and generic_id == "unidentified-armed-group":
            return []  # "50 Russian fighters": a nationality names no armed group
        if weak and not demonyms:
            adjective = ADJECTIVAL.match(text, match.end) is not None
            if _BACK_REFERENCE.fullmatch(word):
                # "the group claimed responsibility": the group named last before it.
                tied = self._antecedent(earlier, around, country)
            else:
                # The record may say whose fighters they are ("separatist fighters"); a place's
                # adjective ("terrorist hideouts; the Taliban said") is a group named before it.
                in_record = earlier if _PLACE_NOUN.match(text, match.end) else named
                around_it = _nobody if adjective else around
                tied = self._tie(generic_id, word, in_record, around_it, country, text[: match.end])
            if tied is not None and not (adjective and tied[1] == "document"):
                actor, how = tied
                return [
                    Candidate(
                        actor, match.start, match.end, kind="weak", generic_id=generic_id, tie=how
                    )
                ]
            if adjective:
                return []  # "the increase of extremist attacks": no actor
        if (
            not weak
            and generic_id == "unidentified-armed-group"
            and not demonyms
            and not unnamed
            and word.lower() not in _NEVER_THE_GROUP
            and not any(a.actor_type in GROUP_TYPES for a in named)
        ):
            # "In the Lac province, Boko Haram remained active. ... 26 assailants were
            # neutralized": the paragraph's one group.
            fitting = _leaves(self.catalog, [a for a in around() if a.actor_type in GROUP_TYPES])
            if len(fitting) == 1:
                return [
                    Candidate(
                        fitting[0],
                        match.start,
                        match.end,
                        kind="weak",
                        generic_id=generic_id,
                        tie="paragraph",
                    )
                ]
        if not weak and _DEFINITE.search(text[: match.start]):
            same = self._same_kind(generic_id, [*around(), *named], country)
            if same is not None:
                return [
                    Candidate(
                        same,
                        match.start,
                        match.end,
                        kind="generic",
                        generic_id=generic_id,
                        tie="record",
                    )
                ]
        out = []
        for n, (code, start) in enumerate(places):
            actor = self.catalog.instance(generic_id, code, word)
            if actor is None:
                continue
            last = n == len(places) - 1
            end = match.end if last or demonyms is None else demonyms[n].end
            kind = "weak" if weak else "generic"
            out.append(Candidate(actor, start, end, kind=kind, generic_id=generic_id))
        return out

    def _tie(
        self,
        generic_id: str,
        word: str,
        named: Sequence[Actor],
        around: Callable[[], Sequence[Actor]],
        country: str | None,
        phrase: str = "",
    ) -> tuple[Actor, str] | None:
        """What a weak word stands for (module docstring); ``around`` (the paragraph's
        actors) is asked for only when the record's own names leave it open."""
        types = _TIE_TYPES.get(generic_id)
        if types is None:
            return None
        if generic_id == "unidentified-armed-group" and MILITIA_WORDS.search(word):
            types = frozenset({"militia"})
        elif generic_id == "unidentified-armed-group" and re.search(r"\bgroup\b", word, re.I):
            types = ARMED_GROUP_TYPES - {"unidentified armed group"}
        junta = self.context.juntas.get(country or "")
        own = not any(a.actor_type == "government" for a in named)
        if junta is not None and own and generic_id == "government" and _JUNTA_WORD.search(word):
            return junta, "document"  # not another country's government of the paragraph
        for actors, how in ((lambda: named, "record"), (around, "paragraph")):
            fitting = _leaves(self.catalog, [a for a in actors() if a.actor_type in types])
            if len(fitting) == 1:
                return fitting[0], how
        dominant = self.context.dominant
        if (
            dominant is not None
            and dominant.actor_type in types
            and dominant.operates_in_country(country)
        ):
            return _movement(self.catalog, dominant, phrase or word), "document"
        return None

    def _antecedent(
        self,
        earlier: Sequence[Actor],
        around: Callable[[], Sequence[Actor]],
        country: str | None,
    ) -> tuple[Actor, str] | None:
        """The armed group a "the group" refers back to: the last one named before it."""
        types = ARMED_GROUP_TYPES - {"unidentified armed group"}
        for actors, how in ((lambda: earlier, "record"), (around, "paragraph")):
            groups = [a for a in actors() if a.actor_type in types]
            if groups:
                return groups[-1], how
        dominant = self.context.dominant
        if dominant is not None and dominant.operates_in_country(country):
            return dominant, "document"
        return None

    def _same_kind(
        self, generic_id: str, actors: Sequence[Actor], country: str | None
    ) -> Actor | None:
        """The last named actor of the word's kind in the record or its paragraph."""
        for actor in reversed(actors):
            if actor.is_generic or (country and actor.country != country):
                continue
            if _kind_of(self.catalog, actor) == generic_id:
                return actor
        return None
