from __future__ import annotations

from datetime import date

import pytest

from eventline.silver.dates import (
    Anchor,
    DateError,
    DateInterval,
    anchor_from_text,
    bounded_by_neighbours,
    parse_expression,
    primary_expression,
    resolve,
)
from eventline.text.date_expressions import find_date_expressions

ANCHOR = Anchor(DateInterval(date(2019, 3, 23), date(2019, 3, 23), "day"), "March 23, 2019", "r1")


def _interval(text: str, anchor: Anchor | None = ANCHOR) -> tuple[date, date, str]:
    expression = find_date_expressions(text)[0]
    interval = parse_expression(expression, anchor)
    return interval.start, interval.end, interval.precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("November 20, 2015", (date(2015, 11, 20), date(2015, 11, 20), "day")),
        ("Sept. 5, 2019", (date(2019, 9, 5), date(2019, 9, 5), "day")),
        ("5 September 2019", (date(2019, 9, 5), date(2019, 9, 5), "day")),
        ("March 27, 2022 - March 31, 2022", (date(2022, 3, 27), date(2022, 3, 31), "range")),
        ("March 25-27, 2020", (date(2020, 3, 25), date(2020, 3, 27), "range")),
        ("June 2017", (date(2017, 6, 1), date(2017, 6, 30), "month")),
        ("February 2020", (date(2020, 2, 1), date(2020, 2, 29), "month")),
        ("between May and July of 2012", (date(2012, 5, 1), date(2012, 7, 31), "range")),
        ("in 2011, the Emir", (date(2011, 1, 1), date(2011, 12, 31), "year")),
        ("in late 2012", (date(2012, 1, 1), date(2012, 12, 31), "year")),
        ("December 31, 2013 - January 2, 2014", (date(2013, 12, 31), date(2014, 1, 2), "range")),
    ],
)
def test_explicit_forms(text: str, expected: tuple[date, date, str]) -> None:
    assert _interval(text, anchor=None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On March 24, the government", (date(2019, 3, 24), date(2019, 3, 24), "day")),
        ("the following day", (date(2019, 3, 24), date(2019, 3, 24), "day")),
        ("That same day", (date(2019, 3, 23), date(2019, 3, 23), "day")),
        ("Later that month", (date(2019, 3, 23), date(2019, 3, 31), "range")),
        ("That January", (date(2019, 1, 1), date(2019, 1, 31), "month")),
        ("A month earlier in January", (date(2019, 1, 20), date(2019, 3, 22), "bounded")),
        ("between August 17 and August 21", (date(2019, 8, 17), date(2019, 8, 21), "range")),
    ],
)
def test_year_less_forms_inherit_the_anchor(text: str, expected: tuple[date, date, str]) -> None:
    assert _interval(text) == expected


def test_inherited_dates_name_their_anchor() -> None:
    resolved = resolve(find_date_expressions("On October 29, the suspects")[0], ANCHOR)
    assert resolved.method == "inherited"
    assert resolved.imputed is True
    assert resolved.anchor == "March 23, 2019 (r1)"
    explicit = resolve(find_date_expressions("on May 8, 2020")[0], ANCHOR)
    assert (explicit.method, explicit.imputed, explicit.anchor) == ("explicit", False, None)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("February 30, 2021", "impossible date"),
        ("March 31, 2022 - March 27, 2022", "reversed date range"),
    ],
)
def test_impossible_dates_are_errors(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_expression(find_date_expressions(text)[0])


def test_year_less_without_anchor_is_an_error() -> None:
    with pytest.raises(DateError, match="year-less"):
        parse_expression(find_date_expressions("On March 24, the")[0], None)
    with pytest.raises(DateError, match="nothing to anchor"):
        parse_expression(find_date_expressions("the following day")[0], None)


def test_most_precise_expression_wins() -> None:
    text = (
        "Ahead of the November 2022 end of Barkhane, the government announced on September 26, 2021"
    )
    primary = primary_expression(find_date_expressions(text))
    assert primary is not None and primary.text == "September 26, 2021"


def test_anchor_keeps_the_last_full_date() -> None:
    first = anchor_from_text("on February 15, 2024, … first announced as a pact in September 2023")
    assert first is not None and first.text == "February 15, 2024"
    kept = anchor_from_text("signed in July 2019 with MINUSMA", current=first)
    assert kept is first
    coarse = anchor_from_text("signed in July 2019 with MINUSMA")
    assert coarse is not None and coarse.text == "July 2019"


def test_bounded_by_neighbours() -> None:
    newer = DateInterval(date(2022, 11, 6), date(2022, 11, 6), "day")
    older = DateInterval(date(2022, 10, 17), date(2022, 10, 17), "day")
    assert bounded_by_neighbours(newer, older) == DateInterval(
        date(2022, 10, 17), date(2022, 11, 6), "bounded"
    )
    with pytest.raises(DateError, match="edge of its list"):
        bounded_by_neighbours(newer, None)


# --- other notations and where year-less dates take their year -----------------------------

from eventline.silver.dates import DateContext, YearRule  # noqa: E402


def _in(text: str, context: DateContext) -> tuple[date, date, str]:
    interval = parse_expression(find_date_expressions(text)[0], context=context)
    return interval.start, interval.end, interval.precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-01-15", (date(2019, 1, 15), date(2019, 1, 15), "day")),
        ("On the night of 14 to 15 April 2014", (date(2014, 4, 14), date(2014, 4, 15), "range")),
        ("from 30 April to 2 May 2016", (date(2016, 4, 30), date(2016, 5, 2), "range")),
        ("On March 2, 5, and 9, 2021", (date(2021, 3, 2), date(2021, 3, 9), "range")),
        ("the first week of July 2021", (date(2021, 7, 1), date(2021, 7, 7), "range")),
        ("the last week of February 2020", (date(2020, 2, 23), date(2020, 2, 29), "range")),
        ("who ruled from 1994 to 2016", (date(1994, 1, 1), date(2016, 12, 31), "range")),
        ("on February 6th, 2020", (date(2020, 2, 6), date(2020, 2, 6), "day")),
    ],
)
def test_other_explicit_forms(text: str, expected: tuple[date, date, str]) -> None:
    assert _interval(text, anchor=None) == expected


