"""Open local HTML files in headless Chromium and read what a person would see.

A test helper driving the system's Chromium (``/usr/bin/chromium``, or $EVENTLINE_CHROMIUM)
through Playwright; Playwright's own browser download is neither needed nor reachable
here. Every request that is not a local file (``file:``, ``data:``, ``about:``) or on this
machine (localhost, 127.0.0.1) is refused, so a page that needs the network shows it: its
blocked requests are listed, and the failures they cause appear as console errors.

    with HeadlessChromium() as browser:
        page = browser.check(Path("run_report.html"), ids=["count-gold-events"])
        assert not page.console_errors and not page.blocked_requests

``unavailable_reason()`` says why checks cannot run here (no Chromium, no Playwright);
tests skip with that reason. Command line:
``python -m eventline.report.browser_check FILE [--id ID ...] [--screenshot PNG]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import urlsplit

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ENV = "EVENTLINE_CHROMIUM"
INSTALL_HINT = "apt-get install -y chromium"
# Root needs --no-sandbox; the rest keeps Chromium from calling home (this machine refuses
# outside connections, and a check must not depend on them).
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--disable-dev-shm-usage",
)
LOCAL_SCHEMES = frozenset({"file", "data", "about", "blob"})
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
T = TypeVar("T")


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
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the 'playwright' package is not installed (pip install -e '.[dev]')"
    return None


def is_local(url: str) -> bool:
    """True for files, inline data and this machine; every other request is refused."""
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.hostname or "") in LOCAL_HOSTS


@dataclass
class PageCheck:
    """What one page showed."""

    url: str
    texts: dict[str, str | None]  # element id → whitespace-collapsed textContent (None: absent)
    attributes: dict[str, dict[str, str]]  # element id → its attributes
    counts: dict[str, int]  # CSS selector → matching elements
    console_errors: list[str]
    title: str
    seconds: float
    screenshot: bytes | None = None
    console_messages: list[str] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)
    styles: dict[str, dict[str, str]] = field(default_factory=dict)  # selector → computed CSS
    body_text: str = ""  # what the page shows, as innerText


_READ_PAGE = """
([ids, selectors, styled]) => {
  const out = {texts: {}, attributes: {}, counts: {}, styles: {}};
  for (const id of ids) {
    const el = document.getElementById(id);
    out.texts[id] = el ? el.textContent.replace(/\\s+/g, " ").trim() : null;
    const attrs = {};
    if (el) for (const a of el.attributes) attrs[a.name] = a.value;
    out.attributes[id] = attrs;
  }
  for (const s of selectors) out.counts[s] = document.querySelectorAll(s).length;
  for (const [s, props] of styled) {
    const el = document.querySelector(s);
    const css = el ? getComputedStyle(el) : null;
    out.styles[s] = Object.fromEntries(props.map((p) => [p, css ? css.getPropertyValue(p) : ""]));
  }
  out.title = document.title;
  out.body = document.body ? document.body.innerText : "";
  return out;
}
"""


class HeadlessChromium:
    """One headless Chromium for many pages; use as a context manager.

    Playwright's sync API refuses to run in a thread with a running asyncio loop (as a
    Prefect flow or test harness may leave), and its objects belong to the thread that made
    them: every call therefore runs on one worker thread of this object's own.
    """

    def __init__(self, binary: str | None = None, timeout: float = 30.0) -> None:
        self.binary = binary or chromium_path()
        self.timeout = timeout
        self._playwright: Any = None
        self._browser: Any = None
        self._thread: ThreadPoolExecutor | None = None

    def _call(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self._thread is None:
            self._thread = ThreadPoolExecutor(1, thread_name_prefix="eventline-chromium")
        return self._thread.submit(function, *args, **kwargs).result()

    def __enter__(self) -> HeadlessChromium:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def start(self) -> None:
        self._call(self._start)

    def _start(self) -> None:
        reason = unavailable_reason()
        if reason or self.binary is None:
            raise BrowserUnavailable(reason or "no Chromium binary")
        from playwright.sync_api import Error, sync_playwright

        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=self.binary,
                args=list(CHROMIUM_ARGS),
                timeout=self.timeout * 1000,
            )
        except Error as error:
            self._close()
            raise BrowserUnavailable(f"{self.binary} did not start: {error}") from error

    def close(self) -> None:
        if self._thread is None:
            return
        try:
            self._call(self._close)
        finally:
            self._thread.shutdown(wait=True)
            self._thread = None

    def _close(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None

    def check(
        self,
        path: Path | str,
        ids: Iterable[str] = (),
        selectors: Iterable[str] = (),
        *,
        screenshot: bool = False,
        styles: dict[str, Sequence[str]] | None = None,
        width: int = 1280,
        height: int = 1600,
    ) -> PageCheck:
        """Load *path* in a fresh page, the network refused, and read ids and selectors.

        *styles* maps a CSS selector to computed properties to read from its first match
        (to see that a stylesheet was applied).
        """
        options = {"screenshot": screenshot, "styles": styles, "width": width, "height": height}
        return self._call(self._check, path, list(ids), list(selectors), **options)

    def _check(
        self,
        path: Path | str,
        ids: list[str],
        selectors: list[str],
        *,
        screenshot: bool,
        styles: dict[str, Sequence[str]] | None,
        width: int,
        height: int,
    ) -> PageCheck:
        if self._browser is None:
            raise BrowserUnavailable("the browser is not running")
        started = time.monotonic()
        url = Path(path).resolve().as_uri() if "://" not in str(path) else str(path)
        context = self._browser.new_context(viewport={"width": width, "height": height})
        blocked: list[str] = []
        errors: list[str] = []
        messages: list[str] = []

        def route(request_route: Any) -> None:
            request = request_route.request
            if is_local(request.url):
                request_route.continue_()
            else:
                blocked.append(request.url)
                request_route.abort("blockedbyclient")

        def console(message: Any) -> None:
            line = f"console.{message.type}: {message.text}"
            messages.append(line)
            if message.type in ("error", "assert"):
                errors.append(line)

        def page_error(error: Any) -> None:
            line = f"uncaught exception: {error}"
            messages.append(line)
            errors.append(line)

        try:
            context.route("**/*", route)
            page = context.new_page()
            page.set_default_timeout(self.timeout * 1000)
            page.on("console", console)
            page.on("pageerror", page_error)
            page.goto(url, wait_until="load")
            value = page.evaluate(
                _READ_PAGE,
                [list(ids), list(selectors), [[s, list(p)] for s, p in (styles or {}).items()]],
            )
            image = page.screenshot(full_page=True) if screenshot else None
            page.evaluate("1")  # let late console messages arrive
        finally:
            context.close()
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
            blocked_requests=blocked,
            styles=value["styles"],
            body_text=value["body"],
        )


def check_page(
    path: Path | str, ids: Iterable[str] = (), selectors: Iterable[str] = ()
) -> PageCheck:
    """Start Chromium, check one page, stop it: for a single page."""
    with HeadlessChromium() as browser:
        return browser.check(path, ids, selectors)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
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
    report = {
        "title": page.title,
        "texts": page.texts,
        "counts": page.counts,
        "console_errors": page.console_errors,
        "blocked_requests": page.blocked_requests,
        "seconds": page.seconds,
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 1 if page.console_errors or page.blocked_requests else 0


if __name__ == "__main__":
    sys.exit(main())
