"""Find records that tell the same event, link the sure cases, list the doubtful ones.

A link (:class:`Merge`) names a telling and the canonical telling of its event; silver keeps
both. Records drafted from one bronze record (one per incident or per place) are never
linked to each other: the split said they are different events.

Sure: identical text with identical dates (a document or a timeline ingested twice),
a narrative sentence that restates a record of the same date with enough shared
distinctive words (names weigh double), and two documents telling one event with the
same stated dates, no conflicting town and a similar text. Doubtful: records at most a
week apart that share a precise place or a name spelled two ways, or that are very alike:
listed with a score and a reason for QA, never merged.
Candidates are blocked by date (a sweep over records sorted by start date), so the cost
grows with the number of records in a window, not with all pairs of a corpus.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from eventline.silver.dedup_scores import PairScores
from eventline.silver.dedup_text import (
    blocking_keys,
    common_tokens,
    near_spelling,
    normalised,
    rare_names,
    word_weights,
)
from eventline.text.fold import fold_key

WINDOW_DAYS = 7
MERGE_SCORE_DAY = 0.35
MERGE_SCORE_COARSE = 0.5
MERGE_SCORE_OTHER_DOCUMENT = 0.5
CANDIDATE_SCORE_SAME_PLACE = 0.2
CANDIDATE_SCORE_ANY = 0.6
# Two reports telling one day's events in words alike but in other towns.
CANDIDATE_SCORE_ELSEWHERE = 0.35
BLOCK_LIMIT = 12
RARE_NAME_BONUS = 0.1
# A definite reference to an incident told before: "the attack", "Wednesday's raid".
_REFERS_BACK = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){0,2}(?:attacks?|raids?|assaults?"
    r"|ambush(?:es)?|bombings?|massacres?|blasts?|explosions?|sieges?|killings?|clash(?:es)?)\b"
)
# A place said to have been hit before: "the post at X had already been hit two years earlier".
_HAD_BEEN_HIT = re.compile(
    r"\bhad\s+(?:already\s+|previously\s+|also\s+)?been\s+(?:hit|attacked|raided|targeted"
    r"|struck|stormed|ambushed|overrun|shelled)\b"
)
# A reference back at an incident of the same place needs no more words in common than that.
REFERENCE_SCORE = 0.1


@dataclass(frozen=True)
class DedupRecord:
    """What deduplication needs to know of a silver record."""

    record_id: str
    kind: str
    doc_id: str
    text: str
    date_start: date
    date_end: date
    date_precision: str
    place_id: str | None
    line_start: int
    # The bronze record it was drafted from (the record's own id by default).
    source_id: str | None = None
    # The record whose text this one's sentence was also added to (silver's
    # ``continues_record_id``), the role of its date, and its ACLED event type.
    continues: str | None = None
    date_role: str = "event"
    event_type: str | None = None
    # The place as written (silver's ``location_text``) when it is finer than a region.
    place_text: str | None = None

    @cached_property
    def order(self) -> tuple[bool, str, int, str]:
        """Canonical order: bullets first, then by document and line; independent of input order."""
        return (self.kind != "bullet", self.doc_id, self.line_start, self.record_id)


@dataclass(frozen=True)
class Merge:
    """*merged_id* tells the same event as *into_id*, the event's canonical telling."""

    merged_id: str
    into_id: str
    reason: str
    score: float


@dataclass(frozen=True)
class Candidate:
    """Two records that may tell the same event, for a reviewer to decide."""

    record_id_a: str
    record_id_b: str
    score: float
    reason: str


class _Groups:
    """Union-find whose root is the canonically first record (or, for a continuation, the
    record it continues: see :meth:`attach`)."""

    def __init__(self, records: Sequence[DedupRecord]) -> None:
        self.parent = {r.record_id: r.record_id for r in records}
        self.order = {r.record_id: r.order for r in records}

    def root(self, record_id: str) -> str:
        while self.parent[record_id] != record_id:
            record_id = self.parent[record_id]
        return record_id

    def join(self, a: str, b: str) -> str:
        root_a, root_b = self.root(a), self.root(b)
        first, second = sorted((root_a, root_b), key=self.order.__getitem__)
        self.parent[second] = first
        return first

    def attach(self, child: str, parent: str) -> None:
        """Put *child*'s group under *parent*'s root, whatever their order: a sentence that
        continues a record is a telling of that record's event, never its canonical one."""
        root_child, root_parent = self.root(child), self.root(parent)
        if root_child != root_parent:
            self.parent[root_child] = root_parent


