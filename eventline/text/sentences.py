"""Split paragraphs into sentences with character spans.

pysbd is a rule-based splitter that knows abbreviations such as "U.S." and
"Sept." and needs no model download; character spans let each sentence be traced
back to the lines it came from.

pysbd is also the slowest step of bronze, so two of its hot spots are replaced here by
exact equivalents (same output for every input; pysbd is pinned below 0.4 and 0.3.4 is
its last release):

* its abbreviation pass runs a case-insensitive regex over the paragraph for every listed
  abbreviation that occurs as a *substring* ("is", "no", "p", "v", …), then one regex
  substitution over the whole paragraph per match: for "p", once per word starting with p.
  For letters-only abbreviations we look the words up in one pass instead, and make each
  distinct substitution once (a repeat is a no-op: it only turns "." into "∯", and no
  match of it can need a "∯") and only when the text holds "abbr." (its pattern needs it);
* it locates each sentence in the paragraph with a freshly compiled regex per sentence,
  which also evicts every other pattern from ``re``'s cache; ``str.find`` does the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd
from pysbd.lang.english import English
from pysbd.utils import TextSpan


@dataclass(frozen=True)
class Sentence:
    """A sentence as written and its [start, end) span in the paragraph."""

    text: str
    start: int
    end: int


# The only non-ASCII characters that re.IGNORECASE matches to an ASCII letter (dotted and
# dotless i, long s, Kelvin sign); no other character lower-cases to an ASCII letter.
_CASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_LETTERS = re.compile(r"[a-z]+")
_LETTER_ABBREVIATIONS = frozenset(
    abbr.strip() for abbr in English.Abbreviation.ABBREVIATIONS if _LETTERS.fullmatch(abbr.strip())
)
# pysbd's list in its order, stripped, and whether letters only.
_ABBREVIATIONS = tuple(
    (abbr.strip(), abbr.strip() in _LETTER_ABBREVIATIONS)
    for abbr in English.Abbreviation.ABBREVIATIONS
)
_ABBREVIATION_PREFIXES = frozenset(
    abbr[:k] for abbr in _LETTER_ABBREVIATIONS for k in range(1, len(abbr) + 1)
)
# The letters that open a word: at the start of the text or after white space.
_LONGEST = max(map(len, _LETTER_ABBREVIATIONS))
_WORD_HEAD = re.compile(rf"(?<!\S)[A-Za-z\u0130\u0131\u017f\u212a]{{1,{_LONGEST}}}")


def _word_starts(text: str) -> dict[str, list[str]]:
    r"""The letters-only abbreviations that open a word, with their spellings in text order.

    For a letters-only ``abbr``, pysbd's ``(?:^|\s|\r|\n)abbr`` (ignoring case) matches
    exactly where a word (after the start or white space) opens with ``abbr`` in any case,
    and what it matches, stripped, is one of the spellings listed under ``abbr``.
    """
    starts: dict[str, list[str]] = {}
    for head in _WORD_HEAD.findall(text):
        folded = head.translate(_CASE_FOLD).lower()
        for k in range(1, len(head) + 1):
            key = folded[:k]
            if key not in _ABBREVIATION_PREFIXES:
                break
            if key in _LETTER_ABBREVIATIONS:
                spellings = starts.setdefault(key, [])
                if head[:k] not in spellings:
                    spellings.append(head[:k])
    return starts


class _AbbreviationReplacer(English.AbbreviationReplacer):  # type: ignore[misc, name-defined]
    """pysbd 0.3.4's English abbreviation pass, without its wasted regex passes."""

    def search_for_abbreviations_in_string(self, text: str) -> str:
        lowered = text.lower()
        starts = _word_starts(text)
        braces = "{" in text
        for stripped, letters_only in _ABBREVIATIONS:
            if letters_only and not braces:
                # pysbd substitutes once per match, but only the spelling matters and
                # repeating a substitution changes nothing (it only turns "." into "∯").
                if stripped in starts and stripped in lowered:
                    for written in starts[stripped]:
                        if f"{written}." in text:  # each substitution needs "abbr."
                            text = self.scan_for_replacements(text, written, 0, [])
                continue
            if stripped not in lowered:
                continue
            abbrev_match = re.findall(rf"(?:^|\s|\r|\n){stripped}", text, flags=re.IGNORECASE)
            if not abbrev_match:
                continue
            # pysbd's "{abbr} " look-behind is literal braces: it matches almost never.
            next_word_start = r"(?<={" + str(re.escape(stripped)) + "} ).{1}"
            char_array = re.findall(next_word_start, text)
            for ind, match in enumerate(abbrev_match):
                text = self.scan_for_replacements(text, match, ind, char_array)
        return text


class _English(English):  # type: ignore[misc, valid-type]
    AbbreviationReplacer = _AbbreviationReplacer


class _Segmenter(pysbd.Segmenter):  # type: ignore[misc]
    """pysbd's segmenter with the fast abbreviation pass and span lookup."""

    def sentences_with_char_spans(self, sentences: list[str]) -> list[TextSpan]:
        """Like pysbd's: the first occurrence of each sentence (plus trailing white space)
        ending after the previous one, found with ``str.find`` instead of a new regex."""
        text: str = self.original_text
        spans: list[TextSpan] = []
        prior_end = 0
        for sent in sentences:
            if not sent:
                return list(super().sentences_with_char_spans(sentences))
            pos = text.find(sent)
            while pos != -1:
                end = pos + len(sent)
                while end < len(text) and text[end].isspace():
                    end += 1
                if end > prior_end:
                    spans.append(TextSpan(text[pos:end], pos, end))
                    prior_end = end
                    break
                pos = text.find(sent, end)
        return spans


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    segmenter = _Segmenter(language="en", clean=False, char_span=True)
    segmenter.language_module = _English
    return segmenter


def split_sentences(paragraph: str) -> list[Sentence]:
    """Sentences of *paragraph*, stripped of surrounding white space, in order."""
    sentences: list[Sentence] = []
    for span in _segmenter().segment(paragraph):
        raw = paragraph[span.start : span.end]
        stripped = raw.strip()
        if not stripped:
            continue
        start = span.start + (len(raw) - len(raw.lstrip()))
        sentences.append(Sentence(stripped, start, start + len(stripped)))
    return sentences
