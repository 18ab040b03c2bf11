"""Scores of record pairs, remembered by the texts they were computed from.

Every score is a pure function of the two texts (and, for a document's own restatements,
of the names that document repeats), so a :class:`PairScores` keyed by a digest of those
inputs gives the same answer as computing it: within one run a pair is scored once
however many rules ask. Between runs, :mod:`eventline.silver.dedup_incremental` keeps
outcomes, not scores: an unchanged document's pairs are not looked at again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from eventline.silver.dedup_text import spelling_variants, text_similarity

T = TypeVar("T")


def digest(*parts: str) -> bytes:
    """An 8-byte digest of *parts* in order (a collision among a corpus's pairs is ~2^-64)."""
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).digest()


class PairScores:
    """Pair results by key; *known* are those of an earlier run, ``entries`` those used now.

    Only the entries a run asks for are kept for the next, so the memo holds the current
    corpus's pairs and no more.
    """

    def __init__(self, known: Mapping[bytes, Any] | None = None) -> None:
        self._known = known or {}
        self.entries: dict[bytes, Any] = {}
        self._texts: dict[str, bytes] = {}
        self._commons: dict[frozenset[str], bytes] = {}
        self.computed = 0
        self.reused = 0

    def _text(self, text: str) -> bytes:
        found = self._texts.get(text)
        if found is None:
            found = self._texts[text] = digest(text)
        return found

    def value(self, key: bytes, compute: Callable[[], T]) -> T:
        """The remembered value of *key*, else *compute*'s (remembered from now on)."""
        if key in self.entries:
            return self.entries[key]  # type: ignore[no-any-return]
        if key in self._known:
            value = self._known[key]
            self.reused += 1
        else:
            value = compute()
            self.computed += 1
        self.entries[key] = value
        return value  # type: ignore[no-any-return]

    def _common(self, common: frozenset[str]) -> bytes:
        if not common:
            return b""
        found = self._commons.get(common)
        if found is None:
            found = self._commons[common] = digest(*sorted(common))
        return found

    def similarity(self, a: str, b: str, common: frozenset[str] = frozenset()) -> float:
        """:func:`text_similarity` of *a* and *b*, with the names *common* to their document."""
        pair = b"s" + self._text(a) + self._text(b) + self._common(common)
        return self.value(pair, lambda: text_similarity(a, b, common))

    def variants(self, a: str, b: str) -> tuple[tuple[str, str], ...]:
        """:func:`spelling_variants` of *a* and *b*."""
        pair = b"v" + self._text(a) + self._text(b)
        return self.value(pair, lambda: tuple(spelling_variants(a, b)))
