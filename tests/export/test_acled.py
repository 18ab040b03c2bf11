"""The ACLED export read back: column set and order, types, codes; every figure from conftest."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from eventline.cli import main
from eventline.export.acled import acled_frame
from eventline.export.columns import ACLED_COLUMNS
from eventline.export.gold import PublishedGold, read_gold
from tests.export.conftest import E1, E2, E3, E4

NAMES = [c.name for c in ACLED_COLUMNS]
INTEGER = {"year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp"}


@pytest.fixture(scope="module")
def csv_rows(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("acled") / "acled.csv"
    assert (
        main(["export", "--format", "acled", "--data-dir", str(data_dir), "--out", str(out)]) == 0
    )
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    return frame.set_index("event_id_cnty", drop=False)


@pytest.fixture(scope="module")
def parquet(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("acled") / "acled.parquet"
    assert (
        main(["export", "--format", "acled", "--data-dir", str(data_dir), "--out", str(out)]) == 0
    )
    table = pq.read_table(out)
    assert table.column_names == NAMES
    for column in ACLED_COLUMNS:
        arrow = {"date32": "date32[day]", "float64": "double"}.get(column.type, column.type)
        assert str(table.schema.field(column.name).type) == arrow, column.name
    return table.to_pandas(types_mapper={}.get).set_index("event_id_cnty", drop=False)


def test_the_31_columns_in_acled_order(csv_rows: pd.DataFrame) -> None:
    assert list(csv_rows.columns) == NAMES
    assert len(NAMES) == 31
    assert sorted(csv_rows.index) == [E1, E2, E3, E4]


def test_integer_columns_are_integers_or_empty(csv_rows: pd.DataFrame) -> None:
    for column in INTEGER:
        assert all(v == "" or v.isdigit() for v in csv_rows[column]), column


def test_dates_and_time_precision_are_honest(csv_rows: pd.DataFrame) -> None:
    rows = csv_rows
    assert (rows.at[E1, "event_date"], rows.at[E1, "time_precision"]) == ("2021-03-15", "1")
    assert rows.at[E1, "tags"] == ""
    # May 2021: the month's middle day with precision 3, and the interval said in tags.
    assert (rows.at[E2, "event_date"], rows.at[E2, "time_precision"]) == ("2021-05-16", "3")
    assert rows.at[E2, "tags"] == "date range=2021-05-01/2021-05-31"
    # 2020 only: no ACLED code, no invented day.
    assert (rows.at[E3, "event_date"], rows.at[E3, "time_precision"]) == ("", "")
    assert rows.at[E3, "year"] == "2020"
    assert rows.at[E3, "tags"] == "date range=2020-01-01/2020-12-31"
    # 2-5 July: a few days, precision 2, dated to the middle; the date is imputed.
    assert (rows.at[E4, "event_date"], rows.at[E4, "time_precision"]) == ("2021-07-03", "2")
    assert rows.at[E4, "tags"] == "date range=2021-07-02/2021-07-05; date imputed"


def test_actors_inter_codes_and_interaction(csv_rows: pd.DataFrame) -> None:
    clash = csv_rows.loc[E1]
    assert clash["actor1"] == "Jama'at Nusrat al-Islam wal-Muslimin"
    assert (clash["inter1"], clash["actor2"], clash["inter2"]) == (
        "Rebel group",
        "Malian Armed Forces",
        "State forces",
    )
    assert clash["interaction"] == "State forces-Rebel group"  # lowest code first
    assert clash["civilian_targeting"] == ""
    attack = csv_rows.loc[E2]
    assert (attack["actor2"], attack["inter2"]) == ("Civilians (Niger)", "Civilians")
    assert attack["interaction"] == "Rebel group-Civilians"
    assert attack["civilian_targeting"] == "Civilian targeting"
    assert csv_rows.at[E3, "actor1"] == "" and csv_rows.at[E3, "interaction"] == ""
    # A person has no ACLED code: no inter1, no interaction, the name is kept.
    assert (csv_rows.at[E4, "actor1"], csv_rows.at[E4, "inter1"]) == ("A Commander", "")
    assert csv_rows.at[E4, "interaction"] == ""


def test_numeric_inter_codes(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "acled.parquet"
    args = ["export", "--format", "acled", "--data-dir", str(data_dir), "--out", str(out)]
    assert main([*args, "--inter-codes", "numeric"]) == 0
    rows = pq.read_table(out).to_pandas().set_index("event_id_cnty")
    assert (rows.at[E1, "inter1"], rows.at[E1, "inter2"], rows.at[E1, "interaction"]) == (2, 1, 12)
    assert (rows.at[E2, "inter2"], rows.at[E2, "interaction"]) == (7, 27)
    assert pd.isna(rows.at[E4, "inter1"])


def test_places_precision_and_codes(csv_rows: pd.DataFrame) -> None:
    clash = csv_rows.loc[E1]
    assert (clash["iso"], clash["country"], clash["admin1"], clash["location"]) == (
        "466",
        "Mali",
        "Gao",
        "Gao",
    )
    assert (clash["latitude"], clash["longitude"], clash["geo_precision"]) == (
        "16.27",
        "-0.04",
        "1",
    )
    assert (csv_rows.at[E2, "iso"], csv_rows.at[E2, "geo_precision"]) == ("562", "3")
    assert csv_rows.at[E3, "geo_precision"] == "3"
    assert csv_rows.at[E4, "geo_precision"] == ""  # place unknown
    for column in ("region", "admin3", "source_scale", "timestamp"):
        assert set(csv_rows[column]) == {""}, column


def test_types_fatalities_source_and_disorder(csv_rows: pd.DataFrame) -> None:
    clash = csv_rows.loc[E1]
    assert (clash["event_type"], clash["sub_event_type"]) == ("Battles", "Armed clash")
    assert clash["disorder_type"] == "Political violence"
    assert clash["fatalities"] == "6"  # 4 killed + 2 attackers
    assert clash["source"] == "Agence France-Presse; Reuters"
    assert clash["notes"] == f"Invented test event {E1}."
    assert csv_rows.at[E2, "fatalities"] == ""  # no figure stated: empty, not 0
    assert csv_rows.at[E3, "disorder_type"] == "Strategic developments"


def test_parquet_has_the_same_values_typed(parquet: pd.DataFrame) -> None:
    assert parquet.at[E1, "event_date"] == date(2021, 3, 15)
    assert parquet.at[E1, "fatalities"] == 6
    assert parquet.at[E2, "iso"] == 562
    assert pd.isna(parquet.at[E3, "event_date"]) and pd.isna(parquet.at[E2, "fatalities"])


def test_planned_gold_columns_are_used_when_present(data_dir: Path) -> None:
    """Columns the generalization work adds (COORDINATION.md) win when gold has them."""
    gold = read_gold(data_dir / "gold")
    planned = pd.DataFrame(
        {
            "event_id": [E1, E2, E3, E4],
            "fatalities": pd.array([9, None, None, 1], dtype="Int64"),
            "geo_precision": pd.array([2, 3, 3, None], dtype="Int64"),
            "admin2": ["Gao cercle", None, None, None],
        }
    )
    kept = gold.events.drop(
        columns=[c for c in planned.columns if c != "event_id"], errors="ignore"
    )
    richer = PublishedGold(kept.merge(planned, on="event_id"), gold.actors, gold.event_actors)
    rows = acled_frame(richer).set_index("event_id_cnty")
    assert rows.at[E1, "fatalities"] == 9  # gold's ACLED-style figure wins over killed + attackers
    assert rows.at[E1, "geo_precision"] == 2 and rows.at[E1, "admin2"] == "Gao cercle"
    assert rows.at[E2, "iso"] == 562
    assert pd.isna(rows.at[E4, "geo_precision"])  # the column is there and says unknown
