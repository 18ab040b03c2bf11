"""Record-level dating on the sample and on hand-written cases; figures read off the file."""

from __future__ import annotations

from datetime import date

import pytest

from eventline.bronze.extractor import BronzeExtract, extract_bronze
from eventline.silver.dates import ResolvedDate
from eventline.silver.record_dates import DateFailure, DateOutcome, date_records

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def sample_dates(sample_extract: BronzeExtract) -> dict[str, DateOutcome]:
    return date_records(sample_extract.bullets, sample_extract.narratives, TODAY)


def _at(
    extract: BronzeExtract, dates: dict[str, DateOutcome], line: int, start: str = ""
) -> ResolvedDate:
    rows = [
        r
        for r in [*extract.bullets, *extract.narratives]
        if r["line_start"] == line and r["text"].startswith(start)
    ]
    assert len(rows) == 1, rows
    outcome = dates[rows[0]["record_id"]]
    assert isinstance(outcome, ResolvedDate), outcome
    return outcome


def test_every_sample_record_is_dated(sample_dates: dict[str, DateOutcome]) -> None:
    failures = [o for o in sample_dates.values() if isinstance(o, DateFailure)]
    assert failures == []


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        (153, date(2022, 10, 17), date(2022, 11, 6)),  # between Oct 17 and Nov 6, 2022
        (216, date(2020, 4, 23), date(2020, 5, 11)),
        (305, date(2012, 1, 24), date(2012, 11, 20)),
        (307, date(2012, 1, 24), date(2012, 11, 20)),
        (309, date(2012, 1, 24), date(2012, 11, 20)),
        (317, date(2009, 11, 25), date(2010, 7, 24)),
        (324, date(2008, 10, 31), date(2009, 6, 10)),
    ],
)
def test_undated_bullets_are_bounded_by_neighbours(
    sample_extract: BronzeExtract,
    sample_dates: dict[str, DateOutcome],
    line: int,
    start: date,
    end: date,
) -> None:
    outcome = _at(sample_extract, sample_dates, line)
    assert (outcome.interval.start, outcome.interval.end) == (start, end)
    assert outcome.interval.precision == "bounded"
    assert outcome.method == "bounded_by_neighbours"
    assert outcome.imputed is True


def test_range_label(sample_extract: BronzeExtract, sample_dates: dict[str, DateOutcome]) -> None:
    moura = _at(sample_extract, sample_dates, 168)
    assert (moura.interval.start, moura.interval.end) == (date(2022, 3, 27), date(2022, 3, 31))
    assert (moura.interval.precision, moura.method, moura.imputed) == ("range", "range", False)


@pytest.mark.parametrize(
    ("line", "start_text", "start", "end", "anchor"),
    [
        (91, "On October 29,", date(2020, 10, 29), date(2020, 10, 29), "October 27, 2020"),
        (91, "He was arraigned", date(2022, 12, 10), date(2022, 12, 10), "December 9, 2022"),
        (27, "That January", date(2019, 1, 1), date(2019, 1, 31), "March 2019"),
        (7, "A month earlier", date(2024, 1, 1), date(2024, 1, 31), "February 15, 2024"),
        (335, "Later that month", date(2013, 1, 11), date(2013, 1, 31), "January 11, 2013"),
        (359, "As of September 27", date(2022, 9, 27), date(2022, 9, 27), "July 10, 2022"),
        (371, "On September 16", date(2023, 9, 16), date(2023, 9, 16), "January 24, 2023"),
    ],
)
def test_year_less_sentences_inherit_from_their_paragraph(
    sample_extract: BronzeExtract,
    sample_dates: dict[str, DateOutcome],
    line: int,
    start_text: str,
    start: date,
    end: date,
    anchor: str,
) -> None:
    outcome = _at(sample_extract, sample_dates, line, start_text)
    assert (outcome.interval.start, outcome.interval.end) == (start, end)
    assert outcome.method == "inherited"
    assert outcome.anchor is not None and outcome.anchor.startswith(anchor)


