"""Split a frame into rows that pass a pandera model and rows that go to quarantine.

pandera's own ``drop_invalid_rows`` has let invalid rows through, so the split is
made here from the lazy validation's failure cases, keeping every failed check.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd
import pandera.pandas as pa


class SchemaMismatch(ValueError):
    """The frame's shape is wrong (missing column, uncoercible type): a bug, not bad data."""


def validate_and_split(
    frame: pd.DataFrame, model: type[pa.DataFrameModel]
) -> tuple[pd.DataFrame, dict[object, list[str]]]:
    """(valid rows, validated) and {index label: failed checks} for the rest."""
    try:
        return model.validate(frame, lazy=True), {}
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
    frame_level = cases[cases["index"].isna()]
    if not frame_level.empty:
        summary = "; ".join(
            f"{row.column}: {row.check} ({row.failure_case})" for row in frame_level.itertuples()
        )
        raise SchemaMismatch(f"{model.__name__} does not fit the frame: {summary}")
    reasons: dict[object, list[str]] = defaultdict(list)
    for row in cases.itertuples():
        # A frame-wide check reports each column of a failing row; name it once.
        frame_wide = row.schema_context == "DataFrameSchema"
        label = f"{row.column}: {row.check}" if row.column and not frame_wide else str(row.check)
        if label not in reasons[row.index]:
            reasons[row.index].append(label)
    valid = model.validate(frame.drop(index=list(reasons)), lazy=True)
    return valid, dict(reasons)
