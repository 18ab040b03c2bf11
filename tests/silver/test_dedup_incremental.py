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


def test_a_pair_whose_event_split_is_a_candidate_again() -> None:
    # The texts share no name or figure: the three records meet by their place alone.
    # doc_crt's and doc_crt2's records each share four of six words with doc_cep's
    # (0.667, merged: another document tells it), two with each other (0.333: a
    # candidate, not a merge). Once doc_cep tells another incident they are two events,
    # and their unchanged pair becomes a candidate.
    cep = _rec("cep_1", "Gunmen ambushed a convoy by the river market bridge.", "doc_cep", 3)
    crt = _rec("crt_1", "Gunmen ambushed a convoy by the river tanker wagon.", "doc_crt", 8)
    crt2 = _rec("crt2_1", "Convoy by the river market bridge soldiers police.", "doc_crt2", 4)
    merged, state = _same_as_full([cep, crt, crt2], DedupState())
    assert [(m.merged_id, m.into_id) for m in merged] == [("crt_1", "cep_1"), ("crt2_1", "cep_1")]
    assert deduplicate([cep, crt, crt2])[1] == []
    other = replace(cep, text="Herders clashed over grazing land.")
    merged, _ = _same_as_full([other, crt, crt2], state)
    assert merged == []
    (candidate,) = deduplicate_incremental([other, crt, crt2], state)[1]
    assert (candidate.record_id_a, candidate.record_id_b, candidate.score) == (
        "crt_1", "crt2_1", 0.333,
    )  # fmt: skip


def test_pairs_of_unchanged_records_unblocked_by_a_removal_are_scored() -> None:
    # Fourteen records of one week share one key, their place (no name, no figure): the
    # last (doc_c) has thirteen before it, over BLOCK_LIMIT, and is paired with none.
    # Removing doc_a's record leaves twelve: the last is paired with each, though
    # neither doc_b nor doc_c changed, and each pair is a candidate (same place, 0.875).
    trades = ["herders", "farmers", "drivers", "miners", "fishers", "pupils", "nurses"]
    trades += ["guards", "hunters", "porters", "tailors", "weavers", "bakers", "masons"]
    text = "Gunmen attacked a convoy near the river, killing several traders and {}."
    rows = [
        _rec(f"r{i}", text.format(t), "doc_b", i, day=DAY + timedelta(days=i % 6))
        for i, t in enumerate(trades)
    ]
    rows[0] = replace(rows[0], doc_id="doc_a", date_start=DAY, date_end=DAY)
    rows[-1] = replace(rows[-1], doc_id="doc_c", date_start=DAY + timedelta(days=6))
    rows[-1] = replace(rows[-1], date_end=rows[-1].date_start)
    assert BLOCK_LIMIT == 12
    _, state = _same_as_full(rows, DedupState())
    assert not [c for c in deduplicate(rows)[1] if "r13" in (c.record_id_a, c.record_id_b)]
    _same_as_full(rows[1:], state)
    late = [c for c in deduplicate_incremental(rows[1:], state)[1] if c.record_id_b == "r13"]
    assert len(late) == 12 and {c.score for c in late} == {0.875}


def test_a_group_of_unchanged_records_is_relinked_when_its_document_changed() -> None:
    # Six notes of one report name Sangha (a common name there: it weighs a quarter); the
    # sentence restates the first note. Four other notes are removed: the sentence and the
    # first note are unchanged, but Sangha is a rare name again and the restatement
    # scores higher, as a full rebuild scores it.
    text = "Gunmen attacked a convoy near Sangha, killing {} traders."
    notes = [
        _rec(f"note_{n}", text.format(n + 2), "doc_a", n + 1, day=DAY + timedelta(10 * n))
        for n in range(6)
    ]
    sentence = _rec(
        "s", "The convoy attack near Sangha killed two traders.", "doc_a", 40, "narrative",
        place=None,
    )  # fmt: skip
    (before,), state = _same_as_full([*notes, sentence], DedupState())
    (after,), _ = _same_as_full([notes[0], notes[1], sentence], state)
    assert (after.merged_id, after.into_id) == (before.merged_id, before.into_id) == ("s", "note_0")
    assert after.score > before.score
