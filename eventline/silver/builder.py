"""Build silver records from bronze: dates, casualties, places, event types, duplicates.

Pure functions on plain rows; the flow validates the result with pandera and writes it.
Each bronze record becomes one or more silver records (its tellings: a record that gives
separate tolls for separate places becomes one per place) or goes to quarantine. Every
telling stays in silver: deduplication links the tellings of one event (``event_id``,
``duplicate_of``) instead of folding them, and context records (background, statistics,
plans) stay beside the events with the rule that classed them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import pandas as pd

from eventline.ids import event_id_for, stable_id
from eventline.quality.conservation import check_silver_conservation
from eventline.silver.casualties import (
    CATEGORIES,
    Casualties,
    CasualtyCount,
    parse_casualties,
    place_tolls,
)
from eventline.silver.dates import ResolvedDate
from eventline.silver.dedup_incremental import DedupState, deduplicate_incremental
from eventline.silver.dedup_links import apply_links, dedup_records
from eventline.silver.deduplication import Candidate, Merge
from eventline.silver.event_types import EventClassifier, EventType, refine_with_casualties
from eventline.silver.place_capital import at_capital
from eventline.silver.places import DocumentPlaces, PlaceResolver, document_countries
from eventline.silver.record_class import (
    EVENT,
    RecordClassifier,
    default_record_classifier,
    grain_of,
)
from eventline.silver.record_dates import DateFailure
from eventline.silver.segments import Segment, build_segments
from eventline.silver.validation import (
    frame_of,
    rejected_rows,
    split_valid,
    validated_records,
)
from schemas.silver import (
    DuplicateCandidateModel,
    QuarantineModel,
    UnknownPlaceModel,
)

Row = dict[str, Any]
CASUALTY_KINDS = CATEGORIES


@dataclass
class SilverDraft:
    """Silver rows before validation, and the records that could not be dated."""

    records: list[Row] = field(default_factory=list)
    quarantine: list[Row] = field(default_factory=list)
    unknown_places: list[Row] = field(default_factory=list)
    # {position in ``records``: the record-model checks it fails}; None until checked
    # (``validation``: one document's verdicts, kept with its draft in the step cache).
    rejected: dict[int, list[str]] | None = None


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
        "bronze_record_id": record.get("bronze_record_id") or record["record_id"],
        "part": record.get("part", 0),
        "doc_id": record["doc_id"],
        "kind": record["kind"],
        "layer": layer,
        "reasons": reasons,
        "text": record["text"],
        "line_start": record["line_start"],
        "line_end": record["line_end"],
    }


@dataclass(frozen=True)
class Telling:
    """What one silver record is drafted from: a bronze record, or one incident of it.

    The text is the record's own words (for a narrative sentence, with the undated sentences
    that carry its tolls); ``date`` is the date decided for it.
    """

    text: str
    line_start: int
    line_end: int
    date: ResolvedDate
    date_text: str
    date_role: str = "event"
    continues: str | None = None

    @classmethod
    def of(cls, segment: Segment, renamed: Mapping[str, str]) -> Telling:
        """The telling a dated segment (``eventline.silver.segments``) stands for; *renamed*
        maps the ids of earlier segments to their silver ids (a split by place renumbers)."""
        assert isinstance(segment.outcome, ResolvedDate)
        continues = segment.continues
        return cls(
            segment.text,
            segment.line_start,
            segment.line_end,
            segment.outcome,
            segment.date_text,
            segment.date_role,
            renamed.get(continues, continues) if continues else None,
        )


@dataclass(frozen=True)
class _Models:
    """The per-run reference models a draft needs."""

    gazetteer: PlaceResolver
    classifier: EventClassifier
    record_classifier: RecordClassifier


PLACE_TEXT = "_place_text"
UNKNOWN_ROWS = "_unknown_places"


def _continued_rows(rows: list[Row], drafted: Mapping[str, list[Row]]) -> None:
    """Point each row of a continuing telling at the row it continues: the one of the same
    place when both were split by place, else the continued telling's first row."""
    for row in rows:
        targets = drafted.get(row["continues_record_id"] or "")
        if not targets:
            continue
        place = (row[PLACE_TEXT] or "").casefold()
        same = [t for t in targets if place and (t[PLACE_TEXT] or "").casefold() == place]
        row["continues_record_id"] = (same or targets)[0]["record_id"]


