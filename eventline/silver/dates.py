"""Turn date expressions into intervals that state their uncertainty.

Every date is an interval ``[start, end]`` with a precision, never a fabricated point
(as in UCDP's GED): "June 2017" is June 1-30, an undated bullet is bounded by its
dated neighbours. Year-less expressions take their year from a :class:`YearRule`
(a heading, a dateline, a reporting period, an earlier date), weekdays and relative
phrases are read against the item's dateline or the nearest stated date, and the rule
used is recorded. Impossible, ambiguous and unanchored dates raise :class:`DateError`
so that the record is quarantined instead of guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from eventline.silver.date_model import (
    BOUNDED_PRECISION,
    DAY_PRECISION,
    MONTH_PRECISION,
    PRECISIONS,
    RANGE_PRECISION,
    YEAR_PRECISION,
    Anchor,
    DateError,
    DateInterval,
    month_interval,
    to_interval,
)
from eventline.silver.relative_dates import relative_interval, weekday_interval
from eventline.text.date_expressions import (
    ANAPHORIC_KINDS,
    MONTH,
    YEAR_LESS_KINDS,
    DateExpression,
    find_date_expressions,
)

__all__ = [
    "BOUNDED_PRECISION",
    "DAY_PRECISION",
    "MONTH_PRECISION",
    "PRECISIONS",
    "RANGE_PRECISION",
    "YEAR_PRECISION",
    "Anchor",
    "DateContext",
    "DateError",
    "DateInterval",
    "ResolvedDate",
    "YearRule",
    "anchor_from_text",
    "bounded_by_neighbours",
    "kind_rank",
    "needs_year",
    "parse_expression",
    "primary_expression",
    "resolve",
    "section_anchor",
]

_MONTH_TOKEN = re.compile(MONTH)
_YEAR_TOKEN = re.compile(r"(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)")
_DAY_TOKEN = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)")
_NUMERIC = re.compile(r"(\d{1,2})[-–]?(\d{1,2})?[/.-](\d{1,2})[/.-](\d{4})")
_MONTH_NUMBERS = {
    name[:3].lower(): number for number, name in enumerate(calendar.month_name) if name
}
_WEEK_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3}
_APPROXIMATE = re.compile(
    r"\b(?:around|about|approximately|circa|roughly|some\s*time\s+around)\s*$", re.IGNORECASE
)
# How precise each expression kind is, most precise first: the record's date is taken
# from its most precise expression ("Ahead of the November 2022 end …, on September 26, 2021").
_KIND_RANK = {
    "full_date": 0,
    "iso_date": 0,
    "numeric_date": 0,
    "date_range": 1,
    "numeric_range": 1,
    "day_list": 1,
    "month_day": 2,
    "month_day_range": 3,
    # "on Sunday, March 3": the stated day wins over the weekday read against a dateline
    "weekday": 4,
    "weekday_range": 4,
    "week": 5,
    "month_year": 5,
    "month_range": 6,
    "month": 7,
    "year": 8,
    "year_range": 8,
    "relative": 9,
}
# A month and a day a year-less expression names fall this far before the anchor of a
# running text at most; farther, the text has moved into the next year ("December 31, 2013
# … On January 2, …").
_WRAP_DAYS = 270
# A dateline's year-less date may name a day this far after the dateline (a planned event).
_FUTURE_DAYS = 31


@dataclass(frozen=True)
class YearRule:
    """Where year-less expressions take their year, and how.

    ``same``: the reference's year (the next one when the date would fall far before it, as
    running text moves forward); ``nearest``: the year that puts the date nearest the
    reference (a month heading, a reporting period); ``past``: the latest year that puts it
    on or shortly after the reference (a news item's dateline reports what happened).
    """

    reference: DateInterval
    mode: str
    source: str

    def year_for(self, month: int, day: int | None = None) -> int:
        year = self.reference.start.year
        candidates = [year - 1, year, year + 1]
        if self.mode == "past":
            limit = self.reference.end + timedelta(days=_FUTURE_DAYS)
            return next(y for y in (year, year - 1) if _first_day(y, month, day) <= limit)
        if self.mode == "same":
            start = _first_day(year, month, day)
            gap = (self.reference.start - start).days
            return year + 1 if gap > _WRAP_DAYS else year
        return min(candidates, key=lambda y: (self._distance(y, month, day), abs(y - year)))

    def _distance(self, year: int, month: int, day: int | None) -> int:
        start = _first_day(year, month, day)
        end = start if day is not None else month_interval(year, month)[1]
        if end < self.reference.start:
            return (self.reference.start - end).days
        if start > self.reference.end:
            return (start - self.reference.end).days
        return 0


@dataclass(frozen=True)
class DateContext:
    """What a year-less, weekday or relative expression is read against.

    ``anchor`` is the nearest stated date (relative phrases), ``year`` gives year-less dates
    their year, ``dateline`` is the news item's own date (weekdays, "last week"), and
    ``numeric_order`` says how the document writes numeric dates ("dmy" or "mdy").
    """

    anchor: Anchor | None = None
    year: YearRule | None = None
    dateline: DateInterval | None = None
    numeric_order: str | None = None
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ResolvedDate:
    """A record's date: the interval, how it was decided, and what it leaned on."""

    interval: DateInterval
    method: str
    anchor: str | None
    imputed: bool
    expression: str
    approximate: bool = False


def _first_day(year: int, month: int, day: int | None) -> date:
    if day is None:
        return date(year, month, 1)
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _month(token: str) -> int:
    return _MONTH_NUMBERS[token.rstrip(".")[:3].lower()]


def _day(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(f"impossible date: {text!r}") from None


def _tokens(text: str) -> tuple[list[int], list[int], list[int]]:
    """(months, years, days) written in an expression, in order."""
    months = [_month(token) for token in _MONTH_TOKEN.findall(text)]
    years = [int(token) for token in _YEAR_TOKEN.findall(text)]
    days = [int(token) for token in _DAY_TOKEN.findall(_YEAR_TOKEN.sub(" ", text))]
    return months, years, days


def _year_less_year(text: str, months: list[int], days: list[int], context: DateContext) -> int:
    if context.year is None:
        raise DateError(f"year-less date with no year to take it from: {text!r}")
    return context.year.year_for(months[0], days[0] if days else None)


def _numeric(text: str, order: str | None) -> DateInterval:
    """A numeric date ("15/06/2021", "25-26/04/2022") read in the document's order."""
    match = _NUMERIC.search(text)
    if match is None:
        raise DateError(f"numeric date not understood: {text!r}")
    first, second, third, year = match.groups()
    a, b = int(first), int(third)
    last_day = int(second) if second else None
    if last_day is not None:  # "25-26/04/2022": days then month
        start, end = _day(int(year), b, a, text), _day(int(year), b, last_day, text)
        return to_interval(start, end, RANGE_PRECISION, text)
    fits = {"dmy": a <= 31 and b <= 12, "mdy": a <= 12 and b <= 31}
    if order is None:
        if a == b or (fits["dmy"] != fits["mdy"]):
            order = "dmy" if fits["dmy"] else "mdy"
        else:
            raise DateError(
                f"ambiguous numeric date {text!r}: day/month or month/day, and the document"
                " states no convention and has no unambiguous numeric date"
            )
    if not fits[order]:
        name = "day/month/year" if order == "dmy" else "month/day/year"
        raise DateError(f"numeric date {text!r} does not fit the document's {name} order")
    day, month = (a, b) if order == "dmy" else (b, a)
    point = _day(int(year), month, day, text)
    return DateInterval(point, point, DAY_PRECISION)


def _week(text: str, context: DateContext) -> DateInterval:
    """ "the first week of August": days 1-7 (the last week: the month's last seven days)."""
    months, years, _ = _tokens(text)
    year = years[0] if years else _year_less_year(text, months, [], context)
    first, last = month_interval(year, months[0])
    ordinal = next((v for k, v in _WEEK_ORDINALS.items() if k in text.lower()), None)
    if ordinal is None:  # last / final week
        return DateInterval(last - timedelta(days=6), last, RANGE_PRECISION)
    start = first + timedelta(days=7 * ordinal)
    return DateInterval(start, min(start + timedelta(days=6), last), RANGE_PRECISION)


def needs_year(expression: DateExpression) -> bool:
    """Whether the expression takes its year from the context ("On 14 August", "the first
    week of July"; not "On March 2, 5, and 9, 2021")."""
    kinds = (*YEAR_LESS_KINDS, "week")
    return expression.kind in kinds and not _YEAR_TOKEN.search(expression.text)


def _explicit(expression: DateExpression, context: DateContext) -> DateInterval:
    text, kind = expression.text, expression.kind
    months, years, days = _tokens(text)
    if needs_year(expression) and kind != "week":
        years = [_year_less_year(text, months, days, context)]
    if kind in ("full_date", "month_day"):
        point = _day(years[0], months[0], days[0], text)
        return DateInterval(point, point, DAY_PRECISION)
    if kind in ("date_range", "month_day_range", "day_list"):
        start = _day(years[0], months[0], days[0], text)
        end = _day(years[-1], months[-1], days[-1], text)
        if end < start and kind != "date_range" and len(years) == 1:
            end = _day(years[0] + 1, months[-1], days[-1], text)  # "December 30 to January 2"
        return to_interval(start, end, RANGE_PRECISION, text)
    if kind in ("month_year", "month"):
        start, end = month_interval(years[0], months[0])
        return DateInterval(start, end, MONTH_PRECISION)
    if kind == "month_range":
        start = month_interval(years[0], months[0])[0]
        end = month_interval(years[-1], months[-1])[1]
        return to_interval(start, end, RANGE_PRECISION, text)
    if kind == "year":
        return DateInterval(date(years[0], 1, 1), date(years[0], 12, 31), YEAR_PRECISION)
    if kind == "year_range":
        return to_interval(date(years[0], 1, 1), date(years[-1], 12, 31), RANGE_PRECISION, text)
    if kind == "iso_date":
        year, month, day = (int(part) for part in text.split("-"))
        point = _day(year, month, day, text)
        return DateInterval(point, point, DAY_PRECISION)
    if kind in ("numeric_date", "numeric_range"):
        return _numeric(text, context.numeric_order)
    if kind == "week":
        return _week(text, context)
    raise DateError(f"unknown date expression kind {kind!r}")


def parse_expression(
    expression: DateExpression, anchor: Anchor | None = None, context: DateContext | None = None
) -> DateInterval:
    """The interval an expression stands for.

    Without a *context*, year-less expressions take the *anchor*'s year and relative ones
    are read against it (the rule of a paragraph's running text).
    """
    if context is None:
        context = context_of(anchor)
    if expression.kind == "relative":
        return relative_interval(expression.text, context.anchor, context.dateline)
    if expression.kind in ("weekday", "weekday_range"):
        return weekday_interval(expression.text, context.anchor, context.dateline)
    return _explicit(expression, context)


def context_of(anchor: Anchor | None) -> DateContext:
    """The context of running text: year-less dates take the anchor's year."""
    rule = YearRule(anchor.interval, "same", anchor.describe()) if anchor else None
    return DateContext(anchor=anchor, year=rule)


def kind_rank(kind: str) -> int:
    """How precise an expression kind is (0 = most precise)."""
    return _KIND_RANK[kind]


def primary_expression(expressions: list[DateExpression]) -> DateExpression | None:
    """The most precise expression of a record (first one on ties)."""
    if not expressions:
        return None
    return min(expressions, key=lambda e: (_KIND_RANK[e.kind], e.start))


def _leaned_on(expression: DateExpression, context: DateContext) -> str | None:
    if needs_year(expression):
        return context.year.source if context.year else None
    if expression.kind in ANAPHORIC_KINDS:
        if context.dateline is not None and expression.kind != "relative":
            return f"dateline {context.dateline.start.isoformat()}"
        if context.anchor is not None:
            return context.anchor.describe()
        return f"dateline {context.dateline.start.isoformat()}" if context.dateline else None
    return None


def resolve(
    expression: DateExpression,
    anchor: Anchor | None = None,
    context: DateContext | None = None,
    before: str = "",
) -> ResolvedDate:
    """Resolve one expression, saying what it leaned on; *before* is the text just before it
    (an "Around" there makes the date approximate)."""
    if context is None:
        context = context_of(anchor)
    interval = parse_expression(expression, context=context)
    leaned = _leaned_on(expression, context)
    imputed = needs_year(expression) or expression.kind in ANAPHORIC_KINDS
    if imputed:
        method = "inherited"
    else:
        method = "range" if interval.precision == RANGE_PRECISION else "explicit"
    return ResolvedDate(
        interval=interval,
        method=method,
        anchor=leaned if imputed else None,
        imputed=imputed,
        expression=expression.text,
        approximate=bool(_APPROXIMATE.search(before[-40:])),
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
        if needs_year(expression) or expression.kind in ANAPHORIC_KINDS:
            continue
        if expression.kind in ("numeric_date", "numeric_range"):
            continue
        try:
            anchor = Anchor(parse_expression(expression), expression.text, record_id)
        except DateError:
            continue
        if expression.kind in ("full_date", "date_range", "iso_date", "day_list"):
            full = anchor
        else:
            coarse = anchor
    if full is not None:
        return full
    if current is not None and current.interval.precision in (DAY_PRECISION, RANGE_PRECISION):
        return current
    return coarse or current


def section_anchor(section: str | None) -> Anchor | None:
    """The year or month a heading gives its section ("2021 Terrorist Incidents",
    "August 2019"), if it names one."""
    if not section:
        return None
    anchor = anchor_from_text(section)
    if anchor is not None:
        return Anchor(anchor.interval, section)
    years = _YEAR_TOKEN.findall(section)
    if len(set(years)) != 1:
        return None
    year = int(years[0])
    return Anchor(DateInterval(date(year, 1, 1), date(year, 12, 31), YEAR_PRECISION), section)


def bounded_by_neighbours(newer: DateInterval | None, older: DateInterval | None) -> DateInterval:
    """The interval of an undated bullet between its dated neighbours in a timeline."""
    if newer is None or older is None:
        raise DateError(
            "undated bullet at the edge of its list: it has no date label and only one dated"
            " neighbour to bound it"
        )
    start, end = min(older.start, newer.start), max(older.end, newer.end)
    return DateInterval(start, end, BOUNDED_PRECISION)
