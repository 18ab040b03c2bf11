"""The record of ``eventline server start``: later runs use a server only while it answers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from flows import local_server, prefect_env


class _Health(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200 if self.path == "/api/health" else 404)
        self.end_headers()

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def answering() -> Iterator[str]:
    """An API URL whose /health answers 200, like a Prefect server's."""
    server = HTTPServer(("127.0.0.1", 0), _Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api"
    server.shutdown()
    server.server_close()


def _write_record(home: Path, api_url: str, pid: int) -> Path:
    record = home / local_server.RECORD_NAME
    record.write_text(json.dumps({"api_url": api_url, "pid": pid, "log": "x.log"}))
    return record


def _refused_url() -> str:
    """A port nothing listens on: bound, then closed."""
    probe = HTTPServer(("127.0.0.1", 0), _Health)
    port = probe.server_address[1]
    probe.server_close()
    return f"http://127.0.0.1:{port}/api"


def test_no_record_means_no_server(tmp_path: Path) -> None:
    assert local_server.recorded_server(tmp_path) is None


def test_a_record_whose_server_answers_is_used(tmp_path: Path, answering: str) -> None:
    _write_record(tmp_path, answering, os.getpid())
    assert local_server.recorded_server(tmp_path) == answering


def test_a_stale_record_is_removed(tmp_path: Path) -> None:
    record = _write_record(tmp_path, _refused_url(), os.getpid())
    assert local_server.recorded_server(tmp_path) is None
    assert not record.exists()


def test_a_corrupt_record_is_ignored(tmp_path: Path) -> None:
    (tmp_path / local_server.RECORD_NAME).write_text("{not json")
    assert local_server.recorded_server(tmp_path) is None


def test_configure_points_prefect_at_the_recorded_server(
    tmp_path: Path, answering: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    _write_record(tmp_path, answering, os.getpid())
    said = prefect_env.configure(tmp_path)
    assert os.environ["PREFECT_API_URL"] == answering
    assert said == f"Prefect server at {answering}, started by `eventline server start`"


def test_configure_keeps_the_users_server(
    tmp_path: Path, answering: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.setenv("PREFECT_API_URL", "http://example.invalid/api")
    _write_record(tmp_path, answering, os.getpid())
    assert prefect_env.configure(tmp_path) == "Prefect server at http://example.invalid/api"


def test_stop_ends_the_recorded_process_group_and_forgets_it(tmp_path: Path) -> None:
    sleeper = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(60)"], start_new_session=True
    )
    record = _write_record(tmp_path, "http://127.0.0.1:1/api", sleeper.pid)
    assert local_server.stop_recorded_server(tmp_path, timeout=0.5) == "http://127.0.0.1:1/api"
    assert sleeper.wait(timeout=5) != 0  # interrupted (or killed), not finished
    assert not record.exists()
    assert local_server.stop_recorded_server(tmp_path) is None
