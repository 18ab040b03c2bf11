"""Derive explicit Arrow schemas from pandera models, so Parquet types never depend on data.

An all-null column would otherwise be written as ``null`` type and break readers
that union files from several runs.
"""

from __future__ import annotations

import pandera.pandas as pa
import pyarrow as arrow

_BY_PANDERA_DTYPE: dict[str, arrow.DataType] = {
    "str": arrow.string(),
    "string": arrow.string(),
    "string[pyarrow]": arrow.string(),
    "string[python]": arrow.string(),
    "Int64": arrow.int64(),
    "int64": arrow.int64(),
    "Int32": arrow.int32(),
    "bool": arrow.bool_(),
    "boolean": arrow.bool_(),
    "float64": arrow.float64(),
    "Float64": arrow.float64(),
}
_BY_METADATA: dict[str, arrow.DataType] = {
    "list<string>": arrow.list_(arrow.string()),
    "list<int64>": arrow.list_(arrow.int64()),
    "date32": arrow.date32(),
    "list<mention>": arrow.list_(
        arrow.struct(
            [
                ("doc_id", arrow.string()),
                ("record_id", arrow.string()),
                ("kind", arrow.string()),
                ("line_start", arrow.int64()),
                ("line_end", arrow.int64()),
            ]
        )
    ),
}


def arrow_schema(model: type[pa.DataFrameModel]) -> arrow.Schema:
    """The Arrow schema of *model*: ``Field(metadata={"arrow": …})`` wins over the dtype."""
    fields = []
    for name, column in model.to_schema().columns.items():
        override = (column.metadata or {}).get("arrow")
        if override is not None:
            arrow_type = _BY_METADATA[override]
        else:
            arrow_type = _BY_PANDERA_DTYPE[str(column.dtype)]
        fields.append(arrow.field(name, arrow_type, nullable=column.nullable))
    return arrow.schema(fields)
