"""The run report as a browser shows it: headless Chromium, one launch for the module.

Skipped, with the reason shown by ``pytest -ra``, where Chromium is not installed
(``apt-get install -y chromium chromium-driver``; ``make test`` does it where it can).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventline.report.browser_check import (
    BrowserUnavailable,
    HeadlessChromium,
    PageCheck,
    unavailable_reason,
)
from eventline.report.run_report import render_run_report
from tests.report.test_run_report import HOSTILE, _inputs

COUNTS = {
    "count-documents-read": "2",
    "count-documents-rejected": "2",
    "count-silver-records": "7",
    "count-silver-quarantined": "4",
    "count-gold-events": "5",
    "count-killed": "12",
    "count-events-without-killed": "2",
}
CHARTS = {"chart-events-per-year": 3, "chart-fatalities-per-year": 3, "chart-events-by-type": 3}


@pytest.fixture(scope="module")
def browser() -> Iterator[HeadlessChromium]:
    reason = unavailable_reason()
    if reason:
        pytest.skip(f"browser checks skipped: {reason}")
    try:
        with HeadlessChromium() as chromium:
            yield chromium
    except BrowserUnavailable as error:  # installed but broken: that is a failure, not a skip
        pytest.fail(f"Chromium is installed but could not be driven: {error}")


@pytest.fixture(scope="module")
def report(browser: HeadlessChromium, tmp_path_factory: pytest.TempPathFactory) -> PageCheck:
    path = tmp_path_factory.mktemp("report") / "run_report.html"
    path.write_text(render_run_report(_inputs()), encoding="utf-8")
    return browser.check(
        path,
        ids=[*COUNTS, *CHARTS, "run-status", "reason-0", "data-docs-link"],
        selectors=[f"#{chart} rect.bar" for chart in CHARTS]
        + ["svg.chart title", "details > table", "script", "img"],
    )


def test_counts_render(report: PageCheck) -> None:
    for ident, value in COUNTS.items():
        assert report.texts[ident] == value, ident
    assert report.texts["run-status"] == "PASSED WITH WARNINGS"
    assert report.title == "eventline run run-42 · warning"


def test_charts_render_their_bars(report: PageCheck) -> None:
    for chart, bars in CHARTS.items():
        assert report.attributes[chart]["data-bars"] == str(bars), chart
        assert report.counts[f"#{chart} rect.bar"] == bars, chart
    assert report.counts["svg.chart title"] >= 3 + 9  # one per chart, one per bar
    assert report.counts["details > table"] == 3  # each chart's data table


def test_hostile_text_stays_text(report: PageCheck) -> None:
    assert HOSTILE in report.texts["reason-0"]
    assert report.counts["script"] == 0
    assert report.counts["img"] == 0


def test_no_console_errors(report: PageCheck) -> None:
    assert report.console_errors == []


def test_console_errors_are_caught(browser: HeadlessChromium, tmp_path: Path) -> None:
    """The check above can fail: a page that errs is seen erring."""
    page = tmp_path / "broken.html"
    page.write_text(
        "<!DOCTYPE html><title>broken</title><p id=x>hi</p>"
        "<script>console.error('boom'); undefinedFunction();</script>",
        encoding="utf-8",
    )
    check = browser.check(page, ids=["x", "missing"])
    assert check.texts == {"x": "hi", "missing": None}
    assert any("boom" in error for error in check.console_errors)
    assert any("undefinedFunction" in error for error in check.console_errors)


def test_data_docs_link_is_relative(report: PageCheck) -> None:
    assert report.attributes["data-docs-link"]["href"] == "gx/data_docs/local_site/index.html"