def silver_record_id(bronze_record_id: str, part: int) -> str:
    """A telling's id: the bronze id for the first part, a hash of it and the part otherwise."""
    return bronze_record_id if part == 0 else stable_id("rec", bronze_record_id, part)


def _class_of(telling: Telling, models: _Models) -> tuple[str, str]:
    interval = telling.date.interval
    grain = grain_of(interval.precision, interval.start, interval.end)
    decision = models.record_classifier.classify(
        telling.text, telling.date.expression, grain, telling.date_role
    )
    return decision.record_class, decision.label


def _split_by_place(text: str, casualties: Casualties) -> list[tuple[str | None, Casualties]]:
    """One (place, figures) per place when the text gives separate tolls for separate
    places ("eight killed in A, three in B"); else the record as it is."""
    parts = place_tolls(text)
    if len(parts) < 2:
        return [(None, casualties)]
    first = [(parts[0][0], replace(casualties, killed=parts[0][1], fatalities=parts[0][1]))]
    others = [
        (place, Casualties(count, _none(), _none(), _none(), count)) for place, count in parts[1:]
    ]
    return first + others


def _none() -> CasualtyCount:
    return CasualtyCount(None, None, None, None)


INHERITED_TYPE_SUFFIX = "+elided"


def _own_type(text: str, elided: EventType | None, models: _Models) -> EventType:
    """The type a telling's words give; a clause eliding the verb of the one before ("and
    out of Olmeda two days later") whose words give none takes that clause's, its rule id
    ending in ``+elided``."""
    own = models.classifier.classify(text)
    if own.event_type is not None or elided is None or elided.event_type is None:
        return own
    rule_id = elided.rule_id or ""
    if not rule_id.endswith(INHERITED_TYPE_SUFFIX):
        rule_id += INHERITED_TYPE_SUFFIX
    return replace(elided, rule_id=rule_id)


def _draft_rows(
    record: Mapping[str, Any],
    telling: Telling,
    first_part: int,
    places: DocumentPlaces,
    models: _Models,
    own_type: EventType,
) -> list[Row]:
    """The silver rows of one telling (one per place when its tolls are given by place),
    of the type its words give (*own_type*, before the figures refine it)."""
    text = telling.text
    record_class, class_reason = _class_of(telling, models)
    whole = parse_casualties(text)
    rows = []
    for offset, (place_text, casualties) in enumerate(_split_by_place(text, whole)):
        part = first_part + offset
        record_id = silver_record_id(record["record_id"], part)
        where = {
            **record,
            "bronze_record_id": record["record_id"],
            "line_start": telling.line_start,
        }
        place = models.gazetteer.locate(place_text or text, places, where)
        if place_text and place.place_id is None:
            place = models.gazetteer.locate(text, places, where)
        event = refine_with_casualties(own_type, casualties)
        place = at_capital(place, text, event.event_type, record_class)
        interval = telling.date.interval
        row: Row = {
            "record_id": record_id,
            "bronze_record_id": record["record_id"],
            "part": part,
            "doc_id": record["doc_id"],
            "doc_ids": [record["doc_id"]],
            "kind": record["kind"],
            "date_label": telling.date_text,
            "date_start": interval.start,
            "date_end": interval.end,
            "date_precision": interval.precision,
            "date_method": telling.date.method,
            "date_anchor": telling.date.anchor,
            "date_imputed": telling.date.imputed,
            "date_approximate": telling.date.approximate,
            "date_role": telling.date_role,
            "continues_record_id": telling.continues,
            "text": text,
            "sources": list(record["sources"]),
            "section": record["section"],
            "line_start": telling.line_start,
            "line_end": telling.line_end,
            "fatalities": casualties.fatalities.best,
            "fatalities_phrase": casualties.fatalities.phrase,
            **place.columns(),
            "unknown_places": list(place.unknown_names),
            "event_type": event.event_type,
            "sub_event_type": event.sub_event_type,
            "event_rule": event.rule_id,
            "record_class": record_class,
            "class_reason": class_reason,
            # Every event is its own until deduplication links it to another telling.
            "event_id": event_id_for(record_id) if record_class == EVENT else None,
            "duplicate_of": None,
            "mentions": [
                {
                    "doc_id": record["doc_id"],
                    "record_id": record_id,
                    "kind": record["kind"],
                    "line_start": telling.line_start,
                    "line_end": telling.line_end,
                }
            ],
            "n_mentions": 1,
        }
        for kind in CASUALTY_KINDS:
            row.update(_casualty_columns(kind, getattr(casualties, kind)))
        row[PLACE_TEXT] = place_text  # not a column: matches a continuation to its place
        row[UNKNOWN_ROWS] = place.unknown_rows()  # not a column: the curators' queue
        rows.append(row)
    return rows


