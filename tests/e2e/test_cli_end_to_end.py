"""`eventline run` as users run it: a real subprocess, Prefect's embedded API, Parquet out."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventline.bronze.extractor import BronzeExtract
from tests.conftest import CliRun, run_cli


def _read(run: CliRun, layer: str, name: str) -> pd.DataFrame:
    return pd.read_parquet(run.data_dir / layer / f"{name}.parquet")


def test_run_succeeds_and_prints_a_summary(mixed_run: CliRun) -> None:
    assert mixed_run.returncode == 0, mixed_run.stderr[-3000:]
    assert "Traceback" not in mixed_run.stdout + mixed_run.stderr
    assert "4 read, 4 rejected, 1 duplicate copies merged" in mixed_run.stdout
    assert "332 non-blank" in mixed_run.stdout


def test_rejected_documents_have_reasons(mixed_run: CliRun) -> None:
    rejected = _read(mixed_run, "bronze", "rejected_documents").set_index("file_name")
    assert sorted(rejected.index) == ["blank.txt", "does-not-exist.txt", "empty.txt", "scan.pdf"]
    assert rejected.at["empty.txt", "reason"] == "empty file (0 bytes)"
    assert rejected.at["scan.pdf", "reason"].startswith("binary file")
    assert "white space" in rejected.at["blank.txt", "reason"]
    assert rejected.at["does-not-exist.txt", "reason"] == "input path does not exist"


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


def test_nothing_processable_exits_non_zero(
    tmp_path: Path, prefect_home: Path, mixed_run: CliRun
) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    done = run_cli(
        ["run", str(inputs), "--data-dir", str(tmp_path / "data")], prefect_home, tmp_path
    )
    assert done.returncode == 1
    assert "no document could be processed" in done.stderr
    assert "0 read, 1 rejected" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"]])
def test_help_explains_every_option(args: list[str], tmp_path: Path) -> None:
    done = run_cli(args, tmp_path, tmp_path)
    assert done.returncode == 0
    if args == ["run", "--help"]:
        for option in ("INPUT", "--data-dir", "PREFECT_API_URL", "Exit status"):
            assert option in done.stdout
    else:
        assert "run" in done.stdout
