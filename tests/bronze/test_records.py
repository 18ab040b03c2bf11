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


WRAPPED = """Ref: AB-0007
Date: 3 June 2022
Location: Barville, near
Tamsa crossing (East district)
Perpetrator: Armed men
Description: Armed men burned the clinic and set two trucks on
fire near the bridge.
Killed: 2

Date: 9 June 2022
Location: Quxton
Gunmen returned to the town a week later and burned the market.
"""


def test_a_hard_wrapped_field_value_stays_with_its_record() -> None:
    wrapped, second = extract_bronze(DOC_ID, WRAPPED).bullets
    # Lines 3-4 and 6-7 are two fields wrapped in two: each is joined by a space, and the
    # fields after them (Perpetrator, Killed) stay in the record.
    assert wrapped["text"].split("\n") == [
        "Date: 3 June 2022",
        "Location: Barville, near Tamsa crossing (East district)",
        "Perpetrator: Armed men",
        "Description: Armed men burned the clinic and set two trucks on fire near the bridge.",
        "Killed: 2",
    ]
    assert (wrapped["line_start"], wrapped["line_end"]) == (2, 8)
    assert wrapped["line_numbers"] == [2, 3, 4, 5, 6, 7, 8]
    # The wrapped line starts where its text starts in the body.
    offset = wrapped["line_offsets"][wrapped["line_numbers"].index(4)]
    assert wrapped["text"][offset:].startswith("Tamsa crossing")
    # A sentence after a field with no open end does not go on its value: "Location:
    # Quxton" stays whole, and the sentence is kept in the raw text only.
    assert second["text"].split("\n") == ["Date: 9 June 2022", "Location: Quxton"]
    assert "Gunmen returned" in second["raw_text"]


def test_a_wrapped_line_is_counted_in_the_record_run() -> None:
    lines = ["Date: 5 May 2021", "Location: Fooville,", "North district", "Killed: 1", "Prose."]
    assert record_run(lines, 0) == 4
    # A line starting in lower case goes on the value even without an open end.
    assert record_run(["Date: 5 May 2021", "Description: Gunmen", "shot a trader."], 0) == 3
    # A capitalised line after a closed value, with no field after it, is not the record's.
    assert record_run(["Date: 5 May 2021", "Location: Fooville (North)", "Later news."], 0) == 2
