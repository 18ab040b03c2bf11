r"""Markdown markup of report text: links, citation tails and bullet labels, in one place.

Reports cite outlets as Markdown links (``[Reuters](#)``), close paragraphs with
``Source: [..](#)`` tails and open timeline bullets with a bold date label
(``- **May 5, 2021:**``). Matchers must not read an outlet as a place, a count or an actor,
and must keep offsets into the text as written: so markup is *blanked* (replaced by spaces
of the same length) rather than removed, or its spans are reported.

Every pattern is bounded (a link label of at most 300 characters, a label of 80), and a link
label cannot hold an opening bracket (write it escaped, ``\[``), so that a stray bracket in a
5 MB line costs a look-ahead to the next bracket, never a scan to the end per bracket.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import reduce

_LABEL_MAX = 300
LINK_LABEL = rf"(?:[^\[\]\\\n]|\\.){{0,{_LABEL_MAX}}}"
_URL = r"[^)\s]{0,2000}"
# A Markdown link; ``label`` may hold backslash escapes ("[Sources\: AFP](#)"), not "[".
LINK = re.compile(rf"\[(?P<label>{LINK_LABEL})\]\((?P<url>{_URL})\)")
# Link markup around a label: every opening bracket, and the "](url)" after a label.
LINK_MARKUP = re.compile(rf"\[|\]\({_URL}\)")
# ``Source: [Reuters](#), [AFP](#)`` (links) or ``Source: Reuters`` (the rest of the line).
CITATION = re.compile(
    rf"\(?\bSources?\s*:\s*(?:(?:\[{LINK_LABEL}\]\({_URL}\)\s*[,;]?\s*)+\)?|[^\n]*)"
)
# The date label that opens a timeline bullet: "- **May 5, 2021:**", "• **June 2**:".
BULLET_LABEL = re.compile(r"(?m)^[ \t]*(?:[-•*][ \t]*)?(?:\*\*[^*\n]{0,80}?\*\*:?)?")
_ESCAPE = re.compile(r"\\(.)")


def link_label_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans of link labels ("France 24" in "[France 24](#)"), in order."""
    return [m.span("label") for m in LINK.finditer(text)] if "](" in text else []


def citation_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``Source(s):`` tails, in order: outlets cited there are not event facts."""
    return [m.span() for m in CITATION.finditer(text)] if "ource" in text else []


def strip_links(text: str) -> str:
    """``text`` with each link replaced by its label ("[Reuters](#)" -> "Reuters")."""
    return LINK.sub(r"\g<label>", text) if "](" in text else text


def blank(text: str, patterns: Iterable[re.Pattern[str]]) -> str:
    """``text`` with every match of each pattern (in turn) replaced by as many spaces."""
    return reduce(lambda t, p: p.sub(lambda m: " " * len(m.group()), t), patterns, text)


def unescape_markdown(text: str) -> str:
    r"""Drop Markdown backslash escapes (``\$5``, ``\(AQIM\)``) from a value."""
    return _ESCAPE.sub(r"\1", text)


def inside_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``offset`` falls in one of ``spans`` (sorted, non-overlapping)."""
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
