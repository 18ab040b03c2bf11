"""The run's progress display: silent by default, a bar of documents only on a terminal."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console

from flows import progress
from flows.steps import cached_or_run


class Recording:
    """A progress display that keeps what the run told it."""

    def __init__(self) -> None:
        self.events: list[tuple[str, Any]] = []

    def stage(self, name: str, total: int | None = None) -> None:
        self.events.append(("stage", (name, total)))

    def advance(self, done: int = 1) -> None:
        self.events.append(("advance", done))


class _TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Cache:
    """A step cache holding every key given."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def get(self, key: str) -> Any:
        return self.values.get(key)


def test_the_default_display_is_silent() -> None:
    assert isinstance(progress.current(), progress.SilentProgress)
    progress.current().stage("bronze extraction", 3)  # does nothing, raises nothing
    progress.current().advance(3)


def test_reporting_to_installs_a_display_for_the_block_only() -> None:
    recording = Recording()
    with progress.reporting_to(recording) as shown:
        assert shown is recording
        assert progress.current() is recording
    assert isinstance(progress.current(), progress.SilentProgress)


def test_a_stage_and_its_advances_render_documents_done_of_the_total() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    with progress.TerminalProgress(console) as display:
        display.stage("silver drafting", 7)
        display.advance(3)
        display.advance(2)
        display._progress.refresh()
    text = out.getvalue()
    assert "silver drafting" in text
    assert "5/7" in text
    assert "elapsed" in text


def test_a_stage_that_counts_no_documents_shows_no_count() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    with progress.TerminalProgress(console) as display:
        display.stage("silver drafting", 7)
        display.advance(7)
        display._progress.refresh()
        counted = out.getvalue()
        display.stage("quality")
        display._progress.refresh()
        after = out.getvalue()[len(counted) :]
    assert "7/7" in counted
    assert "quality" in after and "/7" not in after


def test_shown_is_silent_when_standard_error_is_not_a_terminal() -> None:
    stream = io.StringIO()
    with progress.shown(quiet=False, stream=stream) as display:
        assert isinstance(display, progress.SilentProgress)
        assert progress.current() is display
    assert stream.getvalue() == ""


def test_shown_is_silent_on_a_terminal_when_quiet() -> None:
    stream = _TTY()
    with progress.shown(quiet=True, stream=stream) as display:
        assert isinstance(display, progress.SilentProgress)
    assert stream.getvalue() == ""


def test_shown_draws_on_a_terminal() -> None:
    stream = _TTY()
    with progress.shown(quiet=False, stream=stream) as display:
        assert isinstance(display, progress.TerminalProgress)
        display.stage("actor resolution", 2)
        display.advance(2)
    assert "2/2" in stream.getvalue()


def test_documents_found_in_the_cache_count_as_done() -> None:
    recording = Recording()
    items = [{"key": "a"}, {"key": "b"}]
    with progress.reporting_to(recording):
        results = cached_or_run(_Cache({"a": 1, "b": 2}), None, items, lambda item: item["key"])
    assert results == [(1, True), (2, True)]  # nothing to run: the task is never called
    assert recording.events == [("advance", 2)]
