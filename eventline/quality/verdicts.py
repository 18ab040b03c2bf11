"""Row verdicts kept between runs, so that the gate checks row by row only what is new.

A row-level expectation (not null, in a set, between bounds, a pair of columns in order)
judges each row by its own values and the run's parameters alone, so a row whose checked
values are those of a row that passed every row-level expectation of its table before
(the same digest, under the same suites, parameters and pipeline version: the caller's
key) passes again. The gate marks the other rows in ``VALIDATE_COLUMN``; the suites' row-level
expectations read only those (a GX row condition), and table-level ones (uniqueness,
row counts, shares, referential integrity computed over the whole tables) read every row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

VALIDATE_COLUMN = "validate_row"
# GX's row condition (a serialized ``Column(VALIDATE_COLUMN) == True``) that keeps the rows
# to check (see the suites' row-level checks).
ROW_CONDITION = {
    "type": "comparison",
    "column": {"name": VALIDATE_COLUMN},
    "operator": "==",
    "parameter": True,
}


def row_digests(frame: pd.DataFrame) -> np.ndarray:
    """A 64-bit digest of each row's values (the checked columns, in order)."""
    if frame.empty:
        return np.zeros(0, dtype=np.uint64)
    return pd.util.hash_pandas_object(frame, index=False).to_numpy(dtype=np.uint64)


@dataclass(frozen=True)
class RowSelection:
    """Which rows of one table the gate checks row by row this run."""

    digests: np.ndarray
    to_validate: np.ndarray  # bool per row

    @property
    def counts(self) -> dict[str, int]:
        validated = int(self.to_validate.sum())
        return {
            "rows": len(self.digests),
            "validated": validated,
            "reused": len(self.digests) - validated,
        }

    def passed(self, rows_passed: bool) -> np.ndarray:
        """The digests known to pass after this run: every row when all row-level
        expectations passed, else only those that had passed before."""
        kept = self.digests if rows_passed else self.digests[~self.to_validate]
        return np.unique(kept)


def select_rows(frame: pd.DataFrame, passed_before: np.ndarray | None) -> RowSelection:
    """The rows of *frame* whose digest is not among *passed_before* (all without it)."""
    digests = row_digests(frame)
    if passed_before is None or len(passed_before) == 0:
        return RowSelection(digests, np.ones(len(digests), dtype=bool))
    return RowSelection(digests, ~np.isin(digests, passed_before, assume_unique=False))


def reusable(verdicts: Mapping[str, np.ndarray] | None, table: str) -> np.ndarray | None:
    return None if verdicts is None else verdicts.get(table)
