"""The casualty parser's vocabulary, loaded from ``schemas/reference/casualty_vocabulary.yaml``.

Which verbs kill, injure or kidnap, which nouns name people, militants or things, which words
qualify a number: reviewers change the data file, not the parser. The file is validated when
loaded (every section present and of the right shape, known categories and qualifier modes,
lower-case words where matching is case-insensitive), so a typo fails loudly instead of
silently dropping figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from eventline.reference import Source, reference_file

KILLED = "killed"
INJURED = "injured"
KIDNAPPED = "kidnapped"
ASSAILANTS = "assailants_killed"
# The casualty categories, in the order of the silver and gold columns.
CATEGORIES = (KILLED, INJURED, KIDNAPPED, ASSAILANTS)
# The victims' categories: gold states their bounds (low/high); assailants killed are apart.
VICTIM_CATEGORIES = (KILLED, INJURED, KIDNAPPED)
EXACT, OPEN, UPTO, APPROX, RANGE = "exact", "open", "upto", "approx", "range"
QUALIFIER_MODES = (EXACT, OPEN, UPTO, APPROX, RANGE)
VOCABULARY_FILE = reference_file("casualty_vocabulary.yaml")

_WORD_LISTS = (
    "vague_optional_of",
    "hostage_verbs",
    "hold_verbs",
    "hostage_words",
    "auxiliaries",
    "passive_bridges",
    "active_bridges",
    "injury_nouns",
    "person_singular",
    "person_plural_irregular",
    "militant_nouns",
    "militant_heads",
    "militant_modifiers",
    "non_person_nouns",
    "superlative_others",
    "noun_phrase_stops",
    "determiners",
    "not_count_after",
    "contrast_words",
    "attribution_words",
    "additive_cues",
    "generic_victims",
    "official_sources",
    "force_nouns",
)
_CASED_LISTS = ("titles", "month_abbreviations")
_CATEGORY_MAPS = ("active_verbs", "of_nouns", "passive_words", "field_labels")
_SECTIONS = frozenset(
    {
        *_WORD_LISTS,
        *_CASED_LISTS,
        *_CATEGORY_MAPS,
        "number_words",
        "vague_quantities",
        "qualifiers",
        "zero_nouns",
        "zero_verbs",
    }
)


@dataclass(frozen=True)
class Vocabulary:
    """Every word list of the parser; sets for membership, ordered tuples where order counts."""

    words: dict[str, frozenset[str]]
    units: tuple[str, ...]
    tens: tuple[str, ...]
    scales: tuple[str, ...]
    ordinals: tuple[str, ...]
    vague_quantities: dict[str, int]
    qualifiers: tuple[tuple[tuple[str, ...], str], ...]
    active: dict[str, str]
    of_nouns: dict[str, str]
    passive: dict[str, str]
    field_labels: dict[str, str]
    zero_nouns: dict[str, tuple[str, ...]]
    zero_verbs: dict[str, str]


def _word_list(section: str, value: Any, lower: bool = True) -> tuple[str, ...]:
    if not isinstance(value, str) or not value.split():
        raise ValueError(f"casualty vocabulary: {section} must be a non-empty word list")
    words = tuple(value.split())
    if lower and any(word != word.lower() for word in words):
        raise ValueError(f"casualty vocabulary: {section} must be lower case")
    if len(set(words)) != len(words):
        raise ValueError(f"casualty vocabulary: {section} lists a word twice")
    return words


def _category_map(section: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not set(value) <= set(CATEGORIES):
        raise ValueError(f"casualty vocabulary: {section} maps categories {CATEGORIES}")
    mapping: dict[str, str] = {}
    for category, words in value.items():
        for word in _word_list(f"{section}.{category}", words):
            if word in mapping:
                raise ValueError(f"casualty vocabulary: {section}: {word!r} in two categories")
            mapping[word] = category
    return mapping


def _qualifiers(value: Any) -> tuple[tuple[tuple[str, ...], str], ...]:
    if not isinstance(value, dict) or not set(value) <= set(QUALIFIER_MODES):
        raise ValueError(f"casualty vocabulary: qualifiers maps modes {QUALIFIER_MODES}")
    entries = [
        (tuple(phrase.split()), mode)
        for mode, phrases in value.items()
        for phrase in (phrases if isinstance(phrases, list) else [None])
        if (phrase and phrase == phrase.lower()) or _bad("qualifiers", phrase)
    ]
    # Longest first, so "no fewer than" is read before any shorter phrase.
    return tuple(sorted(entries, key=lambda entry: -len(entry[0])))


def _bad(section: str, value: Any) -> bool:
    raise ValueError(f"casualty vocabulary: bad entry {value!r} in {section}")


def parse_vocabulary(data: Any) -> Vocabulary:
    """Validate the parsed YAML document and build the vocabulary."""
    if not isinstance(data, dict) or set(data) != _SECTIONS:
        missing = sorted(_SECTIONS - set(data or {}))
        unknown = sorted(set(data or {}) - _SECTIONS)
        raise ValueError(f"casualty vocabulary: missing {missing}, unknown {unknown}")
    numbers = data["number_words"]
    if not isinstance(numbers, dict) or set(numbers) != {"units", "tens", "scales", "ordinals"}:
        raise ValueError("casualty vocabulary: number_words needs units, tens, scales, ordinals")
    vague = data["vague_quantities"]
    if not isinstance(vague, dict) or not all(
        isinstance(v, int) and v > 0 and k == k.lower() for k, v in vague.items()
    ):
        raise ValueError("casualty vocabulary: vague_quantities maps phrases to counts > 0")
    words = {name: frozenset(_word_list(name, data[name])) for name in _WORD_LISTS}
    words |= {name: frozenset(_word_list(name, data[name], lower=False)) for name in _CASED_LISTS}
    zero_nouns = {
        noun: tuple(categories) for noun, categories in (data["zero_nouns"] or {}).items()
    }
    if not all(set(c) <= set(CATEGORIES) and c for c in zero_nouns.values()):
        raise ValueError("casualty vocabulary: zero_nouns maps nouns to categories")
    zero_verbs = dict(data["zero_verbs"] or {})
    if not set(zero_verbs.values()) <= set(CATEGORIES):
        raise ValueError("casualty vocabulary: zero_verbs maps verbs to a category")
    return Vocabulary(
        words=words,
        units=_word_list("number_words.units", numbers["units"]),
        tens=_word_list("number_words.tens", numbers["tens"]),
        scales=_word_list("number_words.scales", numbers["scales"]),
        ordinals=_word_list("number_words.ordinals", numbers["ordinals"]),
        vague_quantities=dict(vague),
        qualifiers=_qualifiers(data["qualifiers"]),
        active=_category_map("active_verbs", data["active_verbs"]),
        of_nouns=_category_map("of_nouns", data["of_nouns"]),
        passive=_category_map("passive_words", data["passive_words"]),
        field_labels=_category_map("field_labels", data["field_labels"]),
        zero_nouns=zero_nouns,
        zero_verbs=zero_verbs,
    )


def load_vocabulary(source: Source = VOCABULARY_FILE) -> Vocabulary:
    """Read and validate a casualty vocabulary file."""
    return parse_vocabulary(yaml.safe_load(reference_file(source).read_text(encoding="utf-8")))


@cache
def default_vocabulary() -> Vocabulary:
    """The repository's reviewed vocabulary, loaded once per process."""
    return load_vocabulary()
