"""Read a reviewed reference CSV (places, actors): the header and row shape are checked."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path


def reference_rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[str, dict[str, str]]]:
    """(``file:line``, row) for every non-blank row; a wrong header or row fails loudly."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = tuple(next(reader, ()))
        if header != columns:
            raise ValueError(f"{path}: header {header} is not {columns}")
        for line_no, values in enumerate(reader, start=2):
            if not any(value.strip() for value in values):
                continue
            where = f"{path.name}:{line_no}"
            if len(values) != len(columns):
                raise ValueError(f"{where}: expected {len(columns)} fields, got {len(values)}")
            yield where, dict(zip(columns, values, strict=True))
