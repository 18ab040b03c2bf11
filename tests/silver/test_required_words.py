from __future__ import annotations

import re

import pytest

from eventline.silver.event_types import default_classifier
from eventline.silver.required_words import WordScan, may_match, required_words
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


def test_word_scan_finds_every_word_a_substring_test_finds() -> None:
    # "kill" lies inside "killed" and "shabaab" inside "al shabaab": overlapping words are
    # all reported, as ``word in folded`` reports them; "abduct" is not in the text.
    scan = WordScan([frozenset({"killed", "kill"}), frozenset({"al shabaab", "shabaab"}), None])
    scan_more = WordScan([frozenset({"abduct"})])
    folded = "al shabaab fighters killed two"
    assert scan.present(folded) == {"killed", "kill", "al shabaab", "shabaab"}
    assert scan_more.present(folded) == frozenset()
    assert scan.present("") == frozenset()


def test_may_match_is_the_requirement_test() -> None:
    present = frozenset({"killed"})
    assert may_match(frozenset({"killed", "died"}), present)
    assert not may_match(frozenset({"abducted"}), present)
    assert may_match(None, present)  # a pattern without a requirement is always searched
