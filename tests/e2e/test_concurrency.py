"""Two runs on one data folder, as real processes: one waits; gold is never missing or mixed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd

from flows.inputs import read_registry
from flows.layers import verify
from tests.conftest import CliRun, cli_env
from tests.paths import FIXTURES, SAMPLE


def _manifest(gold: Path) -> bytes | None:
    try:
        return (gold / "_manifest.json").read_bytes()
    except OSError:
        return None


def _watch(gold: Path, stop: threading.Event, seen: list[str]) -> None:
    """Check gold again and again: always there, always exactly what its manifest says."""
    while not stop.is_set():
        first = _manifest(gold)
        check = verify(gold, "gold")
        if first is None:
            seen.append("gold missing")
        elif not check.ok and _manifest(gold) == first:  # not a swap under our feet
            seen.append(check.describe())
        else:
            seen.append("ok")
        time.sleep(0.05)


def _start(args: list[str], api_url: str, home: Path, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "eventline.cli", *args],
        env=cli_env(home, api_url),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_runs_take_turns_and_gold_is_never_missing_or_mixed(
    mixed_run: CliRun, prefect_harness: str, prefect_home: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(mixed_run.data_dir, data_dir)
    one, other = tmp_path / "one", tmp_path / "other"
    one.mkdir()
    other.mkdir()
    (one / "mali.txt").write_bytes(SAMPLE.read_bytes())
    (other / "crt.txt").write_bytes((FIXTURES / "crt_mali_2021.txt").read_bytes())
    stop, seen = threading.Event(), []
    watcher = threading.Thread(target=_watch, args=(data_dir / "gold", stop, seen), daemon=True)
    watcher.start()
    common = ["--data-dir", str(data_dir), "--allow-removals", "--lock-timeout", "600"]
    runs = {
        folder.name: _start(
            ["run", "--replace", str(folder), *common], prefect_harness, prefect_home, tmp_path
        )
        for folder in (one, other)
    }
    try:
        outputs = {name: run.communicate(timeout=900) for name, run in runs.items()}
    finally:
        stop.set()
        watcher.join(timeout=5)
        for run in runs.values():
            if run.poll() is None:
                run.kill()
    for name, run in runs.items():
        assert run.returncode == 0, outputs[name][1][-3000:]
    assert sum("waiting for another eventline run" in err for _, err in outputs.values()) == 1
    assert seen and set(seen) == {"ok"}, sorted(set(seen))
    # The last writer's inputs and gold, whole: its one document, its manifest verified.
    assert verify(data_dir / "gold", "gold").ok
    (registered,) = read_registry(data_dir) or []
    events = pd.read_parquet(data_dir / "gold" / "events")
    documents = json.loads((data_dir / "gold" / "_manifest.json").read_text())["documents"]
    assert [d["paths"] for d in documents] == [[str(next(Path(registered).iterdir()))]]
    assert {doc for ids in events["doc_ids"] for doc in ids} == {documents[0]["doc_id"]}
