"""Between silver rows and deduplication: what deduplication reads of a silver event, and
the links it finds applied back to the rows (a duplicate takes its event's id and type)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from eventline.silver.dedup_scores import PairScores
from eventline.silver.deduplication import Candidate, DedupRecord, Merge, deduplicate
from eventline.silver.record_class import EVENT

Row = dict[str, Any]
PRECISE = ("town", "admin2")
# A place as written tells one event from another unless it is a region or the country.
WRITTEN = ("town", "admin2", "unresolved")


def _written_place(row: Mapping[str, Any]) -> str | None:
    text = row.get("location_text")
    return text if isinstance(text, str) and row["location_precision"] in WRITTEN else None


def dedup_records(records: Sequence[Mapping[str, Any]]) -> list[DedupRecord]:
    """What deduplication reads of the validated silver events (context tells no event)."""
    return [
        DedupRecord(
            record_id=row["record_id"],
            kind=row["kind"],
            doc_id=row["doc_id"],
            text=row["text"],
            date_start=row["date_start"],
            date_end=row["date_end"],
            date_precision=row["date_precision"],
            # A country or region is not evidence of one event; a town is.
            place_id=row["place_id"] if row["location_precision"] in PRECISE else None,
            line_start=row["line_start"],
            source_id=row["bronze_record_id"],
            continues=row.get("continues_record_id"),
            date_role=row.get("date_role", "event"),
            event_type=row["event_type"],
            place_text=_written_place(row),
        )
        for row in records
        if row["record_class"] == EVENT
    ]


def find_duplicates(
    records: Sequence[Mapping[str, Any]], scores: PairScores | None = None
) -> tuple[list[Merge], list[Candidate]]:
    """Duplicate links among the validated silver events, on the whole corpus."""
    return deduplicate(dedup_records(records), scores)


SHARED_TYPE_SUFFIX = "+canonical"


def apply_links(records: Sequence[Mapping[str, Any]], merges: Sequence[Merge]) -> list[Row]:
    """Link each duplicate telling to its event's canonical telling; all rows stay.

    A duplicate takes the event's id and, when the canonical telling has a type, the
    event's ACLED type too (one event has one type; ``event_rule`` then ends in
    ``+canonical``). Its own date, place, figures and lines stay its own.
    """
    rows = [dict(row) for row in records]
    by_id = {row["record_id"]: row for row in rows}
    for merge in merges:
        row, canonical = by_id[merge.merged_id], by_id[merge.into_id]
        row["duplicate_of"] = canonical["record_id"]
        row["event_id"] = canonical["event_id"]
        if canonical["event_type"] is not None:
            row["event_type"] = canonical["event_type"]
            row["sub_event_type"] = canonical["sub_event_type"]
            row["event_rule"] = f"{canonical['event_rule']}{SHARED_TYPE_SUFFIX}"
    return rows
