"""Word lists written as prose in code: easier to read and review than quoted items."""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """The white-space separated words of ``words``."""
    return frozenset(words.split())
