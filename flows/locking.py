"""One writer per data folder: an OS file lock (``filelock``) on ``DIR/.eventline.lock``.

The operating system releases the lock when its process ends, however it ends, so a lock
is never stale: a folder is busy exactly while a live run holds it. A second run waits
(saying for whom) or, with a timeout, fails with :class:`DataFolderBusy`.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

LOCK = ".eventline.lock"
OWNER = ".eventline.lock.owner"


class DataFolderBusy(RuntimeError):
    """Another eventline run holds the data folder's lock."""


def _owner(root: Path) -> str:
    try:
        info = json.loads((root / OWNER).read_text(encoding="utf-8"))
        return f"pid {info['pid']} on {info['host']}, since {info['since']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "another process"


@contextmanager
def data_folder_lock(
    root: Path, timeout: float | None, say: Callable[[str], None] = lambda _: None
) -> Iterator[None]:
    """Hold *root*'s lock for the block; wait up to *timeout* seconds (None: no limit)."""
    root.mkdir(parents=True, exist_ok=True)
    lock = FileLock(root / LOCK)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        owner = _owner(root)
        if timeout is not None and timeout <= 0:
            raise DataFolderBusy(f"{root} is in use by another eventline run ({owner})") from None
        limit = "" if timeout is None else f" (up to {timeout:g} s)"
        say(f"waiting for another eventline run on {root} to finish ({owner}){limit}")
        started = time.monotonic()
        try:
            lock.acquire(timeout=-1 if timeout is None else timeout)
        except Timeout:
            raise DataFolderBusy(
                f"{root} is still in use by another eventline run ({owner}) after "
                f"{time.monotonic() - started:.0f} s"
            ) from None
    try:
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        (root / OWNER).write_text(json.dumps(info), encoding="utf-8")
        yield
    finally:
        (root / OWNER).unlink(missing_ok=True)
        lock.release()