def _span(record: DedupRecord) -> int:
    return (record.date_end - record.date_start).days


def _shares_name(a: DedupRecord, b: DedupRecord, common: frozenset[str] = frozenset()) -> bool:
    """Both texts name the same place or actor (a capitalised word, spelled alike) that is
    not one the whole document repeats."""
    names_a = {t for t, w in word_weights(a.text).items() if w >= 2.0 and t not in common}
    names_b = {t for t, w in word_weights(b.text).items() if w >= 2.0 and t not in common}
    return bool(names_a & names_b)


def _names_differ(a: DedupRecord, b: DedupRecord, common: frozenset[str]) -> bool:
    """Both texts name places or actors the document does not repeat, and none of them
    alike ("Toumour" and "Kindjandi"): two incidents, however alike the rest."""
    names_a, names_b = rare_names(a.text, common), rare_names(b.text, common)
    if not names_a or not names_b or names_a & names_b:
        return False
    for name in names_a:
        if any(name in other or other in name for other in names_b):
            return False
        if near_spelling(name, dict.fromkeys(names_b, 2.0)) is not None:
            return False
    return True


def _one_passage(a: DedupRecord, b: DedupRecord) -> bool:
    """One record's text inside the other's, in one document: the segmenter gave both the
    same sentence, so they are neighbours in one passage, not two tellings of one event."""
    if a.doc_id != b.doc_id or a.text == b.text:
        return False
    return a.text in b.text or b.text in a.text


def _restate_threshold(
    narrative: DedupRecord, target: DedupRecord, common: frozenset[str] = frozenset()
) -> float | None:
    """The similarity *narrative* needs to be a retelling of *target*, or None when their
    dates do not allow it.

    A day inside a day or a short range (the same night, a weekend) needs the day score; a
    day inside the bounds of an undated bullet, or a week inside a day, the coarse score. A
    month is too coarse to pin one of several records: a dated bullet of that month, or an
    earlier record of that day that shares a name with it, at the coarse score. A name the
    two share that the document does not repeat everywhere ("Wednesday's attack on the
    Tabankort post") lowers the score needed by ``RARE_NAME_BONUS`` when the retelling
    points back at an incident ("the attack", "Sunday's raid", "the camp bombing").

    A retelling that points back at an incident told earlier in the document at the same
    place, on a date its own interval contains ("the deadly raid on X last month", "the
    post at X had already been hit two years earlier"), needs only ``REFERENCE_SCORE``.
    """
    if _refers_back_to(narrative, target):
        return REFERENCE_SCORE
    threshold = _date_threshold(narrative, target, common)
    if (
        threshold is not None
        and _REFERS_BACK.search(narrative.text)
        and _shares_name(narrative, target, common)
    ):
        return threshold - RARE_NAME_BONUS
    return threshold


def _same_place_text(a: str, b: str) -> bool:
    """One place as written inside the other, word for word ("X" and "X post")."""
    short, long = sorted((fold_key(a), fold_key(b)), key=len)
    return bool(short) and f" {short} " in f" {long} "


def _refers_back_to(narrative: DedupRecord, target: DedupRecord) -> bool:
    return (
        narrative.doc_id == target.doc_id
        and target.line_start < narrative.line_start
        and narrative.place_text is not None
        and target.place_text is not None
        and target.date_precision in ("day", "range")
        and narrative.date_start <= target.date_start
        and target.date_end <= narrative.date_end
        and _same_place_text(narrative.place_text, target.place_text)
        and bool(_REFERS_BACK.search(narrative.text) or _HAD_BEEN_HIT.search(narrative.text))
    )


