"""The place vocabulary file is validated when loaded: a typo fails instead of losing places."""

from __future__ import annotations

import pytest
import yaml

from eventline.silver.place_vocabulary import (
    SECTIONS,
    VOCABULARY_FILE,
    default_vocabulary,
    parse_vocabulary,
)


def _data() -> dict:
    return yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))


def test_the_reviewed_file_loads_with_every_section() -> None:
    vocab = default_vocabulary()
    assert set(vocab.words) == set(SECTIONS)
    assert (vocab.feature["province"], vocab.feature["junction"], vocab.feature["road"]) == (
        "admin",
        "site",
        "linear",
    )


def test_a_missing_or_unknown_section_fails() -> None:
    data = _data()
    del data["site_nouns"]
    data["site_noun"] = "post"
    with pytest.raises(ValueError, match=r"missing \['site_nouns'\], unknown \['site_noun'\]"):
        parse_vocabulary(data)


@pytest.mark.parametrize(
    ("section", "value", "message"),
    [
        ("admin_nouns", "region Province", "must be lower case"),
        ("event_verbs", "raided raided", "lists \\['raided'\\] twice"),
        ("linear_nouns", "", "non-empty word list"),
        ("site_nouns", "post road", "'road' is a noun of two kinds"),
    ],
)
def test_bad_word_lists_fail(section: str, value: str, message: str) -> None:
    data = _data()
    data[section] = value
    with pytest.raises(ValueError, match=message):
        parse_vocabulary(data)


def test_the_word_sets_read_per_name_are_built_once() -> None:
    """A sentence's opening words ("Meanwhile", "Near", "Northern") are dropped from a name,
    and organisation words make no place unless they are place nouns ("hotel" is a site):
    both sets come from the file, built once per vocabulary."""
    vocab = default_vocabulary()
    assert {"meanwhile", "near", "from", "northern", "the"} <= vocab.openers
    assert "tessit" not in vocab.openers
    assert "ministry" in vocab.organisation_words
    assert "hotel" in vocab["org_words"] and "hotel" not in vocab.organisation_words
    assert vocab.openers is vocab.openers
