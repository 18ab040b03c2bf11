"""Build the gold tables from silver: events, actors, their links, unresolved names.

Pure functions on frames and plain rows; the flow validates, stages and publishes.
Gold holds one event per silver ``event_id`` (silver's event records only: context never
reaches gold), described by its canonical telling and keeping every telling's mention,
source and record id. An event's id is a hash of its canonical telling's record id, whose
own id is a hash of its document's content and position, so ids do not depend on file
names, file order or on other documents in the run.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from eventline.gold.actor_table import actor_rows, link_rows
from eventline.gold.actors import ActorCatalog, ActorFindings, ActorMention, resolve_texts
from eventline.silver.casualty_vocabulary import VICTIM_CATEGORIES

Row = dict[str, Any]
__all__ = ["ActorFindings", "GoldTables", "build_gold_tables", "resolve_texts"]
_CASUALTY_COLUMNS = [
    f"{kind}{suffix}" for kind in VICTIM_CATEGORIES for suffix in ("", "_low", "_high")
]
# Figures a canonical telling lacks are taken from the first other telling that states them.
_FILLED = (
    *((kind, f"{kind}_low", f"{kind}_high") for kind in VICTIM_CATEGORIES),
    ("assailants_killed",),
    ("fatalities",),
)


class IntegrityError(RuntimeError):
    """A link points at nothing: a bug, never bad input."""


@dataclass
class GoldTables:
    """The four gold tables, as frames with the columns of their models."""

    events: pd.DataFrame
    actors: pd.DataFrame
    event_actors: pd.DataFrame
    unresolved_actor_mentions: pd.DataFrame

    def as_dict(self) -> dict[str, pd.DataFrame]:
        return {
            "events": self.events,
            "actors": self.actors,
            "event_actors": self.event_actors,
            "unresolved_actor_mentions": self.unresolved_actor_mentions,
        }


# The place columns gold copies from the silver record (see eventline/silver/places.py).
GOLD_PLACE_COLUMNS = (
    "country", "country_code", "location_text", "location", "location_precision", "admin1",
    "admin2", "latitude", "longitude", "geo_precision", "where_prec",
)  # fmt: skip


# What gold reads of a silver event record: converting only these to rows, not silver's
# sixty-odd columns, halves the conversion at hundreds of thousands of records.
_TELLING_COLUMNS = (
    "record_id", "event_id", "duplicate_of", "mentions", "sources", "text", "date_start",
    "date_end", "date_precision", "date_imputed", "date_label", *GOLD_PLACE_COLUMNS,
    "event_type", "sub_event_type", "event_rule", "killed_phrase",
    *(column for columns in _FILLED for column in columns),
)  # fmt: skip


# A telling that revises the toll ("raising the death toll to three", "the toll has risen to
# nine") states the newer figure: the event takes it (ACLED revises fatalities as reports come).
_REVISED_TOLL = re.compile(
    r"\btoll\b.{0,80}?\b(?:ris(?:e|es|en|ing)|rose|rais(?:e|es|ed|ing)|climb\w*|revis\w*)\b"
    r"|\b(?:ris(?:e|es|en|ing)|rose|rais(?:e|es|ed|ing)|climb\w*|revis\w*)\b.{0,40}?\btoll\b",
    re.IGNORECASE,
)


def _revision(tellings: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The last telling after the first whose killed figure revises the toll."""
    revisions = [
        t
        for t in tellings[1:]
        if isinstance(t.get("killed_phrase"), str)
        and t["killed"] is not None
        and not pd.isna(t["killed"])
        and _REVISED_TOLL.search(t["text"])
    ]
    return revisions[-1] if revisions else None


def _stated(value: Any) -> bool:
    """A figure the telling gives: not None, not NaN (``pd.isna`` on scalars, 10x faster)."""
    return value is not None and value == value and value is not pd.NA


def _figures(tellings: Sequence[Mapping[str, Any]]) -> Row:
    """The canonical telling's figures; a figure it does not state comes from the first
    other telling that does (a follow-up may give the toll the first report lacked), and a
    telling that revises the toll gives the killed and fatalities figures."""
    if len(tellings) == 1:  # most events: no other telling to fill from or revise by
        return {column: tellings[0][column] for columns in _FILLED for column in columns}
    figures: Row = {}
    revision = _revision(tellings)
    if revision is not None:
        tellings = [revision, *tellings]
    for columns in _FILLED:
        source = next(
            (t for t in tellings if any(_stated(t[c]) for c in columns)),
            tellings[0],
        )
        figures.update({column: source[column] for column in columns})
    return figures


def _event_row(tellings: Sequence[Mapping[str, Any]], event_id: str, links: Sequence[Row]) -> Row:
    """The gold row of one event: its canonical telling (the first), every telling's lines."""
    record = tellings[0]
    mentions = sorted(
        (dict(m) for t in tellings for m in t["mentions"]),
        key=lambda m: (m["doc_id"], m["line_start"], m["record_id"]),
    )
    row: Row = {
        "event_id": event_id,
        "year": record["date_start"].year,
        "date_start": record["date_start"],
        "date_end": record["date_end"],
        "date_precision": record["date_precision"],
        "date_imputed": bool(record["date_imputed"]),
        "date_label": record["date_label"],
        **{column: record[column] for column in GOLD_PLACE_COLUMNS},
        "event_type": record["event_type"],
        "sub_event_type": record["sub_event_type"],
        "event_rule": record["event_rule"],
        "record_class": "event",
        "description": record["text"],
        "perpetrator_ids": sorted({r["actor_id"] for r in links if r["role"] == "perpetrator"}),
        "claimed": any(r["role"] == "claimant" for r in links),
        "source_names": list(dict.fromkeys(s for t in tellings for s in t["sources"])),
        "doc_ids": sorted({m["doc_id"] for m in mentions}),
        "record_ids": [m["record_id"] for m in mentions],
        "n_mentions": len(mentions),
        "mentions": mentions,
    }
    row.update(_figures(tellings))
    return row


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """``frame.to_dict("records")`` (the same values: a missing nullable integer is None),
    built column by column, a third of the time at silver's tens of thousands of rows."""
    columns = {}
    for name in frame.columns:
        values = frame[name]
        # A nullable integer's missing value is None in to_dict; pandas' own string type
        # gives NaN there, as tolist does.
        extension = isinstance(values.dtype, pd.api.extensions.ExtensionDtype)
        if extension and values.dtype != "str" and values.hasnans:
            values = values.astype(object).where(values.notna(), None)
        columns[name] = values.tolist()
    return [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)]


