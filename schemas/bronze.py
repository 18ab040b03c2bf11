"""Pandera models of the bronze layer: documents, rejections, records and line classes."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

LINE_CLASSES = ["bullet", "narrative", "heading", "artifact"]
LABEL_FORMS = ["bold", "plain", "inline", "lost", "missing"]


def _is_list_of_str(values: pd.Series) -> pd.Series:
    return values.map(lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v))


class DocumentModel(pa.DataFrameModel):
    """One row per distinct document content; identical copies list their paths."""

    doc_id: Series[str] = pa.Field(unique=True, str_matches=r"^doc_[0-9a-f]{16}$")
    path: Series[str]
    file_name: Series[str]
    title: Series[str] = pa.Field(nullable=True)
    size_bytes: Series[pd.Int64Dtype] = pa.Field(ge=1)
    encoding: Series[str]
    decode_warning: Series[str] = pa.Field(nullable=True)
    sha256: Series[str] = pa.Field(str_length=64)
    n_lines: Series[pd.Int64Dtype] = pa.Field(ge=1)
    n_nonblank_lines: Series[pd.Int64Dtype] = pa.Field(ge=1)
    duplicate_paths: Series[object] = pa.Field(metadata={"arrow": "list<string>"})

    @pa.check("duplicate_paths")
    def _paths_are_lists(cls, values: pd.Series) -> pd.Series:
        return _is_list_of_str(values)

    class Config:
        strict = True
        coerce = True


class RejectedDocumentModel(pa.DataFrameModel):
    """A file that could not be read as a report, and why."""

    path: Series[str] = pa.Field(unique=True)
    file_name: Series[str]
    size_bytes: Series[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    reason: Series[str] = pa.Field(str_length={"min_value": 1})

    class Config:
        strict = True
        coerce = True


class _RecordModel(pa.DataFrameModel):
    record_id: Series[str] = pa.Field(unique=True, str_matches=r"^rec_[0-9a-f]{16}$")
    doc_id: Series[str] = pa.Field(str_matches=r"^doc_[0-9a-f]{16}$")
    date_text: Series[str]
    date_expressions: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    sources: Series[object] = pa.Field(metadata={"arrow": "list<string>"})
    source_text: Series[str] = pa.Field(nullable=True)
    section: Series[str] = pa.Field(nullable=True)
    line_start: Series[pd.Int64Dtype] = pa.Field(ge=1)
    line_end: Series[pd.Int64Dtype] = pa.Field(ge=1)
    block_index: Series[pd.Int64Dtype] = pa.Field(ge=0)
    # Where each input line begins in the record's text (a narrative's: its passage):
    # offsets, and the line numbers they begin; the first offset is 0.
    line_offsets: Series[object] = pa.Field(metadata={"arrow": "list<int64>"})
    line_numbers: Series[object] = pa.Field(metadata={"arrow": "list<int64>"})

    @pa.check("date_expressions", "sources")
    def _lists_of_strings(cls, values: pd.Series) -> pd.Series:
        return _is_list_of_str(values)

    @pa.check("line_offsets", "line_numbers")
    def _lists_of_ints(cls, values: pd.Series) -> pd.Series:
        return values.map(lambda v: len(v) > 0 and all(int(x) >= 0 for x in v))

    @pa.dataframe_check
    def _line_map_paired(cls, frame: pd.DataFrame) -> pd.Series:
        return frame["line_offsets"].map(len) == frame["line_numbers"].map(len)

    @pa.dataframe_check
    def _lines_ordered(cls, frame: pd.DataFrame) -> pd.Series:
        return frame["line_start"] <= frame["line_end"]

    class Config:
        strict = True
        coerce = True


class BulletModel(_RecordModel):
    """A timeline bullet exactly as written; ``date_text`` is empty when the label was lost."""

    kind: Series[str] = pa.Field(isin=["bullet"])
    label_form: Series[str] = pa.Field(isin=LABEL_FORMS)
    raw_text: Series[str]
    list_index: Series[pd.Int64Dtype] = pa.Field(ge=0)
    list_position: Series[pd.Int64Dtype] = pa.Field(ge=0)

    @pa.dataframe_check
    def _label_present_unless_lost(cls, frame: pd.DataFrame) -> pd.Series:
        lost = frame["label_form"].isin(["lost", "missing"])
        return lost == (frame["date_text"] == "")


class NarrativeModel(_RecordModel):
    """A narrative sentence that holds at least one date expression."""

    kind: Series[str] = pa.Field(isin=["narrative"])
    sentence_index: Series[pd.Int64Dtype] = pa.Field(ge=0)
    dateline: Series[str] = pa.Field(nullable=True)
    lead_text: Series[str] = pa.Field(nullable=True)
    passage: Series[str] = pa.Field(str_length={"min_value": 1})

    @pa.check("date_expressions")
    def _has_expression(cls, values: pd.Series) -> pd.Series:
        return values.map(len) > 0


class LineModel(pa.DataFrameModel):
    """Every non-blank input line, classified exactly once."""

    doc_id: Series[str] = pa.Field(str_matches=r"^doc_[0-9a-f]{16}$")
    line_no: Series[pd.Int64Dtype] = pa.Field(ge=1)
    line_class: Series[str] = pa.Field(isin=LINE_CLASSES)
    detail: Series[str]
    block_index: Series[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    text: Series[str] = pa.Field(str_length={"min_value": 1})

    @pa.dataframe_check
    def _one_class_per_line(cls, frame: pd.DataFrame) -> pd.Series:
        return ~frame.duplicated(["doc_id", "line_no"], keep=False)

    class Config:
        strict = True
        coerce = True
