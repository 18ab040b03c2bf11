"""Open a local HTML file in headless Chromium and read what a person would see.

A test helper (no new dependency): Chromium is started once with ``--remote-debugging-port``
and driven over the DevTools protocol with the ``websockets`` client that Prefect already
installs. For each page it returns the rendered text and attributes of chosen element ids,
the number of elements matching chosen CSS selectors, and every console error (console
calls, uncaught exceptions, and browser log entries such as CSP violations or failed loads).

    with HeadlessChromium() as browser:
        page = browser.check(Path("run_report.html"), ids=["count-gold-events"])
        assert not page.console_errors

``chromium_path()`` is None where no browser is installed; tests skip with that reason.
Command line: ``python -m eventline.report.browser_check FILE [--id ID ...] [--screenshot PNG]``.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ENV = "EVENTLINE_CHROMIUM"
INSTALL_HINT = "apt-get install -y chromium chromium-driver"

# No network, no first-run or background traffic, no GPU, root-friendly.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
    "--metrics-recording-only",
    "--mute-audio",
    "--hide-scrollbars",
    "--window-size=1280,1600",
)


class BrowserUnavailable(RuntimeError):
    """No usable headless Chromium here (not installed, or it did not start)."""


def chromium_path() -> str | None:
    """The Chromium binary to use: $EVENTLINE_CHROMIUM, /usr/bin/chromium, else on PATH."""
    for candidate in (os.environ.get(CHROMIUM_ENV), DEFAULT_CHROMIUM):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def unavailable_reason() -> str | None:
    """Why browser checks cannot run here, or None when they can."""
    if chromium_path() is None:
        return f"Chromium not found at {DEFAULT_CHROMIUM} or on PATH (install: {INSTALL_HINT})"
    try:
        import websockets.sync.client  # noqa: F401
    except ImportError:
        return "the 'websockets' package (>= 11, a Prefect dependency) is not installed"
    return None


@dataclass
class PageCheck:
    """What one page showed."""

    url: str
    texts: dict[str, str | None]  # element id → textContent (None: no such element)
    attributes: dict[str, dict[str, str]]  # element id → its attributes
    counts: dict[str, int]  # CSS selector → matching elements
    console_errors: list[str]
    title: str
    seconds: float
    screenshot: bytes | None = None
    console_messages: list[str] = field(default_factory=list)


_READ_PAGE = """
(() => {
  const ids = %s, selectors = %s, out = {texts: {}, attributes: {}, counts: {}};
  for (const id of ids) {
    const el = document.getElementById(id);
    out.texts[id] = el ? el.textContent.replace(/\\s+/g, " ").trim() : null;
    const attrs = {};
    if (el) for (const a of el.attributes) attrs[a.name] = a.value;
    out.attributes[id] = attrs;
  }
  for (const s of selectors) out.counts[s] = document.querySelectorAll(s).length;
  out.title = document.title;
  return out;
})()
"""


class HeadlessChromium:
    """One headless Chromium process, driven over the DevTools protocol; use as a context."""

    def __init__(self, binary: str | None = None, timeout: float = 30.0) -> None:
        self.binary = binary or chromium_path()
        self.timeout = timeout
        self._process: subprocess.Popen[bytes] | None = None
        self._profile: str | None = None
        self._socket: Any = None
        self._next_id = 0
        self._events: list[dict[str, Any]] = []

    # -- lifecycle

    def __enter__(self) -> HeadlessChromium:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        reason = unavailable_reason() if self.binary is None else None
        if reason or self.binary is None:
            raise BrowserUnavailable(reason or "no Chromium binary")
        from websockets.sync.client import connect

        self._profile = tempfile.mkdtemp(prefix="eventline-chromium-")
        command = [
            self.binary,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={self._profile}",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "about:blank",
        ]
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its helpers share one process group, ended in close()
        )
        port_file = Path(self._profile) / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while True:
            if port_file.is_file():
                lines = port_file.read_text().split("\n")
                if len(lines) >= 2 and lines[1].strip():
                    break
            if self._process.poll() is not None:
                self.close()
                raise BrowserUnavailable(
                    f"{self.binary} exited with code {self._process.returncode} at start"
                )
            if time.monotonic() > deadline:
                self.close()
                raise BrowserUnavailable(f"{self.binary} did not open DevTools in {self.timeout}s")
            time.sleep(0.05)
        port, path = lines[0].strip(), lines[1].strip()
        self._socket = connect(
            f"ws://127.0.0.1:{port}{path}", max_size=64 * 1024 * 1024, open_timeout=self.timeout
        )

    def close(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(Exception):
                self._send("Browser.close")
            with contextlib.suppress(Exception):
                self._socket.close()
            self._socket = None
        process = self._process
        if process is not None and process.poll() is None:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=5)
        self._process = None
        if self._profile:
            shutil.rmtree(self._profile, ignore_errors=True)
            self._profile = None

    # -- protocol

    def _send(self, method: str, params: dict[str, Any] | None = None, session: str = "") -> dict:
        if self._socket is None:
            raise BrowserUnavailable("the browser is not running")
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._socket.send(json.dumps(message))
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._receive(deadline, method)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def _receive(self, deadline: float, waiting_for: str) -> dict[str, Any]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no answer from Chromium for {waiting_for} in {self.timeout}s")
        try:
            return json.loads(self._socket.recv(timeout=remaining))
        except TimeoutError:
            raise TimeoutError(f"no answer from Chromium for {waiting_for}") from None

    def _wait_event(self, method: str, session: str) -> None:
        deadline = time.monotonic() + self.timeout
        seen = [e for e in self._events if e.get("method") == method]
        if any(e.get("sessionId") == session for e in seen):
            return
        while True:
            event = self._receive(deadline, method)
            self._events.append(event)
            if event.get("method") == method and event.get("sessionId") == session:
                return

    # -- pages

    def check(
        self,
        path: Path | str,
        ids: Iterable[str] = (),
        selectors: Iterable[str] = (),
        screenshot: bool = False,
        width: int = 1280,
        height: int = 1600,
    ) -> PageCheck:
        """Load *path* in a fresh tab and read the given element ids and selectors."""
        started = time.monotonic()
        url = Path(path).resolve().as_uri() if "://" not in str(path) else str(path)
        target = self._send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self._send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        try:
            self._events.clear()
            for domain in ("Page", "Runtime", "Log"):
                self._send(f"{domain}.enable", session=session)
            self._send(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
                session=session,
            )
            self._send("Page.navigate", {"url": url}, session=session)
            self._wait_event("Page.loadEventFired", session)
            expression = _READ_PAGE % (json.dumps(list(ids)), json.dumps(list(selectors)))
            result = self._send(
                "Runtime.evaluate",
                {"expression": expression, "returnByValue": True},
                session=session,
            )
            if "exceptionDetails" in result:
                raise RuntimeError(f"reading the page failed: {result['exceptionDetails']}")
            value = result["result"]["value"]
            image = None
            if screenshot:
                shot = self._send(
                    "Page.captureScreenshot",
                    {"format": "png", "captureBeyondViewport": True},
                    session=session,
                )
                image = base64.b64decode(shot["data"])
            # Let late console messages (after load) arrive.
            self._send("Runtime.evaluate", {"expression": "1"}, session=session)
            errors, messages = _console(self._events, session)
        finally:
            self._send("Target.closeTarget", {"targetId": target})
        return PageCheck(
            url=url,
            texts=value["texts"],
            attributes=value["attributes"],
            counts=value["counts"],
            console_errors=errors,
            title=value["title"],
            seconds=round(time.monotonic() - started, 3),
            screenshot=image,
            console_messages=messages,
        )


def _console(events: Sequence[dict[str, Any]], session: str) -> tuple[list[str], list[str]]:
    """(errors, all messages) of one tab, as 'source: text' lines."""
    errors: list[str] = []
    messages: list[str] = []
    for event in events:
        if event.get("sessionId") != session:
            continue
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled":
            text = " ".join(
                str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", [])
            )
            line = f"console.{params.get('type')}: {text}"
            messages.append(line)
            if params.get("type") in ("error", "assert"):
                errors.append(line)
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            description = details.get("exception", {}).get("description") or details.get("text")
            line = f"uncaught exception: {description}"
            messages.append(line)
            errors.append(line)
        elif method == "Log.entryAdded":
            entry = params.get("entry", {})
            line = f"{entry.get('source')}.{entry.get('level')}: {entry.get('text')}"
            if entry.get("url"):
                line += f" ({entry['url']})"
            messages.append(line)
            if entry.get("level") == "error":
                errors.append(line)
    return errors, messages


def check_page(
    path: Path | str, ids: Iterable[str] = (), selectors: Iterable[str] = ()
) -> PageCheck:
    """Start Chromium, check one page, stop it: for a single page."""
    with HeadlessChromium() as browser:
        return browser.check(path, ids, selectors)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--id", action="append", default=[], dest="ids")
    parser.add_argument("--selector", action="append", default=[], dest="selectors")
    parser.add_argument("--screenshot", type=Path)
    args = parser.parse_args(argv)
    reason = unavailable_reason()
    if reason:
        print(reason, file=sys.stderr)
        return 2
    with HeadlessChromium() as browser:
        page = browser.check(args.file, args.ids, args.selectors, screenshot=bool(args.screenshot))
    if args.screenshot and page.screenshot:
        args.screenshot.write_bytes(page.screenshot)
    print(
        json.dumps(
            {
                "title": page.title,
                "texts": page.texts,
                "counts": page.counts,
                "console_errors": page.console_errors,
                "seconds": page.seconds,
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    return 1 if page.console_errors else 0


if __name__ == "__main__":
    sys.exit(main())