def test_numeric_dates_follow_the_documents_order() -> None:
    dmy, mdy = DateContext(numeric_order="dmy"), DateContext(numeric_order="mdy")
    assert _in("on 07/06/2021", dmy)[0] == date(2021, 6, 7)
    assert _in("on 07/06/2021", mdy)[0] == date(2021, 7, 6)
    assert _in("on 4-5/06/2021", dmy)[:2] == (date(2021, 6, 4), date(2021, 6, 5))
    # Unambiguous ones need no convention; ambiguous ones without one are errors, as are
    # dates that cannot be read in the stated order.
    assert _in("on 14/11/2021", DateContext())[0] == date(2021, 11, 14)
    with pytest.raises(DateError, match="ambiguous numeric date '07/06/2021'"):
        _in("on 07/06/2021", DateContext())
    with pytest.raises(DateError, match="does not fit the document's month/day/year order"):
        _in("on 14/11/2021", mdy)


YEAR_2021 = DateInterval(date(2021, 1, 1), date(2021, 12, 31), "year")
DECEMBER = DateInterval(date(2019, 12, 1), date(2019, 12, 31), "month")
PERIOD = DateInterval(date(2021, 3, 1), date(2021, 8, 31), "range")
DATELINE = DateInterval(date(2022, 5, 13), date(2022, 5, 13), "day")


@pytest.mark.parametrize(
    ("rule", "text", "start"),
    [
        # a heading: the year that puts the date nearest it
        (YearRule(DECEMBER, "nearest", "December 2019"), "On 17 December", date(2019, 12, 17)),
        (YearRule(DECEMBER, "nearest", "December 2019"), "On 2 January", date(2020, 1, 2)),
        (YearRule(YEAR_2021, "nearest", "2021 Incidents"), "On March 10", date(2021, 3, 10)),
        # a reporting period: inside it, or just after it
        (YearRule(PERIOD, "nearest", "period"), "On 5 September", date(2021, 9, 5)),
        (YearRule(PERIOD, "nearest", "period"), "In June", date(2021, 6, 1)),
        # a dateline: the latest such date on or shortly after it
        (YearRule(DATELINE, "past", "dateline"), "the November attack", date(2021, 11, 1)),
        (YearRule(DATELINE, "past", "dateline"), "on 9 to 10 May", date(2022, 5, 9)),
        # running text goes forward: a January after a late December is the next year
        (
            YearRule(DateInterval(date(2013, 12, 31), date(2013, 12, 31), "day"), "same", "x"),
            "On January 2",
            date(2014, 1, 2),
        ),
    ],
)
def test_year_rules(rule: YearRule, text: str, start: date) -> None:
    assert _in(text, DateContext(year=rule))[0] == start


def test_approximate_dates_keep_their_day() -> None:
    expression = find_date_expressions("Around 10 June 2019, fighters")[0]
    resolved = resolve(expression, before="Around ")
    assert (resolved.interval.start, resolved.interval.precision) == (date(2019, 6, 10), "day")
    assert resolved.approximate
    assert not resolve(expression, before="On ").approximate
