"""Find records that tell the same event, merge the sure cases, list the doubtful ones.

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
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

WINDOW_DAYS = 7
MERGE_SCORE_DAY = 0.35
MERGE_SCORE_COARSE = 0.5
MERGE_SCORE_OTHER_DOCUMENT = 0.5
CANDIDATE_SCORE_SAME_PLACE = 0.2
CANDIDATE_SCORE_ANY = 0.6
# Two reports telling one day's events in words alike but in other towns.
CANDIDATE_SCORE_ELSEWHERE = 0.35
SPELLING_RATIO = 75.0
# fmt: off
_STOPWORDS = frozenset({
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "from", "by", "with",
    "into", "near", "as", "its", "it", "is", "are", "was", "were", "be", "been", "has", "have",
    "had", "that", "this", "which", "who", "whom", "their", "his", "her", "they", "them",
    "than", "then", "also", "both", "after", "before", "over", "under", "between", "during",
    "while", "not", "no", "but", "about", "against", "across",
})
# fmt: on
_WORD = re.compile(r"[^\W_][\w'’-]*")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SUFFIX = re.compile(r"(?:ing|ed|es|s)$")


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

    @property
    def order(self) -> tuple[bool, str, int, str]:
        """Canonical order: bullets first, then by document and line; independent of input order."""
        return (self.kind != "bullet", self.doc_id, self.line_start, self.record_id)


@dataclass(frozen=True)
class Merge:
    """*merged_id* is the same event as *into_id* and disappears into it."""

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


def _fold(word: str) -> str:
    ascii_word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return ascii_word.lower().replace("'s", "").strip("'-")


@lru_cache(maxsize=65536)
def _tokens(text: str) -> dict[str, float]:
    """Content words, lightly stemmed; capitalised words (names) weigh double."""
    weights: dict[str, float] = {}
    for position, match in enumerate(_WORD.finditer(_LINK.sub(r"\1", text.replace("’", "'")))):
        word = match.group()
        folded = _fold(word)
        if folded in _STOPWORDS or (len(folded) < 3 and not folded.isdigit()):
            continue
        stem = _SUFFIX.sub("", folded) if len(folded) > 5 else folded
        weight = 2.0 if word[0].isupper() and position > 0 else 1.0
        weights[stem] = max(weights.get(stem, 0.0), weight)
    return weights


def _near(token: str, others: dict[str, float]) -> str | None:
    if len(token) < 4:
        return None
    for other in others:
        if len(other) >= 4 and fuzz.ratio(token, other) >= SPELLING_RATIO:
            return other
    return None


def text_similarity(a: str, b: str) -> float:
    """Weighted overlap of content words (0-1); near spellings count 0.8 of a match."""
    tokens_a, tokens_b = _tokens(a), _tokens(b)
    if not tokens_a or not tokens_b:
        return 0.0
    shared = 0.0
    unmatched = {t: w for t, w in tokens_b.items() if t not in tokens_a}
    for token, weight in tokens_a.items():
        if token in tokens_b:
            shared += min(weight, tokens_b[token])
            continue
        other = _near(token, unmatched)
        if other is not None:
            # Each word of *b* answers at most one word of *a*, so the score stays <= 1.
            shared += 0.8 * min(weight, unmatched.pop(other), 1.0)
    return round(min(1.0, shared / min(sum(tokens_a.values()), sum(tokens_b.values()))), 3)


def spelling_variants(a: str, b: str) -> list[tuple[str, str]]:
    """Names written differently in two texts ("Gangafani" / "Gaganfani")."""
    tokens_a, tokens_b = _tokens(a), _tokens(b)
    pairs = []
    for token, weight in tokens_a.items():
        if weight < 2.0 or token in tokens_b:
            continue
        other = _near(token, {t: w for t, w in tokens_b.items() if w >= 2.0 and t not in tokens_a})
        # "Mali"/"Malian" is one word inflected, not a name spelled two ways.
        if other is not None and not (token.startswith(other) or other.startswith(token)):
            pairs.append((token, other))
    return pairs


def _normalised(text: str) -> str:
    return " ".join(_fold(word) for word in _WORD.findall(text))


class _Groups:
    """Union-find whose root is always the canonically first record."""

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


def _restates(narrative: DedupRecord, target: DedupRecord) -> bool:
    """Whether *target*'s date allows *narrative* to be a retelling of it."""
    if narrative.date_precision == "day":
        short = (target.date_end - target.date_start).days <= WINDOW_DAYS
        return target.date_start <= narrative.date_start <= target.date_end and (
            target.date_precision == "day" or (target.date_precision == "range" and short)
        )
    if narrative.date_precision == "month":
        # A month is too coarse to pin one of several sentences; only a dated bullet.
        return (
            target.kind == "bullet"
            and target.date_precision == "day"
            and narrative.date_start <= target.date_start <= narrative.date_end
        )
    return False


