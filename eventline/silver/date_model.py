"""The plain types every date module shares: intervals, precisions, anchors, errors."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

DAY_PRECISION = "day"
RANGE_PRECISION = "range"
MONTH_PRECISION = "month"
YEAR_PRECISION = "year"
BOUNDED_PRECISION = "bounded"
PRECISIONS = (DAY_PRECISION, RANGE_PRECISION, MONTH_PRECISION, YEAR_PRECISION, BOUNDED_PRECISION)


class DateError(ValueError):
    """A date that cannot be true or cannot be resolved: the record goes to quarantine."""


@dataclass(frozen=True)
class DateInterval:
    """An inclusive interval of days with its precision."""

    start: date
    end: date
    precision: str

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Anchor:
    """A resolved date that later year-less or relative expressions are read against."""

    interval: DateInterval
    text: str
    record_id: str | None = None

    def describe(self) -> str:
        return f"{self.text} ({self.record_id})" if self.record_id else self.text


def month_interval(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def to_interval(start: date, end: date, precision: str, text: str) -> DateInterval:
    """An interval from its ends; a reversed range is an error, a one-day range is a day."""
    if end < start:
        raise DateError(f"reversed date range: {text!r}")
    if start == end and precision == RANGE_PRECISION:
        precision = DAY_PRECISION
    return DateInterval(start, end, precision)
