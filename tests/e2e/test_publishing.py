"""Atomic publishing: readers see the old gold or the new gold, never a mixture or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows import publishing
from flows.publishing import publish, recover, staging_dir


def _gold(path: Path, content: str) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "events.txt").write_text(content)
    (path / ".gitkeep").touch()
    return path


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def test_first_publish_renames_the_staging_folder(tmp_path: Path) -> None:
    target = tmp_path / "gold"
    staging = staging_dir(target)
    (staging / "events.txt").write_text("new")
    publish(staging, target)
    assert (target / "events.txt").read_text() == "new"
    assert _siblings(target) == ["gold"]


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_publish_replaces_the_old_gold_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:
        monkeypatch.setattr(publishing, "_exchange", lambda a, b: False)
    target = _gold(tmp_path / "gold", "old")
    (target / "stale_table.txt").write_text("dropped by the new gold")
    staging = staging_dir(target)
    assert (staging / ".gitkeep").exists()
    (staging / "events.txt").write_text("new")
    publish(staging, target)
    assert sorted(p.name for p in target.iterdir()) == [".gitkeep", "events.txt"]
    assert (target / "events.txt").read_text() == "new"
    assert _siblings(target) == ["gold"]


def test_a_publish_cut_between_two_renames_is_repaired(tmp_path: Path) -> None:
    target = _gold(tmp_path / "gold", "old")
    target.rename(tmp_path / ".gold.previous")  # what a crash after the first rename leaves
    staging_dir(tmp_path / "gold")
    removed = recover(tmp_path / "gold")
    assert (target / "events.txt").read_text() == "old"
    assert len(removed) == 1
    assert _siblings(target) == ["gold"]