def deduplicate(records: Sequence[DedupRecord]) -> tuple[list[Merge], list[Candidate]]:
    """Merges (sure duplicates) and candidates (doubtful pairs), both in a stable order."""
    ordered = sorted(records, key=lambda r: r.order)
    groups = _Groups(ordered)
    merges: list[Merge] = []

    seen: dict[tuple[str, date, date], DedupRecord] = {}
    for record in ordered:
        key = (_normalised(record.text), record.date_start, record.date_end)
        if key in seen:
            target = seen[key]
            groups.join(target.record_id, record.record_id)
            merges.append(Merge(record.record_id, target.record_id, "identical text and date", 1.0))
        else:
            seen[key] = record

    by_start = sorted(ordered, key=lambda r: (r.date_start, r.order))
    index = _DateIndex(by_start)
    merged = {m.merged_id for m in merges}
    for narrative in ordered:
        if narrative.kind != "narrative" or narrative.record_id in merged:
            continue
        threshold = MERGE_SCORE_DAY if narrative.date_precision == "day" else MERGE_SCORE_COARSE
        best: tuple[float, tuple[bool, str, int, str], DedupRecord] | None = None
        for target in index.around(narrative):
            if (
                target.record_id == narrative.record_id
                or target.record_id in merged
                or not _restates(narrative, target)
                or (target.kind == "narrative" and target.order > narrative.order)
            ):
                continue
            score = text_similarity(narrative.text, target.text)
            if score >= threshold and (
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

    merges += _merge_across_documents(ordered, index, groups, merged)
    merges = [Merge(m.merged_id, groups.root(m.into_id), m.reason, m.score) for m in merges]
    return merges, _candidates(by_start, groups)


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
    ordered: Sequence[DedupRecord], index: _DateIndex, groups: _Groups, merged: set[str]
) -> list[Merge]:
    """Two reports telling one event (a cross-border attack) make one record.

    Within one document two records of one day stay two unless identical (a timeline
    lists distinct events), so only records of different documents are joined here.
    """
    merges: list[Merge] = []
    for record in ordered:
        if record.record_id in merged:
            continue
        best: tuple[float, DedupRecord] | None = None
        for other in index.around(record):
            if (
                other.order >= record.order
                or other.record_id in merged
                or groups.root(other.record_id) == groups.root(record.record_id)
                or not _same_event_elsewhere(record, other)
            ):
                continue
            score = text_similarity(record.text, other.text)
            if score >= MERGE_SCORE_OTHER_DOCUMENT and (best is None or score > best[0]):
                best = (score, other)
        if best is not None:
            groups.join(best[1].record_id, record.record_id)
            merged.add(record.record_id)
            merges.append(
                Merge(record.record_id, best[1].record_id, "another document tells it", best[0])
            )
    return merges


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


def _candidates(by_start: Sequence[DedupRecord], groups: _Groups) -> list[Candidate]:
    candidates: list[Candidate] = []
    precise = [r for r in by_start if r.date_precision in ("day", "range", "bounded")]
    for index, a in enumerate(precise):
        for b in precise[index + 1 :]:
            gap = (b.date_start - a.date_start).days
            if gap > WINDOW_DAYS:
                break
            if groups.root(a.record_id) == groups.root(b.record_id):
                continue
            same_place = a.place_id is not None and a.place_id == b.place_id
            score = text_similarity(a.text, b.text)
            if score < CANDIDATE_SCORE_SAME_PLACE:
                continue
            variants = spelling_variants(a.text, b.text)
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
            candidates.append(
                Candidate(first.record_id, second.record_id, score, "; ".join(reasons))
            )
    return sorted(candidates, key=lambda c: (c.record_id_a, c.record_id_b))
