"""SIGTERM stops a long run at once: no worker, no Prefect server left, no layer touched."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import CliRun, cli_env
from tests.paths import SAMPLE


def _children(pid: int) -> dict[int, str]:
    """Every descendant of *pid*, with its command line (Linux /proc)."""
    found: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError, ValueError):
            continue
        if parent == pid:
            found[int(entry.name)] = command
    for child in list(found):
        found.update(_children(child))
    return found


def _alive(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.append(pid)
    return alive


def _layers(data_dir: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(data_dir)): p.read_bytes()
        for layer in ("bronze", "silver", "gold")
        for p in (data_dir / layer).rglob("*")
        if p.is_file()
    }


def test_sigterm_stops_workers_and_the_prefect_server(
    mixed_run: CliRun, prefect_home: Path, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    for number in range(24):  # distinct documents: each is extracted
        (reports / f"report_{number}.txt").write_bytes(
            SAMPLE.read_bytes() + f"\nAnnex {number}.\n".encode()
        )
    data_dir = tmp_path / "data"
    shutil.copytree(mixed_run.data_dir, data_dir)
    before = _layers(data_dir)
    command = [sys.executable, "-m", "eventline.cli", "run", str(reports), "--workers", "2"]
    run = subprocess.Popen(
        [*command, "--data-dir", str(data_dir)],
        env=cli_env(prefect_home),  # its own temporary Prefect API server
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 240
        children: dict[int, str] = {}
        while time.monotonic() < deadline and run.poll() is None:
            children = _children(run.pid)
            workers = [c for c in children.values() if "spawn_main" in c]
            if len(workers) == 2 and list(data_dir.glob(".bronze.staging-*")):
                break
            time.sleep(0.2)
        assert run.poll() is None, run.stderr.read() if run.stderr else ""
        assert any("uvicorn" in command for command in children.values())
        stopped_at = time.monotonic()
        run.send_signal(signal.SIGTERM)
        _, err = run.communicate(timeout=30)
        took = time.monotonic() - stopped_at
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 128 + signal.SIGTERM, err[-2000:]
    assert took < 10, f"stopped after {took:.1f} s"  # ≈ 2 s here when the machine is idle
    leftovers = _alive(list(children))
    for _ in range(25):  # the resource tracker ends once the last worker is gone
        if not leftovers:
            break
        time.sleep(0.2)
        leftovers = _alive(leftovers)
    assert leftovers == [], {pid: children[pid] for pid in leftovers}
    assert "Traceback" not in err
    assert (
        err.strip()
        .splitlines()[-1]
        .startswith(
            "eventline: stopped by SIGTERM; nothing was published, the layers are unchanged (log: "
        )
    )
    assert _layers(data_dir) == before
    assert not list(data_dir.glob(".*.staging-*"))
