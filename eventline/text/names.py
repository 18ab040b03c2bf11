"""Find reviewed names (places, actors) in text: whole words, longest first, exactly as written.

The gazetteer and the actor catalog both hold spellings that must be found in report prose
under the same rules, so both use :class:`NameMatcher`:

* matching runs on :func:`eventline.text.fold.fold` text, so case, accents, hyphens and
  apostrophes do not matter, and a match is reported as the span of the original text;
* a spelling matches whole words only, and at any position the longest spelling wins, so a
  longer name is never split into a shorter one ("ISIS-GS" is not "ISIS", "Mopti Region" is
  not "Mopti"); when the caller rejects the longest one, no shorter one is tried there;
* letters a spelling requires to be capitals must be capitals in the text: the first letter
  (``capitals="initial"``, places: "Kati" but not "kati"), or the capitals of its
  acronym-like words (``capitals="acronyms"``, actors: "IS Sahel" but not "is Sahel"; all
  of them for a guarded spelling);
* a spelling written with the guard prefix ``~`` in the reference file is also an English
  word ("~Severe", "~Platform"); the caller decides by context whether it counts.

Spellings are compiled into one Aho-Corasick automaton (pyahocorasick, C) over a marked form
of the folded text in which word boundaries are marked (see ``_mark``), so the automaton can
only match whole words and the cost stays linear in the text whatever the number of
spellings (the gazetteer grows to hundreds of thousands).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

import ahocorasick

from eventline.text.fold import Folded, fold

GUARD = "~"
Capitals = Literal["initial", "acronyms"]
T = TypeVar("T")

_WORD_RUN = re.compile(r"\w+")
_NON_WORD = re.compile(r"\W")
_OPEN, _CLOSE = "\x01", "\x02"
_CAPITALISED_WORD = re.compile(r"[^\s\-]+")


def parse_spelling(raw: str) -> tuple[str, bool]:
    """A reference-file spelling without its guard prefix, and whether it had one."""
    spelling = raw.strip()
    if spelling.startswith(GUARD):
        return spelling[len(GUARD) :].strip(), True
    return spelling, False


def _mark(folded: str) -> str:
    """``folded`` with word boundaries marked: every non-word character ``c`` becomes
    ``\\x02 c \\x01`` and the text is wrapped in ``\\x01 ... \\x02``, so a marked spelling
    matches only where the spelling starts and ends at word boundaries (a character-local
    rewrite: one ``str.translate``)."""
    table = {ord(c): f"{_CLOSE}{c}{_OPEN}" for c in set(_NON_WORD.findall(folded))}
    for mark in (_OPEN, _CLOSE):  # a mark written in the text is just a non-word character
        table[ord(mark)] = f"{_CLOSE}\x00{_OPEN}"
    return f"{_OPEN}{folded.translate(table)}{_CLOSE}"


def _acronym_capitals(spelling: str, offsets: list[int], everything: bool) -> set[int]:
    """Folded positions whose letter must be a capital: the capitals of every acronym-like
    word ("JNIM", "U.N.", "FAMa", "IS" in "IS Sahel"), or of the whole spelling."""
    required: set[int] = set()
    for word in _CAPITALISED_WORD.finditer(spelling):
        capitals = sum(c.isupper() for c in word.group())
        if not everything and capitals < 2:
            continue
        for position, offset in enumerate(offsets):
            if word.start() <= offset < word.end() and spelling[offset].isupper():
                required.add(position)
    return required


@dataclass(frozen=True)
class Spelling(Generic[T]):
    """What one folded spelling stands for and how strictly it must be written."""

    key: str
    payload: T
    upper: frozenset[int]  # folded positions that must be capitals in the text
    guarded: bool


@dataclass(frozen=True)
class NameMatch(Generic[T]):
    """One accepted occurrence: the spelling, and its span in the original text."""

    spelling: Spelling[T]
    start: int
    end: int

    @property
    def payload(self) -> T:
        return self.spelling.payload


Accept = Callable[["NameMatch[T]", list["NameMatch[T]"]], bool]


class NameMatcher(Generic[T]):
    """Reviewed spellings with one payload each, matched longest first (module docstring)."""

    def __init__(self, capitals: Capitals, ident: Callable[[T], object] = lambda p: p) -> None:
        self.capitals = capitals
        self._ident = ident
        self._spellings: dict[str, Spelling[T]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def add(
        self,
        spelling: str,
        payload: T,
        *,
        guarded: bool = False,
    ) -> Spelling[T]:
        """File ``spelling`` under its folded key; a key cannot name two different payloads.

        Two spellings of one payload that fold alike merge, and the looser one decides (a
        capital or the guard is required only when both require it).
        """
        folded = fold(spelling)
        key = folded.text
        if not _WORD_RUN.search(key):
            raise ValueError(f"spelling {spelling!r} has no letter or digit once folded")
        if self.capitals == "initial":
            upper = {0}
        else:
            upper = _acronym_capitals(spelling, folded.offsets, everything=guarded)
        other = self._spellings.get(key)
        if other is not None:
            first, second = self._ident(other.payload), self._ident(payload)
            if first != second:
                raise ValueError(f"{spelling!r} names both {first} and {second}")
            upper &= other.upper
            guarded = guarded and other.guarded
        entry = Spelling(key, payload, frozenset(upper), guarded)
        self._spellings[key] = entry
        self._automaton = None
        return entry

    def __contains__(self, key: str) -> bool:
        return key in self._spellings

    def get(self, key: str) -> Spelling[T] | None:
        """The spelling filed under a folded key, if any."""
        return self._spellings.get(key)

    def spellings(self) -> Iterator[Spelling[T]]:
        return iter(self._spellings.values())

    def compile(self) -> None:
        """Build the automaton now rather than on the first search (to keep it for good)."""
        self._compiled()

    def _compiled(self) -> ahocorasick.Automaton:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for key, entry in self._spellings.items():
                marked = _mark(key)
                # (marked length, folded length, spelling)
                automaton.add_word(marked, (len(marked), len(key), entry))
            if len(automaton):
                automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def candidates(self, folded: str) -> dict[int, tuple[int, Spelling[T]]]:
        """Folded start -> (folded end, spelling) of the longest whole-word spelling there."""
        automaton = self._compiled()
        if not len(automaton) or not folded:
            return {}
        marked = _mark(folded)
        hits = sorted(
            (last - marked_length + 1, length, entry)
            for last, (marked_length, length, entry) in automaton.iter(marked)
        )
        best: dict[int, tuple[int, Spelling[T]]] = {}
        opens = 0  # boundary marks before the current hit: two per non-word character
        counted_to = 0
        for marked_start, length, entry in hits:
            opens += marked.count(_OPEN, counted_to, marked_start)
            counted_to = marked_start
            start = marked_start - 2 * opens
            end = start + length
            if start not in best or best[start][0] < end:
                best[start] = (end, entry)
        return best

    def find(
        self, text: str, accept: Accept[T] | None = None, folded: Folded | None = None
    ) -> list[NameMatch[T]]:
        """Accepted occurrences in text order, non-overlapping, longest first.

        ``accept(match, accepted_so_far)`` is the caller's context rule (guards, citations,
        proper names); required capitals are checked before it. ``folded`` is
        ``fold(text)`` when the caller has it already (several matchers over one text).
        """
        folded = folded if folded is not None else fold(text)
        found: list[NameMatch[T]] = []
        pos = 0
        for start, (end, entry) in sorted(self.candidates(folded.text).items()):
            if start < pos:
                continue
            if not _capitals_ok(entry, text, folded, start):
                continue
            first, last = folded.span(start, end, text)
            match = NameMatch(entry, first, last)
            if accept is None or accept(match, found):
                found.append(match)
                pos = end
        return found


def _capitals_ok(entry: Spelling[T], text: str, folded: Folded, start: int) -> bool:
    return all(text[folded.offsets[start + position]].isupper() for position in entry.upper)
