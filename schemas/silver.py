"""Pandera models of the silver layer and its quarantine."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.bronze import _is_list_of_str


class SilverRecordModel(pa.DataFrameModel):
    """A validated record of any kind, traceable to its bronze record and lines."""

    record_id: Series[str] = pa.Field(unique=True, str_matches=r"^rec_[0-9a-f]{16}$")
    doc_id: Series[str] = pa.Field(str_matches=r"^doc_[0-9a-f]{16}$")
    kind: Series[str] = pa.Field(isin=["bullet", "narrative"])
    date_text: Series[str]
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    sources: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    section: Series[str] = pa.Field(nullable=True)
    line_start: Series[pd.Int64Dtype] = pa.Field(ge=1)
    line_end: Series[pd.Int64Dtype] = pa.Field(ge=1)

    @pa.check("sources")
    def _sources_are_lists(cls, values: pd.Series) -> pd.Series:
        return _is_list_of_str(values)

    @pa.dataframe_check
    def _lines_ordered(cls, frame: pd.DataFrame) -> pd.Series:
        return frame["line_start"] <= frame["line_end"]

    class Config:
        strict = True
        coerce = True


class QuarantineModel(pa.DataFrameModel):
    """A record held back from a layer, with every check it failed."""

    record_id: Series[str]
    doc_id: Series[str]
    kind: Series[str]
    layer: Series[str] = pa.Field(isin=["silver", "gold"])
    reasons: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    text: Series[str] = pa.Field(nullable=True)
    line_start: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    line_end: Series[pd.Int64Dtype] = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True
