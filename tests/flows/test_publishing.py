"""Publishing: readers see the old layers or the new ones, never a mixture or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows import publishing
from flows.inputs import read_registry
from flows.layers import read_manifest, seal
from flows.publishing import JOURNAL, commit, recover, staging_area, staging_dir, swap_in


def _layer(path: Path, content: str) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "table.txt").write_text(content)
    seal(path, {"layer": path.name, "fingerprint": content})
    return path


def _content(path: Path) -> str:
    return (path / "table.txt").read_text()


def _siblings(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir())


def test_first_publish_renames_the_staging_folder(tmp_path: Path) -> None:
    target = tmp_path / "gold"
    staging = staging_dir(target)
    (staging / "events.txt").write_text("new")
    swap_in(staging, target)
    assert (target / "events.txt").read_text() == "new"
    assert _siblings(tmp_path) == ["gold"]


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_a_swap_replaces_the_old_layer_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:
        monkeypatch.setattr(publishing, "_exchange", lambda a, b: False)
    target = _layer(tmp_path / "gold", "old")
    (target / ".gitkeep").touch()
    (target / "stale_table.txt").write_text("dropped by the new gold")
    staging = staging_dir(target)
    assert (staging / ".gitkeep").exists()
    (staging / "table.txt").write_text("new")
    swap_in(staging, target)
    assert sorted(p.name for p in target.iterdir()) == [".gitkeep", "table.txt"]
    assert _content(target) == "new"
    assert _siblings(tmp_path) == ["gold"]


def test_a_swap_cut_between_two_renames_is_repaired(tmp_path: Path) -> None:
    target = _layer(tmp_path / "gold", "old")
    target.rename(tmp_path / ".gold.previous")  # what a crash after the first rename leaves
    staging_dir(tmp_path / "gold")
    done = recover(tmp_path)
    assert _content(target) == "old"
    assert any("stale staging" in line for line in done)
    assert _siblings(tmp_path) == ["gold"]


def test_commit_makes_every_layer_current_and_registers_the_inputs(tmp_path: Path) -> None:
    for layer in ("bronze", "silver", "gold"):
        _layer(tmp_path / layer, "old")
    staged = {layer: _layer(staging_dir(tmp_path / layer), "new") for layer in ("silver", "gold")}
    commit(tmp_path, staged, {"silver": "new", "gold": "new"}, ["/in/a.txt"])
    assert [_content(tmp_path / layer) for layer in ("bronze", "silver", "gold")] == [
        "old",
        "new",
        "new",
    ]
    assert read_registry(tmp_path) == ["/in/a.txt"]
    assert _siblings(tmp_path) == ["bronze", "gold", "inputs.json", "silver"]


def test_a_commit_cut_off_between_layers_is_completed_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for layer in ("bronze", "silver", "gold"):
        _layer(tmp_path / layer, "old")
    staged = {layer: _layer(staging_dir(tmp_path / layer), "new") for layer in publishing.LAYERS}
    real = publishing.swap_in
    calls: list[str] = []

    def dies_after_bronze(staging: Path, target: Path) -> None:
        if calls:
            raise OSError("power cut")
        calls.append(target.name)
        real(staging, target)

    monkeypatch.setattr(publishing, "swap_in", dies_after_bronze)
    with pytest.raises(OSError, match="power cut"):
        commit(tmp_path, staged, dict.fromkeys(staged, "new"), ["/in/b.txt"])
    # Bronze is new, silver and gold old: out of step until the journal is replayed.
    assert (tmp_path / JOURNAL).exists()
    assert _content(tmp_path / "bronze") == "new" and _content(tmp_path / "gold") == "old"
    monkeypatch.setattr(publishing, "swap_in", real)
    done = recover(tmp_path)
    assert done[0] == "completed an interrupted publish of bronze, silver, gold"
    assert [_content(tmp_path / layer) for layer in ("bronze", "silver", "gold")] == ["new"] * 3
    assert read_registry(tmp_path) == ["/in/b.txt"]
    assert _siblings(tmp_path) == ["bronze", "gold", "inputs.json", "silver"]
    assert (read_manifest(tmp_path / "gold") or {})["fingerprint"] == "new"


def test_the_staging_area_leaves_nothing_behind(tmp_path: Path) -> None:
    _layer(tmp_path / "gold", "old")
    with pytest.raises(RuntimeError), staging_area(tmp_path) as staging:
        _layer(staging.folder("gold"), "new")
        raise RuntimeError("quality gate failed")
    assert _siblings(tmp_path) == ["gold"]
    assert _content(tmp_path / "gold") == "old"