def draft_silver(
    bullets: Sequence[Mapping[str, Any]],
    narratives: Sequence[Mapping[str, Any]],
    countries: Mapping[str, Sequence[str]],
    known_until: date,
    gazetteer: PlaceResolver,
    classifier: EventClassifier,
    numeric_order: str | None = None,
    record_classifier: RecordClassifier | None = None,
    titles: Mapping[str, str | None] | None = None,
) -> SilverDraft:
    """Normalise every segment of the bronze records; undatable ones go straight to
    quarantine. *numeric_order* ("dmy", "mdy") overrides each document's own convention
    for numeric dates; *titles* are the documents' titles by doc_id (a year they name
    dates what nothing nearer does).

    A segment gives one silver record, or one per place when its tolls are given by place;
    the parts of a bronze record are numbered in reading order across both.
    """
    models = _Models(gazetteer, classifier, record_classifier or default_record_classifier())
    draft = SilverDraft()
    next_part: dict[str, int] = {}
    renamed: dict[str, str] = {}
    drafted: dict[str, list[Row]] = {}
    types: dict[str, EventType] = {}  # by segment id: what an elided clause inherits
    places = _place_contexts([*bullets, *narratives], countries, gazetteer)
    for segment in build_segments(bullets, narratives, known_until, numeric_order, titles):
        source, bronze_id = segment.record, segment.bronze_record_id
        part = next_part.get(bronze_id, 0)
        renamed[segment.record_id] = silver_record_id(bronze_id, part)
        if isinstance(segment.outcome, DateFailure):
            record = {
                **source,
                "record_id": silver_record_id(bronze_id, part),
                "bronze_record_id": bronze_id,
                "part": part,
                "text": segment.text,
                "line_start": segment.line_start,
                "line_end": segment.line_end,
            }
            draft.quarantine.append(quarantine_row(record, [f"date: {segment.outcome.reason}"]))
            next_part[bronze_id] = part + 1
            continue
        telling = Telling.of(segment, renamed)
        elided = types.get(segment.elides) if segment.elides else None
        types[segment.record_id] = _own_type(telling.text, elided, models)
        doc_places = places[source["doc_id"]]
        rows = _draft_rows(source, telling, part, doc_places, models, types[segment.record_id])
        drafted[rows[0]["record_id"]] = rows
        _continued_rows(rows, drafted)
        next_part[bronze_id] = part + len(rows)
        draft.records.extend(rows)
        draft.unknown_places.extend(
            {
                **unknown,
                "record_id": row["record_id"],
                "doc_id": source["doc_id"],
                "line_start": row["line_start"],
            }
            for row in rows
            for unknown in row.pop(UNKNOWN_ROWS)
        )
    return draft


def _place_contexts(
    records: Sequence[Mapping[str, Any]],
    countries: Mapping[str, Sequence[str]],
    gazetteer: PlaceResolver,
) -> dict[str, DocumentPlaces]:
    """Each document's place context (its countries and paragraphs), from its records."""
    by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for record in records:
        by_doc[record["doc_id"]].append(record)
    return {
        doc_id: gazetteer.document(rows, title_codes=countries.get(doc_id) or ())
        for doc_id, rows in by_doc.items()
    }


