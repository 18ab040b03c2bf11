"""What a run pays for its Prefect API: the options measured on a no-change run.

A no-change run does almost nothing but start, plan and stop, so its wall time is nearly
all start-up. Measured here, each on the same small data folder:

* against a running Prefect server (``PREFECT_API_URL`` set): the baseline;
* Prefect's temporary API, on a fresh database (first run of a ``PREFECT_HOME``) and warm;
* the temporary API with settings that skip work at its start (no migration check, no
  block registration), on the warm database;
* a server started once by ``eventline server start`` and found by later runs.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.measure import KNOWN_UNTIL, run_cli
from bench.realistic_corpus import make_realistic_corpus

#: Settings of the temporary server that skip start-up work on a database already migrated.
SKIP_STARTUP_WORK = {
    "PREFECT_API_DATABASE_MIGRATE_ON_START": "false",
    "PREFECT_API_BLOCKS_REGISTER_ON_START": "false",
}


def _no_change(tree: Path, folder: Path, env: dict[str, str]) -> float:
    arguments = ["run", "--data-dir", str(folder / "data"), "--known-until", KNOWN_UNTIL]
    return run_cli(tree, arguments, folder / "data", env, None)["wall_s"]


def _eventline(tree: Path, env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "eventline.cli", *arguments],
        cwd=tree,
        env={**env, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
    )


def _server_option(tree: Path, folder: Path, env: dict[str, str]) -> dict[str, Any]:
    """`eventline server start` once, then runs that find it; nothing where the tree has none."""
    if _eventline(tree, env, "server", "--help").returncode != 0:
        return {}
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.perf_counter()
    done = _eventline(tree, env, "server", "start", "--port", str(port))
    start_s = round(time.perf_counter() - started, 1)
    if done.returncode != 0:
        return {"eventline server start failed": done.stderr.strip()[-300:]}
    try:
        runs = [_no_change(tree, folder, env) for _ in range(2)]
    finally:
        _eventline(tree, env, "server", "stop")
    return {
        "eventline server start (once), s": start_s,
        "no-change run against it, s": runs,
    }


def measure_startup(tree: Path, workdir: Path, server_url: str | None = None) -> dict[str, Any]:
    """Wall seconds of a no-change run of a 10-report data folder under each option."""
    folder = workdir / "startup"
    shutil.rmtree(folder, ignore_errors=True)
    make_realistic_corpus(folder / "corpus", 10)
    base = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    warm = {**base, "PREFECT_HOME": str(folder / "prefect-warm")}
    cold = ["run", str(folder / "corpus"), "--data-dir", str(folder / "data")]
    first = run_cli(tree, [*cold, "--known-until", KNOWN_UNTIL], folder / "data", warm, None)
    out: dict[str, Any] = {
        "cold run of 10 reports, temporary API, fresh database, s": first["wall_s"]
    }
    fresh = {**base, "PREFECT_HOME": str(folder / "prefect-fresh")}
    out["no-change run, temporary API, fresh database, s"] = _no_change(tree, folder, fresh)
    out["no-change run, temporary API, warm database, s"] = [
        _no_change(tree, folder, warm) for _ in range(2)
    ]
    out["no-change run, temporary API skipping migrations and blocks, s"] = [
        _no_change(tree, folder, {**warm, **SKIP_STARTUP_WORK}) for _ in range(2)
    ]
    if server_url:
        served = {**warm, "PREFECT_API_URL": server_url}
        out["no-change run against a running server, s"] = [
            _no_change(tree, folder, served) for _ in range(2)
        ]
    out.update(_server_option(tree, folder, warm))
    return out
