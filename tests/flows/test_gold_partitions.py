"""Gold's events dataset: only changed years are encoded, the rest linked, same bytes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from flows.document_cache import StepCache
from flows.gold_partitions import Published, write_events_dataset
from flows.layers import file_entries
from flows.storage import _schema, _without_column, write_partitioned_parquet
from schemas.gold import GoldEventModel
from tests.export.conftest import events_frame

YEARS = ["year=2020/part-0.parquet", "year=2021/part-0.parquet"]


def _files(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in directory.rglob("*.*")}


def _events() -> pd.DataFrame:
    return GoldEventModel.validate(events_frame())


def _published(tmp_path: Path, frame: pd.DataFrame) -> Published:
    """A published gold holding *frame*'s events, written with a cache that remembers them."""
    folder = tmp_path / "published"
    write_events_dataset(frame, GoldEventModel, folder, _cache(tmp_path), None)
    return Published(folder, file_entries(folder))


def _cache(tmp_path: Path, enabled: bool = True) -> StepCache:
    return StepCache(tmp_path / "cache", "gold-partitions", enabled)


def test_the_years_are_the_bytes_pyarrows_dataset_writer_writes(tmp_path: Path) -> None:
    frame = _events()
    write_partitioned_parquet(frame, GoldEventModel, tmp_path / "ours", "year")
    schema = _schema(GoldEventModel)
    table = pyarrow.Table.from_pandas(frame, schema=schema, preserve_index=False)
    table = table.replace_schema_metadata(_without_column(table.schema.metadata, "year"))
    ds.write_dataset(
        table,
        tmp_path / "dataset",
        format="parquet",
        partitioning=ds.partitioning(pyarrow.schema([schema.field("year")]), flavor="hive"),
        basename_template="part-{i}.parquet",
    )
    assert sorted(_files(tmp_path / "ours")) == YEARS
    assert _files(tmp_path / "ours") == _files(tmp_path / "dataset")
    by_year = frame.sort_values("year", kind="stable")["event_id"].tolist()
    assert pd.read_parquet(tmp_path / "ours")["event_id"].tolist() == by_year


def test_a_year_is_one_row_group_in_frame_order_however_many_events(tmp_path: Path) -> None:
    # pyarrow's dataset writer cut 40,000 events at its 32,768-row batches: a year across
    # the cut was two row groups, in the order its threads finished.
    fixture = events_frame()
    frame = pd.concat([fixture] * 10_000, ignore_index=True)
    frame["event_id"] = [f"evt_{i:016x}" for i in range(len(frame))]
    write_partitioned_parquet(frame, GoldEventModel, tmp_path, "year")
    for name, count in zip(YEARS, (10_000, 30_000), strict=True):
        metadata = pq.ParquetFile(tmp_path / name).metadata
        assert (metadata.num_row_groups, metadata.num_rows) == (1, count)
    by_year = frame.sort_values("year", kind="stable")["event_id"].tolist()
    assert pd.read_parquet(tmp_path)["event_id"].tolist() == by_year


def test_an_unchanged_year_is_linked_and_a_changed_one_rewritten(tmp_path: Path) -> None:
    published = _published(tmp_path, _events())
    changed = events_frame()
    changed.loc[changed["date_start"] == date(2021, 3, 15), "description"] = "Now retold."
    changed = GoldEventModel.validate(changed)

    staged = tmp_path / "staging"
    done = write_events_dataset(changed, GoldEventModel, staged, _cache(tmp_path), published)

    assert (done.linked, done.written) == (YEARS[:1], YEARS[1:])
    old, new = published.folder / "events", staged / "events"
    assert (new / YEARS[0]).stat().st_ino == (old / YEARS[0]).stat().st_ino
    assert (new / YEARS[1]).read_bytes() != (old / YEARS[1]).read_bytes()
    write_partitioned_parquet(changed, GoldEventModel, tmp_path / "full", "year")
    assert _files(new) == _files(tmp_path / "full")


def test_nothing_is_linked_without_the_cache_or_from_a_file_that_changed(tmp_path: Path) -> None:
    frame = _events()
    published = _published(tmp_path, frame)
    off = write_events_dataset(
        frame, GoldEventModel, tmp_path / "a", _cache(tmp_path, False), published
    )
    assert (off.linked, off.written) == ([], YEARS)

    # The published file no longer holds what its manifest entry says: written anew.
    (published.folder / "events" / YEARS[0]).write_bytes(b"not parquet")
    done = write_events_dataset(frame, GoldEventModel, tmp_path / "b", _cache(tmp_path), published)
    assert (done.linked, done.written) == (YEARS[1:], YEARS[:1])
    write_partitioned_parquet(frame, GoldEventModel, tmp_path / "full", "year")
    assert _files(tmp_path / "b" / "events") == _files(tmp_path / "full")


def test_the_cache_keeps_one_entry_a_year(tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    done = write_events_dataset(_events(), GoldEventModel, tmp_path / "a", cache, None)
    assert len(done.keys) == 2
    assert all(cache.get(key) for key in done.keys)
