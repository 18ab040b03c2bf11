"""Generic actors: ACLED-style actors resolved from words, not names.

``generic_actors.csv`` holds the reviewed generic actors ("Civilians ({country})") with their
English and French trigger words; ``generic_actor_words.csv`` the English words derived from
PETRARCH-2 by ``scripts/build_generic_actor_words.py``. This module reads and checks both.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from eventline.gold.actor_vocabulary import (
    LANGUAGES,
    PETRARCH_CODE,
    SLUG,
    STRENGTHS,
    WEAK,
    fail,
    items,
    parse_actor_type,
    parse_inter_code,
    spelling_key,
)
from eventline.reference import reference_rows

GENERIC_COLUMNS = (
    "generic_id",
    "name_template",
    "actor_type",
    "inter_code",
    "petrarch_codes",
    "triggers_en",
    "triggers_fr",
    "note",
)
WORD_COLUMNS = ("generic_id", "word", "strength", "petrarch_code", "petrarch_entry")


@dataclass(frozen=True)
class TriggerWord:
    """A word that names a generic actor; ``source`` is ``reviewed`` or ``petrarch``."""

    text: str
    languages: tuple[str, ...]
    strength: str
    source: str


@dataclass(frozen=True)
class GenericActor:
    """One ACLED-style generic actor, instantiated per country at run time."""

    generic_id: str
    name_template: str
    actor_type: str
    inter_code: int
    petrarch_codes: tuple[str, ...]
    triggers: tuple[TriggerWord, ...]
    note: str

    @property
    def per_country(self) -> bool:
        return "{country}" in self.name_template

    def name_for(self, country: str | None) -> str | None:
        """The actor's name in one country ("Civilians (Mali)"); None when it needs a country
        and none is known (unknown is null, never a guess)."""
        if not self.per_country:
            return self.name_template
        if not country:
            return None
        return self.name_template.format(country=country)


def _triggers(where: str, column: str, value: str) -> list[tuple[str, str]]:
    """(word, strength) pairs of one trigger column; ``?word`` is a weak trigger."""
    words: list[tuple[str, str]] = []
    for raw in items(value):
        strength = "weak" if raw.startswith(WEAK) else "strong"
        word = raw.removeprefix(WEAK).strip()
        if not word or not spelling_key(word).strip():
            raise fail(where, f"{column}: empty trigger word {raw!r}")
        words.append((word, strength))
    return words


def _template(where: str, value: str) -> str:
    template = value.strip()
    fields = [field for _, field, _, _ in string.Formatter().parse(template) if field is not None]
    if not template or any(field != "country" for field in fields) or len(fields) > 1:
        raise fail(where, f"name_template {template!r} may hold one {{country}} and nothing else")
    return template


def _petrarch_codes(where: str, value: str) -> tuple[str, ...]:
    codes = tuple(items(value))
    for code in codes:
        if not PETRARCH_CODE.fullmatch(code.removeprefix(WEAK)):
            raise fail(where, f"petrarch_codes: bad code {code!r}")
    return codes


def _reviewed_triggers(where: str, row: dict[str, str]) -> list[TriggerWord]:
    merged: dict[str, TriggerWord] = {}
    for language in LANGUAGES:
        for word, strength in _triggers(where, f"triggers_{language}", row[f"triggers_{language}"]):
            key = spelling_key(word)
            seen = merged.get(key)
            if seen is not None and (language in seen.languages or seen.strength != strength):
                raise fail(where, f"trigger {word!r} is listed twice")
            languages = (*seen.languages, language) if seen else (language,)
            merged[key] = TriggerWord(word, languages, strength, "reviewed")
    return list(merged.values())


def read_generic_actors(path: Path) -> tuple[dict[str, GenericActor], dict[str, str]]:
    """The reviewed generic actors with their reviewed trigger words (no derived words)."""
    generic: dict[str, GenericActor] = {}
    lines: dict[str, str] = {}
    for where, row in reference_rows(path, GENERIC_COLUMNS):
        generic_id = row["generic_id"].strip()
        if not SLUG.fullmatch(generic_id):
            raise fail(where, f"generic_id {generic_id!r} is not a slug")
        if generic_id in generic:
            raise fail(where, f"duplicate generic_id {generic_id!r}")
        if not row["note"].strip():
            raise fail(where, "note is required")
        actor_type = parse_actor_type(where, row["actor_type"], generic=True)
        if actor_type == "person":
            raise fail(where, "a generic actor is never a person")
        generic[generic_id] = GenericActor(
            generic_id=generic_id,
            name_template=_template(where, row["name_template"]),
            actor_type=actor_type,
            inter_code=parse_inter_code(where, actor_type, row["inter_code"]) or 0,
            petrarch_codes=_petrarch_codes(where, row["petrarch_codes"]),
            triggers=tuple(_reviewed_triggers(where, row)),
            note=row["note"].strip(),
        )
        lines[generic_id] = where
    return generic, lines


def _derived_word(
    where: str, row: dict[str, str], generic: Mapping[str, GenericActor]
) -> TriggerWord:
    actor = generic.get(row["generic_id"].strip())
    if actor is None:
        raise fail(where, f"unknown generic_id {row['generic_id']!r}")
    strength = row["strength"].strip()
    if strength not in STRENGTHS:
        raise fail(where, f"strength {strength!r} is not one of {STRENGTHS}")
    code = row["petrarch_code"].strip()
    mapped = {
        c.removeprefix(WEAK): "weak" if c.startswith(WEAK) else "strong"
        for c in actor.petrarch_codes
    }
    if mapped.get(code) != strength:
        raise fail(
            where, f"{code} is not a {strength} code of {actor.generic_id}: rebuild the file"
        )
    word = row["word"].strip()
    if not word:
        raise fail(where, "word is required")
    return TriggerWord(word, ("en",), strength, "petrarch")


def add_derived_words(generic: Mapping[str, GenericActor], path: Path) -> dict[str, GenericActor]:
    """The generic actors with the words derived from PETRARCH-2 appended to their triggers."""
    extra: dict[str, list[TriggerWord]] = {generic_id: [] for generic_id in generic}
    for where, row in reference_rows(path, WORD_COLUMNS):
        word = _derived_word(where, row, generic)
        extra[row["generic_id"].strip()].append(word)
    return {
        gid: GenericActor(
            actor.generic_id,
            actor.name_template,
            actor.actor_type,
            actor.inter_code,
            actor.petrarch_codes,
            (*actor.triggers, *extra[gid]),
            actor.note,
        )
        for gid, actor in generic.items()
    }