def draft_document(
    document: Mapping[str, Any],
    bullets: Sequence[Mapping[str, Any]],
    narratives: Sequence[Mapping[str, Any]],
    known_until: date,
    gazetteer: PlaceResolver,
    classifier: EventClassifier,
) -> SilverDraft:
    """The silver draft of one document, from its bronze row and its bronze records.

    Everything here depends on that one document alone, so it can be cached per document
    and run on worker processes; its rows are checked here too (``validation``), and
    deduplication then needs all documents.
    """
    countries = document_countries([document], gazetteer)
    titles = {document["doc_id"]: document.get("title")}
    draft = draft_silver(
        bullets, narratives, countries, known_until, gazetteer, classifier, titles=titles
    )
    draft.rejected = rejected_rows(draft.records)
    return draft


@dataclass
class SilverTables:
    """The validated silver tables of a run, and which tellings were linked to which."""

    records: pd.DataFrame
    quarantine: pd.DataFrame
    candidates: pd.DataFrame
    unknown_places: pd.DataFrame
    merges: list[Merge]
    # What the next run's deduplication can reuse (``dedup_incremental``).
    dedup_state: DedupState | None = None

    def as_dict(self) -> dict[str, pd.DataFrame]:
        """The tables written to ``silver/``, by file stem."""
        return {
            "records": self.records,
            "quarantine": self.quarantine,
            "duplicate_candidates": self.candidates,
            "unknown_places": self.unknown_places,
        }

    def counts(self) -> dict[str, int]:
        """The run summary's silver counts (tellings, context, duplicates, quarantine)."""
        told = set(self.records["bronze_record_id"])
        return {
            "silver_records": len(self.records),
            "silver_bronze_records": len(told),
            "silver_context": int((self.records["record_class"] != EVENT).sum()),
            "silver_duplicates": int(self.records["duplicate_of"].notna().sum()),
            "silver_quarantined": len(self.quarantine),
            "silver_quarantined_only": len(set(self.quarantine["bronze_record_id"]) - told),
            "duplicate_candidates": len(self.candidates),
            "unknown_places": len(self.unknown_places),
        }


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
    titles = {row["doc_id"]: row.get("title") for row in documents}
    draft = draft_silver(
        bullets, narratives, countries, known_until, gazetteer, classifier, titles=titles
    )
    return assemble_silver_tables([draft], [row["record_id"] for row in [*bullets, *narratives]])


def assemble_silver_tables(
    drafts: Sequence[SilverDraft], bronze_ids: Sequence[str], previous: DedupState | None = None
) -> SilverTables:
    """Split the drafts' rows into valid and quarantined (by each draft's own verdicts
    where it has them), then deduplicate across documents (*previous*: an earlier run's
    deduplication state, for the unchanged documents)."""
    held = [row for draft in drafts for row in draft.quarantine]
    unknown = [row for draft in drafts for row in draft.unknown_places]
    valid_rows, rejected, reused = split_valid(drafts)
    failed = [quarantine_row(row, checks) for row, checks in rejected]
    quarantine = QuarantineModel.validate(frame_of(held + failed, QuarantineModel))
    merges, candidates, state = deduplicate_incremental(dedup_records(valid_rows), previous)
    # Linking changes the merged rows alone; the others passed in their drafts.
    position = {row["record_id"]: index for index, row in enumerate(valid_rows)}
    linked = [position[merge.merged_id] for merge in merges] if reused else None
    records = validated_records(apply_links(valid_rows, merges), linked)
    check_silver_conservation(bronze_ids, records, quarantine)
    by_id = {row["record_id"]: row for row in valid_rows}
    return SilverTables(
        records=records,
        quarantine=quarantine,
        candidates=DuplicateCandidateModel.validate(
            frame_of(_candidate_rows(candidates, by_id), DuplicateCandidateModel)
        ),
        unknown_places=UnknownPlaceModel.validate(frame_of(unknown, UnknownPlaceModel)),
        merges=merges,
        dedup_state=state,
    )
