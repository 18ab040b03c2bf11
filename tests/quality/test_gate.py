"""The Great Expectations quality gate on the bundled sample's real silver and gold.

Great Expectations takes seconds to import and about a second per checkpoint run, so each
scenario runs once per module (module-scoped fixtures) and several tests read its report.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from eventline.bronze.extractor import BronzeExtract
from eventline.quality.gate import ExpectationOutcome, QualityReport, run_quality_checks
from eventline.quality.suites import (
    CRITICAL,
    GX_ROOT,
    MAX_QUARANTINED_SHARE,
    SUITES,
    WARNING,
    render_suite,
)
from eventline.quality.verdicts import row_digests, select_rows
from eventline.report.browser_check import HeadlessChromium
from eventline.silver.builder import SilverTables
from tests.paths import SAMPLE_KNOWN_UNTIL


@dataclass
class Run:
    frames: dict[str, pd.DataFrame]
    expected: dict[str, int | date]


@pytest.fixture(scope="module")
def clean_run(
    sample_extract: BronzeExtract,
    sample_silver: SilverTables,
    sample_segment_texts: dict[str, str],
) -> Run:
    """The sample's silver records and gold tables, built as the flow builds them."""
    from eventline.gold.actors import default_catalog
    from eventline.gold.builder import build_gold_tables, resolve_texts
    from schemas.gold import GOLD_MODELS

    bronze = [*sample_extract.bullets, *sample_extract.narratives]
    texts = sample_segment_texts
    columns = {name: list(model.to_schema().columns) for name, model in GOLD_MODELS.items()}
    catalog = default_catalog()
    gold = build_gold_tables(sample_silver.records, resolve_texts(texts, catalog), catalog, columns)
    frames = {
        "silver_records": sample_silver.records,
        "silver_quarantine": sample_silver.quarantine,
        **gold.as_dict(),
    }
    expected = {
        "known_until": SAMPLE_KNOWN_UNTIL,
        "bronze_records": len(bronze),
        "silver_quarantined": len(sample_silver.quarantine),
    }
    return Run(frames, expected)


@pytest.fixture(scope="module")
def docs_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data") / "reports"


@pytest.fixture(scope="module")
def clean_report(clean_run: Run, docs_root: Path) -> QualityReport:
    return run_quality_checks(
        clean_run.frames, clean_run.expected, docs_root / "clean", run_name="clean-run"
    )


@pytest.fixture(scope="module")
def broken_silver(clean_run: Run) -> pd.DataFrame:
    """Row 1 repeats row 0's id; row 2 ends before it starts; row 3 has low > high killed."""
    silver = clean_run.frames["silver_records"].copy()
    silver.loc[1, "record_id"] = silver.loc[0, "record_id"]
    silver.loc[2, "date_end"] = silver.loc[2, "date_start"] - pd.Timedelta(days=3)
    silver.loc[3, ["killed_low", "killed_high"]] = [9, 2]
    return silver


