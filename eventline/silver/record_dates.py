"""Date every segment of one document, reading it in order as a person would.

A bullet's date is its label; a narrative segment's is its most precise event date. What
a year-less date, a weekday or a relative phrase is read against is the document's own
context, in this order of strength:

* the item's dateline ("LOMÉ, Nov. 10, 2021 -"): weekdays, "last week" and year-less
  dates count back from it; a dateline without a year takes the year of the one before;
* the document's reporting period ("covers the period from 1 March to 31 August 2021");
* the nearest preceding full date of the same paragraph (a bullet's own label);
* the section's heading ("2020 Terrorist Incidents", "August 2019");
* a coarser date of the paragraph, then the last full date earlier in the section;
* the document's title ("Conflict Monitor — Niger, March 2023"), which covers every section
  whose own heading names no date.

Relative phrases ("the same night", "Less than 48 hours later") lean on the segment told
just before, in the same paragraph or section. An undated bullet is bounded by its dated
neighbours in the list. Numeric dates are read in the order the document states
("day/month/year") or shows (a "27/04/2022" can only be day-first), or as configured;
an ambiguous one is quarantined with that reason.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from eventline.silver.date_roles import FRAMING
from eventline.silver.dates import (
    DAY_PRECISION,
    RANGE_PRECISION,
    Anchor,
    DateContext,
    DateError,
    DateInterval,
    ResolvedDate,
    YearRule,
    anchor_from_text,
    bounded_by_neighbours,
    primary_expression,
    resolve,
    section_anchor,
)
from eventline.text.date_expressions import DateExpression, find_date_expressions

if TYPE_CHECKING:
    from eventline.silver.segments import Piece

Row = Mapping[str, Any]

_STATED_ORDER = (
    (re.compile(r"\b(?:day\s*/\s*month\s*/\s*year|dd\s*/\s*mm\s*/\s*(?:yy)?yy)\b", re.I), "dmy"),
    (re.compile(r"\b(?:month\s*/\s*day\s*/\s*year|mm\s*/\s*dd\s*/\s*(?:yy)?yy)\b", re.I), "mdy"),
)
_NUMERIC = re.compile(
    r"(?<![\d/.-])(\d{1,2})(?:[-–]\d{1,2})?([/.-])(\d{1,2})\2(?:1[89]|20)\d\d(?!\d)"
)
_PERIOD = re.compile(r"\bperiod\b|\bcover(?:s|ing|ed)\b", re.I)
_PERIOD_KINDS = frozenset({"date_range", "month_range", "numeric_range"})


def _covering(text: str, label: str) -> DateExpression | None:
    """The expression of ``text`` that holds an inline label which alone is no date: bronze
    keeps "October" of "In October, militants …", and a bare month needs its "In"."""
    at = text.find(label)
    if at < 0:
        return None
    for expression in find_date_expressions(text):
        if expression.start <= at < expression.end or at <= expression.start < at + len(label):
            return expression
    return None


@dataclass(frozen=True)
class DateFailure:
    """Why a record could not be dated; it goes to quarantine with this reason."""

    reason: str


DateOutcome = ResolvedDate | DateFailure


def _texts(rows: Iterable[Row]) -> Iterable[str]:
    for row in rows:
        for key in ("text", "passage", "lead_text", "dateline", "date_text"):
            value = row.get(key)
            if isinstance(value, str) and value:
                yield value


def infer_numeric_order(rows: Iterable[Row]) -> str | None:
    """ "dmy" or "mdy": the order a document states for its numeric dates, or the one its
    unambiguous numeric dates show (a first number over 12 is a day); None when it says
    nothing or shows both."""
    texts = list(_texts(rows))
    for pattern, order in _STATED_ORDER:
        if any(pattern.search(text) for text in texts):
            return order
    seen = set()
    for text in texts:
        for match in _NUMERIC.finditer(text):
            first, second = int(match.group(1)), int(match.group(3))
            if first > 12 >= second:
                seen.add("dmy")
            elif second > 12 >= first:
                seen.add("mdy")
    return seen.pop() if len(seen) == 1 else None


def reporting_period(narratives: Iterable[Row]) -> Anchor | None:
    """The period a report says it covers ("covers the period from 1 March to 31 August
    2021"): the first explicit range in a sentence that speaks of its period."""
    for row in narratives:
        text = row["text"]
        if not _PERIOD.search(text):
            continue
        for expression in find_date_expressions(text):
            if expression.kind in _PERIOD_KINDS and _PERIOD.search(text[: expression.start]):
                try:
                    return Anchor(resolve(expression).interval, expression.text, row["record_id"])
                except DateError:
                    continue
    return None


def _check_horizon(resolved: ResolvedDate, known_until: date) -> DateOutcome:
    if resolved.interval.start > known_until:
        return DateFailure(
            f"date later than the document can know: {resolved.expression!r}"
            f" starts {resolved.interval.start.isoformat()}, after {known_until.isoformat()}"
        )
    return resolved


class DocumentDater:
    """Dates the pieces of one document in reading order, keeping the context as it goes."""

    def __init__(
        self,
        rows: Sequence[Row],
        known_until: date,
        numeric_order: str | None,
        title: str | None = None,
    ):
        self.known_until = known_until
        self.title = section_anchor(title)
        self.numeric_order = numeric_order or infer_numeric_order(rows)
        self.period = reporting_period(r for r in rows if r["kind"] == "narrative")
        self._row_id: str | None = None
        self._previous: Row | None = None
        self._block: int | None = None
        self._section: str | None = None
        self._full: Anchor | None = None
        self._coarse: Anchor | None = None
        self._section_full: Anchor | None = None
        self._last: Anchor | None = None
        self._last_place: tuple[int | None, str | None] = (None, None)
        self._dateline: DateInterval | None = None
        self._dateline_text: str | None = None
        self._dateline_section: str | None = None
        self._dateline_error: str | None = None

    # -- context ------------------------------------------------------------------------
    def _enter(self, row: Row) -> None:
        if row["record_id"] == self._row_id:
            return
        if self._row_id is not None and self._previous is not None:
            self._read_anchors(self._previous)
        self._row_id, self._previous = row["record_id"], row
        if row["section"] != self._section:
            self._section, self._section_full = row["section"], None
            if self._dateline_section != row["section"]:
                self._dateline = None
        if row["block_index"] != self._block:
            self._block, self._full, self._coarse = row["block_index"], None, None
            self._dateline_error = None
            if row.get("dateline"):
                self._set_dateline(row)

    def _read_anchors(self, row: Row) -> None:
        """After a record: its last full date anchors the rest of the paragraph."""
        found = anchor_from_text(row["text"], row["record_id"])
        if found is None:
            return
        if found.interval.precision in (DAY_PRECISION, RANGE_PRECISION):
            self._full = self._section_full = found
        elif self._full is None:
            self._coarse = found

    def _set_dateline(self, row: Row) -> None:
        text = row["dateline"]
        expression = primary_expression(find_date_expressions(text))
        previous = self._dateline
        if expression is None:
            return
        rule = YearRule(previous, "same", f"dateline {self._dateline_text}") if previous else None
        if rule is None and self.period is not None:
            rule = YearRule(self.period.interval, "nearest", self.period.text)
        context = DateContext(year=rule, numeric_order=self.numeric_order)
        try:
            self._dateline = resolve(expression, context=context).interval
        except DateError as error:
            self._dateline, self._dateline_error = None, f"dateline {text!r}: {error}"
            return
        self._dateline_error = None
        self._dateline_text, self._dateline_section = text, row["section"]

    def _year_rule(self) -> YearRule | None:
        if self._dateline is not None:
            return YearRule(self._dateline, "past", f"dateline {self._dateline_text}")
        if self.period is not None:
            # A paragraph that has moved past the period ("Developments after the period":
            # "resumed in January 2025. On 24 January, …") is about its own year; one that
            # recalls an earlier year ("the attack of June 2020 … On 10 June") is not.
            own = self._full or self._coarse
            if own is not None and own.interval.start > self.period.interval.end:
                return YearRule(own.interval, "same", own.describe())
            return YearRule(self.period.interval, "nearest", f"reporting period {self.period.text}")
        if self._full is not None:
            return YearRule(self._full.interval, "same", self._full.describe())
        section = section_anchor(self._section)
        if section is not None:
            return YearRule(section.interval, "nearest", section.text)
        for anchor in (self._coarse, self._section_full):
            if anchor is not None:
                return YearRule(anchor.interval, "same", anchor.describe())
        if self.title is not None:
            return YearRule(self.title.interval, "nearest", f"title {self.title.text}")
        return None

    def context(self) -> DateContext:
        """What the current record's year-less, weekday and relative dates are read against."""
        near = (
            self._last
            if self._last_place[0] == self._block or (self._last_place[1] == self._section)
            else None
        )
        return DateContext(
            anchor=near,
            year=self._year_rule(),
            dateline=self._dateline,
            numeric_order=self.numeric_order,
        )

    # -- dating -------------------------------------------------------------------------
    def _resolve(self, piece: Piece) -> DateOutcome | None:
        """The piece's date, or None for a bullet with no label (bounded later)."""
        from eventline.silver.segments import span_text

        row = piece.row
        if piece.uses_label:
            label = row["date_text"]
            if not label:
                return None
            expression = primary_expression(find_date_expressions(label)) or _covering(
                row["text"], label
            )
            if expression is None:
                return DateFailure(f"date label not understood: {label!r}")
            before = (
                row["text"][: max(0, row["text"].find(label))]
                if row["label_form"] == "inline"
                else ""
            )
        else:
            expression = piece.expression
            if expression is None:
                return DateFailure("no date expression in the sentence")
            before = span_text(row)[: expression.start]
        try:
            resolved = resolve(expression, context=self.context(), before=before)
        except DateError as error:
            unread = self._dateline_error if row["block_index"] == self._block else None
            return DateFailure(f"{error}; {unread}" if unread else str(error))
        return _check_horizon(resolved, self.known_until)

    def _remember(self, piece: Piece, outcome: DateOutcome | None) -> None:
        """A stated date anchors what follows; not a report, an alternative account, or a
        sentence that only adds to the record before it ("… two days later")."""
        if not isinstance(outcome, ResolvedDate) or piece.role in FRAMING or piece.continues:
            return
        self._last = Anchor(outcome.interval, outcome.expression, piece.record_id)
        self._last_place = (self._block, self._section)
        precise = outcome.interval.precision in (DAY_PRECISION, RANGE_PRECISION)
        if piece.uses_label and not outcome.imputed and precise:
            self._full = self._section_full = self._last

    def date_pieces(self, pieces: Sequence[Piece]) -> dict[str, DateOutcome]:
        """Outcomes of every piece (in reading order), keyed by its silver ``record_id``."""
        outcomes: dict[str, DateOutcome | None] = {}
        for piece in pieces:
            self._enter(piece.row)
            outcome = self._resolve(piece)
            outcomes[piece.record_id] = outcome
            self._remember(piece, outcome)
        _bound_undated_bullets(pieces, outcomes)
        return {key: value for key, value in outcomes.items() if value is not None}


def _reverse_chronological(dated: list[tuple[int, DateInterval]]) -> bool:
    pairs = list(itertools.pairwise(dated))
    descending = sum(1 for (_, a), (_, b) in pairs if a.start > b.start)
    ascending = sum(1 for (_, a), (_, b) in pairs if a.start < b.start)
    return descending >= ascending


def _bound_undated_bullets(
    pieces: Sequence[Piece], outcomes: dict[str, DateOutcome | None]
) -> None:
    """An undated bullet lies between its dated neighbours in its list."""
    lists: dict[int, list[Piece]] = defaultdict(list)
    for piece in pieces:
        if piece.uses_label:
            lists[piece.row["list_index"]].append(piece)
    for members in lists.values():
        ordered = sorted(members, key=lambda p: p.row["list_position"])
        dated = [
            (index, outcome.interval)
            for index, piece in enumerate(ordered)
            if isinstance(outcome := outcomes.get(piece.record_id), ResolvedDate)
        ]
        newest_first = _reverse_chronological(dated)
        for index, piece in enumerate(ordered):
            if outcomes.get(piece.record_id) is None:
                outcomes[piece.record_id] = _bounded(ordered, dated, index, newest_first)


def _bounded(
    ordered: list[Piece], dated: list[tuple[int, DateInterval]], index: int, newest_first: bool
) -> DateOutcome:
    at = bisect_left(dated, index, key=lambda item: item[0])
    near_above = dated[at - 1] if at > 0 else None
    near_below = dated[at] if at < len(dated) else None
    newer, older = (near_above, near_below) if newest_first else (near_below, near_above)
    try:
        interval = bounded_by_neighbours(newer[1] if newer else None, older[1] if older else None)
    except DateError as error:
        return DateFailure(str(error))
    assert newer is not None and older is not None
    older_row, newer_row = ordered[older[0]].row, ordered[newer[0]].row
    return ResolvedDate(
        interval=interval,
        method="bounded_by_neighbours",
        anchor=(
            f"between {older_row['date_text']} ({older_row['record_id']})"
            f" and {newer_row['date_text']} ({newer_row['record_id']})"
        ),
        imputed=True,
        expression="",
    )


def date_records(
    bullets: Iterable[Row],
    narratives: Iterable[Row],
    known_until: date,
    numeric_order: str | None = None,
) -> dict[str, DateOutcome]:
    """The date of every bronze record (its first segment's), keyed by ``record_id``."""
    from eventline.silver.segments import build_segments

    segments = build_segments(bullets, narratives, known_until, numeric_order)
    return {s.bronze_record_id: s.outcome for s in segments if s.part == 0}
