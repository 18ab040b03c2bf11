"""Weekdays and relative phrases, read against a dateline or the nearest stated date."""

from __future__ import annotations

from datetime import date

import pytest

from eventline.silver.date_model import Anchor, DateError, DateInterval
from eventline.silver.relative_dates import relative_interval, weekday_interval

# Tuesday 16 November 2021 (a dateline), and a stated night that spans two days.
TUESDAY = DateInterval(date(2021, 11, 16), date(2021, 11, 16), "day")
NIGHT = Anchor(DateInterval(date(2014, 4, 14), date(2014, 4, 15), "range"), "14 to 15 April")
DAY = Anchor(DateInterval(date(2020, 3, 23), date(2020, 3, 23), "day"), "March 23")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Sunday", date(2021, 11, 14), date(2021, 11, 14)),  # "early on Sunday"
        ("Tuesday", date(2021, 11, 16), date(2021, 11, 16)),  # the dateline's own day
        ("last Tuesday", date(2021, 11, 9), date(2021, 11, 9)),  # strictly before
        ("Friday's", date(2021, 11, 12), date(2021, 11, 12)),
        ("around midnight on Monday", date(2021, 11, 15), date(2021, 11, 16)),
        ("the night of Saturday to Sunday", date(2021, 11, 13), date(2021, 11, 14)),
    ],
)
def test_weekdays_count_back_from_the_dateline(text: str, start: date, end: date) -> None:
    interval = weekday_interval(text, None, TUESDAY)
    assert (interval.start, interval.end) == (start, end)


def test_weekday_without_dateline_is_the_nearest_to_the_stated_date() -> None:
    # March 23, 2020 was a Monday: "on Sunday" is the day before, "on Thursday" three after.
    assert weekday_interval("Sunday", DAY, None).start == date(2020, 3, 22)
    assert weekday_interval("Thursday", DAY, None).start == date(2020, 3, 26)
    with pytest.raises(DateError, match="no dateline or stated date"):
        weekday_interval("Sunday", None, None)
    with pytest.raises(DateError, match="two consecutive days"):
        weekday_interval("the night of Monday to Friday", None, TUESDAY)


@pytest.mark.parametrize(
    ("text", "anchor", "dateline", "expected"),
    [
        ("Less than 48 hours later", DAY, None, (date(2020, 3, 23), date(2020, 3, 25), "range")),
        ("Hours later", DAY, None, (date(2020, 3, 23), date(2020, 3, 24), "range")),
        # any day from the anchor up to two weeks on: 23 March + 14 days
        ("Less than two weeks later", DAY, None, (date(2020, 3, 23), date(2020, 4, 6), "range")),
        ("less than three days later", DAY, None, (date(2020, 3, 23), date(2020, 3, 26), "range")),
        ("Two days earlier", DAY, None, (date(2020, 3, 21), date(2020, 3, 21), "day")),
        ("a day later", DAY, None, (date(2020, 3, 24), date(2020, 3, 24), "day")),
        ("two years earlier", DAY, None, (date(2018, 1, 1), date(2018, 12, 31), "year")),
        ("three months later", DAY, None, (date(2020, 6, 1), date(2020, 6, 30), "month")),
        ("two weeks later", DAY, None, (date(2020, 4, 3), date(2020, 4, 9), "bounded")),
        ("a few days later", DAY, None, (date(2020, 3, 24), date(2020, 4, 6), "bounded")),
        ("the same night", NIGHT, None, (date(2014, 4, 14), date(2014, 4, 15), "range")),
        ("overnight", NIGHT, None, (date(2014, 4, 14), date(2014, 4, 15), "range")),
        ("the following night", NIGHT, None, (date(2014, 4, 15), date(2014, 4, 16), "range")),
        ("That day", DAY, None, (date(2020, 3, 23), date(2020, 3, 23), "day")),
        # a named month: the same year, or the nearest one before / after the stated date
        ("That January", DAY, None, (date(2020, 1, 1), date(2020, 1, 31), "month")),
        ("the previous November", DAY, None, (date(2019, 11, 1), date(2019, 11, 30), "month")),
        ("the previous February", DAY, None, (date(2020, 2, 1), date(2020, 2, 29), "month")),
        ("the following February", DAY, None, (date(2021, 2, 1), date(2021, 2, 28), "month")),
        # calendar units count from the dateline, whatever was stated before
        ("last week", DAY, TUESDAY, (date(2021, 11, 8), date(2021, 11, 14), "range")),
        ("Last month", None, TUESDAY, (date(2021, 10, 1), date(2021, 10, 31), "month")),
        ("this year", None, TUESDAY, (date(2021, 1, 1), date(2021, 12, 31), "year")),
        ("two days ago", DAY, TUESDAY, (date(2021, 11, 14), date(2021, 11, 14), "day")),
        # "N days after the <named> attack" counts from the incident just told
        (
            "Three days after the Foo attack",
            DAY,
            None,
            (date(2020, 3, 26), date(2020, 3, 26), "day"),
        ),
        ("two days before the election", DAY, None, (date(2020, 3, 21), date(2020, 3, 21), "day")),
    ],
)
def test_relative_phrases(
    text: str,
    anchor: Anchor | None,
    dateline: DateInterval | None,
    expected: tuple[date, date, str],
) -> None:
    interval = relative_interval(text, anchor, dateline)
    assert (interval.start, interval.end, interval.precision) == expected


def test_relative_phrases_that_cannot_be_read() -> None:
    with pytest.raises(DateError, match="nothing to anchor it"):
        relative_interval("the same night", None, None)
    month = Anchor(DateInterval(date(2020, 3, 1), date(2020, 3, 31), "month"), "March 2020")
    with pytest.raises(DateError, match="precise to the day"):
        relative_interval("the following day", month, None)
