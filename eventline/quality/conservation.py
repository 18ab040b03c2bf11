"""Conservation laws the pipeline asserts on every run: nothing is lost silently."""

from __future__ import annotations

from collections.abc import Iterable


class ConservationError(RuntimeError):
    """A record or line went missing between layers: always a bug, never bad input."""


def check_line_accounting(text: str, classified_line_numbers: Iterable[int]) -> None:
    """Every non-blank line of *text* is classified exactly once."""
    expected = [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    seen = sorted(classified_line_numbers)
    if seen != expected:
        missing = sorted(set(expected) - set(seen))[:5]
        extra = sorted(set(seen) - set(expected))[:5]
        raise ConservationError(
            f"line accounting broken: {len(expected)} non-blank lines, {len(seen)} classified"
            f" (unclassified e.g. {missing}, unexpected e.g. {extra})"
        )


def check_record_conservation(
    upstream_ids: Iterable[str],
    kept_ids: Iterable[str],
    quarantined_ids: Iterable[str],
    merged_ids: Iterable[str] = (),
) -> None:
    """Each upstream record ends in exactly one of: kept, quarantined, merged."""
    upstream = list(upstream_ids)
    outcomes = [*kept_ids, *quarantined_ids, *merged_ids]
    if sorted(upstream) != sorted(outcomes):
        lost = sorted(set(upstream) - set(outcomes))[:5]
        invented = sorted(set(outcomes) - set(upstream))[:5]
        raise ConservationError(
            f"record conservation broken: {len(upstream)} in, {len(outcomes)} out"
            f" (lost e.g. {lost}, unknown or doubled e.g. {invented})"
        )


def check_segment_conservation(
    bronze_ids: Iterable[str],
    segments: Iterable[tuple[str, str]],
    kept_ids: Iterable[str],
    quarantined_ids: Iterable[str],
    merged_ids: Iterable[str] = (),
) -> None:
    """Bronze to silver is one to many: every bronze record is the ``bronze_record_id`` of
    at least one segment (and no segment names another record), and each segment
    (``record_id``, ``bronze_record_id``) ends in exactly one of: kept, quarantined, merged."""
    bronze = set(bronze_ids)
    pairs = list(segments)
    parents = {parent for _, parent in pairs}
    if parents != bronze:
        lost = sorted(bronze - parents)[:5]
        unknown = sorted(parents - bronze)[:5]
        raise ConservationError(
            f"segment conservation broken: {len(bronze)} bronze records, {len(parents)} with"
            f" segments (without a segment e.g. {lost}, unknown parents e.g. {unknown})"
        )
    check_record_conservation(
        [segment_id for segment_id, _ in pairs], kept_ids, quarantined_ids, merged_ids
    )
