"""Write an export frame as CSV or Parquet with the declared column types.

CSV: UTF-8, a header, ISO dates, empty cells for unknown values (never 0). Parquet: the
Arrow types of :mod:`eventline.export.columns`. Both are written to a temporary file
beside the target and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from eventline.export.columns import Column

ARROW_TYPES = {
    "string": pa.string(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "date32": pa.date32(),
}
SUFFIXES = (".csv", ".parquet")


def arrow_schema(columns: Sequence[Column]) -> pa.Schema:
    return pa.schema([pa.field(c.name, ARROW_TYPES[c.type]) for c in columns])


def typed(frame: pd.DataFrame, columns: Sequence[Column]) -> pa.Table:
    """The frame as an Arrow table of the declared types (None → null)."""
    arrays = []
    for column in columns:
        values = [None if pd.isna(x) else x for x in frame[column.name].astype(object)]
        arrays.append(pa.array(values, type=ARROW_TYPES[column.type]))
    return pa.Table.from_arrays(arrays, schema=arrow_schema(columns))


def write_csv(table: pa.Table, handle: TextIO) -> None:
    frame = table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    frame.to_csv(handle, index=False, lineterminator="\n")


def write_export(table: pa.Table, out: Path | None) -> None:
    """Write *table* to *out* (.csv or .parquet), or as CSV to standard output."""
    if out is None:
        write_csv(table, sys.stdout)
        return
    if out.suffix not in SUFFIXES:
        raise ValueError(f"{out}: the output must end in .csv or .parquet")
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    os.close(handle)
    try:
        if out.suffix == ".parquet":
            pq.write_table(table, temporary)
        else:
            with open(temporary, "w", encoding="utf-8", newline="") as text:
                write_csv(table, text)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
