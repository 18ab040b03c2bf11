from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from eventline.silver.casualty_vocabulary import (
    CATEGORIES,
    VOCABULARY_FILE,
    default_vocabulary,
    parse_vocabulary,
)


def _document() -> dict[str, Any]:
    return yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))


def test_the_reviewed_file_loads() -> None:
    vocabulary = default_vocabulary()
    assert vocabulary.active["slew"] == "killed"
    assert vocabulary.passive["abducted"] == "kidnapped"
    assert vocabulary.vague_quantities["dozens"] == 24
    assert set(vocabulary.active.values()) == set(CATEGORIES)
    # Longest qualifier first: "no fewer than" is tried before any shorter phrase.
    assert len(vocabulary.qualifiers[0][0]) == 3 and len(vocabulary.qualifiers[-1][0]) == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("militant_nouns"), "missing \\['militant_nouns'\\]"),
        (lambda d: d.update(extra="x"), "unknown \\['extra'\\]"),
        (lambda d: d["active_verbs"].update(maimed="maim"), "maps categories"),
        (lambda d: d.update(hostage_words="Hostage"), "lower case"),
        (lambda d: d.update(hold_verbs="hold hold"), "twice"),
        (lambda d: d["passive_words"].update(injured="killed wounded"), "in two categories"),
        (lambda d: d["qualifiers"].update(roughly=["about"]), "maps modes"),
        (lambda d: d["vague_quantities"].update(some=0), "counts > 0"),
        (lambda d: d["zero_verbs"].update(harmed="harm"), "zero_verbs"),
    ],
)
def test_a_bad_vocabulary_fails_loudly(change: Any, message: str) -> None:
    document = copy.deepcopy(_document())
    change(document)
    with pytest.raises(ValueError, match=message):
        parse_vocabulary(document)
