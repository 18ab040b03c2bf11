"""Recognise lines that PDF extraction adds and that are not content.

Repeated page headers, page numbers and bullet markers stranded on their own line
are classified as artifacts (never silently dropped) so that line accounting
stays complete and the text around them can be reassembled.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

BULLET_MARKERS = "-•*–▪◦·●"
_STRAY_MARKER = re.compile(rf"^[{re.escape(BULLET_MARKERS)}\s]+$")
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$",
    re.IGNORECASE,
)
_MAX_HEADER_LENGTH = 100
_MIN_HEADER_REPEATS = 3

RUNNING_HEADER = "running_header"
PAGE_NUMBER = "page_number"
STRAY_MARKER = "stray_marker"


def _is_isolated(lines: Sequence[str], index: int) -> bool:
    before = index == 0 or not lines[index - 1].strip()
    after = index == len(lines) - 1 or not lines[index + 1].strip()
    return before and after


def _beside_page_break(lines: Sequence[str], index: int) -> bool:
    """Right after a page number or a form feed (extractions that keep no blank lines)."""
    if "\f" in lines[index]:
        return True
    previous = lines[index - 1].strip() if index else ""
    number = _PAGE_NUMBER.match(previous) is not None and not _YEAR_ALONE.match(previous)
    return bool(previous) and (number or "\f" in lines[index - 1])


def detect_running_headers(lines: Sequence[str], title: str | None) -> frozenset[str]:
    """Short lines that stand alone (or right after a page number) and repeat: page headers
    and footers.

    A line counts when it repeats at least three times so, or twice when it is the
    document's title (a two-page report still repeats its title once).
    """
    counts: Counter[str] = Counter()
    for index, line in enumerate(lines):
        stripped = line.strip().replace("\f", "")
        if (
            stripped
            and len(stripped) <= _MAX_HEADER_LENGTH
            and not _STRAY_MARKER.match(stripped)
            and (_is_isolated(lines, index) or _beside_page_break(lines, index))
        ):
            counts[stripped] += 1
    return frozenset(
        text
        for text, count in counts.items()
        if count >= _MIN_HEADER_REPEATS or (count >= 2 and text == title)
    )


_YEAR_ALONE = re.compile(r"^(?:19|20)\d\d$")


def classify_artifact(stripped: str, running_headers: frozenset[str]) -> str | None:
    """The artifact kind of a non-blank, stripped line, or None for content (a year alone
    on its line, "2021", is a heading, not a page number)."""
    if _STRAY_MARKER.match(stripped):
        return STRAY_MARKER
    if stripped in running_headers:
        return RUNNING_HEADER
    if _PAGE_NUMBER.match(stripped) and not _YEAR_ALONE.match(stripped):
        return PAGE_NUMBER
    return None
