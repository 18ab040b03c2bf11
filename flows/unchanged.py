"""A run with nothing to do is answered before Prefect starts.

Importing Prefect and starting its API cost 4-15 s; deciding that the inputs, the pipeline
and every published layer are as the last run left them costs hashing the inputs and
verifying the manifests (about a second). So ``eventline run`` first makes the same
decision as the flow's planning step, with the same functions, and when nothing changed it
writes the run summary and stops. Anything else (a changed input, a changed input list, an
interrupted publish to finish, another run holding the folder, ``--rebuild``, ``--from``,
``remove``) goes through the flow, which decides again under its lock.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from eventline.report.summary import RunSummary
from flows.files import write_json
from flows.inputs import plan_inputs, read_registry
from flows.layers import choose_start, survey
from flows.locking import DataFolderBusy, data_folder_lock
from flows.publishing import needs_recovery


def _unchanged(
    root: Path, inputs: list[str], replace: bool, known_until: date, max_bytes: int
) -> dict[str, Any] | None:
    """The published gold's manifest when a run would rebuild nothing; else None."""
    if needs_recovery(root):
        return None
    registered = read_registry(root)
    chosen = plan_inputs(registered, inputs, replace, [])
    if registered is None or chosen.inputs != registered:
        return None
    found = survey(root, chosen.inputs, max_bytes)
    if choose_start(found.current, found.expected, known_until, None, False) is not None:
        return None
    return found.current["gold"].manifest


def published_unchanged(
    root: Path, inputs: list[str], replace: bool, known_until: date, max_bytes: int
) -> dict[str, Any] | None:
    """The run summary of a run with nothing to do (written as the flow writes it), or None.

    Takes the data folder's lock without waiting: a folder in use is the flow's to handle.
    """
    started = time.monotonic()
    try:
        with data_folder_lock(root, 0, lambda _message: None):
            manifest = _unchanged(root, inputs, replace, known_until, max_bytes)
            if manifest is None:
                return None
            summary = RunSummary.from_dict({**manifest.get("summary", {}), "unchanged": True})
            summary.report = str(root / "reports" / "latest.html")
            summary.seconds = round(time.monotonic() - started, 2)
            write_json(summary.to_dict(), root / "reports" / "run_summary.json")
    except (DataFolderBusy, OSError):  # the flow says what is wrong, in its one line
        return None
    return summary.to_dict()