def test_state_department_bullets_take_the_section_year() -> None:
    text = "Report\n\n2021 Terrorist Incidents:\n\n• On January 2, terrorists attacked a village.\n"
    extract = extract_bronze("doc_0000000000000001", text)
    (outcome,) = date_records(extract.bullets, extract.narratives, TODAY).values()
    assert isinstance(outcome, ResolvedDate)
    assert outcome.interval.start == date(2021, 1, 2)
    assert outcome.anchor == "2021 Terrorist Incidents"


@pytest.mark.parametrize(
    ("label", "reason"),
    [
        ("February 30, 2021", "impossible date"),
        ("March 31, 2022 - March 27, 2022", "reversed date range"),
        ("March 3, 2031", "later than the document can know"),
        ("Spring", "date label not understood"),
    ],
)
def test_bad_labels_fail_with_a_reason(label: str, reason: str) -> None:
    text = f"Report\n\n- **{label}:** Gunmen attack a post. Source: [A](#)\n"
    extract = extract_bronze("doc_0000000000000002", text)
    (outcome,) = date_records(extract.bullets, [], TODAY).values()
    assert isinstance(outcome, DateFailure) and reason in outcome.reason


def test_undated_bullet_at_the_edge_of_a_list_fails() -> None:
    text = "Report\n\n- Gunmen attack a post.\n- **May 1, 2020:** Militants ambush a convoy.\n"
    extract = extract_bronze("doc_0000000000000003", text)
    outcomes = date_records(extract.bullets, [], TODAY)
    first = outcomes[extract.bullets[0]["record_id"]]
    assert isinstance(first, DateFailure) and "edge of its list" in first.reason


def test_chronological_lists_are_bounded_the_other_way() -> None:
    text = (
        "Report\n\n- **May 1, 2020:** One.\n- Two happens.\n- **June 5, 2020:** Three.\n"
        "- **July 9, 2020:** Four.\n"
    )
    extract = extract_bronze("doc_0000000000000004", text)
    outcome = date_records(extract.bullets, [], TODAY)[extract.bullets[1]["record_id"]]
    assert isinstance(outcome, ResolvedDate)
    assert (outcome.interval.start, outcome.interval.end) == (date(2020, 5, 1), date(2020, 6, 5))


def test_a_bullet_opening_with_a_bare_month_takes_the_heading_year() -> None:
    # Bronze keeps "October" as the label; alone it is no date, with its "In" it is a month.
    text = (
        "Report\n\n2019 Terrorist Incidents:\n\n• In October, militants attacked a police post.\n"
    )
    extract = extract_bronze("doc_0000000000000005", text)
    (outcome,) = date_records(extract.bullets, extract.narratives, TODAY).values()
    assert isinstance(outcome, ResolvedDate), outcome
    assert (outcome.interval.start, outcome.interval.end) == (date(2019, 10, 1), date(2019, 10, 31))
    assert outcome.interval.precision == "month"


def test_a_paragraph_stating_a_year_outside_the_reporting_period_keeps_it() -> None:
    # An invented UN-style report: year-less dates take the period's year, unless their
    # paragraph has moved past the period ("resumed in January 2025. On 24 January"); a
    # paragraph recalling an earlier year keeps the period's ("June 2020 … On 10 June").
    text = (
        "REPORT OF THE PANEL\n\n"
        "1. The report covers the period from 1 October 2022 to 30 June 2023.\n\n"
        "2. The raid of 10 June 2020 is recalled. On 3 March, rebels attacked Fooville.\n\n"
        "3. The offensive resumed in January 2025. On 24 January, rebels took Bartown.\n\n"
        "4. On 27 June 2025, the parties met in Quxville. On 19 July, they signed an accord.\n"
    )
    extract = extract_bronze("doc_00000000000000aa", text)
    dates = date_records(extract.bullets, extract.narratives, TODAY)
    assert _at(extract, dates, 5, "On 3 March").interval.start == date(2023, 3, 3)
    assert _at(extract, dates, 7, "On 24 January").interval.start == date(2025, 1, 24)
    assert _at(extract, dates, 9, "On 19 July").interval.start == date(2025, 7, 19)
