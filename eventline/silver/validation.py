"""Which silver rows fail the record model: checked per document, so that a run checks only
the documents that changed.

Every check of ``SilverRecordModel`` but one looks at a row alone (its fields, or its own
columns together), so a row's verdict is the same whether it is checked with its document's
rows or among all documents' rows. A document's draft therefore carries its verdicts
(``rejected``) and the step cache keeps them with it. The exception is ``record_id``'s
uniqueness, which spans documents: when ids collide across documents, all rows are checked
together as one frame, which gives the verdicts a whole-corpus check always gave.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any, NamedTuple, Protocol

import pandas as pd

from eventline.silver.quarantine import validate_and_split
from schemas.silver import SilverRecordModel

Row = dict[str, Any]
Verdicts = dict[int, list[str]]


class Checked(Protocol):
    """A document's draft: its rows and, once checked, which of them fail and why."""

    records: list[Row]
    rejected: Verdicts | None


def frame_of(rows: Sequence[Mapping[str, Any]], model: Any) -> pd.DataFrame:
    """Rows as a frame with exactly the model's columns, even when there are none."""
    return pd.DataFrame(list(rows), columns=list(model.to_schema().columns))


def rejected_rows(rows: Sequence[Mapping[str, Any]]) -> Verdicts:
    """{position of each row that fails the record model: the checks it fails}, by position."""
    if not rows:
        return {}
    _, reasons = validate_and_split(frame_of(rows, SilverRecordModel), SilverRecordModel)
    return {int(index): reasons[index] for index in sorted(reasons)}  # type: ignore[call-overload]


def _ids_unique(drafts: Sequence[Checked]) -> bool:
    ids = [row["record_id"] for draft in drafts for row in draft.records]
    return len(ids) == len(set(ids))


class Split(NamedTuple):
    """The drafts' rows that pass and those that fail (with their checks), in row order;
    *reused*: the drafts' own verdicts were used (no row was checked with all the others)."""

    valid: list[Row]
    failed: list[tuple[Row, list[str]]]
    reused: bool


def split_valid(drafts: Sequence[Checked]) -> Split:
    """Each draft's own verdicts when all drafts carry them and no record id is shared
    between documents; otherwise the verdicts of all rows checked together."""
    rows = [row for draft in drafts for row in draft.records]
    reused = all(draft.rejected is not None for draft in drafts) and _ids_unique(drafts)
    if reused:
        verdicts: Verdicts = {}
        offset = 0
        for draft in drafts:
            verdicts.update({offset + i: checks for i, checks in (draft.rejected or {}).items()})
            offset += len(draft.records)
    else:
        verdicts = rejected_rows(rows)
    valid = [row for position, row in enumerate(rows) if position not in verdicts]
    failed = [(rows[position], verdicts[position]) for position in sorted(verdicts)]
    return Split(valid, failed, reused)


def validated_records(rows: Sequence[Row], changed: Collection[int] | None) -> pd.DataFrame:
    """The records frame, coerced to the model's types and checked: every row when
    *changed* is None, else only the rows at those positions.

    The others are rows of drafts that passed the model unchanged (in this run or the one
    that cached them) and whose ids are unique (``split_valid``); checking 45,000 rows again
    on every run is what made a one-document run cost seconds.
    """
    frame = frame_of(rows, SilverRecordModel)
    if changed is None:
        return SilverRecordModel.validate(frame)
    SilverRecordModel.validate(frame.iloc[sorted(changed)])
    return SilverRecordModel.to_schema().coerce_dtype(frame)
