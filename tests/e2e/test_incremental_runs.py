"""Incremental runs: nothing redone when nothing changed, one document redone alone."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from flows import pipeline
from flows.document_cache import tree_digest
from tests.paths import FIXTURES, SAMPLE, SAMPLE_KNOWN_UNTIL


def _run(inputs: Path, data_dir: Path, **options: object) -> dict:
    return pipeline.eventline_pipeline(
        inputs=[str(inputs)],
        data_dir=str(data_dir),
        known_until=SAMPLE_KNOWN_UNTIL.isoformat(),
        **options,
    )


def _gold_documents(data_dir: Path) -> set[str]:
    events = pd.read_parquet(data_dir / "gold" / "events")
    return {doc for ids in events["doc_ids"] for doc in ids}


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "mali.txt").write_bytes(SAMPLE.read_bytes())
    (folder / "crt.txt").write_bytes((FIXTURES / "crt_mali_2021.txt").read_bytes())
    return folder


def test_reruns_reuse_what_did_not_change(
    prefect_harness: None, inputs: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    first = _run(inputs, data_dir)
    assert (first["documents_read"], first["documents_from_cache"]) == (2, 0)
    assert not first["unchanged"]

    again = _run(inputs, data_dir)
    assert again["unchanged"]  # nothing extracted, nothing rebuilt, gold kept
    assert again["gold_events"] == first["gold_events"]

    crt = inputs / "crt.txt"
    crt.write_text(crt.read_text().replace("killing 33 soldiers", "killing 34 soldiers"))
    changed = _run(inputs, data_dir)
    assert not changed["unchanged"]
    assert (changed["documents_read"], changed["documents_from_cache"]) == (2, 1)

    crt.unlink()
    fewer = _run(inputs, data_dir)
    assert fewer["documents_read"] == 1 and fewer["documents_from_cache"] == 1
    assert len(_gold_documents(data_dir)) == 1  # the removed report left gold

    rebuilt = _run(inputs, data_dir, rebuild=True)
    assert rebuilt["documents_from_cache"] == 0
    assert rebuilt["gold_events"] == fewer["gold_events"]


def test_a_change_to_code_or_reference_data_changes_the_version(tmp_path: Path) -> None:
    package = tmp_path / "eventline"
    package.mkdir()
    (package / "parser.py").write_text("RULE = 1\n")
    (package / "places.csv").write_text("place_id,name\n")
    before = tree_digest([package])
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "parser.cpython-311.pyc").write_bytes(b"\0")
    (package / "notes.txt").write_text("not code")
    assert tree_digest([package]) == before
    (package / "places.csv").write_text("place_id,name\nml-gao,Gao\n")
    after_reference = tree_digest([package])
    assert after_reference != before
    (package / "parser.py").write_text("RULE = 2\n")
    assert tree_digest([package]) != after_reference