def _date_threshold(
    narrative: DedupRecord, target: DedupRecord, common: frozenset[str]
) -> float | None:
    inside = target.date_start <= narrative.date_start <= target.date_end
    if narrative.date_precision == "day":
        if inside and (target.date_precision == "day" or _span(target) <= WINDOW_DAYS):
            return MERGE_SCORE_DAY
        return MERGE_SCORE_COARSE if inside and target.date_precision == "bounded" else None
    contains = narrative.date_start <= target.date_start <= narrative.date_end
    if not contains or target.date_precision != "day":
        return None
    if narrative.date_precision == "range" and _span(narrative) <= WINDOW_DAYS:
        return MERGE_SCORE_COARSE
    if narrative.date_precision == "month" and (
        target.kind == "bullet" or _shares_name(narrative, target, common)
    ):
        return MERGE_SCORE_COARSE
    return None


# A sentence dated on its own that the record before it also holds tells that record's
# incident when its date only frames it, or follows it within this many days with no other
# type ("6 killed, one of his wounds two days later", "found five of them dead the
# following evening", "eight killed overnight in Bourem" after "raids during the night").
CONTINUATION_DAYS = 2
FRAMING_ROLES = frozenset({"report", "alternative"})


def _continues_incident(record: DedupRecord, previous: DedupRecord) -> bool:
    if record.date_role in FRAMING_ROLES:
        return True
    soon = previous.date_start <= record.date_start
    soon = soon and (record.date_start - previous.date_end).days <= CONTINUATION_DAYS
    return soon and record.event_type in (None, previous.event_type)


def _link_continuations(
    ordered: Sequence[DedupRecord], groups: _Groups, merged: set[str]
) -> list[Merge]:
    """Tellings of the incident of the record they continue (silver's segments)."""
    by_id = {r.record_id: r for r in ordered}
    links = []
    for record in ordered:
        previous = by_id.get(record.continues or "")
        if previous is None or record.record_id in merged or previous.record_id in merged:
            continue
        if _continues_incident(record, previous):
            groups.attach(record.record_id, previous.record_id)
            merged.add(record.record_id)
            links.append(Merge(record.record_id, previous.record_id, "continues its record", 1.0))
    return links


def deduplicate(
    records: Sequence[DedupRecord], scores: PairScores | None = None
) -> tuple[list[Merge], list[Candidate]]:
    """Merges (sure duplicates) and candidates (doubtful pairs), both in a stable order.

    *scores* remembers pair scores by their texts (an earlier run's, to reuse); the result
    is the same with or without it.
    """
    scores = PairScores() if scores is None else scores
    ordered = sorted(records, key=lambda r: r.order)
    pairs = _blocked_pairs(sorted(ordered, key=lambda r: (r.date_start, r.order)))
    merges, groups = link_tellings(ordered, pairs, document_commons(ordered), scores)
    return merges, candidates_of(pairs, groups.root, scores)


def document_commons(records: Sequence[DedupRecord]) -> dict[str, frozenset[str]]:
    """The names each document repeats (:func:`common_tokens` of its records' texts)."""
    texts: dict[str, list[str]] = {}
    for record in records:
        texts.setdefault(record.doc_id, []).append(record.text)
    return {doc_id: common_tokens(rows) for doc_id, rows in texts.items()}


