"""Build silver records from bronze: dates, casualties, places, event types, duplicates.

Pure functions on plain rows; the flow validates the result with pandera and writes it.
Each bronze record ends in exactly one place: a silver record, the quarantine, or the
``merged_record_ids`` of the silver record that tells the same event.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from eventline.quality.conservation import check_record_conservation
from eventline.silver.casualties import CATEGORIES, CasualtyCount, parse_casualties
from eventline.silver.deduplication import Candidate, DedupRecord, Merge, deduplicate
from eventline.silver.event_types import EventClassifier
from eventline.silver.places import PlaceResolver, document_countries
from eventline.silver.quarantine import validate_and_split
from eventline.silver.record_dates import DateFailure, date_records
from schemas.silver import (
    DuplicateCandidateModel,
    QuarantineModel,
    SilverRecordModel,
    UnknownPlaceModel,
)

Row = dict[str, Any]
CASUALTY_KINDS = CATEGORIES
PRECISE = ("town", "admin2")


@dataclass
class SilverDraft:
    """Silver rows before validation, and the records that could not be dated."""

    records: list[Row] = field(default_factory=list)
    quarantine: list[Row] = field(default_factory=list)
    unknown_places: list[Row] = field(default_factory=list)


def _casualty_columns(kind: str, count: CasualtyCount) -> Row:
    return {
        kind: count.best,
        f"{kind}_low": count.low,
        f"{kind}_high": count.high,
        f"{kind}_phrase": count.phrase,
    }


__all__ = ["document_countries"]  # re-exported: the flows call it from here


def quarantine_row(record: Mapping[str, Any], reasons: list[str], layer: str = "silver") -> Row:
    return {
        "record_id": record["record_id"],
        "doc_id": record["doc_id"],
        "kind": record["kind"],
        "layer": layer,
        "reasons": reasons,
        "text": record["text"],
        "line_start": record["line_start"],
        "line_end": record["line_end"],
    }


def draft_silver(
    bullets: Sequence[Mapping[str, Any]],
    narratives: Sequence[Mapping[str, Any]],
    countries: Mapping[str, Sequence[str]],
    known_until: date,
    gazetteer: PlaceResolver,
    classifier: EventClassifier,
) -> SilverDraft:
    """Normalise every bronze record; undatable ones go straight to quarantine."""
    dates = date_records(bullets, narratives, known_until)
    draft = SilverDraft()
    places = _place_contexts([*bullets, *narratives], countries, gazetteer)
    for record in [*bullets, *narratives]:
        outcome = dates[record["record_id"]]
        if isinstance(outcome, DateFailure):
            draft.quarantine.append(quarantine_row(record, [f"date: {outcome.reason}"]))
            continue
        text = record["text"]
        casualties = parse_casualties(text)
        place = gazetteer.locate(text, places[record["doc_id"]], record)
        event = classifier.classify(text)
        mention = {
            "doc_id": record["doc_id"],
            "record_id": record["record_id"],
            "kind": record["kind"],
            "line_start": record["line_start"],
            "line_end": record["line_end"],
        }
        row: Row = {
            "record_id": record["record_id"],
            "doc_id": record["doc_id"],
            "doc_ids": [record["doc_id"]],
            "kind": record["kind"],
            "date_label": record["date_text"],
            "date_start": outcome.interval.start,
            "date_end": outcome.interval.end,
            "date_precision": outcome.interval.precision,
            "date_method": outcome.method,
            "date_anchor": outcome.anchor,
            "date_imputed": outcome.imputed,
            "text": text,
            "sources": list(record["sources"]),
            "section": record["section"],
            "line_start": record["line_start"],
            "line_end": record["line_end"],
            **place.columns(),
            "unknown_places": list(place.unknown_names),
            "event_type": event.event_type,
            "sub_event_type": event.sub_event_type,
            "event_rule": event.rule_id,
            "merged_record_ids": [],
            "mentions": [mention],
            "n_mentions": 1,
        }
        for kind in CASUALTY_KINDS:
            row.update(_casualty_columns(kind, getattr(casualties, kind)))
        draft.records.append(row)
        draft.unknown_places.extend(
            {
                **unknown,
                "record_id": record["record_id"],
                "doc_id": record["doc_id"],
                "line_start": record["line_start"],
            }
            for unknown in place.unknown_rows()
        )
    return draft


def _place_contexts(
    records: Sequence[Mapping[str, Any]],
    countries: Mapping[str, Sequence[str]],
    gazetteer: PlaceResolver,
) -> dict[str, Any]:
    """Each document's place context (its countries and paragraphs), from its records."""
    by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for record in records:
        by_doc[record["doc_id"]].append(record)
    return {
        doc_id: gazetteer.document(rows, title_codes=countries.get(doc_id) or ())
        for doc_id, rows in by_doc.items()
    }


def find_duplicates(records: Sequence[Mapping[str, Any]]) -> tuple[list[Merge], list[Candidate]]:
    """Deduplicate validated silver rows."""
    return deduplicate(
        [
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
            )
            for row in records
        ]
    )


