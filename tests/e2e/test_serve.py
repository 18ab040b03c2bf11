"""``eventline serve`` starts its own Prefect server, schedules the flow, and cleans up."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.paths import ROOT, SAMPLE


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _completed_runs(api_url: str) -> list[dict]:
    body = json.dumps({"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}}).encode()
    request = urllib.request.Request(
        f"{api_url}/flow_runs/filter", data=body, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.loads(response.read())
    except OSError:
        return []


def test_serve_schedules_a_run_and_stops_its_server(tmp_path: Path) -> None:
    port = _free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect"),
        # Faster than the defaults (60 s and 10 s), so the test sees a run soon.
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2",
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",
    }
    env.pop("PREFECT_API_URL", None)
    data_dir = tmp_path / "data"
    command = [sys.executable, "-m", "eventline.cli", "serve", str(SAMPLE)]
    command += ["--data-dir", str(data_dir), "--interval", "30", "--port", str(port)]
    serve = subprocess.Popen(
        [*command, "--name", "eventline-test"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    runs: list[dict] = []
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and not runs and serve.poll() is None:
            time.sleep(2)
            runs = _completed_runs(api_url)
    finally:
        serve.send_signal(signal.SIGTERM)
        try:
            output = serve.communicate(timeout=180)[0].decode(errors="replace")
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)  # the server and flow runs too
            output = serve.communicate()[0].decode(errors="replace")
            pytest.fail("serve did not stop within 180 s of SIGTERM:\n" + output[-3000:])
    assert runs, output[-3000:]
    assert "starting a local Prefect server" in output
    assert "stopped the local Prefect server" in output
    assert (data_dir / "gold" / "events").is_dir()
    assert (tmp_path / "prefect" / "logs" / "prefect-server.log").exists()
    time.sleep(1)
    assert _completed_runs(api_url) == []  # the server is gone


def test_prefect_yaml_points_at_the_flow_with_valid_parameters() -> None:
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    (deployment,) = config["deployments"]
    path, name = deployment["entrypoint"].split(":")
    assert (ROOT / path).exists()
    from flows import pipeline

    flow = getattr(pipeline, name)
    assert flow.name == "eventline"
    assert set(deployment["parameters"]) <= set(flow.parameters.properties)
    assert set(flow.parameters.required) <= set(deployment["parameters"])
    assert deployment["schedules"][0]["cron"] == "0 6 * * *"


@pytest.mark.slow
def test_server_start_is_found_by_later_runs_until_stopped(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)
    report = tmp_path / "report.txt"
    report.write_text("On 3 March 2021, gunmen killed two villagers near Bandiagara.\n")

    def eventline(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "eventline.cli", *args]
        return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)

    started = eventline("server", "start", "--port", str(port))
    api_url = f"http://127.0.0.1:{port}/api"
    try:
        assert started.returncode == 0, started.stderr
        assert eventline("server", "status").stderr.strip().endswith(f"answers at {api_url}")
        done = eventline("run", str(report), "--data-dir", str(tmp_path / "data"))
        assert done.returncode == 0, done.stderr[-2000:]
        assert f"eventline: Prefect server at {api_url}\n" in done.stderr
        assert "temporary API" not in done.stderr
    finally:
        stopped = eventline("server", "stop")
    assert stopped.stderr.strip() == f"eventline: stopped the Prefect server at {api_url}"
    assert eventline("server", "status").stderr.strip() == "eventline: no local server"
    assert _completed_runs(api_url) == []  # nothing answers any more