@pytest.fixture(scope="module")
def broken_frames(clean_run: Run, broken_silver: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The clean run's tables with the broken silver rows and one dangling link added."""
    dangling = pd.DataFrame(
        [
            {
                "event_id": clean_run.frames["events"]["event_id"].iloc[0],
                "actor_id": "no-such-actor",
                "role": "perpetrator",
                "certainty": "suspected",
                "mention_text": "No Such Actor",
            }
        ]
    )
    return {
        **clean_run.frames,
        "silver_records": broken_silver,
        "event_actors": pd.concat([clean_run.frames["event_actors"], dangling], ignore_index=True),
    }


@pytest.fixture(scope="module")
def broken_report(
    clean_run: Run, broken_frames: dict[str, pd.DataFrame], docs_root: Path
) -> QualityReport:
    return run_quality_checks(broken_frames, clean_run.expected, docs_root / "broken")


@pytest.fixture(scope="module")
def warning_report(clean_run: Run, docs_root: Path) -> QualityReport:
    """Too many records quarantined (a warning), every record still accounted for."""
    expected = dict(clean_run.expected)
    quarantined = int(expected["bronze_records"])  # as many quarantined as kept: ~50 %
    expected["silver_quarantined"] = int(expected["silver_quarantined"]) + quarantined
    expected["bronze_records"] = int(expected["bronze_records"]) + quarantined
    # Without the quarantine frame the gate counts each quarantined row as a bronze record.
    frames = {k: v for k, v in clean_run.frames.items() if k != "silver_quarantine"}
    return run_quality_checks(frames, expected, docs_root / "warning")


def _failed(report: QualityReport, table: str, expectation: str, column: str | None):
    found = [
        o
        for o in report.outcomes
        if o.table == table and o.expectation == expectation and o.column == column
    ]
    assert len(found) == 1, (table, expectation, column, found)
    return found[0]


# --- the committed GX project ----------------------------------------------------------


def test_committed_suites_are_generated_from_quality_suites():
    committed = {p.name for p in (GX_ROOT / "expectations").glob("*.json")}
    assert committed == {f"{s.suite_name}.json" for s in SUITES}
    for suite in SUITES:
        path = GX_ROOT / "expectations" / f"{suite.suite_name}.json"
        assert path.read_text(encoding="utf-8") == render_suite(suite), (
            f"{path.name} is stale: run `python -m eventline.quality.suites`"
        )


def test_every_check_has_a_severity_and_suites_name_their_id_columns():
    for suite in SUITES:
        assert suite.id_columns and set(suite.id_columns) <= set(suite.columns)
        for check in suite.checks:
            assert check.severity in (CRITICAL, WARNING)
            assert check.description
        document = json.loads(render_suite(suite))
        assert [e["severity"] for e in document["expectations"]] == [
            c.severity for c in suite.checks
        ]


def test_report_logic_without_gx():
    ok = ExpectationOutcome("events", "expect_x", "a", CRITICAL, True, 0, [])
    warn = ExpectationOutcome("silver_records", "expect_y", "b", WARNING, False, 3, ["rec_1"])
    bad = ExpectationOutcome("events", "expect_z", None, CRITICAL, False, None, [])
    assert QualityReport([ok, warn], None).passed
    report = QualityReport([ok, warn, bad], None)
    assert not report.passed
    assert report.critical_failures == [bad] and report.warnings == [warn]
    assert json.loads(json.dumps(report.to_dict()))["critical_failures"] == 1


# --- the clean sample --------------------------------------------------------------------


def test_clean_sample_passes_and_writes_data_docs(clean_report: QualityReport, docs_root: Path):
    assert clean_report.passed, clean_report.format()
    assert clean_report.critical_failures == []
    assert clean_report.docs_index == docs_root / "clean" / "index.html"
    assert clean_report.docs_index.is_file()
    pages = list((docs_root / "clean" / "validations").rglob("*.html"))
    assert len(pages) == len(SUITES)


def test_every_expectation_ran_without_error(clean_report: QualityReport):
    assert len(clean_report.outcomes) == sum(len(s.checks) for s in SUITES)
    assert [o for o in clean_report.outcomes if o.error] == []
    assert {o.table for o in clean_report.outcomes} == {s.table for s in SUITES}


def test_clean_report_is_json_ready(clean_report: QualityReport, clean_run: Run):
    data = json.loads(json.dumps(clean_report.to_dict()))
    assert data["passed"] is True
    assert data["metrics"]["accounted_records"] == clean_run.expected["bronze_records"]
    silver = clean_run.frames["silver_records"]
    events = silver.loc[silver["record_class"] == "event", "event_id"]
    assert data["metrics"]["gold_events"] == events.nunique() < len(silver)
    assert data["metrics"]["silver_context"] == int((silver["record_class"] == "context").sum())


def test_nothing_is_written_into_the_repository(clean_report: QualityReport):
    written = {p.relative_to(GX_ROOT).as_posix() for p in GX_ROOT.rglob("*") if p.is_file()}
    assert not {p for p in written if p.startswith(("uncommitted", "checkpoints", "valid"))}


# --- critical failures ---------------------------------------------------------------------


def test_broken_silver_fails_critically(broken_report: QualityReport):
    assert not broken_report.passed
    tables = {o.table for o in broken_report.critical_failures}
    assert {"silver_records", "event_actors"} <= tables


def test_failing_records_are_named_by_record_id(
    broken_report: QualityReport, broken_silver: pd.DataFrame
):
    unique = _failed(
        broken_report, "silver_records", "expect_column_values_to_be_unique", "record_id"
    )
    assert not unique.success and unique.severity == CRITICAL
    assert unique.failing_ids == [broken_silver.loc[0, "record_id"]]
    assert unique.unexpected_count == 2

    order = _failed(
        broken_report,
        "silver_records",
        "expect_column_pair_values_a_to_be_greater_than_b",
        "date_end,date_start",
    )
    assert not order.success
    assert order.failing_ids == [broken_silver.loc[2, "record_id"]]

    bounds = _failed(
        broken_report,
        "silver_records",
        "expect_column_pair_values_a_to_be_greater_than_b",
        "killed_high,killed_low",
    )
    assert bounds.failing_ids == [broken_silver.loc[3, "record_id"]]


def test_unknown_actor_breaks_referential_integrity(broken_report: QualityReport, clean_run: Run):
    link = _failed(
        broken_report, "event_actors", "expect_column_values_to_be_in_set", "actor_id_known"
    )
    assert not link.success and link.severity == CRITICAL
    first_event = clean_run.frames["events"]["event_id"].iloc[0]
    assert link.failing_ids == [f"{first_event}/no-such-actor"]
    events = _failed(
        broken_report, "event_actors", "expect_column_values_to_be_in_set", "event_id_known"
    )
    assert events.success


# --- warnings ------------------------------------------------------------------------------


def test_warning_threshold_is_reported_but_does_not_block(warning_report: QualityReport):
    assert warning_report.passed, warning_report.format()
    assert [(o.table, o.column) for o in warning_report.warnings] == [
        ("run_metrics", "quarantined_share")
    ]
    assert warning_report.metrics["quarantined_share"] > MAX_QUARANTINED_SHARE
    conservation = _failed(
        warning_report,
        "run_metrics",
        "expect_column_pair_values_to_be_equal",
        "accounted_records,bronze_records",
    )
    assert conservation.success


# --- the Data Docs in a browser, the network refused -------------------------------------


def _pages(report: QualityReport) -> list[Path]:
    assert report.docs_index is not None
    return sorted((report.docs_index.parent / "validations").rglob("*.html"))


def test_data_docs_index_lists_every_result_offline(
    clean_report: QualityReport, browser: HeadlessChromium
) -> None:
    assert clean_report.docs_index is not None
    index = browser.check(
        clean_report.docs_index,
        selectors=["tr[data-status]", "tr[data-status=success]", "script", "link[href^=http]"],
        styles={"th": ["background-color"], ".text-success": ["color"]},
    )
    assert index.blocked_requests == [] and index.console_errors == []
    assert index.counts["tr[data-status]"] == index.counts["tr[data-status=success]"] == len(SUITES)
    assert index.counts["script"] == 0 and index.counts["link[href^=http]"] == 0
    # Styled by eventline's stylesheet (GX's custom-styles hook), not by a CDN's.
    assert index.styles["th"]["background-color"] == "rgb(246, 247, 249)"
    assert index.styles[".text-success"]["color"] == "rgb(30, 122, 60)"
    # Batches are named by layer and table; results are filed under the run's name.
    for batch in ("silver_records", "gold_events", "gold_actors", "gold_event_actors"):
        assert f"eventline-{batch}" in index.body_text, batch
    assert "run_metrics" in index.body_text and "/tmp" not in index.body_text
    assert index.body_text.count("clean-run") == len(SUITES)


def test_data_docs_pages_show_their_status_offline(
    clean_report: QualityReport, broken_report: QualityReport, browser: HeadlessChromium
) -> None:
    statuses = {}
    for report in (clean_report, broken_report):
        for page in _pages(report):
            check = browser.check(page, selectors=[".fa-check-circle", ".fa-times"])
            assert check.blocked_requests == [] and check.console_errors == [], page
            assert "Status:" in check.body_text and "/tmp/" not in check.body_text, page
            statuses[(report is clean_report, page.parent.parent.parent.name)] = (
                "Succeeded" in check.body_text.split("Statistics")[0],
                check.counts[".fa-times"],
            )
    assert len(statuses) == 2 * len(SUITES)
    assert clean_report.docs_index is not None
    suites = sorted((clean_report.docs_index.parent / "expectations").glob("*.html"))
    assert len(suites) == len(SUITES)
    for page in suites:
        check = browser.check(page)
        assert check.blocked_requests == [] and check.console_errors == [], page
    assert all(ok and failed == 0 for (clean, _), (ok, failed) in statuses.items() if clean)
    # The broken run's silver records and event-actor links fail, and their pages say so.
    for suite in ("eventline_silver_records", "eventline_event_actors"):
        ok, failed = statuses[(False, suite)]
        assert not ok and failed >= 1, suite


def test_data_docs_index_marks_failed_results(
    broken_report: QualityReport, browser: HeadlessChromium
) -> None:
    assert broken_report.docs_index is not None
    index = browser.check(broken_report.docs_index, selectors=["tr[data-status=failed]"])
    assert index.counts["tr[data-status=failed]"] >= 2
    assert index.blocked_requests == []


# --- earlier row verdicts reused: only changed rows are checked row by row -----------------


def _verdicts(report: QualityReport) -> list[tuple[str, str, str | None, bool, int | None, list]]:
    return [
        (o.table, o.expectation, o.column, o.success, o.unexpected_count, o.failing_ids)
        for o in report.outcomes
    ]


@pytest.fixture(scope="module")
def reused_report(clean_run: Run, clean_report: QualityReport, docs_root: Path) -> QualityReport:
    verdicts = clean_report.passed_rows
    return run_quality_checks(
        clean_run.frames, clean_run.expected, docs_root / "reused", verdicts=verdicts
    )


def test_a_first_run_checks_every_row(clean_report: QualityReport, clean_run: Run) -> None:
    silver = len(clean_run.frames["silver_records"])
    assert clean_report.rows["silver_records"] == {"rows": silver, "validated": silver, "reused": 0}
    assert clean_report.to_dict()["rows"]["events"]["reused"] == 0
    assert len(clean_report.passed_rows["events"]) == len(clean_run.frames["events"])


def test_an_unchanged_run_reuses_every_verdict_with_the_same_outcomes(
    clean_report: QualityReport, reused_report: QualityReport, clean_run: Run
) -> None:
    for table in ("silver_records", "events", "actors", "event_actors", "run_metrics"):
        counts = reused_report.rows[table]
        assert counts["validated"] == 0 and counts["reused"] == counts["rows"] > 0, table
    assert reused_report.passed and _verdicts(reused_report) == _verdicts(clean_report)
    assert all(o.error is None for o in reused_report.outcomes)
    assert "earlier verdicts reused" in reused_report.format()


def test_changed_rows_are_checked_and_their_failures_found(
    clean_run: Run,
    clean_report: QualityReport,
    broken_report: QualityReport,
    broken_frames: dict[str, pd.DataFrame],
    broken_silver: pd.DataFrame,
    docs_root: Path,
) -> None:
    """The broken fixture changes silver rows 1-3 and adds one dangling link: those four rows
    are checked, and the gate says what checking every row says."""
    report = run_quality_checks(
        broken_frames, clean_run.expected, docs_root / "changed", verdicts=clean_report.passed_rows
    )
    assert report.rows["silver_records"]["validated"] == 3
    assert report.rows["event_actors"]["validated"] == 1
    assert report.rows["events"]["validated"] == 0
    assert _verdicts(report) == _verdicts(broken_report)
    # A table with a failing row-level expectation keeps only the verdicts it reused.
    assert len(report.passed_rows["silver_records"]) == len(broken_silver) - 3


def test_row_digests_follow_values_not_positions() -> None:
    frame = pd.DataFrame({"a": ["x", "y", None], "b": [1.0, np.nan, 3.0]})
    digests = row_digests(frame)
    assert len(set(digests.tolist())) == 3
    swapped = frame.iloc[[2, 0, 1]].reset_index(drop=True)
    assert row_digests(swapped).tolist() == digests[[2, 0, 1]].tolist()
    changed = frame.assign(b=[1.0, 2.0, 3.0])
    assert select_rows(changed, digests).to_validate.tolist() == [False, True, False]
