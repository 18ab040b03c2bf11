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
