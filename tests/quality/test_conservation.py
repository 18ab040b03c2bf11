from __future__ import annotations

import pytest

from eventline.quality.conservation import ConservationError, check_segment_conservation

SEGMENTS = [("a", "a"), ("a2", "a"), ("b", "b")]  # record "a" told two incidents


def test_one_bronze_record_may_become_several_segments() -> None:
    check_segment_conservation(["a", "b"], SEGMENTS, ["a", "b"], ["a2"])
    check_segment_conservation(["a", "b"], SEGMENTS, ["a2"], ["b"], merged_ids=["a"])


@pytest.mark.parametrize(
    ("bronze", "segments", "kept", "quarantined", "message"),
    [
        (["a", "b", "c"], SEGMENTS, ["a", "a2", "b"], [], "without a segment e.g. ['c']"),
        (["a"], SEGMENTS, ["a", "a2", "b"], [], "unknown parents e.g. ['b']"),
        (["a", "b"], SEGMENTS, ["a", "a2"], [], "lost e.g. ['b']"),
        (["a", "b"], SEGMENTS, ["a", "a2", "b"], ["b"], "doubled e.g. []"),
    ],
)
def test_broken_laws_are_reported(
    bronze: list[str],
    segments: list[tuple[str, str]],
    kept: list[str],
    quarantined: list[str],
    message: str,
) -> None:
    with pytest.raises(ConservationError, match=message.replace("[", r"\[").replace("]", r"\]")):
        check_segment_conservation(bronze, segments, kept, quarantined)
