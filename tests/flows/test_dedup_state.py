"""The deduplication state on disk: written whole, read back equal, ignored when broken."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from eventline.silver.dedup_incremental import deduplicate_incremental
from eventline.silver.deduplication import DedupRecord
from flows.dedup_state import read_dedup_state, write_dedup_state
from tests.silver.test_deduplication import CEP_BULLET, CRT_BULLET

DAY = date(2019, 9, 30)


def _state():  # type: ignore[no-untyped-def]
    records = [
        DedupRecord("cep_1", "bullet", "doc_cep", CEP_BULLET, DAY, DAY, "day", "ml-b", 3),
        DedupRecord("crt_1", "bullet", "doc_crt", CRT_BULLET, DAY, DAY, "day", "ml-b", 8),
    ]
    return deduplicate_incremental(records)[2]


def test_a_written_state_reads_back_equal_and_replaces_other_versions(tmp_path: Path) -> None:
    state = _state()
    old = tmp_path / "dedup-state" / "old-version"
    write_dedup_state(old, state)
    (tmp_path / "dedup" / "ab").mkdir(parents=True)
    (tmp_path / "dedup" / "ab" / "abc.pickle").write_bytes(b"pair scores of an old release")
    folder = tmp_path / "dedup-state" / "new-version"
    write_dedup_state(folder, state)
    back = read_dedup_state(folder)
    assert back is not None
    assert {name: t.num_rows for name, t in back.tables().items()} == {
        "records": 2, "pairs": 1, "groups": 1, "merges": 1, "candidates": 0,
    }  # fmt: skip
    assert all(back.tables()[name].equals(t) for name, t in state.tables().items())
    assert [p.name for p in (tmp_path / "dedup-state").iterdir()] == ["new-version"]
    assert not list((tmp_path / "dedup").glob("*/*.pickle"))


def test_a_missing_or_broken_state_is_none(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    assert read_dedup_state(folder) is None
    write_dedup_state(folder, _state())
    (folder / "pairs.parquet").write_bytes(b"not parquet")
    assert read_dedup_state(folder) is None
