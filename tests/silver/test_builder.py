"""Silver assembly on hand-written reports: quarantine, merges and conservation."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from eventline.bronze.extractor import extract_bronze
from eventline.silver.builder import SilverTables, build_silver_tables
from eventline.silver.event_types import default_classifier
from eventline.silver.places import default_gazetteer
from eventline.silver.quarantine import validate_and_split

REPORT = """Niger: Extremism and Terrorism

Overview

On March 3, 2021, gunmen killed 12 villagers in Tillaberi. On March 5, 2021, a court
in Niamey opened a trial.

Timeline

- **March 9, 2021:** Militants ambush a convoy near Menaka, killing nine soldiers. Source: [A](#)
- **February 30, 2021:** Gunmen attack a checkpoint in Gao. Source: [B](#)
- **March 3, 2021:** Gunmen kill 12 villagers in Tillaberi. Source: [C](#)
- **March 31, 2021 - March 27, 2021:** Jihadists besiege Boni. Source: [D](#)
- **March 1, 2021:** Protesters march in Bamako. Source: [E](#)
"""


def _silver(*texts: str) -> tuple[SilverTables, list[dict]]:
    documents, bullets, narratives = [], [], []
    for number, text in enumerate(texts):
        doc_id = f"doc_{number:016x}"
        extract = extract_bronze(doc_id, text)
        documents.append({"doc_id": doc_id, "title": extract.title})
        bullets += extract.bullets
        narratives += extract.narratives
    silver = build_silver_tables(
        documents, bullets, narratives, date(2026, 1, 1), default_gazetteer(), default_classifier()
    )
    return silver, [*bullets, *narratives]


def _label_of(bronze: list[dict], record_id: str) -> str:
    return next(r["date_text"] for r in bronze if r["record_id"] == record_id)


def test_impossible_and_reversed_dates_are_quarantined_with_reasons() -> None:
    silver, bronze = _silver(REPORT)
    reasons = {
        _label_of(bronze, row.record_id): row.reasons for row in silver.quarantine.itertuples()
    }
    assert set(reasons) == {"February 30, 2021", "March 31, 2021 - March 27, 2021"}
    assert "impossible date" in reasons["February 30, 2021"][0]
    assert "reversed date range" in reasons["March 31, 2021 - March 27, 2021"][0]
    assert set(silver.quarantine["layer"]) == {"silver"}


def test_the_overview_sentence_merges_into_its_bullet() -> None:
    silver, bronze = _silver(REPORT)
    (merge,) = silver.merges
    survivor = silver.records.set_index("record_id").loc[merge.into_id]
    assert survivor["kind"] == "bullet" and survivor["date_label"] == "March 3, 2021"
    assert survivor["n_mentions"] == 2
    assert sorted(survivor["sources"]) == ["C"]
    # 7 bronze records: 5 bullets and 2 sentences; 2 quarantined, 1 merged, 4 kept.
    assert len(bronze) == 7
    assert (len(silver.records), len(silver.quarantine)) == (4, 2)


def test_the_same_report_twice_under_two_ids_is_merged_exactly() -> None:
    once, _ = _silver(REPORT)
    twice, bronze = _silver(REPORT, REPORT)
    assert len(twice.records) == len(once.records)
    assert {m.reason for m in twice.merges} >= {"identical text and date"}
    assert all(len(ids) == 2 for ids in twice.records["doc_ids"])
    merged = [rid for ids in twice.records["merged_record_ids"] for rid in ids]
    outcomes = [*twice.records["record_id"], *twice.quarantine["record_id"], *merged]
    assert sorted(outcomes) == sorted(r["record_id"] for r in bronze)


class _Counts(pa.DataFrameModel):
    key: Series[str] = pa.Field(unique=True)
    low: Series[int] = pa.Field(ge=0)
    high: Series[int] = pa.Field(ge=0)

    @pa.dataframe_check
    def _ordered(cls, frame: pd.DataFrame) -> pd.Series:
        return frame["low"] <= frame["high"]


def test_validate_and_split_keeps_every_failed_check_per_row() -> None:
    frame = pd.DataFrame({"key": ["a", "b", "c", "d"], "low": [1, -1, 5, 0], "high": [2, 3, 4, -2]})
    valid, reasons = validate_and_split(frame, _Counts)
    assert list(valid["key"]) == ["a"]
    assert set(reasons) == {1, 2, 3}
    assert reasons[1] == ["low: greater_than_or_equal_to(0)"]
    assert reasons[2] == ["_ordered"]
    assert sorted(reasons[3]) == ["_ordered", "high: greater_than_or_equal_to(0)"]
