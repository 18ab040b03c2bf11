"""The bronze step on a batch, without an API: limits, cache, identical copies, the layout."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from prefect.logging import disable_run_logger

from flows.bronze import _known, extract_bronze
from flows.document_cache import StepCache
from flows.inputs import hash_file
from flows.steps import batches
from tests.paths import FIXTURES


def _extract(files: list[Path], folder: Path, cache: Path, max_bytes: int = 10**6) -> list:
    items = [asdict(hash_file(path, max_bytes)) for path in files]
    with disable_run_logger():
        return extract_bronze.fn(items, folder, cache, max_bytes, label="test")


@pytest.fixture
def reports(tmp_path: Path) -> list[Path]:
    crt = (FIXTURES / "crt_mali_2021.txt").read_bytes()
    (tmp_path / "crt.txt").write_bytes(crt)
    (tmp_path / "crt_crlf.txt").write_bytes(crt.replace(b"\n", b"\r\n"))
    (tmp_path / "prose.txt").write_bytes((FIXTURES / "prose_report.txt").read_bytes())
    return [tmp_path / name for name in ("crt.txt", "crt_crlf.txt", "prose.txt")]


def test_each_document_gets_one_file_per_table(reports: list[Path], tmp_path: Path) -> None:
    outcomes = _extract(reports, tmp_path / "bronze", tmp_path / "cache")
    crt, copy, prose = outcomes
    assert crt.document["doc_id"] == copy.document["doc_id"]  # the CRLF copy is the same text
    for table in ("bullets", "narratives", "lines"):
        files = sorted(p.stem for p in (tmp_path / "bronze" / table).glob("*.parquet"))
        assert files == sorted({crt.document["doc_id"], prose.document["doc_id"]})
    bullets = pq.read_table(tmp_path / "bronze" / "bullets" / f"{crt.document['doc_id']}.parquet")
    assert bullets.column("date_text").to_pylist() == ["January 2", "March 15", "October 3"]
    assert (crt.bullets, prose.bullets, prose.narratives) == (3, 0, 3)


def test_a_second_run_reads_the_cache_and_follows_the_file(
    reports: list[Path], tmp_path: Path
) -> None:
    _extract(reports[:1], tmp_path / "first", tmp_path / "cache")
    moved = tmp_path / "renamed.txt"
    reports[0].rename(moved)
    outcome = _known(
        hash_file(moved, 10**6), StepCache(tmp_path / "cache", "bronze"), tmp_path / "second"
    )
    assert outcome is not None
    assert outcome.from_cache and outcome.document["path"] == str(moved)
    first = (tmp_path / "first" / "bullets").glob("*.parquet")
    second = {p.name: p.read_bytes() for p in (tmp_path / "second" / "bullets").glob("*.parquet")}
    assert {p.name: p.read_bytes() for p in first} == second


def test_a_file_over_the_limit_is_rejected_with_its_size(
    reports: list[Path], tmp_path: Path
) -> None:
    size = reports[2].stat().st_size
    cache = StepCache(tmp_path / "cache", "bronze")
    outcome = _known(hash_file(reports[2], 100), cache, tmp_path / "bronze")
    assert outcome is not None and outcome.document is None
    assert outcome.rejection["reason"] == (
        f"file too large: {size:,} bytes, over the limit of 100 bytes (raise it with --max-bytes)"
    )


@pytest.mark.parametrize(
    ("items", "workers", "sizes"),
    [
        (3, 2, [3]),
        (15, 2, [15]),
        (20, 2, [10, 10]),
        (100, 2, [13] * 7 + [9]),
        (20, 1, [20]),
        (17, 4, [9, 8]),
    ],
)
def test_batches_keep_every_worker_busy(items: int, workers: int, sizes: list[int]) -> None:
    groups = batches(list(range(items)), workers)
    assert [len(g) for g in groups] == sizes
    assert [i for g in groups for i in g] == list(range(items))
