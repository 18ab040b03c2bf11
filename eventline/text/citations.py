"""Split the trailing source citation off a paragraph or bullet.

Reports cite outlets as ``Source: [Reuters](#)`` or ``(Sources: [A](#), [B](#))``;
the names are data for silver and gold, the citation itself is not event text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventline.text.markup import LINK, LINK_LABEL, unescape_markdown

__all__ = ["Citation", "find_trailing_citation", "is_citation_line", "unescape_markdown"]

_NAME = LINK_LABEL
_LINKED_CITATION = re.compile(
    rf"\(?\b(?P<label>Sources?)\s*:\s*(?P<links>(?:\[{_NAME}\]\([^)\s]*\)\s*[,;]?\s*)+)\)?\s*$"
)
# "Source: Reuters, AFP" without links: only short, bracket-free tails count.
_PLAIN_CITATION = re.compile(r"\(?\b(?P<label>Sources?)\s*:\s*(?P<names>[^\[\]()]{1,200}?)\)?\s*$")
_CITATION_START = re.compile(r"^\(?\s*Sources?\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class Citation:
    """A trailing citation: its text as written, where it starts, and the outlet names."""

    text: str
    start: int
    names: tuple[str, ...]


def _search_from_label(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    r"""``pattern.search(text)`` for a pattern that starts with ``\(?\bSource``: only the
    places where "Source" is written are tried (the same leftmost match, without running the
    pattern at every character of a long block)."""
    at = text.find("Source")
    while at != -1:
        starts = (at - 1, at) if at and text[at - 1] == "(" else (at,)
        for start in starts:
            match = pattern.match(text, start)
            if match is not None:
                return match
        at = text.find("Source", at + 1)
    return None


def find_trailing_citation(text: str) -> Citation | None:
    """The citation that ends *text*, if it has one."""
    match = _search_from_label(_LINKED_CITATION, text)
    if match is not None:
        names = tuple(
            unescape_markdown(link.group("label")).strip()
            for link in LINK.finditer(match.group("links"))
        )
        return Citation(match.group().strip(), match.start(), names)
    match = _search_from_label(_PLAIN_CITATION, text)
    if match is not None and (match.start() == 0 or text[: match.start()].rstrip()[-1:] in ".!?)"):
        names = tuple(
            name.strip() for name in re.split(r"[,;]", match.group("names")) if name.strip()
        )
        if names:
            return Citation(match.group().strip(), match.start(), names)
    return None


def is_citation_line(line: str) -> bool:
    """A line that is nothing but a citation, e.g. a ``Source:`` wrapped onto its own line."""
    stripped = line.strip()
    return bool(_CITATION_START.match(stripped)) and find_trailing_citation(stripped) is not None
