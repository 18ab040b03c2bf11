"""Tell hard-wrapped text (lines cut at a fixed width) from text with one line per unit.

Wire digests and UN reports are often wrapped at 80-100 characters with no blank line
between paragraphs; event notes and PDF extractions put each paragraph or note on one
long line. In wrapped text a line that ends a sentence may still go on with the next line
(the paragraph did not end there, the line was full); in the other kind it ends the unit.
"""

from __future__ import annotations

from collections.abc import Sequence

_LONG = 40  # lines shorter than this say nothing about the wrap width
_MIN_LONG_LINES = 3
_MAX_WIDTH = 160
_NEAR_SHARE = 0.8  # a wrapped line fills at least this share of the width …
_NEAR_LINES = 0.5  # … for at least this share of the long lines
_OVER_LINES = 0.1  # and at most this share of them run past the width
_SLACK = 3


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width a document is hard-wrapped at, or None when its lines are not wrapped."""
    long = sorted(len(line.rstrip()) for line in lines if len(line.strip()) >= _LONG)
    if len(long) < _MIN_LONG_LINES:
        return None
    width = long[int(0.9 * (len(long) - 1))]
    if width > _MAX_WIDTH:
        return None
    near = sum(1 for length in long if length >= _NEAR_SHARE * width)
    over = sum(1 for length in long if length > 1.1 * width)
    if near < _NEAR_LINES * len(long) or over > _OVER_LINES * len(long):
        return None
    return width


def fills_line(line: str, following: str, width: int) -> bool:
    """Whether *line* was cut because the next word would not fit in *width*."""
    words = following.split()
    first = len(words[0]) if words else 0
    return len(line.rstrip()) + 1 + first > width - _SLACK
