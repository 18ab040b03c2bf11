"""Fold text for matching names and words, with a map back to the text as written.

Reports spell one name many ways: "Ségou"/"Segou", "Jama’at"/"Jamaat", "al-Qaeda"/"al Qaeda",
"U.N."/"UN", "JNIM's" (which ends in JNIM). Matching runs on the folded form; the offset
map turns a match back into the exact span of the original text, so that what is stored is
always the text as written. Every matcher and word list of the project folds with
:func:`fold`, so they agree on what "the same spelling" is:

* case and diacritics go (Unicode NFKD, combining marks dropped, ``casefold``; the dotless
  ``ı`` is an ``i``);
* white space and hyphens become one space between words, none at the ends;
* an apostrophe joins ("Jama'at" -> "jamaat") except before a possessive ``s``, which splits
  off ("JNIM's" -> "jnim s"), and after a lone letter, an elision ("l'Azawad" -> "l azawad",
  "N'Djamena" -> "n djamena");
* the dots of initialisms go ("U.N." -> "un", "J. Riddering" -> "j riddering"); other
  punctuation stays, so it stops a multi-word match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

HYPHENS = frozenset("-\u2010\u2011\u2012\u2013")
APOSTROPHES = frozenset("'\u2018\u2019`\u00b4\u02bc")
# Characters whose casefold is not what re.IGNORECASE and a reader take them for.
_EXTRA = {"\u0131": "i"}
# Runs that fold character by character with nothing to decide: not white space, hyphen,
# apostrophe or dot.
_SPECIAL = "".join(re.escape(c) for c in sorted(HYPHENS | APOSTROPHES | {"."}))
# Single spaces between such runs fold to themselves, so a run of prose is folded at once.
_PLAIN_RUN = re.compile(rf"[^\s{_SPECIAL}]+(?: [^\s{_SPECIAL}]+)*")
# ASCII text that none of the rules below changes but for case: no white space but single
# spaces inside, no hyphen or apostrophe, no dot after a lone letter.
_NEEDS_RULES = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1f'`\-]|  |^ | $|(?<![A-Za-z0-9])[A-Za-z]\.")
_ASCII_OR_CHAR = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]")


class Folded(NamedTuple):
    """The folded text, and for each of its characters the offset in the original text."""

    text: str
    offsets: list[int]

    def span(self, start: int, end: int, source: str) -> tuple[int, int]:
        """The [start, end) span of ``source`` that folded[start:end] came from; a trailing
        initialism dot is included ("U.N." as written, not "U.N")."""
        first = self.offsets[start]
        last = self.offsets[end - 1] + 1
        if last < len(source) and source[last] == "." and _initialism_dot(source, last):
            last += 1
        return first, last


def _initialism_dot(text: str, i: int) -> bool:
    """A dot after a lone letter ("U.N.", "U.S.", "J. Riddering")."""
    if i == 0 or not text[i - 1].isalpha():
        return False
    return i == 1 or not text[i - 2].isalnum()


def _possessive(text: str, i: int) -> bool:
    """The apostrophe at ``i`` opens a possessive "'s" after a word ("JNIM's")."""
    n = len(text)
    return (
        i + 1 < n
        and text[i + 1] in "sS"
        and (i + 2 == n or not text[i + 2].isalnum())
        and i > 0
        and text[i - 1].isalnum()
    )


def _elision(text: str, i: int) -> bool:
    """The apostrophe at ``i`` follows a lone letter ("l'Azawad", "d'Ivoire", "N'Djamena")."""
    return (
        i > 0
        and text[i - 1].isalpha()
        and (i == 1 or not text[i - 2].isalnum())
        and i + 1 < len(text)
        and text[i + 1].isalpha()
    )


def _run_pieces(run: str) -> Iterator[tuple[int, str, bool]]:
    """A plain run's pieces folded: each ASCII stretch lower-cased, each other character
    folded alone; with the piece's offset in the run and whether it was ASCII."""
    if run.isascii():
        yield 0, run.lower(), True
        return
    for piece in _ASCII_OR_CHAR.finditer(run):
        text = piece.group()
        ascii_piece = text.isascii()
        yield piece.start(), text.lower() if ascii_piece else _folded_char(text), ascii_piece


def _fold_chars(run: str, start: int, chars: list[str], offsets: list[int]) -> None:
    for at, folded, ascii_piece in _run_pieces(run):
        if not folded:
            continue
        chars.append(folded)
        if ascii_piece:  # one character for one: each keeps its own offset
            offsets.extend(range(start + at, start + at + len(folded)))
        else:  # a folded letter ("ß" → "ss") points back at the letter
            offsets.extend([start + at] * len(folded))


@lru_cache(maxsize=1 << 12)
def _folded_char(char: str) -> str:
    """One non-ASCII character folded: decomposed, marks dropped, case folded (cached: a
    gazetteer's names repeat the same few hundred letters)."""
    return "".join(
        _EXTRA.get(folded, folded)
        for part in unicodedata.normalize("NFKD", char)
        if not unicodedata.combining(part)
        for folded in part.casefold()
    )


def fold(text: str) -> Folded:
    """The folded form of ``text`` and its offset map (see the module docstring)."""
    if text.isascii() and _NEEDS_RULES.search(text) is None:  # only lower case to do
        return Folded(text.lower(), list(range(len(text))))
    chars: list[str] = []
    offsets: list[int] = []
    pending_space: int | None = None  # where the white space before the next word began
    pos = 0
    n = len(text)
    while pos < n:
        run = _PLAIN_RUN.match(text, pos)
        if run is not None:
            if pending_space is not None:
                chars.append(" ")
                offsets.append(pending_space)
                pending_space = None
            _fold_chars(run.group(), pos, chars, offsets)
            pos = run.end()
            continue
        char = text[pos]
        if char.isspace() or char in HYPHENS:
            if chars and pending_space is None:
                pending_space = pos
        elif char in APOSTROPHES:
            if pending_space is None and (_possessive(text, pos) or _elision(text, pos)):
                pending_space = pos
        elif not _initialism_dot(text, pos):  # a dot that stays
            if pending_space is not None:
                chars.append(" ")
                offsets.append(pending_space)
                pending_space = None
            chars.append(".")
            offsets.append(pos)
        pos += 1
    return Folded("".join(chars), offsets)


@lru_cache(maxsize=1 << 16)
def fold_key(text: str) -> str:
    """Just the folded text: the key a spelling or a word is filed under (cached: the same
    names and words are keyed again and again, record after record)."""
    if text.isascii() and _NEEDS_RULES.search(text) is None:  # fold's first case, no offsets
        return text.lower()
    if _PLAIN_RUN.fullmatch(text):  # one plain run: its pieces, without the offset map
        return "".join(folded for _, folded, _ in _run_pieces(text))
    return fold(text).text
