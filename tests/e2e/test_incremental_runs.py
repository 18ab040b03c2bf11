"""A data folder over time: reports added, changed, lost and removed; nothing lost silently."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from flows import pipeline
from flows.inputs import InputError, read_registry
from flows.layers import DERIVED
from tests.conftest import FlowRun
from tests.paths import FIXTURES, SAMPLE, SAMPLE_KNOWN_UNTIL


def _run(data_dir: Path, *inputs: Path, **options: object) -> dict:
    return pipeline.eventline_pipeline(
        data_dir=str(data_dir),
        inputs=[str(item) for item in inputs],
        known_until=SAMPLE_KNOWN_UNTIL.isoformat(),
        **options,
    )


def _gold_documents(data_dir: Path) -> dict[str, int]:
    events = pd.read_parquet(data_dir / "gold" / "events")
    return pd.Series([doc for ids in events["doc_ids"] for doc in ids]).value_counts().to_dict()


def _layers(data_dir: Path) -> dict[str, bytes]:
    """Every file of the three layers, byte for byte (the DuckDB catalog, whose bytes differ
    at every write, is checked by ``verify`` instead)."""
    return {
        str(p.relative_to(data_dir)): p.read_bytes()
        for layer in ("bronze", "silver", "gold")
        for p in (data_dir / layer).rglob("*")
        if p.is_file() and p.name not in DERIVED
    }


def _year_files(data_dir: Path) -> dict[str, tuple[int, bytes]]:
    """Each year of gold events: its file's inode and bytes."""
    return {
        p.parent.name: (p.stat().st_ino, p.read_bytes())
        for p in (data_dir / "gold" / "events").glob("year=*/*.parquet")
    }


def _quality_rows(data_dir: Path) -> dict[str, dict[str, int]]:
    report = json.loads((data_dir / "reports" / "quality_report.json").read_text())
    return report["rows"]


def _cached(data_dir: Path, step: str) -> int:
    return len(list((data_dir / ".cache" / step).glob("*/*.pickle")))


@pytest.fixture
def reports(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "mali.txt").write_bytes(SAMPLE.read_bytes())
    (folder / "crt.txt").write_bytes((FIXTURES / "crt_mali_2021.txt").read_bytes())
    return folder / "mali.txt", folder / "crt.txt"


