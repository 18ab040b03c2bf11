"""Turn date expressions into intervals that state their uncertainty.

Every date is an interval ``[start, end]`` with a precision, never a fabricated point
(as in UCDP's GED): "June 2017" is June 1-30, an undated bullet is bounded by its
dated neighbours. Year-less expressions inherit the year of an anchor, which is
recorded. Impossible dates and reversed ranges raise :class:`DateError` so that
the record is quarantined instead of guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from eventline.text.date_expressions import MONTH, DateExpression, find_date_expressions

DAY_PRECISION = "day"
RANGE_PRECISION = "range"
MONTH_PRECISION = "month"
YEAR_PRECISION = "year"
BOUNDED_PRECISION = "bounded"
PRECISIONS = (DAY_PRECISION, RANGE_PRECISION, MONTH_PRECISION, YEAR_PRECISION, BOUNDED_PRECISION)

_MONTH_TOKEN = re.compile(MONTH)
_YEAR_TOKEN = re.compile(r"(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)")
_DAY_TOKEN = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)")
_MONTH_NUMBERS = {
    name[:3].lower(): number for number, name in enumerate(calendar.month_name) if name
}
# How precise each expression kind is, most precise first: the record's date is taken
# from its most precise expression ("Ahead of the November 2022 end …, on September 26, 2021").
_KIND_RANK = {
    "full_date": 0,
    "date_range": 1,
    "month_day": 2,
    "month_day_range": 3,
    "month_year": 4,
    "month_range": 5,
    "month": 6,
    "year": 7,
    "relative": 8,
}
_NEEDS_YEAR = frozenset({"month_day", "month_day_range", "month"})


class DateError(ValueError):
    """A date that cannot be true or cannot be resolved: the record goes to quarantine."""


@dataclass(frozen=True)
class DateInterval:
    """An inclusive interval of days with its precision."""

    start: date
    end: date
    precision: str


@dataclass(frozen=True)
class Anchor:
    """A resolved date that later year-less expressions inherit from."""

    interval: DateInterval
    text: str
    record_id: str | None = None

    def describe(self) -> str:
        return f"{self.text} ({self.record_id})" if self.record_id else self.text


@dataclass(frozen=True)
class ResolvedDate:
    """A record's date: the interval, how it was decided, and what it leaned on."""

    interval: DateInterval
    method: str
    anchor: str | None
    imputed: bool
    expression: str


def _month(token: str) -> int:
    return _MONTH_NUMBERS[token.rstrip(".")[:3].lower()]


