"""Load and validate the regional actor reference: named actors and generic actors.

Actor resolution needs two kinds of reference data, both reviewed CSV files in
``schemas/reference/`` (documented in ``actor_catalog.md``):

* ``actor_catalog.csv``: named actors (armed groups, state forces, missions, governments,
  persons), each with every spelling in use, spellings that hold only in one country
  (``MZ:al-Shabaab``), an ACLED ``inter`` code, an ISO 3166-1 alpha-2 country, links to
  parents and successors, and active years;
* ``generic_actors.csv`` and the derived ``generic_actor_words.csv``: ACLED-style generic
  actors ("Civilians ({country})") resolved from words ("villagers", "hommes armés"), not names.

This module reads the catalog, checks the files against each other and indexes them
(``load_actor_reference()``); ``generic_actors`` reads the generic actors and
``actor_vocabulary`` holds the shared codes, marks and field checks. Nothing here matches
text. A bad file is rejected with its file and line: a wrong row would mislabel events silently.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

from eventline.gold.actor_vocabulary import (
    GUARD,
    INSURGENT_TYPES,
    INTER_CODES,
    INTER_CODES_BY_TYPE,
    ISO2,
    SLUG,
    YEARS,
    ActorReferenceError,
    fail,
    items,
    parse_actor_type,
    parse_inter_code,
    spelling_key,
)
from eventline.gold.generic_actors import (
    GENERIC_COLUMNS,
    WORD_COLUMNS,
    GenericActor,
    TriggerWord,
    add_derived_words,
    read_generic_actors,
)
from eventline.reference import reference_rows

__all__ = [
    "CATALOG_COLUMNS",
    "GENERIC_COLUMNS",
    "INTER_CODES",
    "INTER_CODES_BY_TYPE",
    "WORD_COLUMNS",
    "ActorReference",
    "ActorReferenceError",
    "CatalogActor",
    "GenericActor",
    "Spelling",
    "TriggerWord",
    "build_reference",
    "load_actor_reference",
    "read_catalog",
    "read_generic_actors",
    "spelling_key",
]

CATALOG_COLUMNS = (
    "actor_id",
    "name",
    "aliases",
    "aliases_by_country",
    "actor_type",
    "inter_code",
    "country",
    "operates_in",
    "parent_ids",
    "successor_ids",
    "active_from",
    "active_to",
    "instance_of",
    "note",
)


@dataclass(frozen=True)
class Spelling:
    """One way an actor is written; ``guarded`` spellings are also common words."""

    text: str
    guarded: bool = False


@dataclass(frozen=True)
class CatalogActor:
    """One named actor of ``actor_catalog.csv``."""

    actor_id: str
    name: str
    aliases: tuple[Spelling, ...]
    aliases_by_country: tuple[tuple[str, Spelling], ...]
    actor_type: str
    inter_code: int | None
    country: str | None
    operates_in: tuple[str, ...]  # other countries where it is the established armed group
    parent_ids: tuple[str, ...]
    successor_ids: tuple[str, ...]
    active_from: int | None
    active_to: int | None
    instance_of: str | None  # the generic actor this is in its country ("military-forces")
    note: str

    def spellings(self) -> tuple[Spelling, ...]:
        """The name and every alias that holds in any country."""
        return (Spelling(self.name), *self.aliases)


@dataclass(frozen=True)
class ActorReference:
    """Both files, validated together, with exact-spelling indexes (case and accent folded)."""

    actors: Mapping[str, CatalogActor]
    generic_actors: Mapping[str, GenericActor]
    _global: Mapping[str, str]
    _by_country: Mapping[tuple[str, str], str]
    _triggers: Mapping[str, tuple[str, TriggerWord]]

    def actor_for(self, spelling: str, country: str | None = None) -> CatalogActor | None:
        """The actor a spelling names in ``country``: a country-scoped spelling wins there."""
        key = spelling_key(spelling)
        if country and (country, key) in self._by_country:
            return self.actors[self._by_country[country, key]]
        actor_id = self._global.get(key)
        return self.actors[actor_id] if actor_id else None

    def generic_for(self, word: str) -> tuple[GenericActor, TriggerWord] | None:
        """The generic actor a trigger word names, with the trigger (its strength)."""
        found = self._triggers.get(spelling_key(word))
        if found is None:
            return None
        return self.generic_actors[found[0]], found[1]

    def instance(self, generic_id: str, country: str) -> CatalogActor | None:
        """The catalog actor that a generic actor is in ``country`` (Mali's military: FAMa)."""
        for actor in self.actors.values():
            if actor.instance_of == generic_id and actor.country == country:
                return actor
        return None

    def ancestors(self, actor_id: str) -> tuple[str, ...]:
        """Every organisation ``actor_id`` belongs to or was formed from, nearest first."""
        seen: list[str] = []
        frontier = list(self.actors[actor_id].parent_ids)
        while frontier:
            parent = frontier.pop(0)
            if parent not in seen:
                seen.append(parent)
                frontier.extend(self.actors[parent].parent_ids)
        return tuple(seen)

    def country_spellings(self, country: str) -> Iterator[tuple[Spelling, CatalogActor]]:
        """The spellings that hold only in ``country``, with the actor each names there."""
        for actor in self.actors.values():
            for code, spelling in actor.aliases_by_country:
                if code == country:
                    yield spelling, actor


def _spelling(where: str, raw: str) -> Spelling:
    guarded = raw.startswith(GUARD)
    text = raw.removeprefix(GUARD).strip()
    if not text or not spelling_key(text).strip():
        raise fail(where, f"empty spelling {raw!r}")
    return Spelling(text, guarded)


def _ids(where: str, column: str, value: str, own_id: str) -> tuple[str, ...]:
    ids = tuple(items(value))
    for other in ids:
        if not SLUG.fullmatch(other):
            raise fail(where, f"{column}: bad id {other!r}")
        if other == own_id:
            raise fail(where, f"{column}: {own_id!r} links to itself")
    if len(set(ids)) != len(ids):
        raise fail(where, f"{column}: repeated id")
    return ids


def _year(where: str, column: str, value: str) -> int | None:
    if not value.strip():
        return None
    if not value.strip().isdigit() or int(value) not in YEARS:
        raise fail(where, f"{column}: {value!r} is not a year")
    return int(value)


def _country(where: str, value: str) -> str | None:
    code = value.strip()
    if not code:
        return None
    if not ISO2.fullmatch(code):
        raise fail(where, f"country {code!r} is not an ISO 3166-1 alpha-2 code")
    return code


def _operates_in(where: str, value: str, actor_type: str, home: str | None) -> tuple[str, ...]:
    """Countries besides its home where a non-state armed group is the insurgency reports
    on that country mean by "the militants" (al-Shabaab in Kenya)."""
    codes = tuple(items(value))
    if not codes:
        return ()
    if actor_type not in INSURGENT_TYPES:
        raise fail(where, f"operates_in is for non-state armed groups, not a {actor_type}")
    for code in codes:
        if not ISO2.fullmatch(code) or code == home:
            raise fail(where, f"operates_in {code!r} is not another ISO 3166-1 alpha-2 code")
    return codes


def _country_aliases(where: str, value: str) -> tuple[tuple[str, Spelling], ...]:
    scoped: list[tuple[str, Spelling]] = []
    for item in items(value):
        code, sep, spelling = item.partition(":")
        if not sep or not ISO2.fullmatch(code.strip()):
            raise fail(where, f"aliases_by_country: {item!r} is not CC:spelling")
        scoped.append((code.strip(), _spelling(where, spelling.strip())))
    return tuple(scoped)


def _catalog_actor(where: str, row: dict[str, str]) -> CatalogActor:
    actor_id = row["actor_id"].strip()
    if not SLUG.fullmatch(actor_id):
        raise fail(where, f"actor_id {actor_id!r} is not a slug (a-z, 0-9, '-')")
    name = row["name"].strip()
    if not name:
        raise fail(where, "name is required")
    if not row["note"].strip():
        raise fail(where, "note is required (say where the facts come from)")
    actor_type = parse_actor_type(where, row["actor_type"], generic=False)
    active_from = _year(where, "active_from", row["active_from"])
    active_to = _year(where, "active_to", row["active_to"])
    if active_from and active_to and active_from > active_to:
        raise fail(where, f"active_from {active_from} is after active_to {active_to}")
    instance_of = row["instance_of"].strip() or None
    country = _country(where, row["country"])
    if instance_of and not SLUG.fullmatch(instance_of):
        raise fail(where, f"instance_of {instance_of!r} is not a slug")
    return CatalogActor(
        actor_id=actor_id,
        name=name,
        aliases=tuple(_spelling(where, raw) for raw in items(row["aliases"])),
        aliases_by_country=_country_aliases(where, row["aliases_by_country"]),
        actor_type=actor_type,
        inter_code=parse_inter_code(where, actor_type, row["inter_code"]),
        country=country,
        operates_in=_operates_in(where, row["operates_in"], actor_type, country),
        parent_ids=_ids(where, "parent_ids", row["parent_ids"], actor_id),
        successor_ids=_ids(where, "successor_ids", row["successor_ids"], actor_id),
        active_from=active_from,
        active_to=active_to,
        instance_of=instance_of,
        note=row["note"].strip(),
    )


def read_catalog(path: Path) -> tuple[dict[str, CatalogActor], dict[str, str]]:
    """Every actor of a catalog file by id, with the ``file:line`` each was read from."""
    actors: dict[str, CatalogActor] = {}
    lines: dict[str, str] = {}
    for where, row in reference_rows(path, CATALOG_COLUMNS):
        actor = _catalog_actor(where, row)
        if actor.actor_id in actors:
            raise fail(
                where, f"duplicate actor_id {actor.actor_id!r} (first at {lines[actor.actor_id]})"
            )
        actors[actor.actor_id] = actor
        lines[actor.actor_id] = where
    _check_links(actors, lines)
    return actors, lines


def _check_links(actors: Mapping[str, CatalogActor], lines: Mapping[str, str]) -> None:
    """Links point at known actors and neither parents nor successors form a cycle."""
    for actor in actors.values():
        for column, ids in (
            ("parent_ids", actor.parent_ids),
            ("successor_ids", actor.successor_ids),
        ):
            for other in ids:
                if other not in actors:
                    raise fail(lines[actor.actor_id], f"{column}: unknown actor {other!r}")
    for column in ("parent_ids", "successor_ids"):
        _check_acyclic(actors, lines, column)


def _check_acyclic(
    actors: Mapping[str, CatalogActor], lines: Mapping[str, str], column: str
) -> None:
    done: set[str] = set()
    for start in actors:
        stack: list[tuple[str, tuple[str, ...]]] = [(start, (start,))]
        while stack:
            actor_id, path = stack.pop()
            for other in getattr(actors[actor_id], column):
                if other in path:
                    cycle = " -> ".join((*path[path.index(other) :], other))
                    raise fail(lines[other], f"{column} form a cycle: {cycle}")
                if other not in done:
                    stack.append((other, (*path, other)))
        done.add(start)


def _index_spellings(
    actors: Mapping[str, CatalogActor], lines: Mapping[str, str]
) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """One spelling names one actor; a country-scoped spelling one actor in that country."""
    global_index: dict[str, str] = {}
    scoped_index: dict[tuple[str, str], str] = {}
    for actor in actors.values():
        where = lines[actor.actor_id]
        own: set[str] = set()
        for spelling in actor.spellings():
            key = spelling_key(spelling.text)
            if key in own:
                raise fail(where, f"{spelling.text!r} repeats another spelling of {actor.actor_id}")
            other = global_index.setdefault(key, actor.actor_id)
            if other != actor.actor_id:
                raise fail(where, f"{spelling.text!r} names both {other} and {actor.actor_id}")
            own.add(key)
        for code, spelling in actor.aliases_by_country:
            key = spelling_key(spelling.text)
            scoped = f"{code}:{spelling.text}"
            if key in own:
                raise fail(where, f"{scoped!r} repeats a spelling that holds everywhere")
            other = scoped_index.setdefault((code, key), actor.actor_id)
            if other != actor.actor_id:
                raise fail(where, f"{scoped!r} names both {other} and {actor.actor_id}")
    return global_index, scoped_index


# --- generic actors --------------------------------------------------------------------------


def _index_triggers(
    generic: Mapping[str, GenericActor], lines: Mapping[str, str], names: Mapping[str, str]
) -> dict[str, tuple[str, TriggerWord]]:
    """One trigger word names one generic actor and is not a catalog actor's spelling."""
    index: dict[str, tuple[str, TriggerWord]] = {}
    for actor in generic.values():
        for trigger in actor.triggers:
            key = spelling_key(trigger.text)
            other = index.get(key)
            if other is not None:
                raise fail(
                    lines[actor.generic_id],
                    f"trigger {trigger.text!r} ({trigger.source}) is also a trigger of {other[0]}",
                )
            if key in names:
                raise fail(
                    lines[actor.generic_id],
                    f"trigger {trigger.text!r} is a spelling of the named actor {names[key]}",
                )
            index[key] = (actor.generic_id, trigger)
    return index


def _check_instances(
    actors: Mapping[str, CatalogActor],
    lines: Mapping[str, str],
    generic: Mapping[str, GenericActor],
) -> None:
    """``instance_of`` names a per-country generic actor of the same type and inter code, and
    each generic actor has at most one instance per country."""
    seen: dict[tuple[str, str], str] = {}
    for actor in actors.values():
        if actor.instance_of is None:
            continue
        where = lines[actor.actor_id]
        kind = generic.get(actor.instance_of)
        if kind is None or not kind.per_country:
            raise fail(
                where, f"instance_of: {actor.instance_of!r} is not a per-country generic actor"
            )
        if actor.country is None:
            raise fail(where, "instance_of needs a country")
        if (kind.actor_type, kind.inter_code) != (actor.actor_type, actor.inter_code):
            raise fail(where, f"instance_of: a {actor.actor_type} cannot be a {kind.actor_type}")
        other = seen.setdefault((actor.instance_of, actor.country), actor.actor_id)
        if other != actor.actor_id:
            raise fail(where, f"{other} is already the {actor.instance_of} of {actor.country}")


def _check_generic_ids(
    actors: Mapping[str, CatalogActor],
    lines: Mapping[str, str],
    generic: Mapping[str, GenericActor],
) -> None:
    """A generic actor in a country is named ``<generic_id>-<iso2>`` ("civilians-tg"): no
    catalog id may take that form, or a gold id would name two actors."""
    for actor_id in actors:
        for kind in generic.values():
            rest = actor_id.removeprefix(f"{kind.generic_id}-")
            taken = actor_id == kind.generic_id or (
                kind.per_country
                and rest != actor_id
                and ISO2.fullmatch(rest.upper()) is not None
                and len(rest) == 2
            )
            if taken:
                raise fail(lines[actor_id], f"actor_id {actor_id!r} is the id of a generic actor")


def build_reference(catalog_path: Path, generic_path: Path, words_path: Path) -> ActorReference:
    """Read, validate and index the three files; any inconsistency raises ActorReferenceError."""
    actors, actor_lines = read_catalog(catalog_path)
    global_index, scoped_index = _index_spellings(actors, actor_lines)
    generic, generic_lines = read_generic_actors(generic_path)
    generic = add_derived_words(generic, words_path)
    _check_instances(actors, actor_lines, generic)
    _check_generic_ids(actors, actor_lines, generic)
    triggers = _index_triggers(generic, generic_lines, global_index)
    return ActorReference(actors, generic, global_index, scoped_index, triggers)


REFERENCE_FILES = ("actor_catalog.csv", "generic_actors.csv", "generic_actor_words.csv")


@cache
def load_actor_reference() -> ActorReference:
    """The bundled reference (``schemas/reference``), read once per process."""
    folder = files("schemas") / "reference"
    with (
        as_file(folder / REFERENCE_FILES[0]) as catalog,
        as_file(folder / REFERENCE_FILES[1]) as generic,
        as_file(folder / REFERENCE_FILES[2]) as words,
    ):
        return build_reference(Path(catalog), Path(generic), Path(words))
