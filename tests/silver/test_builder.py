"""Silver assembly on hand-written reports: quarantine, links, context and conservation."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pandera.pandas as pa
import pytest
from pandera.typing import Series

from eventline.bronze.extractor import extract_bronze
from eventline.quality.conservation import ConservationError, check_silver_conservation
from eventline.silver.builder import SilverTables, build_silver_tables
from eventline.silver.event_types import default_classifier
from eventline.silver.places import default_gazetteer
from eventline.silver.quarantine import validate_and_split

REPORT = """Niger: Extremism and Terrorism

Overview

On March 3, 2021, gunmen killed 12 villagers in Tillaberi. On March 5, 2021, a court
in Niamey opened a trial. Jihadist violence has spread in Tillaberi since 2017.

Timeline

- **March 9, 2021:** Militants ambush a convoy near Menaka, killing nine soldiers. Source: [A](#)
- **February 30, 2021:** Gunmen attack a checkpoint in Gao. Source: [B](#)
- **March 3, 2021:** Gunmen kill 12 villagers in Tillaberi. Source: [C](#)
- **March 31, 2021 - March 27, 2021:** Jihadists besiege Boni. Source: [D](#)
- **March 1, 2021:** Protesters march in Bamako. Source: [E](#)
- **March 7, 2021:** Gunmen kill eight people in Tera, three in Bankilare and ten in Ayorou.
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


def _by_label(silver: SilverTables, bronze: list[dict]) -> dict[str, pd.DataFrame]:
    labels = {r["record_id"]: r["date_text"] for r in bronze}
    records = silver.records.assign(label=silver.records["bronze_record_id"].map(labels))
    return {label: rows for label, rows in records.groupby("label")}


def test_impossible_and_reversed_dates_are_quarantined_with_reasons() -> None:
    silver, bronze = _silver(REPORT)
    reasons = {
        _label_of(bronze, row.record_id): row.reasons for row in silver.quarantine.itertuples()
    }
    assert set(reasons) == {"February 30, 2021", "March 31, 2021 - March 27, 2021"}
    assert "impossible date" in reasons["February 30, 2021"][0]
    assert "reversed date range" in reasons["March 31, 2021 - March 27, 2021"][0]
    assert set(silver.quarantine["layer"]) == {"silver"}
    assert list(silver.quarantine["bronze_record_id"]) == list(silver.quarantine["record_id"])


def test_the_overview_sentence_is_linked_to_its_bullet_and_both_stay() -> None:
    silver, bronze = _silver(REPORT)
    (link,) = silver.merges
    records = silver.records.set_index("record_id")
    canonical, telling = records.loc[link.into_id], records.loc[link.merged_id]
    assert canonical["kind"] == "bullet" and canonical["date_label"] == "March 3, 2021"
    assert telling["kind"] == "narrative" and telling["line_start"] == 5
    assert telling["duplicate_of"] == link.into_id and pd.isna(canonical["duplicate_of"])
    assert telling["event_id"] == canonical["event_id"]
    # Each telling keeps its own figures and lines: 12 villagers in both texts.
    assert (telling["killed"], canonical["killed"]) == (12, 12)
    assert telling["n_mentions"] == canonical["n_mentions"] == 1
    # 9 bronze records: 6 bullets and 3 sentences; 2 quarantined; the Tera bullet gives
    # three tolls for three places, so 9 - 2 + 2 = 9 silver records.
    assert len(bronze) == 9
    assert (len(silver.records), len(silver.quarantine)) == (9, 2)


def test_a_background_sentence_is_context_and_belongs_to_no_event() -> None:
    silver, bronze = _silver(REPORT)
    (context,) = _by_label(silver, bronze)["2017"].itertuples()
    assert context.record_class == "context"
    assert context.class_reason.startswith("durative:")
    assert pd.isna(context.event_id) and pd.isna(context.duplicate_of)
    assert silver.counts()["silver_context"] == 1


def test_separate_tolls_for_separate_places_are_one_record_per_place() -> None:
    silver, bronze = _silver(REPORT)
    rows = _by_label(silver, bronze)["March 7, 2021"].sort_values("part")
    assert list(rows["part"]) == [0, 1, 2]
    assert list(rows["killed"]) == [8, 3, 10]
    assert rows["bronze_record_id"].nunique() == 1
    assert rows.iloc[0]["record_id"] == rows.iloc[0]["bronze_record_id"]
    assert rows["event_id"].nunique() == 3
    assert list(rows["killed_phrase"]) == [
        "eight people in Tera",
        "three in Bankilare",
        "ten in Ayorou",
    ]


def test_the_same_report_twice_under_two_ids_is_linked_exactly() -> None:
    once, _ = _silver(REPORT)
    twice, bronze = _silver(REPORT, REPORT)
    assert len(twice.records) == 2 * len(once.records)
    assert {m.reason for m in twice.merges} >= {"identical text and date"}
    events = twice.records[twice.records["record_class"] == "event"]
    # Every event of the second copy is a telling of the first copy's event, same ids.
    assert set(events["event_id"]) == set(once.records["event_id"].dropna())
    second = events[events["doc_id"] == "doc_0000000000000001"]
    assert second["duplicate_of"].notna().all()
    told = set(twice.records["bronze_record_id"]) | set(twice.quarantine["bronze_record_id"])
    assert told == {r["record_id"] for r in bronze}


def test_a_lost_record_breaks_conservation() -> None:
    silver, bronze = _silver(REPORT)
    with pytest.raises(ConservationError, match=r"lost e\.g\."):
        check_silver_conservation(
            [r["record_id"] for r in bronze], silver.records.iloc[1:], silver.quarantine
        )


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


def test_each_place_of_a_continuation_continues_its_own_place() -> None:
    from eventline.silver.builder import PLACE_TEXT, _continued_rows

    raids = [
        {"record_id": f"rec_r{k}", "continues_record_id": None, PLACE_TEXT: place}
        for k, place in enumerate(["Tera", "Dargol", "Gotheye"])
    ]
    tolls = [
        {"record_id": f"rec_t{k}", "continues_record_id": "rec_r0", PLACE_TEXT: place}
        for k, place in enumerate(["Tera", "Gotheye", None])
    ]
    _continued_rows(tolls, {"rec_r0": raids})
    assert [row["continues_record_id"] for row in tolls] == ["rec_r0", "rec_r2", "rec_r0"]
