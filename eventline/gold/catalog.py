"""The reviewed actor catalog (``schemas/reference/actors.csv``): loading, validation, matching.

Matching ignores case, diacritics, hyphens and apostrophes ("Jama’at" = "Jamaat", "JNIM's"
ends in JNIM), drops the dots of initialisms ("U.N." = "UN") and takes whole words, longest
first ("al-Qaeda in the Islamic Maghreb" is AQIM, not al-Qaeda): the rules of
:mod:`eventline.text.names`, with acronyms keeping their case ("IS Sahel" and "WHO" match;
"is Sahel" and "who" do not). Mentions inside a ``Source(s): [..](#)`` citation are not
actors; link labels in running prose ("[Amadou Kouffa](#)") are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from eventline.gold.actor_model import ACTOR_TYPES, Actor, ActorMention, UnresolvedMention
from eventline.gold.roles import mentions_with_roles
from eventline.gold.unresolved import unresolved_names
from eventline.reference import Source, reference_file, reference_rows
from eventline.text.fold import fold_key
from eventline.text.markup import citation_spans, inside_spans
from eventline.text.names import NameMatch, NameMatcher, parse_spelling

ACTORS_CSV = reference_file("actors.csv")
COLUMNS = (
    "actor_id",
    "name",
    "actor_type",
    "country",
    "parent_ids",
    "successor_ids",
    "aliases",
    "note",
)
_ACTOR_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# An English word used as an alias ("~Platform") counts only mid-sentence.
_SENTENCE_OPENING = re.compile(r"[.!?:;\"“(*\-–—•\n]\s*$")


class ActorCatalog:
    """Reviewed actors and their spellings, matched by one :class:`NameMatcher`."""

    def __init__(self, actors: Iterable[Actor], guarded: Iterable[tuple[str, str]] = ()) -> None:
        self.actors: dict[str, Actor] = {}
        for actor in actors:
            if actor.actor_id in self.actors:
                raise ValueError(f"duplicate actor_id {actor.actor_id!r}")
            self.actors[actor.actor_id] = actor
        guarded_set = {(actor_id, fold_key(alias)) for actor_id, alias in guarded}
        self._matcher: NameMatcher[Actor] = NameMatcher("acronyms", ident=lambda a: a.actor_id)
        for actor in self.actors.values():
            for spelling in (actor.name, *actor.aliases):
                key = fold_key(spelling)
                if not key.strip():
                    raise ValueError(f"{actor.actor_id}: alias {spelling!r} is empty once folded")
                self._matcher.add(spelling, actor, guarded=(actor.actor_id, key) in guarded_set)

    @classmethod
    def from_csv(cls, path: Source = ACTORS_CSV) -> ActorCatalog:
        """Load and validate actors.csv; a bad row fails loudly rather than mislabel events."""
        actors: list[Actor] = []
        guarded: list[tuple[str, str]] = []
        lines: dict[str, str] = {}
        for where, row in reference_rows(path, COLUMNS):
            actor_id = row["actor_id"].strip()
            if not _ACTOR_ID.fullmatch(actor_id):
                raise ValueError(f"{where}: bad actor_id {actor_id!r}")
            if actor_id in lines:
                raise ValueError(f"{where}: duplicate actor_id {actor_id!r}")
            lines[actor_id] = where
            name = row["name"].strip()
            if not name:
                raise ValueError(f"{where}: name is required")
            actor_type = row["actor_type"].strip()
            if actor_type not in ACTOR_TYPES:
                raise ValueError(f"{where}: unknown actor_type {actor_type!r}")
            aliases: list[str] = []
            for raw in _split(row["aliases"]):
                alias, is_guarded = parse_spelling(raw)
                if is_guarded:
                    guarded.append((actor_id, alias))
                if not alias:
                    raise ValueError(f"{where}: empty alias")
                aliases.append(alias)
            actors.append(
                Actor(
                    actor_id=actor_id,
                    name=name,
                    actor_type=actor_type,
                    country=row["country"].strip() or None,
                    parent_ids=tuple(_split(row["parent_ids"])),
                    successor_ids=tuple(_split(row["successor_ids"])),
                    aliases=tuple(aliases),
                )
            )
        for actor in actors:
            where = lines[actor.actor_id]
            for column, linked in (
                ("parent_ids", actor.parent_ids),
                ("successor_ids", actor.successor_ids),
            ):
                for other in linked:
                    if other == actor.actor_id:
                        raise ValueError(f"{where}: {column} names the actor itself")
                    if other not in lines:
                        raise ValueError(f"{where}: {column} names unknown actor {other!r}")
        _check_acyclic(actors, lines)
        try:
            return cls(actors, guarded)
        except ValueError as error:
            raise ValueError(f"{path.name}: {error}") from None

    def find(self, text: str) -> list[tuple[Actor, int, int]]:
        """Every catalog actor in ``text`` as (actor, start, end), in text order.

        Longest alias first, non-overlapping; names inside a ``Source(s):`` citation are not
        matched.
        """
        cited = citation_spans(text)

        def accept(match: NameMatch[Actor], _: list[NameMatch[Actor]]) -> bool:
            if inside_spans(match.start, cited):
                return False
            if match.spelling.guarded:
                before = text[max(0, match.start - 4) : match.start]
                return bool(before.strip()) and not _SENTENCE_OPENING.search(before)
            return True

        return [(m.payload, m.start, m.end) for m in self._matcher.find(text, accept)]

    def resolve(self, text: str) -> tuple[list[ActorMention], list[UnresolvedMention]]:
        """Every actor mention of ``text`` with its role, and the names left unresolved."""
        found = self.find(text)
        return mentions_with_roles(text, found), unresolved_names(text, found, self._matcher)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _check_acyclic(actors: list[Actor], lines: dict[str, str]) -> None:
    """Parents must form a hierarchy: a cycle means a row was linked the wrong way round."""
    parents = {actor.actor_id: actor.parent_ids for actor in actors}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(actor_id: str, path: list[str]) -> None:
        if state.get(actor_id) == 2:
            return
        if state.get(actor_id) == 1:
            cycle = " -> ".join([*path[path.index(actor_id) :], actor_id])
            raise ValueError(f"{lines[actor_id]}: parent_ids form a cycle: {cycle}")
        state[actor_id] = 1
        for parent in parents[actor_id]:
            visit(parent, [*path, actor_id])
        state[actor_id] = 2

    for actor_id in parents:
        visit(actor_id, [])


@cache
def default_catalog() -> ActorCatalog:
    """The repository's reviewed actor catalog, loaded once per process."""
    return ActorCatalog.from_csv()
