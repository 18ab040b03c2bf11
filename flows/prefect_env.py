"""Prefect settings for a laptop by default, a real server when PREFECT_API_URL is set.

They must be in the environment before Prefect is imported, so the CLI calls
:func:`configure` first and imports the flows afterwards. A server left running by
``eventline server start`` counts as the user's server.
"""

from __future__ import annotations

import os
from pathlib import Path

from flows.local_server import recorded_server

# Measured here: the embedded server needs 25-30 s on a fresh database (migrations),
# more than Prefect's 20 s default start-up timeout.
_EMBEDDED_DEFAULTS = {
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_UI_ENABLED": "false",
}


def prefect_home(project_dir: Path) -> Path:
    """``PREFECT_HOME``: the user's, else ``project_dir/.prefect`` (set for what follows)."""
    return Path(os.environ.setdefault("PREFECT_HOME", str(project_dir / ".prefect")))


def configure(project_dir: Path) -> str:
    """Set defaults (never overriding the user's) and say which API the run will use."""
    home = prefect_home(project_dir)
    if os.environ.get("PREFECT_API_URL"):
        return f"Prefect server at {os.environ['PREFECT_API_URL']}"
    started = recorded_server(home)
    if started:
        os.environ["PREFECT_API_URL"] = started
        return f"Prefect server at {started}, started by `eventline server start`"
    for name, value in _EMBEDDED_DEFAULTS.items():
        os.environ.setdefault(name, value)
    return f"Prefect embedded API, state in {os.environ['PREFECT_HOME']}"
