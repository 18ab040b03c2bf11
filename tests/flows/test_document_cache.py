"""The per-document cache: keys that change with what could change a result."""

from __future__ import annotations

from pathlib import Path

from flows.document_cache import StepCache, step_key, tree_digest


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


def test_steps_keep_their_own_entries_and_prune_only_their_own(tmp_path: Path) -> None:
    bronze, silver = StepCache(tmp_path, "bronze"), StepCache(tmp_path, "silver")
    keys = [step_key("bronze", "a"), step_key("bronze", "b")]
    assert keys[0] != keys[1] and step_key("silver", "a") != keys[0]
    for key in keys:
        bronze.put(key, {"rows": key})
    silver.put(keys[0], "draft")
    assert bronze.get(keys[1]) == {"rows": keys[1]}
    assert bronze.prune({keys[0]}) == 1
    assert bronze.get(keys[1]) is None and silver.get(keys[0]) == "draft"
    assert StepCache(tmp_path, "bronze", enabled=False).get(keys[0]) is None
