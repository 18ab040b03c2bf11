"""What the benchmark measures of one ``eventline run``: wall, CPU and peak memory.

Peak memory is the largest sum, sampled every 0.1 s, of the resident memory of every
process the run involves: the CLI, its worker processes (or Dask's), and the Prefect
server with its children. (Resident sizes count pages that forked processes share once
per process, so the sum is an upper bound.) CPU is that of the CLI and all its
descendants (``RUSAGE_CHILDREN``), not the server's.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

KNOWN_UNTIL = "2060-01-01"  # generated corpora are re-dated up to a few decades later


def _tree_rss(pid: int) -> int:
    try:
        root = psutil.Process(pid)
        members = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


@dataclass
class MemorySampler:
    """Samples the summed resident memory of some process trees until stopped."""

    pids: list[int]
    peak: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def __enter__(self) -> MemorySampler:
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(_tree_rss(pid) for pid in self.pids))
            self._stop.wait(0.1)

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._thread.join(timeout=2)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(
    tree: Path,
    arguments: list[str],
    data_dir: Path,
    env: dict[str, str],
    server_pid: int | None,
) -> dict[str, Any]:
    """One ``eventline`` command from source *tree*: wall, CPU, peak memory, its summary."""
    command = [sys.executable, "-m", "eventline.cli", *arguments]
    cpu, started = _children_cpu(), time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=tree,
        env={**env, "PYTHONPATH": str(tree)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    pids = [process.pid, *([server_pid] if server_pid else [])]
    with MemorySampler(pids) as sampler:
        stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"run failed ({process.returncode}): {stderr.decode()[-3000:]}")
    summary = json.loads((data_dir / "reports" / "run_summary.json").read_text())
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(_children_cpu() - cpu, 2),
        "peak_rss_mb": round(sampler.peak / 1e6, 1),
        "summary": summary,
        "stdout_tail": stdout.decode()[-1500:],
    }


def machine() -> dict[str, Any]:
    """What the numbers were measured on (and how busy it was)."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 1e9, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
    }
