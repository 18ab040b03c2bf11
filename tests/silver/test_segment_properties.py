"""Property-based tests: segments of random reports, and date notations read back."""

from __future__ import annotations

import calendar
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventline.bronze.extractor import extract_bronze
from eventline.quality.conservation import check_segment_conservation
from eventline.silver.dates import DateContext, parse_expression
from eventline.silver.segments import build_segments
from eventline.text.date_expressions import find_date_expressions

_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_SENTENCES = st.sampled_from(
    [
        "On 3 March 2021, gunmen attacked a post near the border.",
        "Two soldiers were killed.",
        "The same night, militants raided a village; the following night, they returned.",
        "Less than 48 hours later, another group struck.",
        "He was arrested on 11 May and on 22 June was charged.",
        "The army said on Monday that six had died, one of his wounds two days later.",
        "Other reports date the raid to 4 March.",
        "On March 2, 5, and 9, raiders burned houses, and on March 12 they left.",
        "The group has been active since 2015.",
        "In June, clashes left 11 dead.",
        "Around 10 June 2019, fighters arrived by boat.",
        "On 07/06/2021, a convoy struck a mine.",
        "That same day, a second bomb exploded.",
        "Casualties were not reported.",
    ]
)
_HEADS = st.sampled_from(
    ["", "March 2021\n", "2021 Incidents:\n", "NIAMEY, March 9, 2021 (Wire) - ", "4. ", "• ", "- "]
)


@st.composite
def _reports(draw: st.DrawFn) -> str:
    blocks = draw(
        st.lists(st.tuples(_HEADS, st.lists(_SENTENCES, min_size=1, max_size=4)), max_size=8)
    )
    gap = draw(st.sampled_from(["\n", "\n\n"]))
    return "Test report\n\n" + gap.join(head + " ".join(body) for head, body in blocks) + "\n"


@_SETTINGS
@given(_reports(), st.sampled_from([None, "dmy", "mdy"]))
def test_every_record_becomes_segments_that_stay_inside_it(text: str, order: str | None) -> None:
    extract = extract_bronze("doc_00000000000000e1", text)
    records = {r["record_id"]: r for r in [*extract.bullets, *extract.narratives]}
    segments = build_segments(extract.bullets, extract.narratives, date(2026, 1, 1), order)
    check_segment_conservation(
        records,
        [(s.record_id, s.bronze_record_id) for s in segments],
        [s.record_id for s in segments],
        [],
    )
    last_line = text.count("\n") + 1
    for segment in segments:
        record = records[segment.bronze_record_id]
        assert record["line_start"] <= segment.line_start <= segment.line_end <= last_line
        assert segment.text.strip()
        assert (segment.part == 0) == (segment.record_id == segment.bronze_record_id)


def _formats(day: date) -> list[tuple[str, str | None]]:
    month = calendar.month_name[day.month]
    return [
        (f"on {day.day} {month} {day.year}", None),
        (f"on {month} {day.day}, {day.year}", None),
        (f"on {day.isoformat()}", None),
        (f"on {day.day:02d}/{day.month:02d}/{day.year}", "dmy"),
        (f"on {day.month:02d}/{day.day:02d}/{day.year}", "mdy"),
        (f"on {day.day}.{day.month}.{day.year}", "dmy"),
    ]


@_SETTINGS
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_every_notation_of_a_day_reads_back_as_that_day(day: date) -> None:
    for text, order in _formats(day):
        (expression,) = find_date_expressions(text)
        interval = parse_expression(expression, context=DateContext(numeric_order=order))
        assert (interval.start, interval.end, interval.precision) == (day, day, "day"), text
