"""Split paragraphs into sentences with character spans.

pysbd is a rule-based splitter that knows abbreviations such as "U.S." and
"Sept." and needs no model download; character spans let each sentence be traced
back to the lines it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pysbd


@dataclass(frozen=True)
class Sentence:
    """A sentence as written and its [start, end) span in the paragraph."""

    text: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


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
