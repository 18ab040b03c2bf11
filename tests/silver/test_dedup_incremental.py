"""Incremental deduplication: the result of a full rebuild, redoing only changed groups."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventline.silver import dedup_incremental
from eventline.silver.dedup_blocking import blocked_positions, record_keys
from eventline.silver.dedup_incremental import DedupState, deduplicate_incremental
from eventline.silver.deduplication import (
    BLOCK_LIMIT,
    DedupRecord,
    Merge,
    _blocked_pairs,
    deduplicate,
)
from tests.silver.test_dedup_scores import TEXTS
from tests.silver.test_deduplication import (
    CEP_BULLET,
    CRT_BULLET,
    OTHER_SAME_DAY,
    RADISSON_BULLET,
    RADISSON_SENTENCE,
)

DAY = date(2019, 9, 30)


def _rec(
    record_id: str,
    text: str,
    doc_id: str,
    line: int,
    kind: str = "bullet",
    day: date = DAY,
    place: str | None = "ml-b",
) -> DedupRecord:
    return DedupRecord(record_id, kind, doc_id, text, day, day, "day", place, line)


def _same_as_full(
    records: list[DedupRecord], previous: DedupState, relinked: list[set[str]] | None = None
) -> tuple[list[Merge], DedupState]:
    """Incremental merges, checked against a full rebuild (results and state); *relinked*
    keeps only the groups this incremental run linked afresh."""
    if relinked is not None:
        relinked.clear()
    merges, candidates, state = deduplicate_incremental(records, previous)
    linked = list(relinked or [])
    assert (merges, candidates) == deduplicate(records)
    _, _, fresh = deduplicate_incremental(records)
    assert all(state.tables()[name].equals(table) for name, table in fresh.tables().items())
    if relinked is not None:
        relinked[:] = linked
    return merges, state


@pytest.fixture
def relinked(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The documents of each group linked afresh (not taken from the previous state)."""
    calls: list[set[str]] = []
    real = dedup_incremental.link_tellings

    def spy(ordered, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append({r.doc_id for r in ordered})
        return real(ordered, *args, **kwargs)

    monkeypatch.setattr(dedup_incremental, "link_tellings", spy)
    return calls


def _corpus() -> list[DedupRecord]:
    # Two events: the CEP/CRT attack told by doc_cep and doc_crt (one group), and the
    # hotel siege told by doc_hotel's bullet and its restating sentence (another).
    return [
        _rec("cep_1", CEP_BULLET, "doc_cep", 3),
        _rec("crt_1", CRT_BULLET, "doc_crt", 8),
        _rec("hotel_1", RADISSON_BULLET, "doc_hotel", 2, day=date(2015, 11, 20), place=None),
        _rec("hotel_2", RADISSON_SENTENCE, "doc_hotel", 40, "narrative", date(2015, 11, 20), None),
        _rec("other_1", OTHER_SAME_DAY, "doc_other", 5, day=date(2015, 11, 20), place="ml-k"),
    ]


def test_a_changed_document_relinks_only_its_groups(relinked: list[set[str]]) -> None:
    _, state = _same_as_full(_corpus(), DedupState(), relinked)
    assert sorted(map(sorted, relinked)) == [["doc_cep", "doc_crt"], ["doc_hotel"]]
    changed = [
        replace(r, text=r.text + " Later reports differ.") if r.doc_id == "doc_hotel" else r
        for r in _corpus()
    ]
    merged, _ = _same_as_full(changed, state, relinked)
    # Only the hotel group holds a changed record; the CEP/CRT group keeps its merge.
    assert relinked == [{"doc_hotel"}]
    assert [(m.merged_id, m.into_id, m.reason) for m in merged] == [
        ("hotel_2", "hotel_1", "narrative restates"),
        ("crt_1", "cep_1", "another document tells it"),
    ]


def test_adding_and_removing_a_document_match_a_full_rebuild(relinked: list[set[str]]) -> None:
    corpus = _corpus()
    _, state = _same_as_full(corpus, DedupState())
    added = [*corpus, _rec("crt2_1", CRT_BULLET, "doc_crt2", 8)]
    merged, state = _same_as_full(added, state, relinked)
    # The new report joins the CEP/CRT group: that group alone is linked again.
    assert relinked == [{"doc_cep", "doc_crt", "doc_crt2"}]
    # The copy of doc_crt's bullet is identical to it (first phase), both now under cep_1.
    assert [(m.merged_id, m.into_id, m.reason) for m in merged if m.into_id == "cep_1"] == [
        ("crt2_1", "cep_1", "identical text and date"),
        ("crt_1", "cep_1", "another document tells it"),
    ]
    removed = [r for r in added if r.doc_id != "doc_cep"]
    merged, _ = _same_as_full(removed, state, relinked)
    assert relinked == [{"doc_crt", "doc_crt2"}]
    assert [(m.merged_id, m.into_id) for m in merged] == [
        ("crt2_1", "crt_1"),
        ("hotel_2", "hotel_1"),
    ]


def test_a_change_that_joins_two_groups_matches_a_full_rebuild() -> None:
    # doc_crt first tells another town's attack (no link to doc_cep); its revision tells
    # the CEP attack: the two singleton groups become one, merged.
    before = [
        _rec("cep_1", CEP_BULLET, "doc_cep", 3),
        _rec("crt_1", OTHER_SAME_DAY, "doc_crt", 8),
    ]
    merged, state = _same_as_full(before, DedupState())
    assert merged == []
    after = [before[0], replace(before[1], text=CRT_BULLET)]
    merged, _ = _same_as_full(after, state)
    assert [(m.merged_id, m.into_id) for m in merged] == [("crt_1", "cep_1")]


def test_a_key_over_the_block_limit_drops_pairs_of_unchanged_records() -> None:
    # BLOCK_LIMIT records of one week share the place key p:ml-b: the last is paired with
    # all before it. One more record in another document that week takes the key over the
    # limit for the records after it, though their own documents did not change.
    days = [DAY + timedelta(days=i % 3) for i in range(BLOCK_LIMIT + 2)]
    corpus = [
        _rec(f"r{i}", f"{TEXTS[i % len(TEXTS)]} Note {i}.", f"doc_{i % 3}", i, day=day)
        for i, day in enumerate(days)
    ]
    _, state = _same_as_full(corpus[:-1], DedupState())
    _same_as_full([*corpus[:-2], corpus[-1], corpus[-2]], state)
    _same_as_full(corpus[1:], state)


@st.composite
def _versions(draw: st.DrawFn) -> tuple[list[DedupRecord], list[DedupRecord]]:
    """A corpus and a revision of it: documents kept, edited, dropped or added."""

    def record(index: int, doc: str) -> DedupRecord:  # fmt: skip
        kind = draw(st.sampled_from(["bullet", "bullet", "narrative"]))
        day = DAY + timedelta(days=draw(st.integers(0, 9)))
        return _rec(
            f"{doc}_{index}", draw(st.sampled_from(TEXTS)), doc, index, kind, day,
            draw(st.sampled_from([None, "ml-b", "ml-m"])),
        )  # fmt: skip

    docs = [f"doc_{n}" for n in range(draw(st.integers(1, 5)))]
    before = [record(i, doc) for doc in docs for i in range(draw(st.integers(1, 6)))]
    after = []
    for doc in [*docs, "doc_new"]:
        rows = [r for r in before if r.doc_id == doc]
        action = draw(st.sampled_from(["keep", "keep", "edit", "drop", "add"]))
        if action == "edit" and rows:
            rows[0] = replace(rows[0], text=rows[0].text + " Later reports differ.")
        elif action == "drop":
            rows = []
        elif action == "add":
            rows = [*rows, record(len(rows) + 10, doc)]
        after.extend(rows)
    return before, after


@settings(max_examples=40, deadline=None)
@given(_versions())
def test_any_revision_gives_what_a_full_rebuild_gives(
    versions: tuple[list[DedupRecord], list[DedupRecord]],
) -> None:
    before, after = versions
    _, state = _same_as_full(before, DedupState())
    _same_as_full(after, state)


@settings(max_examples=40, deadline=None)
@given(_versions())
def test_array_blocking_finds_the_sweep_s_pairs(
    versions: tuple[list[DedupRecord], list[DedupRecord]],
) -> None:
    records = sorted(versions[0] + versions[1], key=lambda r: (r.date_start, r.order))
    records = [replace(r, record_id=f"{r.record_id}_{i}") for i, r in enumerate(records)]
    first, second = blocked_positions(
        [r.date_start.toordinal() for r in records], [record_keys(r) for r in records]
    )
    found = {
        (records[a].record_id, records[b].record_id) for a, b in zip(first, second, strict=True)
    }
    assert found == {(a.record_id, b.record_id) for a, b in _blocked_pairs(records)}
