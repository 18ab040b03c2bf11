"""A run with nothing to do is answered before Prefect starts, and only then."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from eventline.documents import DEFAULT_MAX_BYTES
from flows.locking import data_folder_lock
from flows.unchanged import published_unchanged
from tests.conftest import FlowRun
from tests.paths import SAMPLE_KNOWN_UNTIL


@pytest.fixture
def published(sample_run: FlowRun, tmp_path: Path) -> Path:
    """A copy of the sample's published data folder, free to change."""
    copy = tmp_path / "data"
    shutil.copytree(sample_run.data_dir, copy)
    return copy


def _ask(root: Path, inputs: list[str] | None = None, known_until=SAMPLE_KNOWN_UNTIL):
    return published_unchanged(root, inputs or [], False, known_until, DEFAULT_MAX_BYTES)


def test_same_inputs_and_pipeline_are_answered_from_the_published_gold(
    published: Path, sample_run: FlowRun
) -> None:
    summary = _ask(published)
    assert summary is not None and summary["unchanged"]
    assert summary["gold_events"] == sample_run.summary["gold_events"] == 288
    written = json.loads((published / "reports" / "run_summary.json").read_text())
    assert written == summary


def test_another_horizon_is_a_change(published: Path) -> None:
    assert _ask(published, known_until=SAMPLE_KNOWN_UNTIL + timedelta(days=1)) is None


def test_a_new_input_is_a_change(published: Path, tmp_path: Path) -> None:
    report = tmp_path / "new.txt"
    report.write_text("On 3 March 2021, gunmen killed two villagers near Bandiagara.\n")
    assert _ask(published, [str(report)]) is None


def test_a_damaged_gold_file_is_a_change(published: Path) -> None:
    (published / "gold" / "actors.parquet").write_bytes(b"not parquet")
    assert _ask(published) is None


def test_a_publish_to_recover_is_left_to_the_flow(published: Path) -> None:
    stale = published / ".gold.staging-0123456789ab"
    stale.mkdir()
    assert _ask(published) is None
    assert stale.exists()


def test_a_folder_in_use_is_left_to_the_flow(published: Path) -> None:
    with data_folder_lock(published, 0):
        assert _ask(published) is None


def test_the_answer_imports_neither_pandas_nor_prefect(published: Path) -> None:
    """The check runs in a fresh process that loads no data library: an unchanged run of a
    large corpus should cost its hashing, not pandas', pandera's and Prefect's imports."""
    code = (
        "import sys\n"
        "from eventline import cli\n"
        f"args = ['run', '--quiet', '--data-dir', {str(published)!r}]\n"
        f"status = cli.main([*args, '--known-until', '{SAMPLE_KNOWN_UNTIL.isoformat()}'])\n"
        "names = ('pandas', 'pandera', 'prefect', 'pyarrow')\n"
        "heavy = sorted(m for m in names if m in sys.modules)\n"
        "print(status, heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "0 []"
    summary = json.loads((published / "reports" / "run_summary.json").read_text())
    assert summary["unchanged"] and summary["gold_events"] == 288