def link_tellings(
    ordered: Sequence[DedupRecord],
    pairs: Sequence[tuple[DedupRecord, DedupRecord]],
    common: dict[str, frozenset[str]],
    scores: PairScores,
) -> tuple[list[Merge], _Groups]:
    """The merges among *ordered* (in canonical order), and the groups they make.

    *pairs* are the blocked pairs (only those of two documents on the same dates matter
    here), *common* each document's repeated names, computed on the whole document: the
    same records give the same merges alone or inside a corpus.
    """
    groups = _Groups(ordered)
    merges: list[Merge] = []
    seen: dict[tuple[str, date, date], DedupRecord] = {}
    for record in ordered:
        key = (normalised(record.text), record.date_start, record.date_end)
        if key in seen and not _same_source(seen[key], record):
            target = seen[key]
            groups.join(target.record_id, record.record_id)
            merges.append(Merge(record.record_id, target.record_id, "identical text and date", 1.0))
        else:
            seen[key] = record
    per_document: dict[str, list[DedupRecord]] = {}
    for record in sorted(ordered, key=lambda r: (r.date_start, r.order)):
        per_document.setdefault(record.doc_id, []).append(record)
    indexes = {doc_id: _DateIndex(rows) for doc_id, rows in per_document.items()}
    merged = {m.merged_id for m in merges}
    merges += _link_continuations(ordered, groups, merged)
    for narrative in ordered:
        if narrative.kind != "narrative" or narrative.record_id in merged:
            continue
        best: tuple[float, tuple[bool, str, int, str], DedupRecord] | None = None
        # A report restates its own events; two reports are compared below, by date.
        targets = indexes[narrative.doc_id].around(narrative)
        for score, target in restated(narrative, targets, common[narrative.doc_id], scores):
            if target.record_id not in merged and (
                best is None or (-score, target.order) < (-best[0], best[1])
            ):
                best = (score, target.order, target)
        if best is not None:
            target = best[2]
            groups.join(target.record_id, narrative.record_id)
            merged.add(narrative.record_id)
            merges.append(
                Merge(narrative.record_id, target.record_id, "narrative restates", best[0])
            )
    merges += _merge_across_documents(ordered, pairs, groups, merged, scores)
    return [Merge(m.merged_id, groups.root(m.into_id), m.reason, m.score) for m in merges], groups


def restated(
    narrative: DedupRecord,
    targets: Sequence[DedupRecord],
    common: frozenset[str],
    scores: PairScores,
) -> list[tuple[float, DedupRecord]]:
    """The records of *targets* (of *narrative*'s document) that it may restate, with the
    score of each: those whose dates allow it and whose similarity reaches the threshold."""
    found = []
    for target in targets:
        if (
            target.record_id == narrative.record_id
            or _same_source(target, narrative)
            or (target.kind == "narrative" and target.order > narrative.order)
            or _one_passage(narrative, target)
            or _names_differ(narrative, target, common)
            or (threshold := _restate_threshold(narrative, target, common)) is None
        ):
            continue
        score = scores.similarity(narrative.text, target.text, common)
        if score >= threshold:
            found.append((score, target))
    return found


def _same_source(a: DedupRecord, b: DedupRecord) -> bool:
    """Two records drafted from one bronze record: two incidents, never one event."""
    return (a.source_id or a.record_id) == (b.source_id or b.record_id)


def _same_event_elsewhere(a: DedupRecord, b: DedupRecord) -> bool:
    """Same stated dates in two documents, and no two different towns."""
    return (
        a.doc_id != b.doc_id
        and (a.date_start, a.date_end) == (b.date_start, b.date_end)
        and a.date_precision in ("day", "range")
        and a.date_precision == b.date_precision
        and (a.place_id is None or b.place_id is None or a.place_id == b.place_id)
    )


def _merge_across_documents(
    ordered: Sequence[DedupRecord],
    pairs: Sequence[tuple[DedupRecord, DedupRecord]],
    groups: _Groups,
    merged: set[str],
    scores: PairScores,
) -> list[Merge]:
    """Two reports telling one event (a cross-border attack) make one record.

    Within one document two records of one day stay two unless identical (a timeline
    lists distinct events), so only records of different documents are joined here.
    """
    partners: dict[str, list[DedupRecord]] = {}
    for a, b in pairs:
        if _same_event_elsewhere(a, b):
            partners.setdefault(a.record_id, []).append(b)
            partners.setdefault(b.record_id, []).append(a)
    merges: list[Merge] = []
    for record in ordered:
        if record.record_id in merged or record.record_id not in partners:
            continue
        best: tuple[float, DedupRecord] | None = None
        for other in sorted(partners[record.record_id], key=lambda r: r.order):
            if (
                other.order >= record.order
                or other.record_id in merged
                or groups.root(other.record_id) == groups.root(record.record_id)
            ):
                continue
            score = scores.similarity(record.text, other.text)
            if score >= MERGE_SCORE_OTHER_DOCUMENT and (best is None or score > best[0]):
                best = (score, other)
        if best is not None:
            groups.join(best[1].record_id, record.record_id)
            merged.add(record.record_id)
            merges.append(
                Merge(record.record_id, best[1].record_id, "another document tells it", best[0])
            )
    return merges