def test_reruns_reuse_what_did_not_change(
    prefect_harness: str, reports: tuple[Path, Path], tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    first = _run(data_dir, reports[0].parent)
    assert (first["documents_read"], first["documents_from_cache"]) == (2, 0)
    assert first["rebuilt"] == ["bronze", "silver", "gold"]

    again = _run(data_dir)  # the registered folder; nothing extracted, nothing rebuilt
    assert again["unchanged"] and again["gold_events"] == first["gold_events"]

    crt = reports[1]
    crt.write_text(crt.read_text().replace("killing 33 soldiers", "killing 34 soldiers"))
    years = _year_files(data_dir)
    changed = _run(data_dir)
    # A year of events the change left as it was is the published file, linked; the
    # year of the changed event is written anew.
    after = _year_files(data_dir)
    assert sorted(after) == sorted(years)
    kept = {name for name in years if after[name][1] == years[name][1]}
    assert 0 < len(kept) < len(years)
    assert all((after[name][0] == years[name][0]) == (name in kept) for name in years)
    assert not changed["unchanged"]
    assert (changed["documents_read"], changed["documents_from_cache"]) == (2, 1)
    # The deduplication state, for the next run: one folder of five tables.
    (state,) = (data_dir / ".cache" / "dedup-state").iterdir()
    assert sorted(p.name for p in state.iterdir()) == [
        "candidates.parquet", "groups.parquet", "merges.parquet", "pairs.parquet",
        "records.parquet",
    ]  # fmt: skip
    incremental = _layers(data_dir)
    # The gate checked row by row only rows it had not seen pass (the changed report's),
    # and says so; table-level rules read every row.
    rows = _quality_rows(data_dir)
    for table in ("silver_records", "events"):
        assert 0 < rows[table]["validated"] < rows[table]["rows"], (table, rows[table])
        assert rows[table]["reused"] == rows[table]["rows"] - rows[table]["validated"]

    rebuilt = _run(data_dir, rebuild=True)
    assert all(counts["reused"] == 0 for counts in _quality_rows(data_dir).values())
    assert rebuilt["documents_from_cache"] == 0
    assert rebuilt["gold_events"] == changed["gold_events"]
    # What the run with remembered drafts and deduplication published is what a full
    # rebuild publishes, byte for byte.
    assert _layers(data_dir) == incremental


def test_one_report_is_added_lost_restored_and_removed(
    prefect_harness: str, reports: tuple[Path, Path], tmp_path: Path
) -> None:
    mali, crt = reports
    data_dir = tmp_path / "data"
    _run(data_dir, mali)
    added = _run(data_dir, crt)  # adds one report; the archive is not retyped
    assert read_registry(data_dir) == [str(mali), str(crt)]
    assert (added["documents_read"], added["documents_from_cache"]) == (2, 1)
    held = _gold_documents(data_dir)
    assert len(held) == 2
    crt_id = (
        pd.read_parquet(data_dir / "bronze" / "documents.parquet")
        .set_index("file_name")
        .at["crt.txt", "doc_id"]
    )

    # The report is moved away: the run refuses to publish, names it, changes nothing.
    before, cached = _layers(data_dir), _cached(data_dir, "bronze")
    crt.rename(tmp_path / "elsewhere.txt")
    with pytest.raises(pipeline.PublishRefused) as refused:
        _run(data_dir)
    decision = refused.value.decision
    assert [d["paths"] for d in decision.dropped] == [[str(crt)]]
    assert decision.events_lost == held[crt_id]
    assert f"{crt} ({held[crt_id]} events)" in str(refused.value)
    assert _layers(data_dir) == before
    assert _cached(data_dir, "bronze") == cached  # the lost report's cache entry stays

    # --allow-removals publishes anyway.
    allowed = _run(data_dir, allow_removals=True)
    assert allowed["gold_published"] and set(_gold_documents(data_dir)) == set(held) - {crt_id}

    # Back in place, the report returns from the cache; removed on purpose, it leaves.
    (tmp_path / "elsewhere.txt").rename(crt)
    restored = _run(data_dir)
    assert restored["documents_from_cache"] == 2 and _gold_documents(data_dir) == held
    removed = _run(data_dir, remove=[str(crt)])
    assert removed["gold_published"] and crt_id not in _gold_documents(data_dir)
    assert read_registry(data_dir) == [str(mali)]


def test_corrupt_or_missing_gold_files_are_found_and_rebuilt(
    sample_run: FlowRun, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(sample_run.data_dir, data_dir)
    good = _layers(data_dir)
    (part,) = (data_dir / "gold" / "events").glob("year=2015/*.parquet")
    part.write_bytes(part.read_bytes()[:100])  # truncated
    (data_dir / "gold" / "actors.parquet").unlink()
    repaired = _run(data_dir)
    assert repaired["rebuilt"] == ["gold"]  # bronze and silver verified: reused
    (note,) = repaired["notes"]
    assert note.startswith("gold does not verify: actors.parquet: missing; ")
    assert "events/year=2015/part-0.parquet: 100 bytes, the manifest says" in note
    assert _layers(data_dir) == good
    assert _run(data_dir)["unchanged"]


def test_from_gold_and_from_silver_rebuild_only_those_layers(
    sample_run: FlowRun, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(sample_run.data_dir, data_dir)
    good = _layers(data_dir)
    bronze_inode = (data_dir / "bronze").stat().st_ino
    silver_inode = (data_dir / "silver").stat().st_ino
    from_gold = _run(data_dir, start="gold")
    assert from_gold["rebuilt"] == ["gold"] and from_gold["documents_from_cache"] == 1
    assert (data_dir / "silver").stat().st_ino == silver_inode  # not even swapped
    assert _layers(data_dir) == good
    # A later horizon: silver is redone from the bronze files, bronze stays as it is.
    from_silver = pipeline.eventline_pipeline(
        data_dir=str(data_dir), start="silver", known_until="2030-01-01"
    )
    assert from_silver["rebuilt"] == ["silver", "gold"]
    assert (data_dir / "bronze").stat().st_ino == bronze_inode
    changed = _layers(data_dir)
    assert {k: v for k, v in changed.items() if k.startswith("bronze/")} == {
        k: v for k, v in good.items() if k.startswith("bronze/")
    }
    assert changed["silver/_manifest.json"] != good["silver/_manifest.json"]
    with pytest.raises(InputError, match="takes no inputs"):
        _run(data_dir, SAMPLE, start="silver")
