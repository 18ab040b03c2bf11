"""File I/O for the flows: finding inputs and writing validated Parquet atomically."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pyarrow
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from schemas.arrow_types import arrow_schema

SCHEMA_VERSION = "0.1.0"


def discover_files(inputs: list[Path]) -> tuple[list[Path], list[Path]]:
    """(files to read, inputs that do not exist). Folders are walked; hidden files skipped."""
    files: list[Path] = []
    missing: list[Path] = []
    for item in inputs:
        if item.is_dir():
            files.extend(
                path
                for path in sorted(item.rglob("*"))
                if path.is_file()
                and not any(part.startswith(".") for part in path.relative_to(item).parts)
            )
        elif item.is_file():
            files.append(item)
        else:
            missing.append(item)
    unique = list(dict.fromkeys(path.resolve() for path in files))
    return unique, missing


def write_parquet(frame: pd.DataFrame, model: type[pa.DataFrameModel], path: Path) -> None:
    """Write *frame* with the model's explicit Arrow schema; readers never see a partial file."""
    schema = arrow_schema(model).with_metadata(
        {"eventline.schema_version": SCHEMA_VERSION, "eventline.model": model.__name__}
    )
    table = pyarrow.Table.from_pandas(frame, schema=schema, preserve_index=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        pq.write_table(table, temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text(text: str, path: Path) -> None:
    """Write a small text file atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


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
    schema = arrow_schema(model).with_metadata(
        {"eventline.schema_version": SCHEMA_VERSION, "eventline.model": model.__name__}
    )
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
