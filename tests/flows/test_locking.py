"""One writer per data folder, with real processes: a busy folder waits or fails clearly."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.locking import OWNER, DataFolderBusy, data_folder_lock

HOLDER = """
import sys, time
from pathlib import Path
from flows.locking import data_folder_lock
with data_folder_lock(Path(sys.argv[1]), None):
    print("holding", flush=True)
    time.sleep(60)
"""


@pytest.fixture
def held(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock of *tmp_path*."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    yield holder
    holder.kill()
    holder.wait()


def test_a_busy_folder_fails_at_once_naming_the_holder(
    held: subprocess.Popen[str], tmp_path: Path
) -> None:
    with pytest.raises(DataFolderBusy, match=f"pid {held.pid}"), data_folder_lock(tmp_path, 0):
        pass


def test_a_second_writer_waits_with_a_message_then_times_out(
    held: subprocess.Popen[str], tmp_path: Path
) -> None:
    said: list[str] = []
    started = time.monotonic()
    with (
        pytest.raises(DataFolderBusy, match="still in use"),
        data_folder_lock(tmp_path, 0.5, said.append),
    ):
        pass
    assert time.monotonic() - started >= 0.5
    assert said and said[0].startswith(f"waiting for another eventline run on {tmp_path}")


def test_a_killed_holder_leaves_no_stale_lock(held: subprocess.Popen[str], tmp_path: Path) -> None:
    held.send_signal(signal.SIGKILL)
    held.wait()
    with data_folder_lock(tmp_path, 5):
        assert (tmp_path / OWNER).exists()
    assert not (tmp_path / OWNER).exists()
