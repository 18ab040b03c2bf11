"""Deduplication that redoes only what the changed documents touch; the same result as
:func:`eventline.silver.deduplication.deduplicate` on the whole corpus.

Why it can: a merge only ever follows a *link* (identical text and dates, a continued
record, a restatement within a document, two documents' records of the same dates alike
enough), so the merges of a corpus are the union of those of its *groups*, the connected
components of the links; they are small (one event's tellings) where the candidate-pair
graph is one component. A group whose records, documents and cross-document links are all
as in the last run has the merges it had. A candidate is a pure function of its two
records and of whether they share an event; a blocked pair of unchanged records whose
events did not change is the candidate (or the non-candidate) it was.

What a run keeps for the next is :class:`DedupState`, five Arrow tables of integers and
short strings (the flow writes them as Parquet): per record its digest, its document's
fingerprint, its blocking keys, its restatement targets and its event; the blocked pairs
(64-bit digests) with their cross-document links; the groups; their merges; the
candidates. Nothing is scored again for an unchanged document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from eventline.silver.dedup_blocking import blocked_positions, record_keys
from eventline.silver.dedup_scores import PairScores, digest
from eventline.silver.dedup_text import common_tokens, normalised
from eventline.silver.deduplication import (
    MERGE_SCORE_OTHER_DOCUMENT,
    Candidate,
    DedupRecord,
    Merge,
    _DateIndex,
    _same_event_elsewhere,
    candidates_of,
    link_tellings,
    restated,
)

# The phase of each kind of merge in deduplicate's output order (then canonical order).
PHASES = {
    "identical text and date": 0,
    "continues its record": 1,
    "narrative restates": 2,
    "another document tells it": 3,
}
_MIX = np.uint64(0x9E3779B97F4A7C15)

RECORDS_SCHEMA = pa.schema(
    [
        ("record_id", pa.string()),
        ("document", pa.uint64()),
        ("digest", pa.uint64()),
        ("same_text", pa.uint64()),
        ("keys", pa.list_(pa.string())),
        ("restates", pa.list_(pa.string())),
        ("root", pa.string()),
    ]
)
PAIRS_SCHEMA = pa.schema([("pair", pa.uint64()), ("linked", pa.bool_())])
GROUPS_SCHEMA = pa.schema([("group", pa.uint64())])
MERGES_SCHEMA = pa.schema(
    [
        ("group", pa.uint64()),
        ("merged_id", pa.string()),
        ("into_id", pa.string()),
        ("reason", pa.string()),
        ("score", pa.float64()),
    ]
)
CANDIDATES_SCHEMA = pa.schema(
    [
        ("pair", pa.uint64()),
        ("record_id_a", pa.string()),
        ("record_id_b", pa.string()),
        ("score", pa.float64()),
        ("reason", pa.string()),
    ]
)


@dataclass(frozen=True)
class DedupState:
    """What one deduplication leaves for the next, as Arrow tables (see the module doc)."""

    records: pa.Table = field(default_factory=RECORDS_SCHEMA.empty_table)
    pairs: pa.Table = field(default_factory=PAIRS_SCHEMA.empty_table)
    groups: pa.Table = field(default_factory=GROUPS_SCHEMA.empty_table)
    merges: pa.Table = field(default_factory=MERGES_SCHEMA.empty_table)
    candidates: pa.Table = field(default_factory=CANDIDATES_SCHEMA.empty_table)

    def tables(self) -> dict[str, pa.Table]:
        return {
            "records": self.records,
            "pairs": self.pairs,
            "groups": self.groups,
            "merges": self.merges,
            "candidates": self.candidates,
        }


def _number(*parts: str) -> int:
    return int.from_bytes(digest(*parts), "little")


def record_digest(record: DedupRecord) -> int:
    """A 64-bit digest of everything deduplication reads of *record*."""
    return _number(
        record.record_id, record.kind, record.doc_id, record.text,
        record.date_start.isoformat(), record.date_end.isoformat(), record.date_precision,
        record.place_id or "\x00", str(record.line_start), record.source_id or "\x00",
        record.continues or "\x00", record.date_role, record.event_type or "\x00",
        record.place_text or "\x00",
    )  # fmt: skip


def _pair_digests(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """An ordered pair of record digests as one 64-bit number (wrapping arithmetic)."""
    return (first * _MIX + (second ^ (second >> np.uint64(29)))).astype(np.uint64)


@dataclass
class _Document:
    """One document's records, fingerprint and the per-record facts kept between runs."""

    records: list[DedupRecord]
    fingerprint: int
    fresh: bool
    keys: dict[str, list[str]] = field(default_factory=dict)
    same_text: dict[str, int] = field(default_factory=dict)
    restates: dict[str, list[str]] = field(default_factory=dict)


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        parent = self.parent.setdefault(item, item)
        while parent != item:
            grand = self.parent[parent]
            self.parent[item] = grand
            item, parent = parent, grand
        return item

    def join(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a


def _documents(
    ordered: Sequence[DedupRecord], digests: Mapping[str, int], previous: DedupState
) -> dict[str, _Document]:
    by_doc: dict[str, list[DedupRecord]] = {}
    for record in ordered:
        by_doc.setdefault(record.doc_id, []).append(record)
    known = set(previous.records.column("document").to_pylist())
    documents = {}
    for doc_id, rows in by_doc.items():
        print_ = _number(doc_id, *(str(digests[r.record_id]) for r in rows))
        documents[doc_id] = _Document(rows, print_, print_ not in known)
    kept = [doc.fingerprint for doc in documents.values() if not doc.fresh]
    table = previous.records.filter(
        pc.is_in(previous.records["document"], pa.array(kept, pa.uint64()))
    )
    by_print = {doc.fingerprint: doc for doc in documents.values()}
    columns = table.select(["record_id", "document", "keys", "same_text", "restates"])
    for row in columns.to_pylist():
        doc = by_print[row["document"]]
        doc.keys[row["record_id"]] = row["keys"]
        doc.same_text[row["record_id"]] = row["same_text"]
        doc.restates[row["record_id"]] = row["restates"]
    return documents


def _fill_fresh(doc: _Document, scores: PairScores) -> None:
    """Blocking keys, identical-text keys and restatement targets of a changed document."""
    common = common_tokens([r.text for r in doc.records])
    index = _DateIndex(sorted(doc.records, key=lambda r: (r.date_start, r.order)))
    for record in doc.records:
        doc.keys[record.record_id] = record_keys(record)
        doc.same_text[record.record_id] = _number(
            normalised(record.text), record.date_start.isoformat(), record.date_end.isoformat()
        )
        targets: list[str] = []
        if record.kind == "narrative":
            found = restated(record, index.around(record), common, scores)
            targets = [target.record_id for _, target in found]
        doc.restates[record.record_id] = targets


def deduplicate_incremental(
    records: Sequence[DedupRecord], previous: DedupState | None = None
) -> tuple[list[Merge], list[Candidate], DedupState]:
    """Merges and candidates of *records*, exactly :func:`deduplicate`'s, reusing what
    *previous* (the state of an earlier run) says of unchanged documents; and the state
    for the next run."""
    previous = previous or DedupState()
    scores = PairScores()
    ordered = sorted(records, key=lambda r: r.order)
    by_id = {r.record_id: r for r in ordered}
    digests = {r.record_id: record_digest(r) for r in ordered}
    documents = _documents(ordered, digests, previous)
    for doc in documents.values():
        if doc.fresh:
            _fill_fresh(doc, scores)
    fresh = {r.record_id for doc in documents.values() if doc.fresh for r in doc.records}

    by_start = sorted(ordered, key=lambda r: (r.date_start, r.order))
    keys = [documents[r.doc_id].keys[r.record_id] for r in by_start]
    first, second = blocked_positions([r.date_start.toordinal() for r in by_start], keys)
    start_digests = np.array([digests[r.record_id] for r in by_start], dtype=np.uint64)
    pair_ids = _pair_digests(start_digests[first], start_digests[second])
    touched = np.array([r.record_id in fresh for r in by_start], dtype=bool)
    old_pairs = previous.pairs["pair"].to_numpy()
    found = np.searchsorted(old_pairs, pair_ids)
    found = np.minimum(found, max(len(old_pairs) - 1, 0))
    known = (
        (old_pairs[found] == pair_ids) if len(old_pairs) else np.zeros(len(pair_ids), dtype=bool)
    )
    new = touched[first] | touched[second] | ~known
    linked = np.zeros(len(pair_ids), dtype=bool)
    if len(old_pairs):
        linked[known] = previous.pairs["linked"].to_numpy(zero_copy_only=False)[found[known]]
    for index in np.flatnonzero(new).tolist():
        linked[index] = _links(by_start[first[index]], by_start[second[index]], scores)

    union = _Union()
    _join_links(union, ordered, by_id, documents, first, second, linked, by_start)
    members: dict[str, list[DedupRecord]] = {}
    for record in ordered:
        members.setdefault(union.find(record.record_id), []).append(record)
    links_of: dict[str, list[tuple[DedupRecord, DedupRecord]]] = {}
    for index in np.flatnonzero(linked).tolist():
        a, b = by_start[first[index]], by_start[second[index]]
        links_of.setdefault(union.find(a.record_id), []).append((a, b))
    link_ids = {
        (by_start[first[i]].record_id, by_start[second[i]].record_id): int(pair_ids[i])
        for i in np.flatnonzero(linked).tolist()
    }

    merges, group_rows, merge_rows = _group_merges(
        members, links_of, link_ids, digests, documents, previous, scores
    )
    roots = {m.merged_id: m.into_id for m in merges}
    old_roots = dict(
        zip(
            previous.records["record_id"].to_pylist(),
            previous.records["root"].to_pylist(),
            strict=True,
        )
    )
    moved = np.array(
        [roots.get(r.record_id, r.record_id) != old_roots.get(r.record_id) for r in by_start],
        dtype=bool,
    )
    redo = new | moved[first] | moved[second]
    candidates = _kept_candidates(previous, pair_ids[~redo])
    pairs = [(by_start[i], by_start[j]) for i, j in zip(first[redo], second[redo], strict=True)]
    candidates += candidates_of(pairs, lambda rid: roots.get(rid, rid), scores)
    candidates.sort(key=lambda c: (c.record_id_a, c.record_id_b))
    merges.sort(key=lambda m: (PHASES[m.reason], by_id[m.merged_id].order))

    order = np.argsort(pair_ids, kind="stable")
    state = DedupState(
        records=_record_table(ordered, digests, documents, roots),
        pairs=pa.table({"pair": pair_ids[order], "linked": linked[order]}, schema=PAIRS_SCHEMA),
        groups=pa.table({"group": pa.array(group_rows, pa.uint64())}, schema=GROUPS_SCHEMA),
        merges=pa.Table.from_pylist(merge_rows, schema=MERGES_SCHEMA),
        candidates=_candidate_table(candidates, by_id, digests),
    )
    return merges, candidates, state


def _links(a: DedupRecord, b: DedupRecord, scores: PairScores) -> bool:
    """Whether a blocked pair may merge as two documents' tellings of one event (scored
    as :func:`_merge_across_documents` scores it: the later record against the earlier)."""
    if not _same_event_elsewhere(a, b):
        return False
    later, earlier = sorted((a, b), key=lambda r: r.order, reverse=True)
    return scores.similarity(later.text, earlier.text) >= MERGE_SCORE_OTHER_DOCUMENT


def _join_links(
    union: _Union,
    ordered: Sequence[DedupRecord],
    by_id: Mapping[str, DedupRecord],
    documents: Mapping[str, _Document],
    first: np.ndarray,
    second: np.ndarray,
    linked: np.ndarray,
    by_start: Sequence[DedupRecord],
) -> None:
    """Join every two records a merge could follow (the links of the module doc)."""
    same_text: dict[int, str] = {}
    for record in ordered:
        rid = record.record_id
        doc = documents[record.doc_id]
        text_key = doc.same_text[rid]
        union.join(same_text.setdefault(text_key, rid), rid)
        if record.continues in by_id:
            union.join(record.continues, rid)
        for target in doc.restates[rid]:
            union.join(target, rid)
    for index in np.flatnonzero(linked).tolist():
        union.join(by_start[first[index]].record_id, by_start[second[index]].record_id)


def _group_merges(
    members: Mapping[str, list[DedupRecord]],
    links_of: Mapping[str, list[tuple[DedupRecord, DedupRecord]]],
    link_ids: Mapping[tuple[str, str], int],
    digests: Mapping[str, int],
    documents: Mapping[str, _Document],
    previous: DedupState,
    scores: PairScores,
) -> tuple[list[Merge], list[int], list[dict[str, object]]]:
    """Each group's merges: the last run's for a group it had, else linked afresh."""
    prints: dict[str, int] = {}
    for root, rows in members.items():
        if len(rows) < 2:
            continue
        links = sorted(link_ids[(a.record_id, b.record_id)] for a, b in links_of.get(root, []))
        docs = sorted({documents[r.doc_id].fingerprint for r in rows})
        prints[root] = _number(
            *(str(digests[r.record_id]) for r in rows), "|", *map(str, docs), "|",
            *map(str, links),
        )  # fmt: skip
    known = set(previous.groups["group"].to_pylist()) & set(prints.values())
    kept = previous.merges.filter(
        pc.is_in(previous.merges["group"], pa.array(sorted(known), pa.uint64()))
    )
    merge_rows: list[dict[str, object]] = kept.to_pylist()
    merges = [Merge(r["merged_id"], r["into_id"], r["reason"], r["score"]) for r in merge_rows]
    commons: dict[str, frozenset[str]] = {}
    for root, group in prints.items():
        if group in known:
            continue
        rows = members[root]
        for doc_id in {r.doc_id for r in rows} - commons.keys():
            commons[doc_id] = common_tokens([r.text for r in documents[doc_id].records])
        found, _ = link_tellings(rows, links_of.get(root, []), commons, scores)
        merges += found
        merge_rows += [
            {"group": group, "merged_id": m.merged_id, "into_id": m.into_id}
            | {"reason": m.reason, "score": m.score}
            for m in found
        ]
    merge_rows.sort(key=lambda row: (row["group"], row["merged_id"]))
    return merges, sorted(prints.values()), merge_rows


def _kept_candidates(previous: DedupState, pair_ids: np.ndarray) -> list[Candidate]:
    """The last run's candidates among *pair_ids* (pairs whose outcome cannot have changed)."""
    table = previous.candidates
    if not len(table) or not len(pair_ids):
        return []
    kept = table.filter(pc.is_in(table["pair"], pa.array(pair_ids, pa.uint64())))
    return [
        Candidate(r["record_id_a"], r["record_id_b"], r["score"], r["reason"])
        for r in kept.select(["record_id_a", "record_id_b", "score", "reason"]).to_pylist()
    ]


def _record_table(
    ordered: Iterable[DedupRecord],
    digests: Mapping[str, int],
    documents: Mapping[str, _Document],
    roots: Mapping[str, str],
) -> pa.Table:
    rows = []
    for record in ordered:
        rid, doc = record.record_id, documents[record.doc_id]
        rows.append(
            {
                "record_id": rid,
                "document": doc.fingerprint,
                "digest": digests[rid],
                "same_text": doc.same_text[rid],
                "keys": doc.keys[rid],
                "restates": doc.restates[rid],
                "root": roots.get(rid, rid),
            }
        )
    return pa.Table.from_pylist(rows, schema=RECORDS_SCHEMA)


def _candidate_table(
    candidates: Sequence[Candidate], by_id: Mapping[str, DedupRecord], digests: Mapping[str, int]
) -> pa.Table:
    """Candidates with the digest of their blocked pair (its records in sweep order)."""
    swept = [
        sorted((by_id[c.record_id_a], by_id[c.record_id_b]), key=lambda r: (r.date_start, r.order))
        for c in candidates
    ]
    first = np.array([digests[a.record_id] for a, _ in swept], dtype=np.uint64)
    second = np.array([digests[b.record_id] for _, b in swept], dtype=np.uint64)
    return pa.table(
        {
            "pair": _pair_digests(first, second),
            "record_id_a": [c.record_id_a for c in candidates],
            "record_id_b": [c.record_id_b for c in candidates],
            "score": [c.score for c in candidates],
            "reason": [c.reason for c in candidates],
        },
        schema=CANDIDATES_SCHEMA,
    )