def _day(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(f"impossible date: {text!r}") from None


def _month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _interval(start: date, end: date, precision: str, text: str) -> DateInterval:
    if end < start:
        raise DateError(f"reversed date range: {text!r}")
    if start == end and precision == RANGE_PRECISION:
        precision = DAY_PRECISION
    return DateInterval(start, end, precision)


def _relative(text: str, anchor: Anchor | None) -> DateInterval:
    if anchor is None:
        raise DateError(f"relative date with nothing to anchor it: {text!r}")
    lowered = " ".join(text.lower().split())
    base = anchor.interval
    months = _MONTH_TOKEN.findall(text)
    if months:  # "That January", "the same June"
        start, end = _month_interval(base.start.year, _month(months[0]))
        return DateInterval(start, end, MONTH_PRECISION)
    if re.search(r"\b(?:following|next)\s+(?:day|morning|night|evening)\b", lowered):
        return _shift(base, 1)
    if re.search(r"\bprevious\s+(?:day|night)\b", lowered):
        return _shift(base, -1)
    if re.search(r"\bsame\s+(?:day|morning|evening|night)\b|\bthat\s+(?:day|night)\b", lowered):
        return base
    if re.search(
        r"\b(?:later|earlier)\s+that\s+(?:same\s+)?(?:day|morning|evening|night)\b", lowered
    ):
        return base
    if re.search(r"\b(?:later|earlier)?\s*that\s+(?:same\s+)?month\b", lowered):
        month_start, month_end = _month_interval(base.start.year, base.start.month)
        if lowered.startswith("later"):
            return _interval(base.start, month_end, RANGE_PRECISION, text)
        if lowered.startswith("earlier"):
            return _interval(month_start, base.end, RANGE_PRECISION, text)
        return DateInterval(month_start, month_end, MONTH_PRECISION)
    if re.search(r"\bthat\s+(?:same\s+)?year\b", lowered):
        return DateInterval(date(base.start.year, 1, 1), date(base.start.year, 12, 31), "year")
    offset = re.search(r"\ba\s+(?:few\s+)?(day|week|month|year)s?\s+(later|earlier)\b", lowered)
    if offset:
        # An unstated offset is bounded, not guessed: up to twice the named unit.
        span = {"day": 14, "week": 28, "month": 62, "year": 731}[offset.group(1)]
        if offset.group(2) == "later":
            return DateInterval(base.end + timedelta(days=1), base.end + timedelta(span), "bounded")
        return DateInterval(base.start - timedelta(span), base.start - timedelta(1), "bounded")
    raise DateError(f"relative date not understood: {text!r}")


def _shift(base: DateInterval, days: int) -> DateInterval:
    if base.precision != DAY_PRECISION:
        raise DateError("a day offset needs an anchor precise to the day")
    return DateInterval(base.start + timedelta(days), base.end + timedelta(days), DAY_PRECISION)


def parse_expression(expression: DateExpression, anchor: Anchor | None = None) -> DateInterval:
    """The interval an expression stands for; year-less ones take the anchor's year."""
    text, kind = expression.text, expression.kind
    if kind == "relative":
        return _relative(text, anchor)
    months = [_month(token) for token in _MONTH_TOKEN.findall(text)]
    years = [int(token) for token in _YEAR_TOKEN.findall(text)]
    stripped = _YEAR_TOKEN.sub(" ", text)
    days = [int(token) for token in _DAY_TOKEN.findall(stripped)]
    if kind in _NEEDS_YEAR:
        if anchor is None:
            raise DateError(f"year-less date with no full date before it: {text!r}")
        years = [anchor.interval.start.year]
    if kind == "full_date":
        day = _day(years[0], months[0], days[0], text)
        return DateInterval(day, day, DAY_PRECISION)
    if kind == "month_day":
        day = _day(years[0], months[0], days[0], text)
        return DateInterval(day, day, DAY_PRECISION)
    if kind in ("date_range", "month_day_range"):
        first_year, last_year = years[0], years[-1]
        first_month, last_month = months[0], months[-1]
        start = _day(first_year, first_month, days[0], text)
        end = _day(last_year, last_month, days[-1], text)
        return _interval(start, end, RANGE_PRECISION, text)
    if kind == "month_year":
        start, end = _month_interval(years[0], months[0])
        return DateInterval(start, end, MONTH_PRECISION)
    if kind == "month_range":
        start = _month_interval(years[0], months[0])[0]
        end = _month_interval(years[-1], months[-1])[1]
        return _interval(start, end, RANGE_PRECISION, text)
    if kind == "month":
        start, end = _month_interval(years[0], months[0])
        return DateInterval(start, end, MONTH_PRECISION)
    if kind == "year":
        return DateInterval(date(years[0], 1, 1), date(years[0], 12, 31), YEAR_PRECISION)
    raise DateError(f"unknown date expression kind {kind!r}")


def primary_expression(expressions: list[DateExpression]) -> DateExpression | None:
    """The most precise expression of a record (first one on ties)."""
    if not expressions:
        return None
    return min(expressions, key=lambda e: (_KIND_RANK[e.kind], e.start))


def resolve(expression: DateExpression, anchor: Anchor | None) -> ResolvedDate:
    """Resolve one expression, saying whether it leaned on the anchor."""
    interval = parse_expression(expression, anchor)
    leaned = expression.kind in _NEEDS_YEAR or expression.kind == "relative"
    return ResolvedDate(
        interval=interval,
        method="inherited"
        if leaned
        else ("range" if interval.precision == "range" else "explicit"),
        anchor=anchor.describe() if leaned and anchor else None,
        imputed=leaned,
        expression=expression.text,
    )


def anchor_from_text(
    text: str, record_id: str | None = None, current: Anchor | None = None
) -> Anchor | None:
    """The anchor after reading *text*: its last full date, else its last dated expression.

    A coarser expression ("in September 2023") does not replace a full-date anchor: readers
    resolve "On October 29," against the nearest preceding *full* date.
    """
    full: Anchor | None = None
    coarse: Anchor | None = None
    for expression in find_date_expressions(text):
        if expression.kind in _NEEDS_YEAR or expression.kind == "relative":
            continue
        try:
            anchor = Anchor(parse_expression(expression), expression.text, record_id)
        except DateError:
            continue
        if expression.kind in ("full_date", "date_range"):
            full = anchor
        else:
            coarse = anchor
    if full is not None:
        return full
    if current is not None and current.interval.precision in (DAY_PRECISION, RANGE_PRECISION):
        return current
    return coarse or current


def section_anchor(section: str | None) -> Anchor | None:
    """The year a heading gives its bullets ("2021 Terrorist Incidents"), if it names one."""
    if not section:
        return None
    anchor = anchor_from_text(section)
    if anchor is not None:
        return Anchor(anchor.interval, section)
    years = _YEAR_TOKEN.findall(section)
    if len(years) != 1:
        return None
    year = int(years[0])
    return Anchor(DateInterval(date(year, 1, 1), date(year, 12, 31), YEAR_PRECISION), section)


def bounded_by_neighbours(newer: DateInterval | None, older: DateInterval | None) -> DateInterval:
    """The interval of an undated bullet between its dated neighbours in a timeline."""
    if newer is None or older is None:
        raise DateError("undated bullet at the edge of its list: only one dated neighbour")
    start, end = min(older.start, newer.start), max(older.end, newer.end)
    return DateInterval(start, end, BOUNDED_PRECISION)
