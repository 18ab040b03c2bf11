"""On the real CLI run (the sample plus awkward inputs): the DuckDB catalog a publish wrote,
the exports read back, and the run report's map and Data Docs in a browser, network refused."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest

from eventline.export.columns import ACLED_COLUMNS, UCDP_COLUMNS
from eventline.report.browser_check import HeadlessChromium
from tests.conftest import CliRun, run_cli


def _gold_events(data_dir: Path) -> int:
    return ds.dataset(
        data_dir / "gold" / "events", format="parquet", partitioning="hive"
    ).count_rows()


def test_publish_wrote_the_catalogue_beside_the_parquet(mixed_run: CliRun, tmp_path: Path) -> None:
    assert mixed_run.returncode == 0, mixed_run.stderr
    catalog = mixed_run.data_dir / "gold" / "eventline.duckdb"
    con = duckdb.connect(str(catalog), read_only=True)
    assert con.execute("select count(*) from events").fetchone() == (
        _gold_events(mixed_run.data_dir),
    )
    links = con.execute("select count(*) from event_actor_names").fetchone()
    assert links == con.execute("select count(*) from event_actors").fetchone()


@pytest.mark.parametrize(("fmt", "columns"), [("acled", ACLED_COLUMNS), ("ucdp-ged", UCDP_COLUMNS)])
def test_exports_have_one_row_per_gold_event(
    fmt: str, columns: tuple, mixed_run: CliRun, prefect_home: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"{fmt}.csv"
    args = ["export", "--format", fmt, "--data-dir", str(mixed_run.data_dir), "--out", str(out)]
    done = run_cli(args, prefect_home, tmp_path)
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [c.name for c in columns]
    assert len(rows) == _gold_events(mixed_run.data_dir)
    assert f"wrote {len(rows)} events as {fmt}" in done.stderr


def test_run_report_map_and_data_docs_open_offline(
    mixed_run: CliRun, browser: HeadlessChromium
) -> None:
    reports = mixed_run.data_dir / "reports"
    report = browser.check(
        reports / "latest.html",
        ids=["chart-event-map", "count-mapped-events"],
        selectors=["#chart-event-map circle.point", "#chart-event-map path.land"],
    )
    assert report.blocked_requests == [] and report.console_errors == []
    points = int(report.attributes["chart-event-map"]["data-points"])
    assert points > 0 and report.counts["#chart-event-map circle.point"] == points
    assert report.counts["#chart-event-map path.land"] >= 1
    docs = browser.check(reports / "gx" / "index.html", selectors=["tr[data-status]"])
    assert docs.blocked_requests == [] and docs.console_errors == []
    assert docs.counts["tr[data-status]"] == 5  # silver records, events, actors, links, run


def test_readme_duckdb_query_runs_on_the_catalogue(mixed_run: CliRun) -> None:
    from tests.paths import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Using eventline with ACLED/UCDP tooling", 1)[1].split("\n## ", 1)[0]
    query = section.split('duckdb data/gold/eventline.duckdb -c "', 1)[1].split('"\n', 1)[0]
    con = duckdb.connect(str(mixed_run.data_dir / "gold" / "eventline.duckdb"), read_only=True)
    rows = con.execute(query).fetchall()
    assert 0 < len(rows) <= 5
    perpetrators = con.execute(
        "select count(distinct actor_id) from event_actors where role = 'perpetrator'"
    ).fetchone()
    assert len(rows) == min(5, perpetrators[0])
