"""Build the gold tables from silver: events, actors, their links, unresolved names.

Pure functions on frames and plain rows; the flow validates, stages and publishes.
An event's id is a hash of the record that survived deduplication, whose own id is a
hash of its document's content and position, so ids do not depend on file names, file
order or on other documents in the run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from eventline.gold.actor_table import actor_rows, link_rows
from eventline.gold.actors import ActorCatalog, ActorFindings, ActorMention, resolve_texts
from eventline.ids import stable_id
from eventline.silver.casualty_vocabulary import VICTIM_CATEGORIES

Row = dict[str, Any]
__all__ = ["ActorFindings", "GoldTables", "build_gold_tables", "resolve_texts"]
_CASUALTY_COLUMNS = [
    f"{kind}{suffix}" for kind in VICTIM_CATEGORIES for suffix in ("", "_low", "_high")
]


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


def event_id_for(record_id: str) -> str:
    return stable_id("evt", record_id)


def _event_row(record: Mapping[str, Any], event_id: str, links: Sequence[Row]) -> Row:
    mentions = [dict(m) for m in record["mentions"]]
    row: Row = {
        "event_id": event_id,
        "year": record["date_start"].year,
        "date_start": record["date_start"],
        "date_end": record["date_end"],
        "date_precision": record["date_precision"],
        "date_imputed": bool(record["date_imputed"]),
        "date_label": record["date_label"],
        "country": record["country"],
        "location": record["location"],
        "location_precision": record["location_precision"],
        "admin1": record["admin1"],
        "latitude": record["latitude"],
        "longitude": record["longitude"],
        "event_type": record["event_type"],
        "sub_event_type": record["sub_event_type"],
        "description": record["text"],
        "assailants_killed": record["assailants_killed"],
        "perpetrator_ids": sorted({r["actor_id"] for r in links if r["role"] == "perpetrator"}),
        "claimed": any(r["role"] == "claimant" for r in links),
        "source_names": list(record["sources"]),
        "doc_ids": sorted(record["doc_ids"]),
        "record_ids": [m["record_id"] for m in mentions],
        "n_mentions": len(mentions),
        "mentions": mentions,
    }
    row.update({column: record[column] for column in _CASUALTY_COLUMNS})
    return row


def telling_texts(records: pd.DataFrame, merged: pd.DataFrame) -> dict[str, dict[str, str]]:
    """The text of every telling of every silver event, by document and ``record_id``.

    *records* are silver's records, *merged* the records folded into them
    (``silver/merged_records.parquet``): the actors an event names are those of all its
    tellings. Grouped by document so that their resolution can be cached per document.
    """
    texts: dict[str, dict[str, str]] = defaultdict(dict)
    for frame in (records, merged):
        for record_id, doc_id, text in zip(
            frame["record_id"], frame["doc_id"], frame["text"], strict=True
        ):
            texts[doc_id][record_id] = text
    return dict(texts)


def build_gold_tables(
    silver: pd.DataFrame,
    findings: Mapping[str, ActorFindings],
    catalog: ActorCatalog,
    columns: Mapping[str, Sequence[str]],
) -> GoldTables:
    """Events (one per silver record), actors, event-actor links and unresolved names.

    *findings* holds the actor mentions of every telling's ``record_id`` (see
    :func:`telling_texts`), so that the actors named by retellings merged into an event
    count too. *columns* gives each table's columns.
    """
    event_rows: list[Row] = []
    all_links: list[Row] = []
    unresolved_rows: list[Row] = []
    for record in silver.to_dict("records"):
        event_id = event_id_for(record["record_id"])
        found: list[ActorMention] = []
        seen_unresolved: set[tuple[str, str]] = set()
        for mention in record["mentions"]:
            resolved, unresolved = findings[mention["record_id"]]
            found += resolved
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
        event_rows.append(_event_row(record, event_id, links))
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
    event_ids = set(tables.events["event_id"])
    actor_ids = set(tables.actors["actor_id"])
    problems = []
    dangling_events = set(tables.event_actors["event_id"]) - event_ids
    dangling_actors = set(tables.event_actors["actor_id"]) - actor_ids
    dangling_actors |= {i for ids in tables.events["perpetrator_ids"] for i in ids} - actor_ids
    dangling_actors |= {
        i
        for column in ("parent_ids", "successor_ids")
        for ids in tables.actors[column]
        for i in ids
    } - actor_ids
    dangling_events |= set(tables.unresolved_actor_mentions["event_id"]) - event_ids
    if dangling_events:
        problems.append(f"unknown event ids {sorted(dangling_events)[:5]}")
    if dangling_actors:
        problems.append(f"unknown actor ids {sorted(dangling_actors)[:5]}")
    if problems:
        raise IntegrityError("gold referential integrity broken: " + "; ".join(problems))
