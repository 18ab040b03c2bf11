"""How one ``eventline`` command runs: its log file, its Prefect API, and how it stops.

* **Log file.** Everything Prefect and eventline log, tracebacks included, goes to the log
  file (``DIR/reports/eventline.log`` unless ``--log-file``); the terminal gets the same
  lines without tracebacks (none with ``--quiet``), and a failure is one line plus the
  log's path.
* **Prefect API.** Without ``PREFECT_API_URL``, the command starts Prefect's temporary API
  server itself, points every process of the run at it (so worker processes and Dask
  workers do not start servers of their own), and always stops it, however the run ends.
* **Signals.** SIGTERM, SIGINT and SIGHUP stop the run within seconds: worker processes
  are terminated at once, the flow unwinds (staging folders removed, the lock released,
  the published layers untouched), and a watchdog ends the process if unwinding hangs.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

#: Seconds between a stop signal and the end of the process, at most.
STOP_GRACE = 3.5
_FILE_LOGGERS = ("", "uvicorn", "fastapi", "prefect._internal")
_FORMAT = "%(asctime)s %(levelname)-7s %(processName)s %(name)s: %(message)s"


class Interrupted(BaseException):  # like KeyboardInterrupt: not an error to catch
    """The command was asked to stop by a signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"stopped by {signal.Signals(signum).name}")
        self.signum = signum

    @property
    def exit_status(self) -> int:
        return 128 + self.signum


class _OneLine(logging.Formatter):
    """Another formatter's output, without the traceback (that is in the log file)."""

    def __init__(self, inner: logging.Formatter | None) -> None:
        super().__init__()
        self.inner = inner or logging.Formatter()

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info = record.exc_text = record.stack_info = None
        try:
            return self.inner.format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


def _console_handlers() -> list[logging.Handler]:
    loggers = [logging.getLogger(), *(logging.getLogger(n) for n in ("uvicorn", "fastapi"))]
    return [
        handler
        for logger in loggers
        for handler in logger.handlers
        if isinstance(handler, logging.StreamHandler)
        and not isinstance(handler, logging.FileHandler)
    ]


def _drop_tracebacks(record: logging.LogRecord) -> bool:
    """Failure reports carry a traceback: the terminal gets the command's one line instead."""
    return record.exc_info is None


def _file_handler(log_file: Path) -> logging.Handler:
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=5_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    return handler


def append_log(log_file: Path, message: str) -> None:
    """One INFO line in *log_file*, formatted as the run's lines are, without Prefect."""
    handler = _file_handler(log_file)
    record = logging.LogRecord("eventline", logging.INFO, __file__, 0, message, None, None)
    try:
        handler.emit(record)
    finally:
        handler.close()


def configure_logging(log_file: Path | None, quiet: bool) -> logging.Handler | None:
    """Terminal without tracebacks (silent when *quiet*); everything in *log_file*.

    Called in the command's process and in each worker process (as the task runner's
    initializer); Prefect configures its own logging first, on import.
    """
    import prefect.main  # noqa: F401 - Prefect sets its logging up here

    for handler in _console_handlers():
        if getattr(handler, "_eventline", False):
            continue
        handler._eventline = True  # type: ignore[attr-defined]
        handler.setFormatter(_OneLine(handler.formatter))
        handler.addFilter(_drop_tracebacks)
        if quiet:
            handler.setLevel(logging.CRITICAL + 1)
    if log_file is None:
        return None
    file_handler = _file_handler(log_file)
    file_handler.setLevel(logging.INFO)
    for name in _FILE_LOGGERS:
        logging.getLogger(name).addHandler(file_handler)
    logging.getLogger("eventline").setLevel(logging.INFO)
    for chatty in ("httpx", "httpcore", "aiosqlite", "alembic"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    return file_handler


def release_logging(handler: logging.Handler | None) -> None:
    """Detach and close the log file handler of :func:`configure_logging`."""
    if handler is None:
        return
    for name in _FILE_LOGGERS:
        logging.getLogger(name).removeHandler(handler)
    handler.close()


def open_log(preferred: Path) -> tuple[Path, str | None]:
    """A writable log file: *preferred*, else one in the temporary folder (and why)."""
    try:
        preferred.parent.mkdir(parents=True, exist_ok=True)
        with preferred.open("a", encoding="utf-8"):
            pass
        return preferred, None
    except OSError as error:
        fallback = Path(tempfile.gettempdir()) / f"eventline-{os.getpid()}.log"
        return fallback, f"cannot write {preferred} ({error.strerror or error})"


def worker_initializer(log_file: str | None, quiet: bool) -> None:
    """Set up a worker process like the command's: same log file, same terminal rules."""
    configure_logging(Path(log_file) if log_file else None, quiet)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the command decides when workers stop


def stop_children() -> None:
    """Terminate the worker processes of this process (the task runner's pool)."""
    for child in multiprocessing.active_children():
        child.terminate()
    for child in multiprocessing.active_children():
        child.join(timeout=1)
        if child.is_alive():
            child.kill()


class _Stopper:
    """Turns a stop signal into :class:`Interrupted`, with a watchdog behind it."""

    def __init__(self, cleanup: list[Any]) -> None:
        self.cleanup = cleanup
        self.signum: int | None = None

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self.signum is not None:
            return  # already stopping; the watchdog ends it if unwinding hangs
        self.signum = signum
        print(f"eventline: {signal.Signals(signum).name} received, stopping", file=sys.stderr)
        stop_children()
        threading.Thread(target=self._watchdog, daemon=True).start()
        raise Interrupted(signum)

    def _watchdog(self) -> None:
        threading.Event().wait(STOP_GRACE)
        stop_children()
        for stop in self.cleanup:
            with contextlib.suppress(Exception):  # the process is ending anyway
                stop()
        os._exit(128 + (self.signum or signal.SIGTERM))


@contextmanager
def stop_on_signals(cleanup: list[Any]) -> Iterator[_Stopper]:
    """Raise :class:`Interrupted` in the main thread on SIGTERM, SIGINT or SIGHUP."""
    stopper = _Stopper(cleanup)
    signals = [signal.SIGTERM, signal.SIGINT, signal.SIGHUP]
    previous = {signum: signal.signal(signum, stopper) for signum in signals}
    try:
        yield stopper
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextmanager
def prefect_api(cleanup: list[Any]) -> Iterator[str]:
    """The Prefect API of this command: the user's server, or a temporary one we own."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    configured = PREFECT_API_URL.value()
    if configured:
        yield f"Prefect server at {configured}"
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    cleanup.append(server.stop)
    try:
        server.start()
        os.environ["PREFECT_API_URL"] = server.api_url  # for worker processes and Dask
        with temporary_settings({PREFECT_API_URL: server.api_url}):
            home = os.environ.get("PREFECT_HOME", "~/.prefect")
            yield f"Prefect temporary API at {server.api_url}, state in {home}"
    except Interrupted:
        _drain_prefect_workers(timeout=1)
        raise
    else:
        _drain_prefect_workers(timeout=5)
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()


def _drain_prefect_workers(timeout: float) -> None:
    """Send the logs and events still queued for the API while it still answers.

    Left for interpreter exit, they retry against a stopped server for over a minute.
    """
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        with contextlib.suppress(Exception):
            worker.drain_all(timeout=timeout)
