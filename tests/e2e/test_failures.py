"""How ``eventline run`` fails: one line on the terminal, the traceback in the log, no change.

The command runs in this process (``eventline.cli.main``) against the session's Prefect
API, so what reaches the terminal is captured at the file-descriptor level.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from eventline import cli
from flows import storage
from tests.conftest import FlowRun


def _layers(data_dir: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(data_dir)): p.read_bytes()
        for layer in ("bronze", "silver", "gold")
        for p in (data_dir / layer).rglob("*")
        if p.is_file()
    }


@pytest.fixture
def data_dir(sample_run: FlowRun, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(sample_run.data_dir, copy)
    return copy


def _error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("eventline: ")]


def test_nothing_readable_publishes_nothing(
    data_dir: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    before = _layers(data_dir)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    log = tmp_path / "logs" / "run.log"
    args = ["run", "--replace", str(empty), "--data-dir", str(data_dir), "--log-file", str(log)]
    status = cli.main(args)
    out, err = capfd.readouterr()
    assert status == cli.EXIT_NOTHING_PROCESSED
    assert "0 read, 1 rejected" in out
    assert "published   nothing: no document was read" in out
    assert _error_lines(err)[-1] == (
        f"eventline: no document could be processed; nothing was published (log: {log})"
    )
    assert "Traceback" not in out + err
    assert "rejected empty.txt: empty file (0 bytes)" in log.read_text()
    assert _layers(data_dir) == before


@pytest.mark.parametrize(
    ("code", "text"),
    [(errno.ENOSPC, "No space left on device"), (errno.EROFS, "Read-only file system")],
    ids=["disk-full", "read-only"],
)
def test_a_write_error_is_one_line_and_the_traceback_is_logged(
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    code: int,
    text: str,
) -> None:
    before = _layers(data_dir)
    real = storage.write_bytes

    def failing(data: bytes, path: Path) -> None:
        if ".silver.staging-" in str(path):
            raise OSError(code, text, str(path))
        real(data, path)

    monkeypatch.setattr(storage, "write_bytes", failing)
    status = cli.main(["run", "--rebuild", "--quiet", "--data-dir", str(data_dir)])
    out, err = capfd.readouterr()
    assert status == cli.EXIT_FAILED
    log = data_dir / "reports" / "eventline.log"
    (line,) = _error_lines(err)
    assert line.startswith(f"eventline: the run failed: {text}: {data_dir}/.silver.staging-")
    assert line.endswith(f"(log: {log})")
    assert "Traceback" not in out + err
    assert err.strip() == line  # --quiet: nothing else
    assert "Traceback" in log.read_text() and f"OSError: [Errno {code}]" in log.read_text()
    assert _layers(data_dir) == before
    assert not list(data_dir.glob(".*.staging-*"))
