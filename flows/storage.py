"""File I/O for the flows: validated Parquet written atomically, and read back as rows."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa
import pyarrow
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from flows.files import SCHEMA_VERSION, write_bytes
from schemas.arrow_types import arrow_schema


def _schema(model: type[pa.DataFrameModel]) -> pyarrow.Schema:
    return arrow_schema(model).with_metadata(
        {"eventline.schema_version": SCHEMA_VERSION, "eventline.model": model.__name__}
    )


def parquet_bytes(frame: pd.DataFrame, model: type[pa.DataFrameModel]) -> bytes:
    """*frame* as Parquet with the model's explicit Arrow schema (types never depend on data)."""
    table = pyarrow.Table.from_pandas(frame, schema=_schema(model), preserve_index=False)
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def write_parquet(frame: pd.DataFrame, model: type[pa.DataFrameModel], path: Path) -> None:
    """Write *frame* with the model's explicit Arrow schema, atomically."""
    write_bytes(parquet_bytes(frame, model), path)


def read_rows(path: Path, columns: list[str] | None = None) -> list[dict[str, Any]]:
    """A Parquet file as plain Python rows (lists, ints, None), as the pure core takes them."""
    return pq.read_table(path, columns=columns).to_pylist()


def read_frame(path: Path) -> pd.DataFrame:
    """A Parquet file, or a folder of them, as pandas reads it."""
    return pd.read_parquet(path)


def _without_column(metadata: dict[bytes, bytes], column: str) -> dict[bytes, bytes]:
    """pandas metadata minus the partition column, which lives in folder names.

    Left in, it tells pandas to rebuild ``year`` as Int64 from the dictionary-typed
    partition column, which pyarrow cannot do, and ``pd.read_parquet`` fails.
    """
    pandas_meta = json.loads(metadata[b"pandas"])
    pandas_meta["columns"] = [c for c in pandas_meta["columns"] if c["name"] != column]
    return {**metadata, b"pandas": json.dumps(pandas_meta).encode()}


def write_partitioned_parquet(
    frame: pd.DataFrame, model: type[pa.DataFrameModel], directory: Path, partition: str
) -> None:
    """A hive-partitioned dataset (``directory/year=2015/part-0.parquet``) with the model's schema.

    Written into a staging folder by the caller, so it need not be atomic by itself.
    """
    schema = _schema(model)
    table = pyarrow.Table.from_pandas(frame, schema=schema, preserve_index=False)
    table = table.replace_schema_metadata(_without_column(table.schema.metadata, partition))
    partitioning = ds.partitioning(pyarrow.schema([schema.field(partition)]), flavor="hive")
    ds.write_dataset(
        table,
        directory,
        format="parquet",
        partitioning=partitioning,
        basename_template="part-{i}.parquet",
        existing_data_behavior="error",
    )