def _union(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def apply_merges(records: Sequence[Mapping[str, Any]], merges: Sequence[Merge]) -> list[Row]:
    """Fold merged records into their survivor, which keeps every mention and source."""
    by_id = {row["record_id"]: dict(row) for row in records}
    absorbed: dict[str, list[str]] = defaultdict(list)
    for merge in merges:
        absorbed[merge.into_id].append(merge.merged_id)
    for survivor_id, merged_ids in absorbed.items():
        survivor = by_id[survivor_id]
        members = [survivor] + [by_id[m] for m in merged_ids]
        survivor["merged_record_ids"] = sorted(merged_ids)
        survivor["mentions"] = sorted(
            (mention for member in members for mention in member["mentions"]),
            key=lambda m: (m["doc_id"], m["line_start"], m["record_id"]),
        )
        survivor["n_mentions"] = len(survivor["mentions"])
        survivor["doc_ids"] = sorted({m["doc_id"] for m in survivor["mentions"]})
        survivor["sources"] = _union(s for member in members for s in member["sources"])
        for kind in CASUALTY_KINDS:
            _fill_missing(survivor, members, kind)
    gone = {merge.merged_id for merge in merges}
    return [row for record_id, row in by_id.items() if record_id not in gone]


def _fill_missing(survivor: Row, members: Sequence[Mapping[str, Any]], kind: str) -> None:
    """A survivor without a figure takes the first one another mention states."""
    if survivor[kind] is not None or survivor[f"{kind}_low"] is not None:
        return
    for member in members[1:]:
        if member[kind] is not None or member[f"{kind}_low"] is not None:
            for suffix in ("", "_low", "_high", "_phrase"):
                survivor[f"{kind}{suffix}"] = member[f"{kind}{suffix}"]
            return


@dataclass
class SilverTables:
    """The validated silver tables of a run, and which records were merged into which."""

    records: pd.DataFrame
    quarantine: pd.DataFrame
    candidates: pd.DataFrame
    unknown_places: pd.DataFrame
    merges: list[Merge]


def frame_of(rows: Sequence[Mapping[str, Any]], model: Any) -> pd.DataFrame:
    """Rows as a frame with exactly the model's columns, even when there are none."""
    return pd.DataFrame(list(rows), columns=list(model.to_schema().columns))


def _candidate_rows(candidates: Sequence[Candidate], by_id: Mapping[str, Row]) -> list[Row]:
    rows = []
    for candidate in candidates:
        a, b = by_id[candidate.record_id_a], by_id[candidate.record_id_b]
        rows.append(
            {
                "record_id_a": a["record_id"],
                "record_id_b": b["record_id"],
                "doc_id_a": a["doc_id"],
                "doc_id_b": b["doc_id"],
                "line_a": a["line_start"],
                "line_b": b["line_start"],
                "date_a": a["date_start"],
                "date_b": b["date_start"],
                "score": candidate.score,
                "reason": candidate.reason,
            }
        )
    return rows


def build_silver_tables(
    documents: Sequence[Mapping[str, Any]],
    bullets: Sequence[Mapping[str, Any]],
    narratives: Sequence[Mapping[str, Any]],
    known_until: date,
    gazetteer: PlaceResolver,
    classifier: EventClassifier,
) -> SilverTables:
    """Draft, validate (invalid rows to quarantine) and deduplicate bronze records.

    Raises ``ConservationError`` if any bronze record is not accounted for exactly once.
    """
    countries = document_countries(documents, gazetteer)
    draft = draft_silver(bullets, narratives, countries, known_until, gazetteer, classifier)
    return assemble_silver_tables([draft], [row["record_id"] for row in [*bullets, *narratives]])


def assemble_silver_tables(
    drafts: Sequence[SilverDraft], bronze_ids: Sequence[str]
) -> SilverTables:
    """Validate the drafts of all documents together, then deduplicate across them."""
    rows = [row for draft in drafts for row in draft.records]
    held = [row for draft in drafts for row in draft.quarantine]
    unknown = [row for draft in drafts for row in draft.unknown_places]
    valid, reasons = validate_and_split(frame_of(rows, SilverRecordModel), SilverRecordModel)
    failed = [quarantine_row(rows[index], checks) for index, checks in reasons.items()]
    quarantine = QuarantineModel.validate(frame_of(held + failed, QuarantineModel))
    valid_rows = [rows[index] for index in valid.index]
    merges, candidates = find_duplicates(valid_rows)
    records = SilverRecordModel.validate(
        frame_of(apply_merges(valid_rows, merges), SilverRecordModel)
    )
    check_record_conservation(
        bronze_ids,
        records["record_id"],
        quarantine["record_id"],
        [merge.merged_id for merge in merges],
    )
    by_id = {row["record_id"]: row for row in valid_rows}
    return SilverTables(
        records=records,
        quarantine=quarantine,
        candidates=DuplicateCandidateModel.validate(
            frame_of(_candidate_rows(candidates, by_id), DuplicateCandidateModel)
        ),
        unknown_places=UnknownPlaceModel.validate(frame_of(unknown, UnknownPlaceModel)),
        merges=merges,
    )
