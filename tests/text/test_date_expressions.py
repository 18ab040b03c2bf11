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
    # A relative opening is a label too: silver reads it against the bullet before.
    relative = leading_date_expression("Less than 24 hours later, troops retook the mall.")
    assert relative is not None and relative.kind == "relative"
    night = leading_date_expression("On the night of 14 to 15 April, gunmen came")
    assert night is not None and night.text == "14 to 15 April"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # day-first, with and without a year, and ordinals
        ("On 19 February, militants entered Dapchi", [("19 February", "month_day")]),
        ("On the 6th of February 2020 the", [("6th of February 2020", "full_date")]),
        ("killed on February 6th, 2020.", [("February 6th, 2020", "full_date")]),
        # abbreviations with or without a period
        ("NAIROBI, Sept 21 (wire) - Gunmen", [("Sept 21", "month_day")]),
        ("on Nov. 14, 2021, the", [("Nov. 14, 2021", "full_date")]),
        # numeric and ISO notations
        ("- **2019-01-15:** Gunmen attack", [("2019-01-15", "iso_date")]),
        ("struck on 14/11/2021.", [("14/11/2021", "numeric_date")]),
        ("struck on 14.11.2021, and", [("14.11.2021", "numeric_date")]),
        ("raids on 4-5/06/2021 in", [("4-5/06/2021", "numeric_range")]),
        # ranges inside sentences
        ("On the night of 4 to 5 June 2021, gunmen", [("4 to 5 June 2021", "date_range")]),
        ("Sometime between 1 and 3 May, herders", [("1 and 3 May", "month_day_range")]),
        ("Between 30 April and 2 May, troops", [("30 April and 2 May", "month_day_range")]),
        ("On June 3 and 6, the army", [("June 3 and 6", "month_day_range")]),
        ("over the weekend of May 8–9; the", [("May 8–9", "month_day_range")]),
        ("On March 2, 5, and 9, raiders", [("March 2, 5, and 9", "day_list")]),
        ("During the first week of July, the", [("the first week of July", "week")]),
        ("who ruled from 1994 to 2016.", [("1994 to 2016", "year_range")]),
        # weekdays and relative phrases
        ("attacked early on Sunday, the", [("Sunday", "weekday")]),
        ("in Saturday's raid on", [("Saturday's", "weekday")]),
        ("since last Thursday’s ambush", [("last Thursday’s", "weekday")]),
        ("around midnight on Friday, the", [("around midnight on Friday", "weekday")]),
        (
            "during the night of Friday to Saturday, gunmen",
            [("the night of Friday to Saturday", "weekday_range")],
        ),
        ("Two days earlier, gunmen", [("Two days earlier", "relative")]),
        ("Less than 48 hours later, troops", [("Less than 48 hours later", "relative")]),
        ("Hours later, a second bomb", [("Hours later", "relative")]),
        ("killed last week, the", [("last week", "relative")]),
        ("Last month, raiders", [("Last month", "relative")]),
        ("were killed overnight in", [("overnight", "relative")]),
        ("That day, the governor", [("That day", "relative")]),
        ("repelling the March attack on", [("March", "month")]),
        ("In June, the army said", [("June", "month")]),
    ],
)
def test_finds_other_notations(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.text, e.kind) for e in find_date_expressions(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "launched an overnight raid on the camp",  # adjectival "overnight"
        "in Mayo-Sava and Mayo-Tsanaga",  # "May" inside a place name
        'Relative words ("on Tuesday", "last week") refer to the dateline.',  # cited, not used
        "between 90 and 120 militants attacked",
        "the fighting began at 16:00 and ended at 22:45",
        "aged 12 to 21 (nine girls)",
        "version 1.2.2021.5 of the file",
    ],
)
def test_ignores_look_alikes(text: str) -> None:
    assert find_date_expressions(text) == []