def _blocked_pairs(by_start: Sequence[DedupRecord]) -> list[tuple[DedupRecord, DedupRecord]]:
    """Pairs of precisely dated records at most a week apart that share a town, a name, a
    near spelling or a figure; a key shared by more than ``BLOCK_LIMIT`` records of the week
    ("Mali", "2021") tells nothing and is ignored. Cost grows with records per week."""
    precise = [r for r in by_start if r.date_precision in ("day", "range", "bounded")]
    window: dict[str, deque[DedupRecord]] = defaultdict(deque)
    pairs: list[tuple[DedupRecord, DedupRecord]] = []
    for b in precise:
        keys = set(blocking_keys(b.text))
        if b.place_id is not None:
            keys.add(f"p:{b.place_id}")
        partners: dict[str, DedupRecord] = {}
        for key in keys:
            queue = window[key]
            while queue and (b.date_start - queue[0].date_start).days > WINDOW_DAYS:
                queue.popleft()
            if len(queue) <= BLOCK_LIMIT:
                for a in queue:
                    partners[a.record_id] = a
            queue.append(b)
        pairs.extend((a, b) for a in sorted(partners.values(), key=lambda r: r.order))
    return pairs


class _DateIndex:
    """Records sorted by start date, to look up the few that a date can concern."""

    def __init__(self, by_start: Sequence[DedupRecord]) -> None:
        self.records = list(by_start)
        self.starts = [r.date_start.toordinal() for r in self.records]
        spans = [(r.date_end - r.date_start).days for r in self.records]
        self.longest = max(spans, default=0)

    def around(self, record: DedupRecord) -> list[DedupRecord]:
        """Records that could contain *record*'s start or start inside its interval."""
        low = bisect.bisect_left(self.starts, record.date_start.toordinal() - self.longest)
        high = bisect.bisect_right(self.starts, record.date_end.toordinal())
        return self.records[low:high]


def candidates_of(
    pairs: Sequence[tuple[DedupRecord, DedupRecord]],
    root: Callable[[str], str],
    scores: PairScores,
) -> list[Candidate]:
    """The doubtful pairs among *pairs* (blocked pairs; *root* gives each record's event),
    sorted by their record ids."""
    candidates: list[Candidate] = []
    for a, b in pairs:
        gap = abs((b.date_start - a.date_start).days)
        if root(a.record_id) == root(b.record_id) or _same_source(a, b):
            continue
        same_place = a.place_id is not None and a.place_id == b.place_id
        score = scores.similarity(a.text, b.text)
        if score < CANDIDATE_SCORE_SAME_PLACE:
            continue
        variants = scores.variants(a.text, b.text)
        elsewhere = a.doc_id != b.doc_id and gap == 0 and score >= CANDIDATE_SCORE_ELSEWHERE
        if not (same_place or variants or elsewhere or score >= CANDIDATE_SCORE_ANY):
            continue
        reasons = ["same day" if gap == 0 else f"{gap} day{'s' if gap > 1 else ''} apart"]
        if a.doc_id != b.doc_id:
            reasons.append("in two documents")
        if same_place:
            reasons.append(f"same place ({a.place_id})")
        if variants:
            reasons.append("spelled differently: " + ", ".join(f"{x}/{y}" for x, y in variants))
        first, second = sorted((a, b), key=lambda r: r.order)
        candidates.append(Candidate(first.record_id, second.record_id, score, "; ".join(reasons)))
    return sorted(candidates, key=lambda c: (c.record_id_a, c.record_id_b))
