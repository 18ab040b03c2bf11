from __future__ import annotations

import pytest

from eventline.text.date_expressions import find_date_expressions, leading_date_expression


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On April 29, 2024, Mali's armed forces", [("April 29, 2024", "full_date")]),
        ("March 27, 2022 - March 31, 2022", [("March 27, 2022 - March 31, 2022", "date_range")]),
        ("kidnapped March 25-27, 2020 near", [("March 25-27, 2020", "date_range")]),
        ("on Sept. 5, 2019, the", [("Sept. 5, 2019", "full_date")]),
        ("on 5 September 2019 the", [("5 September 2019", "full_date")]),
        ("In June 2017, Mali implemented", [("June 2017", "month_year")]),
        ("On March 24, the government", [("March 24", "month_day")]),
        ("terminated on January 26, 2024.", [("January 26, 2024", "full_date")]),
        ("Later that month, ECOWAS began", [("Later that month", "relative")]),
        ("That January, men dressed", [("That January", "relative")]),
        ("dies the following day.", [("the following day", "relative")]),
        ("between May and July of 2012", [("May and July of 2012", "month_range")]),
        ("From January to March 2012, Mali", [("January to March 2012", "month_range")]),
        ("In late 2012, a former leader", [("late 2012", "year")]),
        ("in 2011, the Emir of Qatar", [("2011", "year")]),
        ("from March 23 until March 31, 2022,", [("March 23 until March 31, 2022", "date_range")]),
        ("between August 17 and August 21.", [("August 17 and August 21", "month_day_range")]),
        ("Polls published in January/February 2015", [("January/February 2015", "month_range")]),
    ],
)
def test_finds_each_form_as_written(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.text, e.kind) for e in find_date_expressions(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "According to a 2018 poll by Friedrich-Ebert-Stiftung",  # adjectival year
        "in its 2017 Country Reports on Terrorism",
        "governments in the early 2020s became hostile",  # a decade, not a year
        "Militants may attack again",  # "may" is a verb
        "killing 77 and wounding 255 others",
    ],
)
def test_ignores_numbers_that_are_not_dates(text: str) -> None:
    assert find_date_expressions(text) == []


def test_spans_point_into_the_text() -> None:
    text = "A few days later on January 26, 2023, JNIM met"
    found = find_date_expressions(text)
    assert [text[e.start : e.end] for e in found] == ["A few days later", "January 26, 2023"]


def test_leading_expression_only_at_sentence_start() -> None:
    lead = leading_date_expression("On January 2, terrorists attacked two villages")
    assert lead is not None and lead.text == "January 2"
    assert leading_date_expression("Terrorists attacked on January 2") is None
    assert leading_date_expression("The following day, the army") is None
