"""The publish guard: published gold is never silently replaced by a smaller one.

A run does not publish when no document was read, when documents the published gold holds
are no longer among its inputs (a deleted, moved or now unreadable file), or when it would
lose more than :data:`MAX_EVENT_LOSS` of the published events. Documents taken off the
registered list on purpose (``eventline remove``, ``--replace``) may go, and their events
with them; ``--allow-removals`` lets everything through. A document is followed by its
path, so an edited report (new content, new ``doc_id``) is not a removal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from flows.inputs import is_under

#: Share of the published events a run may lose without ``--allow-removals``.
MAX_EVENT_LOSS = 0.10


@dataclass(frozen=True)
class GuardDecision:
    """Whether the run may publish, and if not, what it would have dropped."""

    allowed: bool
    reason: str | None = None
    dropped: list[dict[str, Any]] = field(default_factory=list)
    events_lost: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "allowed": self.allowed,
            "reason": self.reason,
            "dropped_documents": self.dropped,
            "events_lost": self.events_lost,
        }


def gold_documents(
    documents: Sequence[Mapping[str, Any]], events_doc_ids: Sequence[Sequence[str]]
) -> list[dict[str, Any]]:
    """What the gold manifest records per document: its paths and how many events it tells."""
    counts: dict[str, int] = {}
    for doc_ids in events_doc_ids:
        for doc_id in doc_ids:
            counts[doc_id] = counts.get(doc_id, 0) + 1
    return [
        {
            "doc_id": row["doc_id"],
            "paths": sorted([row["path"], *row["duplicate_paths"]]),
            "events": counts.get(row["doc_id"], 0),
        }
        for row in documents
    ]


def _listing(dropped: list[dict[str, Any]]) -> str:
    shown = ", ".join(f"{d['paths'][0]} ({d['events']} events)" for d in dropped[:5])
    return shown + (f" and {len(dropped) - 5} more" if len(dropped) > 5 else "")


def check_publish(
    published: Mapping[str, Any] | None,
    documents: Sequence[Mapping[str, Any]],
    events: int,
    removed: Sequence[str] = (),
    allow_removals: bool = False,
) -> GuardDecision:
    """Decide whether a run's gold (*documents* read, *events*) may replace *published*.

    *published* is the published gold's manifest (None when there is none); *removed* are
    the input entries this run takes off the registered list on purpose.
    """
    if not documents:
        return GuardDecision(False, "no document was read: nothing is published")
    if published is None or allow_removals:
        return GuardDecision(True)
    paths = {path for row in documents for path in [row["path"], *row["duplicate_paths"]]}
    gone = [d for d in published.get("documents", []) if not set(d["paths"]) & paths]
    meant = [d for d in gone if all(is_under(path, removed) for path in d["paths"])]
    unmeant = [d for d in gone if d not in meant]
    if unmeant:
        held = sum(d["events"] for d in unmeant)
        return GuardDecision(
            False,
            f"{len(unmeant)} published document(s) holding {held} events are no longer "
            f"among the inputs: {_listing(unmeant)}",
            unmeant,
            held,
        )
    before = int(published.get("summary", {}).get("gold_events", 0))
    base = max(0, before - sum(d["events"] for d in meant))
    lost = base - events
    if base and lost > MAX_EVENT_LOSS * base:
        return GuardDecision(
            False,
            f"gold would shrink from {base} to {events} events ({lost / base:.0%} fewer, more "
            f"than the {MAX_EVENT_LOSS:.0%} a run may lose)",
            [],
            lost,
        )
    return GuardDecision(True, dropped=meant, events_lost=max(0, before - events))
