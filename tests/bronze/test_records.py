"""Key-value incident records: one record per block, fields in any order, lines kept."""

from __future__ import annotations

from eventline.bronze.blocks import split_blocks
from eventline.bronze.extractor import extract_bronze
from eventline.bronze.records import parse_field, record_run

DOC_ID = "doc_0123456789abcdef"

LOG = """INCIDENT LOG (test sample)

Context: Armed groups have raided the district since 2019.

Ref: XY-0001
Location: Fooville (North district)
Date: 14/03/2022
Perpetrator: Suspected rebels
Fatalities: 3
Description: Gunmen attacked the market at dawn. The same day, a patrol hit a mine.

Logged: 17 July 2023
Description: Men in uniform fired on shoppers.
Casualties: 10 killed, 2 injured
Date/Time: 16/07/2023 19:30
Location: Bartown
Ref: XY-0002
Location: Quxville
Date: 2 August 2023
"""


def test_a_block_of_field_lines_is_one_record_whatever_the_order() -> None:
    layout = split_blocks(LOG.split("\n"))
    records = [b for b in layout.blocks if b.kind == "record"]
    # Lines 5-10 and 12-17; with no blank line, the repeated "Location:" (line 18) opens a
    # third record.
    assert [(b.line_start, b.line_end) for b in records] == [(5, 10), (12, 17), (18, 19)]
    classes = {c.line_no: c.line_class for c in layout.lines}
    assert all(classes[n] == "bullet" for n in (*range(5, 11), *range(12, 20)))
    assert classes[3] == "narrative"  # "Context: …" has no date field: a paragraph


def test_a_record_keeps_its_lines_and_text_as_written() -> None:
    first, second, third = extract_bronze(DOC_ID, LOG).bullets
    assert first["date_text"] == "14/03/2022"
    assert first["label_form"] == "inline"
    # The date field first, then the other fields in their order; the Ref line is bookkeeping.
    assert first["text"].split("\n") == [
        "Date: 14/03/2022",
        "Location: Fooville (North district)",
        "Perpetrator: Suspected rebels",
        "Fatalities: 3",
        "Description: Gunmen attacked the market at dawn. The same day, a patrol hit a mine.",
    ]
    assert first["line_numbers"] == [7, 6, 8, 9, 10]
    assert first["raw_text"].split("\n")[0] == "Ref: XY-0001"
    assert (first["line_start"], first["line_end"]) == (5, 10)
    # "Logged:" dates the entry, not the incident: "Date/Time:" is the record's date.
    assert second["date_text"] == "16/07/2023 19:30"
    assert "Logged" not in second["text"]
    assert third["date_text"] == "2 August 2023"


def test_field_lines_need_a_short_label_and_an_event_date() -> None:
    assert parse_field("Date of incident: 5 May 2021").label == "Date of incident"
    assert parse_field("On 5 May 2021: gunmen attacked") is None  # a sentence, not a label
    lines = ["Location: Fooville", "Fatalities: 3", ""]
    assert record_run(lines, 0) == 0  # no date field
    assert record_run(["Reported: 5 May 2021", "Location: Fooville"], 0) == 0
    assert record_run(["Date: 5 May 2021", "Location: Fooville"], 0) == 2
