"""Per-document verdicts of the record model give the tables a whole-corpus check gives."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pandas as pd
import pandera.pandas as pa
import pytest

from eventline.silver.builder import SilverDraft, assemble_silver_tables
from eventline.silver.validation import frame_of, rejected_rows, split_valid, validated_records
from schemas.silver import SilverRecordModel
from tests.silver.drafts import draft_report
from tests.silver.test_builder import REPORT


def _draft(doc_id: str) -> tuple[SilverDraft, list[str]]:
    draft, extract = draft_report(doc_id, REPORT)
    return draft, [r["record_id"] for r in [*extract.bullets, *extract.narratives]]


def _broken(draft: SilverDraft, lines: list[int], dates: list[int]) -> SilverDraft:
    """The draft with rows whose lines (or dates) run backwards, checked again."""
    rows = [dict(row) for row in draft.records]
    for index in lines:
        rows[index]["line_end"] = rows[index]["line_start"] - 1
    for index in dates:
        rows[index]["date_start"] = rows[index]["date_end"] + timedelta(days=1)
    return replace(draft, records=rows, rejected=rejected_rows(rows))


def test_checked_drafts_give_the_tables_of_one_whole_check() -> None:
    (first, ids_a), (second, ids_b) = _draft("doc_" + "a" * 16), _draft("doc_" + "b" * 16)
    # REPORT drafts 9 rows (test_builder) and none fails the model.
    assert (len(first.records), first.rejected) == (9, {})
    drafts = [_broken(first, lines=[4], dates=[]), _broken(second, lines=[7], dates=[1])]
    assert drafts[1].rejected is not None and sorted(drafts[1].rejected) == [1, 7]
    checked = assemble_silver_tables(drafts, ids_a + ids_b)
    whole = assemble_silver_tables([replace(d, rejected=None) for d in drafts], ids_a + ids_b)
    for name, frame in checked.as_dict().items():
        pd.testing.assert_frame_equal(frame, whole.as_dict()[name], check_exact=True)
    failed = checked.quarantine.tail(3)  # after the rows held back while drafting
    expected = [drafts[0].records[4], drafts[1].records[1], drafts[1].records[7]]
    assert list(failed["record_id"]) == [row["record_id"] for row in expected]
    assert [list(r) for r in failed["reasons"]] == [
        ["_lines_ordered"],
        ["_date_order"],
        ["_lines_ordered"],
    ]
    assert len(checked.records) == 18 - 3


def test_record_ids_shared_between_documents_are_checked_together() -> None:
    draft, _ = _draft("doc_" + "a" * 16)
    # Each draft alone passes; together every id is there twice, so every row fails.
    valid, failed, reused = split_valid([draft, replace(draft)])
    assert (valid, reused) == ([], False)
    assert len(failed) == 18
    assert all("record_id: field_uniqueness" in checks for _, checks in failed)


def test_only_the_changed_rows_are_checked_again_and_the_frame_is_the_whole_checks() -> None:
    draft, _ = _draft("doc_" + "a" * 16)
    whole = validated_records(draft.records, None)
    pd.testing.assert_frame_equal(validated_records(draft.records, [2, 5]), whole, check_exact=True)
    rows = _broken(draft, lines=[3], dates=[]).records
    with pytest.raises(pa.errors.SchemaError, match="_lines_ordered"):
        validated_records(rows, [3])
    with pytest.raises(pa.errors.SchemaError):
        validated_records(rows, None)
    # Row 3 is not among those said to have changed: its draft's verdict stands.
    assert validated_records(rows, [2])["line_end"].iloc[3] == rows[3]["line_start"] - 1
    assert list(whole.columns) == list(frame_of([], SilverRecordModel).columns)
