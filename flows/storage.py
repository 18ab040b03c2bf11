"""File I/O for the flows: validated Parquet written atomically, and read back as rows."""

from __future__ import annotations

import hashlib
import io
import json
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa
import pyarrow
import pyarrow.compute as pc
import pyarrow.ipc
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


def partition_tables(
    frame: pd.DataFrame, model: type[pa.DataFrameModel], partition: str
) -> dict[str, pyarrow.Table]:
    """*frame* split into a hive-partitioned dataset's files, by ascending *partition* value:
    ``{"year=2015/part-0.parquet": its rows in frame order, without the column}``.

    Split here so that a caller can write only the files whose rows changed, and so that
    a file's bytes depend on its rows alone: ``pq.write_table`` of its table, one row group
    (up to a million rows) in frame order. ``ds.write_dataset`` wrote those same bytes for
    a partition within one of its 32,768-row batches, but a partition across batches got a
    row group per batch, in whatever order its threads finished.
    """
    table = pyarrow.Table.from_pandas(frame, schema=_schema(model), preserve_index=False)
    table = table.replace_schema_metadata(_without_column(table.schema.metadata, partition))
    values = table[partition]
    return {
        f"{partition}={value}/part-0.parquet": table.filter(pc.equal(values, value)).drop_columns(
            [partition]
        )
        for value in sorted(pc.unique(values).to_pylist())
    }


def table_bytes(table: pyarrow.Table) -> bytes:
    """A table as Parquet, with the schema it carries."""
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


@cache
def writer_version() -> str:
    """What a Parquet file's bytes depend on besides its rows: pyarrow and this module."""
    source = Path(__file__).read_bytes()
    return hashlib.sha256(pyarrow.__version__.encode() + b"\n" + source).hexdigest()[:16]


def rows_digest(table: pyarrow.Table) -> str:
    """A SHA-256 of a table's schema (with its metadata) and rows, in Arrow's IPC form:
    a fraction of the cost of encoding it as Parquet."""
    sink = pyarrow.BufferOutputStream()
    with pyarrow.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return hashlib.sha256(sink.getvalue()).hexdigest()


def write_partitioned_parquet(
    frame: pd.DataFrame, model: type[pa.DataFrameModel], directory: Path, partition: str
) -> None:
    """A hive-partitioned dataset (``directory/year=2015/part-0.parquet``) with the model's schema.

    Written into a staging folder by the caller, so it need not be atomic by itself.
    """
    for name, table in partition_tables(frame, model, partition).items():
        write_bytes(table_bytes(table), directory / name)
