"""``eventline validate``: the published layers checked and gated, nothing rebuilt."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from eventline import cli
from tests.conftest import FlowRun


def test_validate_passes_on_published_gold_and_names_a_damaged_file(
    sample_run: FlowRun, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(sample_run.data_dir, data_dir)
    (data_dir / "reports" / "quality_report.json").unlink()
    gold = {p: p.read_bytes() for p in (data_dir / "gold").rglob("*") if p.is_file()}
    assert cli.main(["validate", "--data-dir", str(data_dir)]) == cli.EXIT_OK
    out, _ = capfd.readouterr()
    assert "quality gate passed" in out
    assert "bronze, silver and gold verify against their manifests" in out
    report = json.loads((data_dir / "reports" / "quality_report.json").read_text())
    assert report["passed"] and report["critical_failures"] == 0
    assert {p: p.read_bytes() for p in gold} == gold  # nothing rebuilt or rewritten

    (data_dir / "gold" / "event_actors.parquet").write_bytes(b"not parquet")
    assert cli.main(["validate", "--data-dir", str(data_dir), "--quiet"]) == cli.EXIT_FAILED
    _, err = capfd.readouterr()
    assert err.splitlines()[0] == (
        "eventline: gold does not verify: event_actors.parquet: 11 bytes, the manifest says "
        f"{len(gold[data_dir / 'gold' / 'event_actors.parquet'])}"
    )
