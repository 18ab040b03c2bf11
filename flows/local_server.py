"""A Prefect server of our own, for the one thing the embedded API cannot do: schedule.

Prefect's embedded (ephemeral) API registers a served deployment but never schedules its
runs, so ``eventline serve`` starts ``prefect server start`` as a child process with its
state under the project's ``PREFECT_HOME``, waits until it answers, and stops it on exit.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

_SERVER_COMMAND = (
    sys.executable,
    "-m",
    "prefect",
    "server",
    "start",
    "--host",
    "127.0.0.1",
    "--ui",
)


class ServerStartError(RuntimeError):
    """The local server did not come up; the message says where its log is."""


@dataclass
class LocalServer:
    """A running ``prefect server start`` child process."""

    process: subprocess.Popen[bytes]
    api_url: str
    log_path: Path

    def stop(self, timeout: float = 20.0) -> None:
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def start_local_server(port: int, log_dir: Path, timeout: float = 120.0) -> LocalServer:
    """Start a server on 127.0.0.1:*port*; raise with the log's path if it does not answer."""
    api_url = f"http://127.0.0.1:{port}/api"
    if _healthy(api_url):
        raise ServerStartError(f"port {port} already serves a Prefect API; use --port")
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / "prefect-server.log"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [*_SERVER_COMMAND, "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
    server = LocalServer(process, api_url, log_path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerStartError(f"the Prefect server exited early; see {log_path}")
        if _healthy(api_url):
            return server
        time.sleep(0.5)
    server.stop()
    raise ServerStartError(f"the Prefect server did not answer in {timeout:.0f} s; see {log_path}")
