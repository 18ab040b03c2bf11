"""A Prefect server of our own: for scheduling, and to skip the temporary API's start-up.

Prefect's embedded (ephemeral) API registers a served deployment but never schedules its
runs, so ``eventline serve`` starts ``prefect server start`` as a child process with its
state under the project's ``PREFECT_HOME``, waits until it answers, and stops it on exit.

Every ``eventline run`` without a server pays 12-15 s to start the temporary API.
``eventline server start`` starts one server in the background and records it in
``PREFECT_HOME/eventline-server.json``; later runs with ``PREFECT_API_URL`` unset find
it there (if it still answers) and use it, until ``eventline server stop``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

RECORD_NAME = "eventline-server.json"

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


def start_local_server(
    port: int, log_dir: Path, timeout: float = 120.0, detached: bool = False
) -> LocalServer:
    """Start a server on 127.0.0.1:*port*; raise with the log's path if it does not answer.

    *detached*: in a session of its own, so that it outlives this process and Ctrl-C here.
    """
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
            start_new_session=detached,
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


def record_server(home: Path, server: LocalServer) -> Path:
    """Write where later runs find *server*: its API, process id and log."""
    record = home / RECORD_NAME
    body = {"api_url": server.api_url, "pid": server.process.pid, "log": str(server.log_path)}
    record.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    return record


def _read_record(home: Path) -> dict[str, object] | None:
    try:
        body = json.loads((home / RECORD_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return body if isinstance(body, dict) and isinstance(body.get("api_url"), str) else None


def recorded_server(home: Path) -> str | None:
    """The API of the server ``eventline server start`` left running, if it still answers.

    A record whose server no longer answers is removed, so that a stale one costs one
    refused connection once.
    """
    body = _read_record(home)
    if body is None:
        return None
    api_url = str(body["api_url"])
    if _healthy(api_url):
        return api_url
    (home / RECORD_NAME).unlink(missing_ok=True)
    return None


def stop_recorded_server(home: Path, timeout: float = 20.0) -> str | None:
    """Stop the recorded server (SIGINT, then SIGKILL); its API URL, or None if none ran."""
    body = _read_record(home)
    (home / RECORD_NAME).unlink(missing_ok=True)
    if body is None or not isinstance(body.get("pid"), int):
        return None
    pid = int(body["pid"])  # type: ignore[call-overload]
    try:
        os.killpg(pid, signal.SIGINT)  # the server and the workers it forked
    except (ProcessLookupError, PermissionError):
        return None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return str(body["api_url"])
        time.sleep(0.2)
    os.killpg(pid, signal.SIGKILL)
    return str(body["api_url"])
