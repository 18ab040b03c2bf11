"""Gold from silver on a report of our own: one event per event_id, context left out."""

from __future__ import annotations

from datetime import date

from eventline.bronze.extractor import extract_bronze
from eventline.gold.actors import default_catalog
from eventline.gold.builder import GoldTables, build_gold_tables
from eventline.quality.conservation import check_event_conservation
from eventline.silver.builder import SilverTables, build_silver_tables
from eventline.silver.event_types import default_classifier
from eventline.silver.places import default_gazetteer
from schemas.gold import GOLD_MODELS

REPORT = """Benin: Extremism and Terrorism

Overview

Militant violence has spread across northern Benin since 2021. On June 26, 2022, gunmen
attacked the police station at Dassari; the death toll from the attack later rose to three
police officers.

Timeline

- **June 26, 2022:** Gunmen attack the police station at Dassari, killing two police officers.
- **April 11, 2022:** A roadside bomb kills five soldiers escorting a convoy near Pendjari.
"""
COLUMNS = {name: list(model.to_schema().columns) for name, model in GOLD_MODELS.items()}


def _tables() -> tuple[SilverTables, GoldTables]:
    extract = extract_bronze("doc_00000000000000be", REPORT)
    silver = build_silver_tables(
        [{"doc_id": "doc_00000000000000be", "title": extract.title}],
        extract.bullets,
        extract.narratives,
        date(2026, 1, 1),
        default_gazetteer(),
        default_classifier(),
    )
    catalog = default_catalog()
    gold = build_gold_tables(silver.records, {}, catalog, COLUMNS)
    for name, frame in gold.as_dict().items():
        GOLD_MODELS[name].validate(frame)
    return silver, gold


def test_one_event_per_event_id_and_no_context() -> None:
    silver, gold = _tables()
    records = silver.records
    # 3 dated sentences/bullets told: "since 2021" (context), the Dassari sentence and its
    # bullet (one event), the Pendjari bullet (another).
    assert sorted(records["record_class"]) == ["context", "event", "event", "event"]
    assert len(gold.events) == 2
    assert set(gold.events["record_class"]) == {"event"}
    check_event_conservation(records, gold.events)
    dassari = gold.events[gold.events["n_mentions"] == 2].iloc[0]
    tellings = records[records["record_id"].isin(list(dassari["record_ids"]))]
    (canonical,) = tellings[tellings["duplicate_of"].isna()].itertuples()
    assert canonical.kind == "bullet"
    assert dassari["event_id"] == canonical.event_id
    assert set(tellings["duplicate_of"].dropna()) == {canonical.record_id}


def test_a_telling_that_revises_the_toll_gives_the_event_its_figure() -> None:
    silver, gold = _tables()
    dassari = gold.events[gold.events["n_mentions"] == 2].iloc[0]
    tellings = silver.records.set_index("record_id").loc[list(dassari["record_ids"])]
    # Each telling keeps its own figure in silver: two in the bullet, three in the update.
    assert sorted(tellings["killed"]) == [2, 3]
    assert dassari["killed"] == 3 and dassari["fatalities"] == 3
    assert dassari["description"].startswith("Gunmen attack the police station at Dassari")


def test_fatalities_count_every_death() -> None:
    _, gold = _tables()
    pendjari = gold.events[gold.events["n_mentions"] == 1].iloc[0]
    assert (pendjari["killed"], pendjari["fatalities"]) == (5, 5)
    assert pendjari["event_type"] == "Explosions/Remote violence"


def test_frame_records_are_what_to_dict_gives() -> None:
    import pandas as pd

    from eventline.gold.builder import frame_records

    frame = pd.DataFrame(
        {
            "record_id": pd.array(["rec_1", "rec_2"], dtype="str"),
            "duplicate_of": pd.array([None, "rec_1"], dtype="str"),
            "killed": pd.array([3, None], dtype="Int64"),
            "latitude": [16.27, float("nan")],
            "date_start": [date(2021, 1, 2), date(2021, 1, 3)],
            "date_imputed": [False, True],
            "sources": [["CEP"], []],
        }
    )
    records = frame_records(frame)
    expected = frame.to_dict("records")
    assert [list(r) for r in records] == [list(r) for r in expected]
    # A missing count is None in both; a missing string or float is NaN in both.
    assert records[1]["killed"] is None and expected[1]["killed"] is None
    assert records[0]["duplicate_of"] != records[0]["duplicate_of"]  # NaN
    assert [r["killed"] for r in records] == [3, None]
    assert records[0]["sources"] == ["CEP"] and records[1]["date_imputed"] is True
    assert {type(v) for r in records for v in r.values()} == {
        type(v) for r in expected for v in r.values()
    }
