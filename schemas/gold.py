"""Pandera models of the gold layer."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series


class GoldEventModel(pa.DataFrameModel):
    """An event as analysts read it, with the documents and lines it came from."""

    event_id: Series[str] = pa.Field(unique=True, str_matches=r"^evt_[0-9a-f]{16}$")
    doc_ids: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    record_ids: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    kind: Series[str] = pa.Field(isin=["bullet", "narrative"])
    date_label: Series[str]
    date_start: Series[object] = pa.Field(metadata={"arrow": "date32"})
    date_end: Series[object] = pa.Field(metadata={"arrow": "date32"})
    date_precision: Series[str]
    description: Series[str] = pa.Field(str_length={"min_value": 1})
    source_names: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    section: Series[str] = pa.Field(nullable=True)
    n_mentions: Series[pd.Int64Dtype] = pa.Field(ge=1)
    line_start: Series[pd.Int64Dtype] = pa.Field(ge=1)
    line_end: Series[pd.Int64Dtype] = pa.Field(ge=1)

    class Config:
        strict = True
        coerce = True
