"""Silver, first cut: bronze records of every kind in one validated table.

Date normalisation, casualties, places, event types and deduplication arrive in
later steps; the columns here are the ones they build on.
"""

from __future__ import annotations

import pandas as pd

SILVER_COLUMNS = [
    "record_id",
    "doc_id",
    "kind",
    "date_text",
    "text",
    "sources",
    "section",
    "line_start",
    "line_end",
]


def union_bronze(bullets: pd.DataFrame, narratives: pd.DataFrame) -> pd.DataFrame:
    """One frame of all bronze records, in document and line order."""
    frames = [frame[SILVER_COLUMNS] for frame in (bullets, narratives) if not frame.empty]
    if not frames:
        return pd.DataFrame({column: pd.Series(dtype=object) for column in SILVER_COLUMNS})
    union = pd.concat(frames, ignore_index=True)
    return union.sort_values(["doc_id", "line_start", "record_id"], ignore_index=True)


def quarantine_rows(
    records: pd.DataFrame, reasons: dict[object, list[str]], layer: str
) -> pd.DataFrame:
    """Quarantine rows: the failed record's id, provenance and every failed check."""
    rows = [
        {
            "record_id": records.at[index, "record_id"],
            "doc_id": records.at[index, "doc_id"],
            "kind": records.at[index, "kind"],
            "layer": layer,
            "reasons": failed,
            "text": records.at[index, "text"],
            "line_start": records.at[index, "line_start"],
            "line_end": records.at[index, "line_end"],
        }
        for index, failed in reasons.items()
    ]
    columns = ["record_id", "doc_id", "kind", "layer", "reasons", "text", "line_start", "line_end"]
    return pd.DataFrame(rows, columns=columns)
