"""Generate a corpus of N distinct reports by transforming the bundled sample.

Each report is re-dated (years shifted, full dates moved by days), has its figures varied, its
place names rotated and its narrative paragraphs reordered, so that no two documents
are duplicates of each other while every one keeps the sample's layout and artifacts.
Deterministic: the same N and seed give the same files.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw" / "mali_extremism_and_terrorism.txt"
# Towns of the sample that the gazetteer knows; rotated among themselves.
PLACES = ["Bamako", "Gao", "Timbuktu", "Kidal", "Mopti", "Ménaka", "Sévaré", "Tessalit"]
_YEAR = re.compile(r"\b(19[89]\d|20[0-2]\d)\b")
_FIGURE = re.compile(r"(?<![\d,.$])\b([1-9]\d?)\b(?![\d,])")
_PLACE = re.compile(r"\b(" + "|".join(PLACES) + r")\b")
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
_FULL_DATE = re.compile(r"\b(" + "|".join(_MONTHS) + r") (\d{1,2}), (\d{4})\b")


def _shift_days(match: re.Match[str], days: int) -> str:
    try:
        day = date(int(match.group(3)), _MONTHS.index(match.group(1)) + 1, int(match.group(2)))
    except ValueError:
        return match.group()  # an impossible date stays impossible
    moved = day + timedelta(days=days)
    return f"{_MONTHS[moved.month - 1]} {moved.day}, {moved.year}"


def transform(text: str, index: int, seed: int = 0) -> str:
    """The *index*-th variant of *text*."""
    rng = random.Random(seed * 100_003 + index)
    shift = index % 9 + 1
    text = _YEAR.sub(lambda m: str(int(m.group()) + shift), text)
    # Full dates also move by a few days per document, so that documents do not all tell
    # the same events on the same days (which would make them one event, merged).
    text = _FULL_DATE.sub(lambda m: _shift_days(m, 3 * index), text)
    bump = rng.randint(1, 5)
    text = _FIGURE.sub(lambda m: str(int(m.group()) + bump), text)
    rotation = index % len(PLACES)
    swap = {p: PLACES[(i + rotation) % len(PLACES)] for i, p in enumerate(PLACES)}
    text = _PLACE.sub(lambda m: swap[m.group()], text)
    blocks = text.split("\n\n")
    narrative = [i for i, block in enumerate(blocks) if not block.lstrip().startswith("-")]
    if len(narrative) > 4:
        # Reorder a window of narrative paragraphs; timelines keep their order.
        start = rng.randrange(0, len(narrative) - 3)
        window = narrative[start : start + 3]
        moved = [blocks[i] for i in window]
        rng.shuffle(moved)
        for i, block in zip(window, moved, strict=True):
            blocks[i] = block
    return "\n\n".join(blocks) + f"\n\nGenerated variant {index} of the bundled sample.\n"


def write_reports(directory: Path, count: int, text_of: Callable[[int], str]) -> list[Path]:
    """Write ``report_NNNNN.txt`` for each index into *directory* (created); a file whose text
    is unchanged is not rewritten, so re-runs see only the reports that changed."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = directory / f"report_{index:05d}.txt"
        text = text_of(index)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def make_corpus(directory: Path, count: int, seed: int = 0) -> list[Path]:
    """Write *count* variants into *directory* (created), return their paths."""
    text = SAMPLE.read_text(encoding="utf-8")
    return write_reports(directory, count, lambda index: transform(text, index, seed))


def corpus_main(make: Callable[[Path, int, int], list[Path]], description: str) -> None:
    """The command line of a corpus generator: DIRECTORY COUNT [--seed N]."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("directory", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = make(args.directory, args.count, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} reports, {size / 1e6:.1f} MB in {args.directory}")


if __name__ == "__main__":
    corpus_main(make_corpus, __doc__.splitlines()[0])
