"""Read weekdays and relative phrases against the date they lean on.

News items count from their dateline ("late on Tuesday", "last week", "Last month");
narratives count from the nearest stated date ("the following night", "Less than 48
hours later", "two days earlier"). An offset that is not stated exactly is bounded, not
guessed ("a few days later" is up to two weeks later).
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from eventline.silver.date_model import (
    BOUNDED_PRECISION,
    DAY_PRECISION,
    MONTH_PRECISION,
    RANGE_PRECISION,
    YEAR_PRECISION,
    Anchor,
    DateError,
    DateInterval,
    month_interval,
)
from eventline.text.date_expressions import MONTH, WEEKDAY_NAMES

_MONTH_TOKEN = re.compile(MONTH)
_WEEKDAYS = {name.lower(): number for number, name in enumerate(WEEKDAY_NAMES)}
_WEEKDAY_TOKEN = re.compile("|".join(WEEKDAY_NAMES))
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_OFFSET = re.compile(
    r"^(?:(?P<bound>less|more)\s+than\s+)?(?P<count>\d+|[a-z]+(?:\s+few)?)\s+"
    r"(?P<unit>minute|hour|day|night|week|month|year)s?\s+(?P<way>later|earlier|ago|after|before)"
    r"(?:\s+the\s+.+)?$"
)
# "a few days later": up to twice the named unit, as days.
_VAGUE_SPAN = {"minute": 1, "hour": 1, "day": 14, "night": 14, "week": 28, "month": 62, "year": 731}
# The most days a unit can span, for "less than N <unit>s later".
_UNIT_DAYS = {"day": 1, "night": 1, "week": 7, "month": 31, "year": 366}
_SHORT = 2  # an anchor of at most two days ("the night of 7 to 8 March") can be shifted


def _month_of(reference: date, months: int) -> DateInterval:
    index = reference.year * 12 + reference.month - 1 + months
    start, end = month_interval(index // 12, index % 12 + 1)
    return DateInterval(start, end, MONTH_PRECISION)


def _week_of(reference: date, weeks: int) -> DateInterval:
    monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=weeks)
    return DateInterval(monday, monday + timedelta(days=6), RANGE_PRECISION)


def _year_of(year: int) -> DateInterval:
    return DateInterval(date(year, 1, 1), date(year, 12, 31), YEAR_PRECISION)


def _shift(base: DateInterval, days: int) -> DateInterval:
    if base.precision not in (DAY_PRECISION, RANGE_PRECISION) or base.days > _SHORT:
        raise DateError("a day offset needs an anchor precise to the day")
    return DateInterval(base.start + timedelta(days), base.end + timedelta(days), base.precision)


def _short(base: DateInterval, text: str) -> DateInterval:
    if base.precision not in (DAY_PRECISION, RANGE_PRECISION) or base.days > _SHORT:
        raise DateError(f"{text!r} needs an anchor precise to the day or night")
    return base


def _calendar_unit(unit: str, reference: date, step: int) -> DateInterval:
    if unit == "week":
        return _week_of(reference, step)
    if unit == "month":
        return _month_of(reference, step)
    return _year_of(reference.year + step)


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def _offset(match: re.Match[str], base: DateInterval) -> DateInterval:
    """ "two days earlier", "Less than 48 hours later", "three weeks ago"."""
    unit, way, bound = match.group("unit"), match.group("way"), match.group("bound")
    sign = 1 if way in ("later", "after") else -1  # "after the attack": the one just told
    count = _count(match.group("count"))
    vague = count is None or match.group("count") in ("a", "an", "a few", "several")
    if unit in ("minute", "hour"):
        hours = (count or 1) / (60 if unit == "minute" else 1)
        near = 0 if bound == "less" or hours < 24 else math.floor(hours / 24)
        far = max(1, math.ceil(hours / 24))
        return _span(base, sign, near, far)
    if vague and not (count == 1 and unit in ("day", "night")):
        return _span(base, sign, 1, _VAGUE_SPAN[unit], BOUNDED_PRECISION)
    assert count is not None
    if bound == "less":  # "less than two weeks later": any day from the anchor to that far
        return _span(base, sign, 0, count * _UNIT_DAYS[unit])
    if unit in ("day", "night"):
        return _shift(base, sign * count)
    if unit == "week":
        return _span(base, sign, 7 * count - 3, 7 * count + 3, BOUNDED_PRECISION)
    if unit == "month":
        return _month_of(base.start, sign * count)
    return _year_of(base.start.year + sign * count)


def _span(
    base: DateInterval, sign: int, near: int, far: int, precision: str = RANGE_PRECISION
) -> DateInterval:
    """Days *near* to *far* after the base's end (or before its start)."""
    if sign > 0:
        start, end = (
            base.start if near == 0 else base.end + timedelta(near),
            base.end + timedelta(far),
        )
    else:
        start, end = (
            base.start - timedelta(far),
            base.end if near == 0 else base.start - timedelta(near),
        )
    if start == end:
        precision = DAY_PRECISION
    return DateInterval(start, end, precision)


