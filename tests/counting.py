"""Test doubles that count how often the code under test does an expensive thing."""

from __future__ import annotations

import re


class CountingPattern:
    """A compiled pattern that counts its searches (``re.Pattern`` cannot be patched)."""

    def __init__(self, pattern: str) -> None:
        self._compiled = re.compile(pattern, re.IGNORECASE)
        self.pattern = self._compiled.pattern
        self.flags = self._compiled.flags
        self.searches = 0

    def search(self, text: str) -> re.Match[str] | None:
        self.searches += 1
        return self._compiled.search(text)
