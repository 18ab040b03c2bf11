"""The run report as a browser shows it: headless Chromium via Playwright, network refused.

The ``browser`` fixture (tests/conftest.py) skips, with the reason shown by ``pytest -ra``,
only where Chromium (or Playwright) is not installed (``make test`` installs Chromium where
it can); installed but failing to start is a failure, not a skip.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventline.report.browser_check import HeadlessChromium, PageCheck, is_local
from eventline.report.run_report import render_run_report
from tests.report.test_run_report import HOSTILE, _inputs

COUNTS = {
    "count-documents-read": "2",
    "count-documents-rejected": "2",
    "count-silver-records": "8",
    "count-silver-quarantined": "4",
    "count-gold-events": "5",
    "count-killed": "12",
    "count-events-without-killed": "2",
    "count-mapped-events": "3",
}
CHARTS = {"chart-events-per-year": 3, "chart-fatalities-per-year": 3, "chart-events-by-type": 3}


@pytest.fixture(scope="module")
def report(browser: HeadlessChromium, tmp_path_factory: pytest.TempPathFactory) -> PageCheck:
    path = tmp_path_factory.mktemp("report") / "run_report.html"
    path.write_text(render_run_report(_inputs()), encoding="utf-8")
    return browser.check(
        path,
        ids=[*COUNTS, *CHARTS, "chart-event-map", "run-status", "reason-0", "data-docs-link"],
        selectors=[f"#{chart} rect.bar" for chart in CHARTS]
        + ["svg.chart title", "details > table", "script", "img"]
        + ["#chart-event-map circle.point", "#chart-event-map path.land"]
        + ["#chart-event-map path.border", "#chart-event-map text.label"],
        styles={"section": ["background-color"], "#chart-event-map circle.t0": ["fill"]},
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
    assert report.counts["details > table"] == 4  # each chart's and the map's data table


def test_map_renders_points_over_outlines(report: PageCheck) -> None:
    assert report.attributes["chart-event-map"]["data-points"] == "3"
    assert report.counts["#chart-event-map circle.point"] == 3
    assert report.counts["#chart-event-map path.land"] >= 1
    assert report.counts["#chart-event-map path.border"] >= 1
    assert report.counts["#chart-event-map text.label"] >= 4  # longitude and latitude labels
    # The inline stylesheet is applied: white sections, Battles drawn in the first colour.
    assert report.styles["section"]["background-color"] == "rgb(255, 255, 255)"
    assert report.styles["#chart-event-map circle.t0"]["fill"] == "rgb(47, 111, 159)"


def test_hostile_text_stays_text(report: PageCheck) -> None:
    assert HOSTILE in (report.texts["reason-0"] or "")
    assert report.counts["script"] == 0
    assert report.counts["img"] == 0


def test_no_console_errors_and_no_request_leaves_the_page(report: PageCheck) -> None:
    assert report.console_errors == []
    assert report.blocked_requests == []


def test_console_errors_and_network_requests_are_caught(
    browser: HeadlessChromium, tmp_path: Path
) -> None:
    """The checks above can fail: a page that errs, or reaches out, is seen doing it."""
    page = tmp_path / "broken.html"
    page.write_text(
        "<!DOCTYPE html><title>broken</title><p id=x>hi</p>"
        '<link rel="stylesheet" href="https://cdn.example.org/style.css">'
        "<script>console.error('boom'); undefinedFunction();</script>",
        encoding="utf-8",
    )
    check = browser.check(page, ids=["x", "missing"])
    assert check.texts == {"x": "hi", "missing": None}
    assert any("boom" in error for error in check.console_errors)
    assert any("undefinedFunction" in error for error in check.console_errors)
    assert check.blocked_requests == ["https://cdn.example.org/style.css"]


def test_only_local_urls_are_let_through() -> None:
    assert is_local("file:///tmp/x.html") and is_local("data:text/css,")
    assert is_local("http://127.0.0.1:4200/api") and is_local("http://localhost/x")
    assert not is_local("https://cdn.jsdelivr.net/npm/x.js")
    assert not is_local("http://10.0.0.5/x")


def test_data_docs_link_is_relative(report: PageCheck) -> None:
    assert report.attributes["data-docs-link"]["href"] == "gx/data_docs/local_site/index.html"
