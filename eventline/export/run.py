"""``eventline export``: the published gold as an ACLED or UCDP GED file.

The command-line side of :mod:`eventline.export` (kept out of ``eventline.cli`` so that the
CLI module only wires arguments): reads ``DATA_DIR/gold``, builds the frame, writes it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyarrow as pa

from eventline.export.acled import LABELS, NUMERIC, acled_frame
from eventline.export.columns import FORMATS, Column
from eventline.export.gold import read_gold
from eventline.export.ucdp import ucdp_frame
from eventline.export.writer import typed, write_export

INTER_COLUMNS = ("inter1", "inter2", "interaction")


def export_table(data_dir: Path, fmt: str, inter_codes: str = LABELS) -> pa.Table:
    """The published gold under *data_dir* in format *fmt* (``acled`` or ``ucdp-ged``)."""
    gold = read_gold(Path(data_dir) / "gold")
    columns: tuple[Column, ...] = FORMATS[fmt]
    if fmt == "acled":
        frame = acled_frame(gold, inter_codes)
        if inter_codes == NUMERIC:
            columns = tuple(
                replace(c, type="int64") if c.name in INTER_COLUMNS else c for c in columns
            )
    else:
        frame = ucdp_frame(gold)
    return typed(frame, columns)


def export(data_dir: Path, fmt: str, out: Path | None, inter_codes: str = LABELS) -> int:
    """Write the export; returns the number of rows written."""
    table = export_table(data_dir, fmt, inter_codes)
    write_export(table, out)
    return table.num_rows
