"""The flow on a Dask LocalCluster of two workers gives the same gold as the default runner."""

from __future__ import annotations

from pathlib import Path

import pyarrow.dataset as ds
import pytest

from tests.conftest import CliRun, run_cli

pytest.importorskip("prefect_dask", reason="the 'dask' extra is not installed")


def test_dask_runner_gives_the_same_gold(
    mixed_run: CliRun, prefect_home: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    args = ["run", str(mixed_run.inputs), "--data-dir", str(data_dir)]
    done = run_cli(
        [*args, "--task-runner", "dask"],
        prefect_home,
        mixed_run.inputs,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "4 read, 3 rejected" in done.stdout
    for table, key in (("events", 1), ("actors.parquet", 1), ("event_actors.parquet", 3)):
        default = ds.dataset(mixed_run.data_dir / "gold" / table, partitioning="hive").to_table()
        dask = ds.dataset(data_dir / "gold" / table, partitioning="hive").to_table()
        keys = [(name, "ascending") for name in default.schema.names[:key]]
        assert default.num_rows > 0
        assert default.sort_by(keys).equals(dask.sort_by(keys)), table
