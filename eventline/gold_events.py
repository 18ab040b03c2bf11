"""Gold, first cut: one event per silver record, with stable ids and provenance."""

from __future__ import annotations

import pandas as pd

from eventline.ids import stable_id

GOLD_EVENT_COLUMNS = [
    "event_id",
    "doc_ids",
    "record_ids",
    "kind",
    "date_label",
    "date_start",
    "date_end",
    "date_precision",
    "description",
    "source_names",
    "section",
    "n_mentions",
    "line_start",
    "line_end",
]


def events_from_silver(silver: pd.DataFrame) -> pd.DataFrame:
    """Events keyed by a hash of their silver record, so ids survive re-runs."""
    rows = [
        {
            "event_id": stable_id("evt", record.record_id),
            "doc_ids": list(record.doc_ids),
            "record_ids": [record.record_id, *record.merged_record_ids],
            "kind": record.kind,
            "date_label": record.date_label,
            "date_start": record.date_start,
            "date_end": record.date_end,
            "date_precision": record.date_precision,
            "description": record.text,
            "source_names": list(record.sources),
            "section": record.section,
            "n_mentions": record.n_mentions,
            "line_start": record.line_start,
            "line_end": record.line_end,
        }
        for record in silver.itertuples(index=False)
    ]
    return pd.DataFrame(rows, columns=GOLD_EVENT_COLUMNS)
