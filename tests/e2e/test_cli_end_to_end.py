"""`eventline run` as users run it: a real subprocess, Prefect's temporary API, Parquet out."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventline.bronze.extractor import BronzeExtract
from flows.inputs import read_registry
from tests.conftest import CliRun, run_cli


def _read(run: CliRun, layer: str, name: str) -> pd.DataFrame:
    """A table of a layer: one file, or (bronze records) a folder of one file per document."""
    folder = run.data_dir / layer / name
    return pd.read_parquet(folder if folder.is_dir() else folder.with_suffix(".parquet"))


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_run_succeeds_and_prints_a_summary(mixed_run: CliRun) -> None:
    assert mixed_run.returncode == 0, mixed_run.stderr[-3000:]
    assert "Traceback" not in mixed_run.stdout + mixed_run.stderr
    assert "4 read, 3 rejected, 1 duplicate copies merged" in mixed_run.stdout
    assert "332 non-blank" in mixed_run.stdout
    assert "bronze, silver, gold rebuilt and published" in mixed_run.stdout
    assert read_registry(mixed_run.data_dir) == [str(mixed_run.inputs)]


def test_rejected_documents_have_reasons(mixed_run: CliRun) -> None:
    rejected = _read(mixed_run, "bronze", "rejected_documents").set_index("file_name")
    assert sorted(rejected.index) == ["blank.txt", "empty.txt", "scan.pdf"]
    assert rejected.at["empty.txt", "reason"] == "empty file (0 bytes)"
    assert rejected.at["scan.pdf", "reason"].startswith("binary file")
    assert "white space" in rejected.at["blank.txt", "reason"]


def test_bronze_has_one_file_per_document_and_table(mixed_run: CliRun) -> None:
    doc_ids = sorted(_read(mixed_run, "bronze", "documents")["doc_id"])
    for table in ("bullets", "narratives", "lines"):
        names = sorted(p.stem for p in (mixed_run.data_dir / "bronze" / table).glob("*.parquet"))
        assert names == doc_ids, table


def test_a_mistyped_path_changes_nothing_and_starts_nothing(
    mixed_run: CliRun, prefect_home: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(mixed_run.data_dir, data_dir)
    before = _files(data_dir)
    started = time.monotonic()
    typo = mixed_run.inputs / "typo.txt"
    done = run_cli(["run", str(typo), "--data-dir", str(data_dir)], prefect_home, tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"eventline: input path does not exist: {typo}; nothing was run"
    ]
    assert _files(data_dir) == before  # gold, silver, bronze, the input list: byte-identical
    assert time.monotonic() - started < 30  # refused before Prefect starts (a loose bound)


def test_a_rerun_with_nothing_to_do_changes_nothing_and_starts_no_prefect(
    mixed_run: CliRun, prefect_home: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(mixed_run.data_dir, data_dir)
    layers = {layer: _files(data_dir / layer) for layer in ("bronze", "silver", "gold")}
    done = run_cli(["run", "--data-dir", str(data_dir)], prefect_home, tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "published   unchanged: inputs and pipeline as for the published gold" in done.stdout
    assert "(nothing to do; Prefect not started)" in done.stdout
    assert "Prefect" not in done.stderr  # no API was started or named
    assert {layer: _files(data_dir / layer) for layer in layers} == layers
    summary = json.loads((data_dir / "reports" / "run_summary.json").read_text())
    assert summary["unchanged"] and summary["documents_read"] == 4


def test_documents_table(mixed_run: CliRun) -> None:
    documents = _read(mixed_run, "bronze", "documents").set_index("file_name")
    assert sorted(documents.index) == [
        "crt_mali_2021.txt",
        "latin1_report.txt",
        "mali_extremism_and_terrorism.txt",
        "prose_report.txt",
    ]
    sample = documents.loc["mali_extremism_and_terrorism.txt"]
    assert [Path(p).name for p in sample["duplicate_paths"]] == ["sample_copy_crlf.txt"]
    assert sample["title"] == "Mali: Extremism and Terrorism"
    assert sample["n_nonblank_lines"] == 316
    latin1 = documents.loc["latin1_report.txt"]
    assert latin1["encoding"] == "cp1252"
    assert "UTF-8" in latin1["decode_warning"]


def test_bronze_records_of_every_document(mixed_run: CliRun, sample_extract: BronzeExtract) -> None:
    documents = _read(mixed_run, "bronze", "documents").set_index("file_name")["doc_id"]
    bullets = _read(mixed_run, "bronze", "bullets")
    narratives = _read(mixed_run, "bronze", "narratives")
    per_doc = bullets.groupby("doc_id").size()
    assert per_doc[documents["mali_extremism_and_terrorism.txt"]] == 186
    assert per_doc[documents["crt_mali_2021.txt"]] == 3
    assert per_doc[documents["latin1_report.txt"]] == 1
    assert len(bullets) == 190
    crt = bullets[bullets["doc_id"] == documents["crt_mali_2021.txt"]]
    assert crt["date_text"].tolist() == ["January 2", "March 15", "October 3"]
    assert set(crt["section"]) == {"2021 Terrorist Incidents"}
    assert crt["line_end"].tolist() == [7, 8, 10]
    latin1 = bullets[bullets["doc_id"] == documents["latin1_report.txt"]].iloc[0]
    assert "Ménaka" in latin1["text"]
    per_doc = narratives.groupby("doc_id").size()
    assert per_doc[documents["mali_extremism_and_terrorism.txt"]] == len(sample_extract.narratives)
    assert per_doc[documents["crt_mali_2021.txt"]] == 2
    assert per_doc[documents["prose_report.txt"]] == 3


def test_silver_and_gold_conserve_records(mixed_run: CliRun) -> None:
    bronze_ids = set(_read(mixed_run, "bronze", "bullets")["record_id"]) | set(
        _read(mixed_run, "bronze", "narratives")["record_id"]
    )
    silver = _read(mixed_run, "silver", "records")
    quarantine = _read(mixed_run, "silver", "quarantine")
    told = set(silver["bronze_record_id"]) | set(quarantine["bronze_record_id"])
    assert told == bronze_ids
    assert silver["duplicate_of"].notna().sum() > 0
    events = pd.read_parquet(mixed_run.data_dir / "gold" / "events")
    is_event = silver["record_class"] == "event"
    assert sorted(i for ids in events["record_ids"] for i in ids) == sorted(
        silver.loc[is_event, "record_id"]
    )
    assert len(events) == silver.loc[is_event, "event_id"].nunique()


def test_parquet_types_are_declared(mixed_run: CliRun) -> None:
    quarantine = pq.read_schema(mixed_run.data_dir / "silver" / "quarantine.parquet")
    # The quarantine is empty here, yet its list column keeps its declared type.
    assert quarantine.field("reasons").type == pa.list_(pa.string())
    assert quarantine.metadata[b"eventline.schema_version"] == b"0.1.0"


def test_summary_json(mixed_run: CliRun) -> None:
    summary = json.loads((mixed_run.data_dir / "reports" / "run_summary.json").read_text())
    assert summary["documents_read"] == 4
    assert summary["lines"] == {"artifact": 24, "bullet": 205, "heading": 22, "narrative": 81}
    bronze = summary["bronze_bullets"] + summary["bronze_narratives"]
    assert summary["silver_bronze_records"] + summary["silver_quarantined_only"] == bronze
    events = summary["silver_records"] - summary["silver_context"] - summary["silver_duplicates"]
    assert summary["gold_events"] == events


def test_summary_json_has_seconds_and_memory_per_step(mixed_run: CliRun) -> None:
    summary = json.loads((mixed_run.data_dir / "reports" / "run_summary.json").read_text())
    parts = {
        "bronze extraction",
        "silver drafting",
        "silver deduplication",
        "actor resolution",
        "gold tables",
    }
    assert set(summary["steps"]) == parts
    assert set(summary["timings"]) == {"bronze", "silver", "gold", "quality", "publish", "report"}
    assert set(summary["memory"]) == parts | set(summary["timings"])
    assert all(megabytes > 0 for megabytes in summary["memory"].values())
    manifest = (mixed_run.data_dir / "gold" / "_manifest.json").read_text()
    assert '"memory"' not in manifest and '"steps"' not in manifest  # manifests stay stable


def test_a_run_without_a_terminal_shows_no_progress(mixed_run: CliRun) -> None:
    assert "bronze extraction" not in mixed_run.stderr
    assert "\u2501" not in mixed_run.stderr  # the bar's character
    assert "\x1b[" not in mixed_run.stderr  # no terminal control sequences


RUN_OPTIONS = (
    "INPUT",
    "--replace",
    "--from",
    "--rebuild",
    "--known-until",
    "--allow-removals",
    "--max-bytes",
    "--workers",
    "--task-runner",
    "--data-dir",
    "--log-file",
    "--quiet",
    "--no-wait",
    "--lock-timeout",
    "PREFECT_API_URL",
    "exit status",
    "inputs.json",
)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--help"], ("run", "remove", "inputs", "validate", "serve", "--version")),
        (["run", "--help"], RUN_OPTIONS),
        (["remove", "--help"], ("INPUT", "--allow-removals", "exit status")),
        (["validate", "--help"], ("--data-dir", "--log-file", "--quiet", "Exit status 0")),
    ],
    ids=["eventline", "run", "remove", "validate"],
)
def test_help_explains_every_option(
    args: list[str], expected: tuple[str, ...], tmp_path: Path
) -> None:
    done = run_cli(args, tmp_path, tmp_path)
    assert done.returncode == 0
    for option in expected:
        assert option in done.stdout, option


def test_version(tmp_path: Path) -> None:
    from importlib.metadata import version

    done = run_cli(["--version"], tmp_path, tmp_path)
    assert done.returncode == 0
    assert done.stdout.strip() == f"eventline {version('eventline')}"
