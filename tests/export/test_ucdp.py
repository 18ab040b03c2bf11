"""The UCDP GED export read back: column set, types and codes; every figure from conftest."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from eventline.cli import main
from eventline.export.columns import UCDP_COLUMNS
from eventline.export.values import priogrid
from tests.export.conftest import E1, E2, E3, E4

NAMES = [c.name for c in UCDP_COLUMNS]


@pytest.fixture(scope="module")
def rows(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("ucdp") / "ged.parquet"
    args = ["export", "--format", "ucdp-ged", "--data-dir", str(data_dir), "--out", str(out)]
    assert main(args) == 0
    table = pq.read_table(out)
    assert table.column_names == NAMES
    for column in UCDP_COLUMNS:
        arrow = {"date32": "date32[day]", "float64": "double"}.get(column.type, column.type)
        assert str(table.schema.field(column.name).type) == arrow, column.name
    return table.to_pandas().set_index("id", drop=False)


def test_ged_columns_and_one_row_per_event(rows: pd.DataFrame) -> None:
    assert {"id", "type_of_violence", "side_a", "side_b", "where_prec", "date_prec"} <= set(NAMES)
    assert {
        "deaths_a",
        "deaths_b",
        "deaths_civilians",
        "deaths_unknown",
        "best",
        "high",
        "low",
    } <= set(NAMES)
    assert sorted(rows.index) == [E1, E2, E3, E4]


def test_state_based_clash_puts_the_government_on_side_a(rows: pd.DataFrame) -> None:
    clash = rows.loc[E1]
    assert clash["type_of_violence"] == 1
    assert (clash["side_a"], clash["side_b"]) == (
        "Malian Armed Forces",
        "Jama'at Nusrat al-Islam wal-Muslimin",
    )
    assert clash["dyad_name"] == "Malian Armed Forces - Jama'at Nusrat al-Islam wal-Muslimin"
    # The attackers (JNIM, now side B) lost 2; the 4 victims' side is not stated.
    assert pd.isna(clash["deaths_a"]) and clash["deaths_b"] == 2
    assert clash["deaths_unknown"] == 4 and pd.isna(clash["deaths_civilians"])
    assert (clash["best"], clash["low"], clash["high"]) == (6, 6, 8)


def test_one_sided_violence_against_civilians(rows: pd.DataFrame) -> None:
    attack = rows.loc[E2]
    assert attack["type_of_violence"] == 3
    assert (attack["side_a"], attack["side_b"]) == (
        "Islamic State in the Greater Sahara",
        "Civilians",
    )
    assert pd.isna(attack["best"]) and pd.isna(attack["deaths_civilians"])  # no figure: empty


def test_unclear_sides_leave_the_type_empty(rows: pd.DataFrame) -> None:
    assert pd.isna(rows.at[E3, "type_of_violence"]) and pd.isna(rows.at[E3, "side_a"])
    assert pd.isna(rows.at[E4, "type_of_violence"])  # a person: no code
    assert rows.at[E4, "side_a"] == "A Commander"


def test_dates_map_directly_with_their_precision(rows: pd.DataFrame) -> None:
    assert [str(rows.at[e, "date_start"]) for e in (E1, E2, E3, E4)] == [
        "2021-03-15",
        "2021-05-01",
        "2020-01-01",
        "2021-07-02",
    ]
    assert str(rows.at[E2, "date_end"]) == "2021-05-31"
    # 1 day → 1; 4 days → 2; a month → 4; a year → 5.
    assert [rows.at[e, "date_prec"] for e in (E1, E4, E2, E3)] == [1, 2, 4, 5]


def test_where_precision_coordinates_and_grid(rows: pd.DataFrame) -> None:
    assert [rows.at[e, "where_prec"] for e in (E1, E2, E3)] == [1, 4, 6]
    assert pd.isna(rows.at[E4, "where_prec"])
    clash = rows.loc[E1]
    assert (clash["where_coordinates"], clash["adm_1"]) == ("Gao", "Gao")
    assert clash["geom_wkt"] == "POINT (-0.04 16.27)"
    # PRIO-GRID rows count from the south pole, columns from 180°W, 0.5° each, 720 a row.
    assert clash["priogrid_gid"] == 1 + 359 + 720 * 212
    assert priogrid(-89.9, -179.9) == 1 and priogrid(89.9, 179.9) == 259200
    assert clash["number_of_sources"] == 1
    assert clash["source_article"] == "Agence France-Presse; Reuters"


def test_ucdp_ids_that_gold_cannot_give_stay_empty(rows: pd.DataFrame) -> None:
    for column in (
        "conflict_new_id",
        "dyad_new_id",
        "side_a_new_id",
        "country_id",
        "region",
        "gwnoa",
    ):
        assert rows[column].isna().all(), column
