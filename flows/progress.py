"""Progress of a run in the terminal: stage, documents done of the total, elapsed, rate.

The flow runs in the command's process, so its steps report to one module-level progress
display: :func:`current` returns it (a silent one unless the command installed another).
``eventline run`` installs a :class:`TerminalProgress` (``rich``, installed with Prefect)
only when standard error is a terminal and ``--quiet`` is not given, so logs and
pipelines never see it. While it shows, Prefect's console log lines print above the bar.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any, Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
)
from rich.text import Text


class RunProgress(Protocol):
    def stage(self, name: str, total: int | None = None) -> None:
        """A new stage starts: *total* documents to do, or None when not counted."""

    def advance(self, done: int = 1) -> None:
        """*done* more documents of the current stage are done."""


class SilentProgress:
    """What a run reports to when nobody watches: nothing."""

    def stage(self, name: str, total: int | None = None) -> None:
        return None

    def advance(self, done: int = 1) -> None:
        return None


_current: RunProgress = SilentProgress()


def current() -> RunProgress:
    """The progress display of this process's run."""
    return _current


@contextmanager
def reporting_to(progress: RunProgress) -> Iterator[RunProgress]:
    """Make *progress* the display of the runs in this block."""
    global _current
    previous, _current = _current, progress
    try:
        yield progress
    finally:
        _current = previous


class _Elapsed(ProgressColumn):
    """Seconds since the run started (not since the stage started)."""

    def __init__(self, started: float) -> None:
        super().__init__()
        self.started = started

    def render(self, task: Task) -> Text:
        seconds = int(time.monotonic() - self.started)
        return Text(f"{seconds // 60}:{seconds % 60:02d} elapsed", style="progress.elapsed")


class _Documents(MofNCompleteColumn):
    """``done/total`` for a stage that counts documents; nothing for one that does not."""

    def render(self, task: Task) -> Text:
        return super().render(task) if task.total is not None else Text("")


class _Rate(ProgressColumn):
    """Documents per second in the current stage (frozen once the stage is complete)."""

    def render(self, task: Task) -> Text:
        elapsed = task.finished_time if task.finished else task.elapsed
        if not task.total or not elapsed or not task.completed:
            return Text("")
        return Text(f"{task.completed / elapsed:.1f} docs/s", style="progress.data.speed")


class TerminalProgress:
    """One line on standard error: ``bronze ━━━━━ 340/1000 · 1:12 elapsed · 8.1 docs/s``."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self._progress = Progress(
            TextColumn("[bold]{task.description:<12}"),
            BarColumn(),
            _Documents(),
            _Elapsed(time.monotonic()),
            _Rate(),
            console=self.console,
            transient=True,
        )
        self._task: Any = None
        self._swapped: list[tuple[logging.Handler, Console]] = []

    def __enter__(self) -> TerminalProgress:
        self._progress.start()
        self.stage("starting")
        # Prefect's console handler prints through a rich Console: through ours, its
        # lines go above the bar instead of through it.
        for logger in (logging.getLogger(), logging.getLogger("prefect")):
            for handler in logger.handlers:
                console = getattr(handler, "console", None)
                if isinstance(console, Console):
                    self._swapped.append((handler, console))
                    handler.console = self.console  # type: ignore[attr-defined]
        return self

    def __exit__(self, *exc: Any) -> None:
        for handler, console in self._swapped:
            handler.console = console  # type: ignore[attr-defined]
        self._swapped.clear()
        self._progress.stop()

    def stage(self, name: str, total: int | None = None) -> None:
        # A new task, not reset(): reset keeps the previous total when given None.
        if self._task is not None:
            self._progress.remove_task(self._task)
        self._task = self._progress.add_task(name, total=total)

    def advance(self, done: int = 1) -> None:
        self._progress.advance(self._task, done)


@contextmanager
def shown(quiet: bool, stream: IO[str] | None = None) -> Iterator[RunProgress]:
    """The display a command gives its run: a bar when *stream* (standard error by default)
    is a terminal and the user did not ask for quiet; else nothing, so that logs, pipes and
    schedulers never get control characters."""
    stream = sys.stderr if stream is None else stream
    if quiet or not stream.isatty():
        with reporting_to(SilentProgress()) as silent:
            yield silent
        return
    with TerminalProgress(Console(file=stream)) as display, reporting_to(display):
        yield display
