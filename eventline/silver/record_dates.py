"""Date every bronze record of one document, using the document's own context.

A bullet's date is its label; a year-less label takes the year of its section
heading ("2021 Terrorist Incidents"). An undated bullet is bounded by its dated
neighbours in the list. A narrative sentence takes its most precise expression and
resolves year-less ones against the nearest preceding full date of its paragraph.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventline.silver.dates import (
    Anchor,
    DateError,
    DateInterval,
    ResolvedDate,
    anchor_from_text,
    bounded_by_neighbours,
    primary_expression,
    resolve,
    section_anchor,
)
from eventline.text.date_expressions import find_date_expressions

Row = Mapping[str, Any]


@dataclass(frozen=True)
class DateFailure:
    """Why a record could not be dated; it goes to quarantine with this reason."""

    reason: str


DateOutcome = ResolvedDate | DateFailure


def _check_horizon(resolved: ResolvedDate, known_until: date) -> DateOutcome:
    if resolved.interval.start > known_until:
        return DateFailure(
            f"date later than the document can know: {resolved.expression!r}"
            f" starts {resolved.interval.start.isoformat()}, after {known_until.isoformat()}"
        )
    return resolved


def _date_label(row: Row, known_until: date) -> DateOutcome | None:
    label = row["date_text"]
    if not label:
        return None
    expression = primary_expression(find_date_expressions(label))
    if expression is None:
        return DateFailure(f"date label not understood: {label!r}")
    try:
        return _check_horizon(resolve(expression, section_anchor(row["section"])), known_until)
    except DateError as error:
        return DateFailure(str(error))


def _reverse_chronological(dated: list[tuple[int, DateInterval]]) -> bool:
    pairs = list(itertools.pairwise(dated))
    descending = sum(1 for (_, a), (_, b) in pairs if a.start > b.start)
    ascending = sum(1 for (_, a), (_, b) in pairs if a.start < b.start)
    return descending >= ascending


def _date_list(bullets: list[Row], known_until: date) -> dict[str, DateOutcome]:
    ordered = sorted(bullets, key=lambda row: row["list_position"])
    outcomes: dict[str, DateOutcome] = {}
    for row in ordered:
        outcome = _date_label(row, known_until)
        if outcome is not None:
            outcomes[row["record_id"]] = outcome
    dated = [
        (index, outcome.interval)
        for index, row in enumerate(ordered)
        if isinstance(outcome := outcomes.get(row["record_id"]), ResolvedDate)
    ]
    newest_first = _reverse_chronological(dated)
    for index, row in enumerate(ordered):
        if row["record_id"] in outcomes:
            continue
        above = [(i, interval) for i, interval in dated if i < index]
        below = [(i, interval) for i, interval in dated if i > index]
        near_above = above[-1] if above else None
        near_below = below[0] if below else None
        newer, older = (near_above, near_below) if newest_first else (near_below, near_above)
        try:
            interval = bounded_by_neighbours(
                newer[1] if newer else None, older[1] if older else None
            )
        except DateError as error:
            outcomes[row["record_id"]] = DateFailure(str(error))
            continue
        assert newer is not None and older is not None
        outcomes[row["record_id"]] = ResolvedDate(
            interval=interval,
            method="bounded_by_neighbours",
            anchor=(
                f"between {ordered[older[0]]['date_text']} ({ordered[older[0]]['record_id']})"
                f" and {ordered[newer[0]]['date_text']} ({ordered[newer[0]]['record_id']})"
            ),
            imputed=True,
            expression="",
        )
    return outcomes


def _date_paragraph(sentences: list[Row], known_until: date) -> dict[str, DateOutcome]:
    outcomes: dict[str, DateOutcome] = {}
    anchor: Anchor | None = None
    for row in sorted(sentences, key=lambda r: r["sentence_index"]):
        expression = primary_expression(find_date_expressions(row["text"]))
        if expression is None:
            outcomes[row["record_id"]] = DateFailure("no date expression in the sentence")
            continue
        try:
            outcomes[row["record_id"]] = _check_horizon(resolve(expression, anchor), known_until)
        except DateError as error:
            outcomes[row["record_id"]] = DateFailure(str(error))
        anchor = anchor_from_text(row["text"], row["record_id"], anchor)
    return outcomes


def date_records(
    bullets: Iterable[Row], narratives: Iterable[Row], known_until: date
) -> dict[str, DateOutcome]:
    """Dates of all records of one or more documents, keyed by ``record_id``."""
    lists: dict[tuple[str, int], list[Row]] = defaultdict(list)
    for row in bullets:
        lists[(row["doc_id"], row["list_index"])].append(row)
    paragraphs: dict[tuple[str, int], list[Row]] = defaultdict(list)
    for row in narratives:
        paragraphs[(row["doc_id"], row["block_index"])].append(row)
    outcomes: dict[str, DateOutcome] = {}
    for rows in lists.values():
        outcomes.update(_date_list(rows, known_until))
    for rows in paragraphs.values():
        outcomes.update(_date_paragraph(rows, known_until))
    return outcomes
