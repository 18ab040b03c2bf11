"""Words that every match of a rule pattern contains: a cheap test before the regex search.

Classifying tries up to ~45 rules per sentence and most do not match; testing whether the
folded sentence holds one of a pattern's required words rules a pattern out far faster than
searching it. The words are read off the pattern text by a small tokenizer of the regular
expression syntax the rule table uses (literals, escapes, classes, groups, alternation,
look-arounds, quantifiers): no CPython-private module.

The test must never skip a search that would match. A run of literal letters, digits and
single spaces that a match contains case-insensitively is, once folded with
:func:`eventline.text.fold.fold`, a substring of the folded sentence; so runs stop at any
other character, an optional atom ends its run, and a pattern this reading does not
understand gets no requirement (it is simply searched).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import ahocorasick

Requirement = frozenset[str] | None
_QUANTIFIER = re.compile(r"\?|\*|\+|\{(\d*)(?:,(\d*))?\}")
_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
_CLASS_ESCAPES = frozenset("sSwWdDntrfv0123456789")
_RUN_CHARS = re.compile(r"[a-z0-9 ]")


class _Unsupported(ValueError):
    """A construct this tokenizer does not read: the pattern gets no requirement."""


class _Reader:
    def __init__(self, pattern: str) -> None:
        self.text = pattern
        self.pos = 0

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def alternation(self) -> Requirement:
        """Alternatives up to ``)`` or the end: the union of their requirements."""
        options = [self.sequence()]
        while self.peek() == "|":
            self.pos += 1
            options.append(self.sequence())
        if any(option is None for option in options):
            return None
        return frozenset().union(*(o for o in options if o is not None))

    def sequence(self) -> Requirement:
        """The most selective requirement among a sequence's literal runs and groups."""
        candidates: list[frozenset[str]] = []
        run: list[str] = []

        def close_run() -> None:
            word = " ".join("".join(run).split())
            if word:
                candidates.append(frozenset({word}))
            run.clear()

        while self.peek() not in ("", "|", ")"):
            literal, requirement = self.atom()
            minimum = self.quantifier()
            if literal is not None and minimum >= 1 and _RUN_CHARS.fullmatch(literal.lower()):
                run.append(literal.lower())
                if minimum != 1 or self._was_repeated:
                    close_run()
                continue
            close_run()
            if requirement and minimum >= 1:
                candidates.append(requirement)
        close_run()
        if not candidates:
            return None
        return max(candidates, key=lambda words: min(len(word) for word in words))

    _was_repeated = False

    def quantifier(self) -> int:
        """The minimum count of the quantifier after an atom (1 when there is none)."""
        self._was_repeated = False
        match = _QUANTIFIER.match(self.text, self.pos)
        if match is None or (match.group().startswith("{") and match.group() == "{"):
            return 1
        self.pos = match.end()
        if self.peek() in ("?", "+"):
            self.pos += 1  # lazy or possessive
        token = match.group()
        self._was_repeated = token != "?"
        if token in ("?", "*"):
            return 0
        if token == "+":
            return 1
        return int(match.group(1) or 0)

    def atom(self) -> tuple[str | None, Requirement]:
        """(literal character, or None) and the requirement of a group."""
        char = self.peek()
        self.pos += 1
        if char == "\\":
            escaped = self.peek()
            self.pos += 1
            if not escaped:
                raise _Unsupported("trailing backslash")
            if escaped in _ZERO_WIDTH_ESCAPES or escaped in _CLASS_ESCAPES or escaped.isalpha():
                return None, None
            return escaped, None
        if char == "[":
            self._skip_class()
            return None, None
        if char == "(":
            return None, self._group()
        if char in ".^$":
            return None, None
        if char in "*+?{":
            raise _Unsupported("quantifier without an atom")
        return char, None

    def _skip_class(self) -> None:
        if self.peek() == "^":
            self.pos += 1
        if self.peek() == "]":
            self.pos += 1
        while self.peek() not in ("", "]"):
            self.pos += 2 if self.peek() == "\\" else 1
        if self.peek() != "]":
            raise _Unsupported("unclosed character class")
        self.pos += 1

    def _group(self) -> Requirement:
        lookaround = False
        if self.text.startswith("?", self.pos):
            head = self.text[self.pos : self.pos + 4]
            if head.startswith(("?:",)):
                self.pos += 2
            elif head.startswith(("?=", "?!")):
                self.pos += 2
                lookaround = True
            elif head.startswith(("?<=", "?<!")):
                self.pos += 3
                lookaround = True
            elif head.startswith(("?-i:", "?i:")):
                # A case flag changes no literal once folded: read it as a plain group.
                self.pos += 4 if head.startswith("?-i:") else 3
            elif head.startswith("?P<"):
                self.pos = self.text.index(">", self.pos) + 1
            else:
                raise _Unsupported(f"group {head!r}")
        inner = self.alternation()
        if self.peek() != ")":
            raise _Unsupported("unclosed group")
        self.pos += 1
        return None if lookaround else inner


def required_words(pattern: re.Pattern[str]) -> Requirement:
    """Folded strings one of which every match of ``pattern`` (compiled with IGNORECASE)
    contains, or None when no such strings can be read off the pattern."""
    reader = _Reader(pattern.pattern)
    try:
        requirement = reader.alternation()
    except (_Unsupported, ValueError):
        return None
    if reader.pos != len(reader.text):
        return None
    return requirement


class WordScan:
    """The required words of many patterns, looked for in one text in one pass.

    A classifier tests a sentence against every rule's words; one Aho-Corasick automaton
    (pyahocorasick) of all of them reports every occurrence, overlapping ones included, so
    ``word in present`` is exactly ``word in folded`` and each rule is then a set test.
    """

    def __init__(self, requirements: Iterable[Requirement]) -> None:
        words = sorted({word for words in requirements if words for word in words})
        self._automaton = ahocorasick.Automaton()
        for word in words:
            self._automaton.add_word(word, word)
        if words:
            self._automaton.make_automaton()

    def present(self, folded: str) -> frozenset[str]:
        """The words that occur in ``folded`` (as substrings, like ``word in folded``)."""
        if not len(self._automaton) or not folded:
            return frozenset()
        return frozenset(word for _, word in self._automaton.iter(folded))


def may_match(words: Requirement, present: frozenset[str]) -> bool:
    """Whether a pattern with requirement ``words`` can match a text whose words are
    ``present`` (from :meth:`WordScan.present`)."""
    return words is None or not words.isdisjoint(present)