def _same_or_next(lowered: str, base: DateInterval, text: str) -> DateInterval | None:
    if re.search(r"\b(?:following|next)\s+(?:day|morning|night|evening|afternoon)\b", lowered):
        return _shift(base, 1)
    if re.search(r"\bprevious\s+(?:day|night|morning|evening|afternoon)\b", lowered):
        return _shift(base, -1)
    unit = re.search(r"\b(?:following|next|previous)\s+(week|month|year)\b", lowered)
    if unit:
        step = -1 if "previous" in lowered else 1
        return _calendar_unit(unit.group(1), base.start if step < 0 else base.end, step)
    if re.search(
        r"\b(?:(?:later|earlier)\s+)?(?:that|the)\s+(?:same\s+)?(?:day|morning|evening|night"
        r"|afternoon)\b|\bovernight\b",
        lowered,
    ):
        return _short(base, text)
    return None


def _month_or_year(lowered: str, base: DateInterval, text: str) -> DateInterval | None:
    if re.search(r"\b(?:later|earlier)?\s*that\s+(?:same\s+)?month\b", lowered):
        month_start, month_end = month_interval(base.start.year, base.start.month)
        if lowered.startswith("later"):
            return DateInterval(base.start, month_end, RANGE_PRECISION)
        if lowered.startswith("earlier"):
            return DateInterval(month_start, base.end, RANGE_PRECISION)
        return DateInterval(month_start, month_end, MONTH_PRECISION)
    if re.search(r"\bthat\s+(?:same\s+)?week\b", lowered):
        return _week_of(base.start, 0)
    if re.search(r"\bthat\s+(?:same\s+)?year\b", lowered):
        return _year_of(base.start.year)
    return None


def relative_interval(
    text: str, anchor: Anchor | None, dateline: DateInterval | None
) -> DateInterval:
    """The interval a relative phrase stands for, read against the anchor (or dateline)."""
    lowered = " ".join(text.lower().split())
    calendar_unit = re.fullmatch(r"(last|this|next) (week|month|year)", lowered)
    counted = _OFFSET.match(lowered)
    reference = anchor.interval if anchor else None
    if calendar_unit or (counted and counted.group("way") == "ago"):
        reference = dateline or reference  # counted from the day the item was written
    if reference is None:
        raise DateError(f"relative date with nothing to anchor it: {text!r}")
    months = _MONTH_TOKEN.findall(text)
    if months:  # "That January", "the same June"; "the previous November" is before it
        month = _month_of_token(months[0])
        year = reference.start.year
        if re.search(r"\b(?:previous|preceding)\b", lowered) and month >= reference.start.month:
            year -= 1
        elif re.search(r"\b(?:following|next)\b", lowered) and month <= reference.end.month:
            year += 1
        start, end = month_interval(year, month)
        return DateInterval(start, end, MONTH_PRECISION)
    if calendar_unit:
        step = {"last": -1, "this": 0, "next": 1}[calendar_unit.group(1)]
        return _calendar_unit(calendar_unit.group(2), reference.end, step)
    if counted:
        return _offset(counted, reference)
    if lowered == "hours later":
        return _span(reference, 1, 0, 1)
    found = _same_or_next(lowered, reference, text) or _month_or_year(lowered, reference, text)
    if found is None:
        raise DateError(f"relative date not understood: {text!r}")
    return found


def _month_of_token(token: str) -> int:
    return [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
    ].index(token.rstrip(".")[:3].lower()) + 1


def _latest(weekday: int, reference: date, strictly_before: bool) -> date:
    """The latest day with *weekday* on or before *reference* (before it, for "last")."""
    back = (reference.weekday() - weekday) % 7
    if strictly_before and back == 0:
        back = 7
    return reference - timedelta(days=back)


def _nearest(weekday: int, reference: date, strictly_before: bool) -> date:
    """The day with *weekday* nearest *reference* (within three days; earlier on ties)."""
    if strictly_before:
        return _latest(weekday, reference, True)
    back = (reference.weekday() - weekday) % 7
    return reference - timedelta(days=back) if back <= 3 else reference + timedelta(days=7 - back)


def weekday_interval(
    text: str, anchor: Anchor | None, dateline: DateInterval | None
) -> DateInterval:
    """A weekday ("late on Tuesday", "last Thursday's", "the night of Wednesday to Thursday")
    read against the item's dateline (the latest such day on or before it), else the
    nearest stated date."""
    names = [_WEEKDAYS[name.lower()] for name in _WEEKDAY_TOKEN.findall(text)]
    if not names:
        raise DateError(f"weekday not understood: {text!r}")
    lowered = text.lower()
    strictly_before = lowered.startswith("last ")
    if dateline is not None:
        day = _latest(names[0], dateline.end, strictly_before)
    elif anchor is not None and anchor.interval.days <= 7:
        day = _nearest(names[0], anchor.interval.start, strictly_before)
    else:
        raise DateError(f"weekday with no dateline or stated date to read it against: {text!r}")
    if len(names) > 1:  # "the night of Wednesday to Thursday"
        if names[1] != (names[0] + 1) % 7:
            raise DateError(f"a night that does not join two consecutive days: {text!r}")
        return DateInterval(day, day + timedelta(days=1), RANGE_PRECISION)
    if re.search(r"\b(?:around|about)\s+midnight\b", lowered):
        return DateInterval(day, day + timedelta(days=1), RANGE_PRECISION)
    return DateInterval(day, day, DAY_PRECISION)
