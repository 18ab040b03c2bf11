"""Pair scores remembered between runs: the same result as scoring afresh, and less work."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from eventline.silver.dedup_scores import PairScores, digest
from eventline.silver.deduplication import DedupRecord, deduplicate
from tests.silver.test_deduplication import (
    CEP_BULLET,
    CRT_BULLET,
    KOUTOUGOU,
    KOUTOUGOU_LATER,
    OTHER_AUGUST,
    OTHER_SAME_DAY,
    RADISSON_BULLET,
    RADISSON_SENTENCE,
)

DAY = date(2019, 9, 30)
TEXTS = [
    CEP_BULLET,
    CRT_BULLET,
    KOUTOUGOU,
    KOUTOUGOU_LATER,
    OTHER_AUGUST,
    OTHER_SAME_DAY,
    RADISSON_BULLET,
    RADISSON_SENTENCE,
]


def _bullet(record_id: str, text: str, doc_id: str, place: str | None = "ml-b") -> DedupRecord:
    return DedupRecord(record_id, "bullet", doc_id, text, DAY, DAY, "day", place, 1)


def test_a_rerun_scores_no_pair_again() -> None:
    # Two reports tell one event: the only score computed is the cross-document one
    # (the later telling against the canonical); once merged, the pair is no candidate.
    records = [_bullet("rec_cep", CEP_BULLET, "doc_cep"), _bullet("rec_crt", CRT_BULLET, "doc_crt")]
    first = PairScores()
    expected = deduplicate(records, first)
    assert (first.computed, first.reused, len(first.entries)) == (1, 0, 1)
    again = PairScores(first.entries)
    assert deduplicate(records, again) == expected
    assert (again.computed, again.reused) == (0, 1)


def test_a_changed_text_rescores_only_the_pairs_that_hold_it() -> None:
    records = [
        _bullet("rec_a", CEP_BULLET, "doc_a"),
        _bullet("rec_b", CRT_BULLET, "doc_b", place=None),
        _bullet("rec_c", OTHER_SAME_DAY, "doc_c"),
    ]
    first = PairScores()
    deduplicate(records, first)
    changed = CRT_BULLET.replace("38 soldiers", "39 soldiers")
    edited = [records[0], replace(records[1], text=changed), records[2]]
    second = PairScores(first.entries)
    assert deduplicate(edited, second) == deduplicate(edited)
    new = [key for key in second.entries if key not in first.entries]
    assert new and len(new) == second.computed
    assert all(digest(changed) in key for key in new)
    # The pair of the two unchanged records is remembered, not scored again.
    assert second.reused >= 1


@st.composite
def _corpus_versions(draw: st.DrawFn) -> tuple[list[DedupRecord], list[DedupRecord]]:
    """A corpus of records and an edited version of it (texts, dates, places changed)."""
    size = draw(st.integers(min_value=2, max_value=9))
    records = []
    for index in range(size):
        kind = draw(st.sampled_from(["bullet", "narrative"]))
        start = DAY + timedelta(days=draw(st.integers(0, 3)))
        records.append(
            DedupRecord(
                f"rec_{index}",
                kind,
                draw(st.sampled_from(["doc_a", "doc_b", "doc_c"])),
                draw(st.sampled_from(TEXTS)),
                start,
                start,
                "day",
                draw(st.sampled_from([None, "ml-b", "ml-m"])),
                index + 1,
            )
        )
    edited = []
    for record in records:
        action = draw(st.sampled_from(["keep", "keep", "text", "day", "drop"]))
        if action == "text":
            record = replace(record, text=draw(st.sampled_from(TEXTS)) + " Later reports differ.")
        elif action == "day":
            moved = record.date_start + timedelta(days=1)
            record = replace(record, date_start=moved, date_end=moved)
        if action != "drop":
            edited.append(record)
    return records, edited


@settings(max_examples=60, deadline=None)
@given(_corpus_versions())
def test_remembered_scores_give_what_a_full_rebuild_gives(
    versions: tuple[list[DedupRecord], list[DedupRecord]],
) -> None:
    before, after = versions
    earlier = PairScores()
    deduplicate(before, earlier)
    assert deduplicate(after, PairScores(earlier.entries)) == deduplicate(after)


def test_a_document_s_common_names_are_part_of_a_restatement_s_score() -> None:
    # Six notes of one report name Sangha (a common name of that report: it weighs a
    # quarter); with two of them left it is a rare name again, and the sentence that
    # restates the first note scores higher. A score remembered from the first version
    # must not be reused for the second.
    notes = [
        DedupRecord(
            f"rec_{day}",
            "bullet",
            "doc_a",
            f"Gunmen attacked a convoy near Sangha, killing {day + 2} traders.",
            DAY + timedelta(days=10 * day),
            DAY + timedelta(days=10 * day),
            "day",
            None,
            day + 1,
        )
        for day in range(6)
    ]
    sentence = DedupRecord(
        "rec_s", "narrative", "doc_a", "The convoy attack near Sangha killed two traders.",
        DAY, DAY, "day", None, 40,
    )  # fmt: skip
    first = PairScores()
    (before,) = deduplicate([*notes, sentence], first)[0]
    later = [notes[0], notes[1], sentence]
    (after,) = deduplicate(later, PairScores(first.entries))[0]
    assert after == deduplicate(later)[0][0]
    assert after.score > before.score
