"""Property-based tests: random and mutated reports never crash decoding or bronze extraction,
and every non-blank input line is accounted for exactly once (the conservation law)."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventline.bronze.decoder import DecodedDocument, decode_document
from eventline.bronze.extractor import extract_bronze
from eventline.quality.conservation import check_line_accounting
from tests.paths import SAMPLE

_SAMPLE_LINES = SAMPLE.read_text(encoding="utf-8").split("\n")
_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _extract_and_check(data: bytes) -> None:
    decoded = decode_document(data)
    if not isinstance(decoded, DecodedDocument):
        assert decoded.reason  # a rejection always says why
        return
    extract = extract_bronze(decoded.doc_id, decoded.text)
    check_line_accounting(decoded.text, (row["line_no"] for row in extract.lines))
    for row in [*extract.bullets, *extract.narratives]:
        assert 1 <= row["line_start"] <= row["line_end"] <= decoded.text.count("\n") + 1


def _excerpt(seed: int, size: int) -> list[str]:
    start = random.Random(seed).randrange(0, max(1, len(_SAMPLE_LINES) - size))
    return _SAMPLE_LINES[start : start + size]


@_SETTINGS
@given(st.integers(0, 10_000), st.integers(1, 120))
def test_shuffled_lines(seed: int, size: int) -> None:
    lines = _excerpt(seed, size)
    random.Random(seed).shuffle(lines)
    _extract_and_check("\n".join(lines).encode("utf-8"))


@_SETTINGS
@given(st.integers(0, 10_000), st.integers(1, 120), st.lists(st.integers(0, 119), max_size=8))
def test_cut_pages(seed: int, size: int, cuts: list[int]) -> None:
    """Form feeds, running headers and page numbers inserted anywhere, lines cut mid-way."""
    lines = _excerpt(seed, size)
    for n, cut in enumerate(sorted(set(cuts), reverse=True)):
        if cut < len(lines):
            line = lines[cut]
            lines[cut : cut + 1] = [line[: len(line) // 2], "", "\fReport header", str(n), ""]
            lines.insert(cut + 5, line[len(line) // 2 :])
    _extract_and_check("\n".join(lines).encode("utf-8"))


@_SETTINGS
@given(st.binary(max_size=4000))
def test_random_bytes(data: bytes) -> None:
    _extract_and_check(data)


_PIECES = st.sampled_from(
    [
        "- ",
        "• ",
        "**",
        "[",
        "]",
        "(",
        ")",
        "](#)",
        "Source: ",
        "“",
        "”",
        '"',
        ". ",
        "\n",
        "\n\n",
        "\f",
        "On March 3, 2021, ",
        "2021-06-15",
        "15/06/2021",
        "99999999999999999999",
        "killed 12 ",
        "U.S. ",
        "7. ",
        "Gao",
        "\\",
        "#",
        "\t",
        " ",
    ]
)


@_SETTINGS
@given(st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=200))
def test_markup_soup(pieces: list[str]) -> None:
    """Deep nesting and unbalanced markup, huge numbers, odd dates, bare control marks."""
    _extract_and_check("".join(pieces).encode("utf-8"))


@settings(max_examples=5, deadline=None)
@given(st.integers(0, 10_000))
def test_very_long_line(seed: int) -> None:
    words = " ".join(_excerpt(seed, 400)).split()
    random.Random(seed).shuffle(words)
    _extract_and_check((" ".join(words) * 3).encode("utf-8"))
