from __future__ import annotations

import re

import pytest

from eventline.silver.event_types import default_classifier
from eventline.silver.required_words import required_words
from eventline.text.fold import fold_key


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\bsuicide bombers?\b", {"suicide bomber"}),
        (r"\b(?:court|tribunal)\b.{0,60}?\bconvict", {"convict"}),
        (r"\b(?:air ?strikes?|drones?)\b", {"strike", "drone"}),  # the longer run
        (r"\bself-detonat(?:es|ed)", {"detonat"}),
        (r"(?<!gold )\bmines?\b", {"mine"}),
        (r"\b(?:rockets?(?![- ]propelled)|mortars?)", {"rocket", "mortar"}),
    ],
)
def test_required_words_are_read_off_the_pattern(pattern: str, words: set[str]) -> None:
    assert required_words(re.compile(pattern, re.IGNORECASE)) == frozenset(words)


def test_optional_or_unreadable_parts_give_no_requirement() -> None:
    assert required_words(re.compile(r"(?:kill)?\w+", re.IGNORECASE)) is None
    assert required_words(re.compile(r"a|\d+", re.IGNORECASE)) is None


def test_the_rule_table_prefilter_never_skips_a_match() -> None:
    """Every sentence a rule matches holds, once folded, one of the rule's required words."""
    sentences = [
        "A SUICIDE BOMBER blew himself up near the U.N. camp.",
        "Jihadists self-detonated at the gate; drones struck later.",
        "The court in Bamako convicted two men.",
        "Militants fired mortars and rockets at the base.",
    ]
    for rule in default_classifier().rules:
        words = required_words(rule.pattern)
        assert words is not None, rule.rule_id
        for sentence in sentences:
            if rule.pattern.search(sentence):
                assert any(word in fold_key(sentence) for word in words), rule.rule_id
