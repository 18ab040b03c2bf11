"""Conservation laws the pipeline asserts on every run: nothing is lost silently."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # frames are only read here: importing pandas is not needed to check lines
    import pandas as pd


class ConservationError(RuntimeError):
    """A record or line went missing between layers: always a bug, never bad input."""


def check_line_accounting(text: str, classified_line_numbers: Iterable[int]) -> None:
    """Every non-blank line of *text* is classified exactly once."""
    expected = [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    seen = sorted(classified_line_numbers)
    if seen != expected:
        missing = sorted(set(expected) - set(seen))[:5]
        extra = sorted(set(seen) - set(expected))[:5]
        raise ConservationError(
            f"line accounting broken: {len(expected)} non-blank lines, {len(seen)} classified"
            f" (unclassified e.g. {missing}, unexpected e.g. {extra})"
        )


def check_record_conservation(
    upstream_ids: Iterable[str],
    kept_ids: Iterable[str],
    quarantined_ids: Iterable[str],
    merged_ids: Iterable[str] = (),
) -> None:
    """Each upstream record ends in exactly one of: kept, quarantined, merged."""
    upstream = list(upstream_ids)
    outcomes = [*kept_ids, *quarantined_ids, *merged_ids]
    if sorted(upstream) != sorted(outcomes):
        lost = sorted(set(upstream) - set(outcomes))[:5]
        invented = sorted(set(outcomes) - set(upstream))[:5]
        raise ConservationError(
            f"record conservation broken: {len(upstream)} in, {len(outcomes)} out"
            f" (lost e.g. {lost}, unknown or doubled e.g. {invented})"
        )


def check_silver_conservation(
    bronze_ids: Iterable[str], records: pd.DataFrame, quarantine: pd.DataFrame
) -> None:
    """Every bronze record is told by at least one silver record or is in quarantine.

    A bronze record may become several silver records (one per incident or place), each
    with its own ``record_id`` and the bronze record's ``bronze_record_id``; ids are unique
    across silver and quarantine, and none points at an unknown bronze record.
    """
    upstream = set(bronze_ids)
    ids = [*records["record_id"], *quarantine["record_id"]]
    doubled = sorted(rid for rid, n in Counter(ids).items() if n > 1)[:5]
    told = set(records["bronze_record_id"]) | set(quarantine["bronze_record_id"])
    lost, invented = sorted(upstream - told)[:5], sorted(told - upstream)[:5]
    if doubled or lost or invented:
        raise ConservationError(
            f"record conservation broken: {len(upstream)} bronze records,"
            f" {len(records)} silver and {len(quarantine)} quarantined"
            f" (lost e.g. {lost}, unknown e.g. {invented}, doubled e.g. {doubled})"
        )


def check_event_conservation(silver: pd.DataFrame, events: pd.DataFrame) -> None:
    """Every silver event record belongs to exactly one gold event, and gold holds nothing else.

    The gold event of a record is its ``event_id``; a duplicate's ``duplicate_of`` names a
    telling of the same event; context records reach no gold event.
    """
    problems: list[str] = []
    is_event = silver["record_class"] == "event"
    # Columns as lists: iterating pandas' Arrow-backed strings costs 5x more per value.
    record_ids, event_ids = silver["record_id"].tolist(), silver["event_id"].tolist()
    event_of = dict(zip(record_ids, event_ids, strict=True))
    expected: dict[str, set[str]] = {}
    for record_id, event_id, kept in zip(record_ids, event_ids, is_event.tolist(), strict=True):
        if kept:
            expected.setdefault(event_id, set()).add(record_id)
    got: dict[str, list[Any]] = {
        event_id: list(told)
        for event_id, told in zip(
            events["event_id"].tolist(), events["record_ids"].tolist(), strict=True
        )
    }
    told = Counter(rid for record_ids in got.values() for rid in record_ids)
    doubled = sorted(rid for rid, n in told.items() if n > 1)[:5]
    if doubled:
        problems.append(f"records in two gold events e.g. {doubled}")
    wrong = sorted(e for e in set(expected) | set(got) if set(got.get(e, ())) != expected.get(e))
    if wrong:
        problems.append(f"gold events whose tellings differ from silver's e.g. {wrong[:5]}")
    for record_id, duplicate_of in zip(record_ids, silver["duplicate_of"].tolist(), strict=True):
        if isinstance(duplicate_of, str) and event_of.get(duplicate_of) != event_of[record_id]:
            problems.append(f"{record_id} is a duplicate of a telling of another event")
            break
    if problems:
        raise ConservationError("event conservation broken: " + "; ".join(problems))


def check_segment_conservation(
    bronze_ids: Iterable[str],
    segments: Iterable[tuple[str, str]],
    kept_ids: Iterable[str],
    quarantined_ids: Iterable[str],
    merged_ids: Iterable[str] = (),
) -> None:
    """Bronze to silver is one to many: every bronze record is the ``bronze_record_id`` of
    at least one segment (and no segment names another record), and each segment
    (``record_id``, ``bronze_record_id``) ends in exactly one of: kept, quarantined, merged."""
    bronze = set(bronze_ids)
    pairs = list(segments)
    parents = {parent for _, parent in pairs}
    if parents != bronze:
        lost = sorted(bronze - parents)[:5]
        unknown = sorted(parents - bronze)[:5]
        raise ConservationError(
            f"segment conservation broken: {len(bronze)} bronze records, {len(parents)} with"
            f" segments (without a segment e.g. {lost}, unknown parents e.g. {unknown})"
        )
    check_record_conservation(
        [segment_id for segment_id, _ in pairs], kept_ids, quarantined_ids, merged_ids
    )
