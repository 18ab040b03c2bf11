"""Recognise the dateline that opens a wire or news item: "LOMÉ, Nov. 10, 2021 (AFP) - ".

The dateline says where and when the item was filed; it is not event text. Bronze keeps it
as written beside the item's records (silver reads weekdays and "last week" against it)
and keeps it out of the records' text, so the filing city is not taken for the place of
the event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventline.text.date_expressions import find_date_expressions

# An upper-case place (one to four words, accents and apostrophes allowed), an optional
# region or country, then a comma and the date.
_PLACE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+(?:\s+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+){0,3})"
    r"(?:,\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})?,\s+"
)
_TAIL = re.compile(r"\s*(?:\([^()\n]{1,60}\)\s*)?[-–—]+\s+")
_DATELINE_KINDS = frozenset(
    {"full_date", "month_day", "iso_date", "numeric_date", "weekday", "month_year"}
)


@dataclass(frozen=True)
class Dateline:
    """A dateline as written, its date expression, and where the item's text starts."""

    text: str
    date_text: str
    end: int


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of *text*, if there is one."""
    place = _PLACE.match(text)
    if place is None or sum(c.isalpha() for c in place.group("place")) < 3:
        return None
    expressions = find_date_expressions(text[place.end() : place.end() + 40])
    if not expressions or expressions[0].start != 0 or expressions[0].kind not in _DATELINE_KINDS:
        return None
    date_end = place.end() + expressions[0].end
    tail = _TAIL.match(text, date_end)
    if tail is None:
        return None
    return Dateline(text[: tail.end()].rstrip(), expressions[0].text, tail.end())


def starts_with_dateline(line: str) -> bool:
    """Whether a line opens a new item with a dateline (cheap test first)."""
    return _PLACE.match(line) is not None and find_dateline(line) is not None
