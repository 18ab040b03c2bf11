"""The place-mention vocabulary, loaded from ``schemas/reference/place_vocabulary.yaml``.

Which nouns make a name an administrative area, a settlement, a site or a road, which
prepositions and verbs put an event at a name, which words say a name is only an origin, a
border or a distance reference: reviewers change the data file, not the mention finder. The
file is validated when loaded (every section present, lower-case words, none twice), so a typo
fails loudly instead of silently losing places.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

import yaml

from eventline.reference import Source, reference_file

VOCABULARY_FILE = reference_file("place_vocabulary.yaml")
SECTIONS = (
    "admin_nouns",
    "settlement_nouns",
    "site_nouns",
    "natural_nouns",
    "linear_nouns",
    "area_nouns",
    "event_nouns",
    "not_place_after",
    "event_verbs",
    "event_of_nouns",
    "locative_prepositions",
    "location_labels",
    "near_prepositions",
    "origin_words",
    "destination_words",
    "aim_words",
    "directions",
    "distance_units",
    "border_words",
    "alias_markers",
    "relative_words",
    "skip_words",
    "not_place_words",
    "org_words",
    "not_name_words",
    "opening_words",
    "broad_regions",
    "national_authority_words",
    "international_body_words",
)
# The nouns that say what kind of place a name is, in the order they are tried.
FEATURE_SECTIONS = {
    "admin_nouns": "admin",
    "settlement_nouns": "settlement",
    "site_nouns": "site",
    "natural_nouns": "natural",
    "linear_nouns": "linear",
    "area_nouns": "area",
}


@dataclass(frozen=True)
class PlaceVocabulary:
    """Every word list, as sets of lower-case words; ``feature`` maps a noun to its kind."""

    words: dict[str, frozenset[str]]
    feature: dict[str, str]

    def __getitem__(self, section: str) -> frozenset[str]:
        return self.words[section]

    @cached_property
    def openers(self) -> frozenset[str]:
        """Capitalised words a sentence opens with that start no name ("In", "On",
        "Northern"): function words, prepositions and directions (built once, read per name)."""
        sections = (
            "not_name_words", "opening_words", "locative_prepositions", "near_prepositions",
            "origin_words", "destination_words", "directions",
        )  # fmt: skip
        return frozenset().union(*(self.words[section] for section in sections))

    @cached_property
    def organisation_words(self) -> frozenset[str]:
        """Organisation and title words that are no place noun ("ministry", not "hotel")."""
        return self.words["org_words"] - self.feature.keys()


def _word_list(section: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, str) or not value.split():
        raise ValueError(f"place vocabulary: {section} must be a non-empty word list")
    words = tuple(value.split())
    if any(word != word.lower() for word in words):
        raise ValueError(f"place vocabulary: {section} must be lower case")
    if len(set(words)) != len(words):
        repeated = sorted({w for w in words if words.count(w) > 1})
        raise ValueError(f"place vocabulary: {section} lists {repeated} twice")
    return words


def parse_vocabulary(data: Any) -> PlaceVocabulary:
    """Validate the parsed YAML document and build the vocabulary."""
    if not isinstance(data, dict) or set(data) != set(SECTIONS):
        missing = sorted(set(SECTIONS) - set(data or {}))
        unknown = sorted(set(data or {}) - set(SECTIONS))
        raise ValueError(f"place vocabulary: missing {missing}, unknown {unknown}")
    words = {section: frozenset(_word_list(section, data[section])) for section in SECTIONS}
    feature: dict[str, str] = {}
    for section, kind in FEATURE_SECTIONS.items():
        for word in words[section]:
            if word in feature:
                raise ValueError(f"place vocabulary: {word!r} is a noun of two kinds")
            feature[word] = kind
    return PlaceVocabulary(words, feature)


def load_vocabulary(source: Source = VOCABULARY_FILE) -> PlaceVocabulary:
    """Read and validate a place vocabulary file."""
    return parse_vocabulary(yaml.safe_load(reference_file(source).read_text(encoding="utf-8")))


@cache
def default_vocabulary() -> PlaceVocabulary:
    """The repository's reviewed vocabulary, loaded once per process."""
    return load_vocabulary()
