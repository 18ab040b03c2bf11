"""The data contract agrees with the pandera models and with the Parquet files written."""

from __future__ import annotations

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from flows.files import SCHEMA_VERSION
from schemas.arrow_types import arrow_schema
from schemas.data_contract import contract_type, load_contract
from schemas.gold import GOLD_MODELS
from tests.conftest import CliRun

CONTRACT = load_contract()


def test_contract_version_is_the_one_written() -> None:
    assert CONTRACT["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize("table", sorted(GOLD_MODELS))
def test_contract_matches_the_model(table: str) -> None:
    columns = CONTRACT["tables"][table]["columns"]
    schema = arrow_schema(GOLD_MODELS[table])
    assert [c["name"] for c in columns] == schema.names
    model_columns = GOLD_MODELS[table].to_schema().columns
    for column in columns:
        assert column["description"].strip(), column["name"]
        assert contract_type(schema.field(column["name"]).type) == column["type"], column["name"]
        assert model_columns[column["name"]].nullable == column["nullable"], column["name"]
        allowed = column.get("allowed")
        checks = [c for c in model_columns[column["name"]].checks if c.name == "isin"]
        if allowed is not None:
            (check,) = checks
            assert sorted(check.statistics["allowed_values"]) == sorted(allowed), column["name"]
        else:
            assert checks == [], f"{column['name']}: the model restricts values, the contract not"


def _read(mixed_run: CliRun, table: str) -> ds.Dataset:
    path = mixed_run.data_dir.joinpath(*CONTRACT["tables"][table]["path"].split("/")[:2])
    return ds.dataset(path, format="parquet", partitioning="hive")


@pytest.mark.parametrize("table", sorted(GOLD_MODELS))
def test_contract_matches_the_files(mixed_run: CliRun, table: str) -> None:
    dataset = _read(mixed_run, table)
    columns = {c["name"]: c for c in CONTRACT["tables"][table]["columns"]}
    assert sorted(dataset.schema.names) == sorted(columns)
    frame = dataset.to_table().to_pandas()
    for name, column in columns.items():
        assert contract_type(dataset.schema.field(name).type) == column["type"], name
        if not column["nullable"]:
            assert not frame[name].isna().any(), name
        if "allowed" in column:
            assert set(frame[name].dropna()) <= set(column["allowed"]), name
    for fragment in dataset.files:
        metadata = pq.read_schema(fragment).metadata
        assert metadata[b"eventline.schema_version"] == SCHEMA_VERSION.encode()


def test_events_are_partitioned_by_year(mixed_run: CliRun) -> None:
    events = mixed_run.data_dir / "gold" / "events"
    folders = sorted(p.name for p in events.iterdir())
    assert folders and all(name.startswith("year=") for name in folders)
    frame = _read(mixed_run, "events").to_table().to_pandas()
    # The sample's timeline runs from October 31, 2008 to September 17, 2024.
    assert frame["year"].min() <= 2008 and frame["year"].max() == 2024
    assert (frame["year"] == frame["date_start"].map(lambda d: d.year)).all()