def event_tellings(silver: pd.DataFrame) -> list[list[dict[str, Any]]]:
    """Silver's event records grouped by ``event_id``, the canonical telling first."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    read = [c for c in ("record_class", *_TELLING_COLUMNS) if c in silver.columns]
    for record in frame_records(silver[read]):  # columns picked, not copied: no row mask
        if record["record_class"] == "event":
            groups[record["event_id"]].append(record)
    for tellings in groups.values():
        tellings.sort(key=lambda t: (isinstance(t["duplicate_of"], str), t["record_id"]))
    return [groups[event_id] for event_id in sorted(groups)]


def build_gold_tables(
    silver: pd.DataFrame,
    findings: Mapping[str, ActorFindings],
    catalog: ActorCatalog,
    columns: Mapping[str, Sequence[str]],
) -> GoldTables:
    """Events (one per silver ``event_id``), actors, event-actor links and unresolved names.

    *findings* holds the actor mentions of silver's tellings by ``record_id`` (resolved per
    document, where it can be cached), so that the actors named by every telling of an
    event count; a telling without findings is resolved here from its text. *columns*
    gives each table's columns.
    """
    event_rows: list[Row] = []
    all_links: list[Row] = []
    unresolved_rows: list[Row] = []
    resolved_here: dict[str, ActorFindings] = {}
    texts = dict(zip(silver["record_id"].tolist(), silver["text"].tolist(), strict=True))
    for tellings in event_tellings(silver):
        event_id = tellings[0]["event_id"]
        found: list[list[ActorMention]] = []
        seen_unresolved: set[tuple[str, str]] = set()
        mentions = [m for t in tellings for m in t["mentions"]]
        for mention in sorted(mentions, key=lambda m: (m["doc_id"], m["line_start"])):
            record_id = mention["record_id"]
            if record_id in findings:
                resolved, unresolved = findings[record_id]
            else:  # kept apart: copying *findings* per miss was quadratic
                if record_id not in resolved_here:
                    resolved_here[record_id] = catalog.resolve(texts[record_id])
                resolved, unresolved = resolved_here[record_id]
            found.append(resolved)
            for name in unresolved:
                if (name.mention_text, mention["record_id"]) in seen_unresolved:
                    continue
                seen_unresolved.add((name.mention_text, mention["record_id"]))
                unresolved_rows.append(
                    {
                        "mention_text": name.mention_text,
                        "pattern": name.pattern,
                        "event_id": event_id,
                        "record_id": mention["record_id"],
                        "doc_id": mention["doc_id"],
                        "line_start": mention["line_start"],
                    }
                )
        links = link_rows(event_id, found, catalog)
        all_links += links
        event_rows.append(_event_row(tellings, event_id, links))
    events = pd.DataFrame(event_rows, columns=list(columns["events"]))
    events = events.sort_values(["date_start", "event_id"], kind="stable", ignore_index=True)
    event_actors = pd.DataFrame(all_links, columns=list(columns["event_actors"]))
    event_actors = event_actors.sort_values(
        ["event_id", "actor_id", "role"], kind="stable", ignore_index=True
    )
    unresolved = pd.DataFrame(unresolved_rows, columns=list(columns["unresolved_actor_mentions"]))
    unresolved = unresolved.sort_values(
        ["mention_text", "event_id", "record_id"], kind="stable", ignore_index=True
    )
    actors = pd.DataFrame(
        actor_rows(catalog, events, event_actors), columns=list(columns["actors"])
    )
    tables = GoldTables(events, actors, event_actors, unresolved)
    check_referential_integrity(tables)
    return tables


def check_referential_integrity(tables: GoldTables) -> None:
    """Every link and every parent or successor points at a row that exists."""
    event_ids = set(tables.events["event_id"].tolist())
    actor_ids = set(tables.actors["actor_id"].tolist())
    problems = []
    dangling_events = set(tables.event_actors["event_id"].tolist()) - event_ids
    dangling_actors = set(tables.event_actors["actor_id"].tolist()) - actor_ids
    named = tables.events["perpetrator_ids"].tolist()
    dangling_actors |= {i for ids in named for i in ids} - actor_ids
    dangling_actors |= {
        i
        for column in ("parent_ids", "successor_ids")
        for ids in tables.actors[column].tolist()
        for i in ids
    } - actor_ids
    dangling_events |= set(tables.unresolved_actor_mentions["event_id"].tolist()) - event_ids
    if dangling_events:
        problems.append(f"unknown event ids {sorted(dangling_events)[:5]}")
    if dangling_actors:
        problems.append(f"unknown actor ids {sorted(dangling_actors)[:5]}")
    if problems:
        raise IntegrityError("gold referential integrity broken: " + "; ".join(problems))
