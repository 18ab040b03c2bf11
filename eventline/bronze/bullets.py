"""Split a timeline bullet into its date label, its body and its citation.

Labels come in three shapes: bold (``- **March 27, 2022 - March 31, 2022:** text``),
plain (``- March 27, 2022: text``) and inline (``• On January 2, terrorists …``,
where the date is part of the sentence). PDF extraction sometimes loses the label
and leaves ``- - : text`` or just ``- text``: such bullets keep an empty label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventline.bronze.page_artifacts import BULLET_MARKERS
from eventline.text.citations import find_trailing_citation
from eventline.text.date_expressions import find_date_expressions, leading_date_expression

_MARKER = re.compile(rf"^\s*[{re.escape(BULLET_MARKERS)}]\s+")
_BOLD_LABEL = re.compile(r"^\*\*(?P<label>[^*]*?)\s*:?\s*\*\*\s*:?\s*")
_LOST_LABEL = re.compile(rf"^[{re.escape(BULLET_MARKERS)}]?\s*:\s+")
_PLAIN_LABEL_END = re.compile(r"^\s*[:–—-]\s+")
# A label in a notation the date finder does not read ("2021/06/15:", "Q3 2021:", "Week
# 23:"): short, with a digit, no sentence words. Kept as the label so that silver says the
# label was not understood, instead of treating the bullet as undated.
_UNREAD_LABEL = re.compile(r"^(?P<label>(?=[^:]*\d)[^\s:][^:]{0,19}?)\s*:\s+(?=\S)")
_SENTENCE_WORD = re.compile(r"\b[a-z]{4,}\b")

LABEL_BOLD = "bold"
LABEL_PLAIN = "plain"
LABEL_INLINE = "inline"
LABEL_LOST = "lost"
LABEL_MISSING = "missing"


@dataclass(frozen=True)
class ParsedBullet:
    """A bullet's parts; ``date_text`` is empty when the label was lost. ``body_start`` is
    where the body starts in the parsed text."""

    date_text: str
    label_form: str
    body: str
    citation_text: str | None
    sources: tuple[str, ...]
    body_start: int = 0


def _plain_label(text: str) -> tuple[str, str] | None:
    """``March 27, 2022: text`` → (label, rest) when a whole date expression leads."""
    expressions = find_date_expressions(text[:80])
    if not expressions or expressions[0].start != 0 or expressions[0].kind == "relative":
        return None
    first = expressions[0]
    tail = _PLAIN_LABEL_END.match(text[first.end :])
    if tail is None:
        return None
    return first.text, text[first.end + tail.end() :]


def parse_bullet(text: str) -> ParsedBullet:
    """Parse a bullet's reassembled text (marker included, as written)."""
    parsed = _parse(text)
    rest = _MARKER.sub("", text, count=1)
    offset = len(text) - len(rest)
    return ParsedBullet(
        parsed.date_text,
        parsed.label_form,
        parsed.body,
        parsed.citation_text,
        parsed.sources,
        offset + parsed.body_start,
    )


def _parse(text: str) -> ParsedBullet:
    rest = _MARKER.sub("", text, count=1)
    citation = find_trailing_citation(rest)
    if citation is not None:
        rest, citation_text, sources = (
            rest[: citation.start].rstrip(),
            citation.text,
            citation.names,
        )
    else:
        citation_text, sources = None, ()
    bold = _BOLD_LABEL.match(rest)
    if bold is not None:
        label = bold.group("label").strip()
        form = LABEL_BOLD if label else LABEL_LOST
        body = rest[bold.end() :]
        return ParsedBullet(label, form, body, citation_text, sources, bold.end())
    lost = _LOST_LABEL.match(rest)
    if lost is not None:
        body = rest[lost.end() :]
        return ParsedBullet("", LABEL_LOST, body, citation_text, sources, lost.end())
    plain = _plain_label(rest)
    if plain is not None:
        label, body = plain
        start = len(rest) - len(body)
        return ParsedBullet(label, LABEL_PLAIN, body, citation_text, sources, start)
    inline = leading_date_expression(rest)
    if inline is not None:
        return ParsedBullet(inline.text, LABEL_INLINE, rest, citation_text, sources)
    unread = _UNREAD_LABEL.match(rest)
    if unread is not None and not _SENTENCE_WORD.search(unread.group("label")):
        label = unread.group("label").strip()
        return ParsedBullet(
            label, LABEL_PLAIN, rest[unread.end() :], citation_text, sources, unread.end()
        )
    return ParsedBullet("", LABEL_MISSING, rest, citation_text, sources)
