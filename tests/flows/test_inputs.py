"""The input model of a data folder: a registered list that runs add to, replace or trim."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.inputs import (
    InputError,
    discover,
    hash_file,
    is_under,
    plan_inputs,
    read_registry,
    write_registry,
)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "mali.txt").write_text("Mali report\n")
    (folder / "niger.txt").write_text("Niger report\n")
    (folder / ".hidden.txt").write_text("skipped\n")
    return folder


def test_a_new_report_is_added_to_the_registered_ones(archive: Path, tmp_path: Path) -> None:
    new = tmp_path / "chad.txt"
    new.write_text("Chad report\n")
    chosen = plan_inputs([str(archive)], [str(new)])
    assert chosen.inputs == [str(archive), str(new)]
    assert chosen.removed == []


def test_no_input_reruns_the_registered_list_or_the_default(archive: Path) -> None:
    assert plan_inputs([str(archive)], []).inputs == [str(archive)]
    assert plan_inputs(None, [], default=str(archive)).inputs == [str(archive)]


def test_a_mistyped_path_is_refused_before_anything_runs(archive: Path) -> None:
    with pytest.raises(InputError, match=r"input path does not exist: .*typo\.txt"):
        plan_inputs([str(archive)], [str(archive.parent / "typo.txt")])


def test_replace_and_remove_say_what_leaves(archive: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("x\n")
    replaced = plan_inputs([str(archive)], [str(other)], replace=True)
    assert (replaced.inputs, replaced.removed) == ([str(other)], [str(archive)])
    trimmed = plan_inputs([str(archive), str(other)], [], remove=[str(other)])
    assert (trimmed.inputs, trimmed.removed) == ([str(archive)], [str(other)])
    with pytest.raises(InputError, match="not a registered input"):
        plan_inputs([str(archive)], [], remove=[str(other)])


def test_registry_round_trip(tmp_path: Path) -> None:
    assert read_registry(tmp_path) is None
    write_registry(tmp_path, ["/a", "/b"])
    assert read_registry(tmp_path) == ["/a", "/b"]


def test_folders_are_walked_and_hidden_files_skipped(archive: Path) -> None:
    files, missing = discover([str(archive), str(archive / "gone.txt")])
    assert [path.name for path in files] == ["mali.txt", "niger.txt"]
    assert missing == [archive / "gone.txt"]


def test_a_file_over_the_limit_is_not_read(archive: Path) -> None:
    big = archive / "mali.txt"  # 12 bytes
    assert hash_file(big, max_bytes=12).sha256 is not None
    refused = hash_file(big, max_bytes=11)
    assert refused.sha256 is None
    assert refused.problem is not None and "12 bytes, over the limit of 11" in refused.problem


def test_is_under() -> None:
    assert is_under("/data/raw/a.txt", ["/data/raw"])
    assert is_under("/data/raw/a.txt", ["/data/raw/a.txt"])
    assert not is_under("/data/rawer/a.txt", ["/data/raw"])
