"""The flow on the sample: a clean run publishes and reports; a critical failure blocks gold."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from eventline.silver.builder import SilverTables
from flows import pipeline
from flows import silver as silver_step
from tests.conftest import FlowRun
from tests.paths import SAMPLE, SAMPLE_KNOWN_UNTIL


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_clean_run_publishes_gold_data_docs_and_report(sample_run: FlowRun) -> None:
    summary, reports = sample_run.summary, sample_run.data_dir / "reports"
    # Figures read off the sample: 1 document, 316 non-blank lines, 186 bullets and
    # 152 dated sentences; every bronze record is told in silver and none is quarantined:
    # 355 segments (17 bullets tell a second incident), line 191's split into three records
    # (one per village) makes 357.
    assert summary["documents_read"] == 1
    assert sum(summary["lines"].values()) == 316
    assert (summary["bronze_bullets"], summary["bronze_narratives"]) == (186, 152)
    assert summary["silver_quarantined"] == 0
    assert summary["silver_bronze_records"] == 338
    assert summary["silver_records"] == 357
    assert summary["quality_passed"] is True and summary["gold_published"] is True
    assert (reports / "gx" / "index.html").exists()
    quality = json.loads((reports / "quality_report.json").read_text())
    assert quality["passed"] and quality["critical_failures"] == 0
    latest = (reports / "latest.html").read_text()
    assert f'id="count-gold-events" data-value="{summary["gold_events"]}"' in latest
    assert 'href="gx/index.html"' in latest
    (page,) = (reports / "runs").glob("*.html")
    assert 'href="../gx/index.html"' in page.read_text()


def test_critical_failure_fails_the_run_and_keeps_every_layer(
    sample_run: FlowRun, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(sample_run.data_dir, data_dir)
    before = {layer: _fingerprint(data_dir / layer) for layer in ("bronze", "silver", "gold")}
    assert any(name.startswith("events/year=2015/") for name in before["gold"])
    real = silver_step.assemble_silver_tables
    broken_ids: list[str] = []

    def broken(*args: object, **kwargs: object) -> SilverTables:
        tables = real(*args, **kwargs)
        records = tables.records.copy()
        broken_ids.append(records.loc[0, "record_id"])
        # A record dated after what the report can know slips past silver validation.
        records.loc[0, ["date_start", "date_end"]] = [date(2031, 1, 1), date(2031, 1, 2)]
        return replace(tables, records=records)

    monkeypatch.setattr(silver_step, "assemble_silver_tables", broken)
    with pytest.raises(pipeline.QualityGateFailed, match="nothing was published"):
        pipeline.eventline_pipeline(
            inputs=[str(SAMPLE)],
            data_dir=str(data_dir),
            known_until=SAMPLE_KNOWN_UNTIL.isoformat(),
            rebuild=True,
        )
    # Bronze and silver were rebuilt too, in staging: none of the three layers moved.
    assert {layer: _fingerprint(data_dir / layer) for layer in before} == before
    assert sorted(p.name for p in data_dir.iterdir() if p.name.startswith(".")) == [
        ".cache",
        ".eventline.lock",
    ]
    quality = json.loads((data_dir / "reports" / "quality_report.json").read_text())
    failing = [f for f in quality["failures"] if f["severity"] == "critical"]
    # The reviewer is told which record, by its id, not by a row number.
    assert [f["failing_ids"] for f in failing if f["table"] == "silver_records"] == [broken_ids]
    summary = json.loads((data_dir / "reports" / "run_summary.json").read_text())
    assert summary["gold_published"] is False and summary["quality_passed"] is False


def test_a_rerun_on_unchanged_input_writes_identical_gold(
    sample_run: FlowRun, tmp_path: Path
) -> None:
    # The sample under another name, among a rejected file: same ids, same content.
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "renamed.txt").write_bytes(SAMPLE.read_bytes())
    (inputs / "empty.txt").write_bytes(b"")
    data_dir = tmp_path / "data"
    pipeline.eventline_pipeline(
        inputs=[str(inputs)], data_dir=str(data_dir), known_until=SAMPLE_KNOWN_UNTIL.isoformat()
    )
    first, second = sample_run.data_dir / "gold", data_dir / "gold"
    for table in ("events", "actors.parquet", "event_actors.parquet"):
        a = ds.dataset(first / table, partitioning="hive").to_table()
        b = ds.dataset(second / table, partitioning="hive").to_table()
        assert a.num_rows > 0
        assert a.sort_by(a.schema.names[0]).equals(b.sort_by(b.schema.names[0])), table


def test_the_sample_report_renders_in_a_browser(sample_run: FlowRun) -> None:
    from eventline.report.browser_check import (
        BrowserUnavailable,
        HeadlessChromium,
        unavailable_reason,
    )

    reason = unavailable_reason()
    if reason:
        pytest.skip(f"browser checks skipped: {reason}")
    charts = ["chart-events-per-year", "chart-fatalities-per-year", "chart-events-by-type"]
    counts = ["count-documents-read", "count-bronze-bullets", "count-bronze-narratives"]
    try:
        with HeadlessChromium() as chromium:
            page = chromium.check(
                sample_run.data_dir / "reports" / "latest.html",
                ids=[*counts, "count-gold-events", "run-status", *charts],
                selectors=[f"#{chart} rect.bar" for chart in charts],
            )
    except BrowserUnavailable as error:
        pytest.fail(f"Chromium is installed but could not be driven: {error}")
    # The sample: 1 document, 186 bullets, 152 dated sentences.
    assert page.texts["count-documents-read"] == "1"
    assert page.texts["count-bronze-bullets"] == "186"
    assert page.texts["count-bronze-narratives"] == "152"
    assert page.texts["count-gold-events"] == str(sample_run.summary["gold_events"])
    for chart in charts:
        bars = int(page.attributes[chart]["data-bars"])
        assert bars > 0 and page.counts[f"#{chart} rect.bar"] == bars, chart
    assert page.console_errors == []
