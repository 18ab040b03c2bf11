"""Perturbed copies of a scored corpus: does the coding survive what it was not tuned on?

The development corpus (``../shared/corpus``: ``docs/`` and ``truth/``) was read while the
rules were written. This script writes copies that change what a rule keyed to those
documents would depend on, with the truth rewritten to match, so that ``score.py`` scores
them as it scores the originals:

* ``encoding``: CRLF line ends, cp1252 bytes (UTF-8 with a BOM where cp1252 cannot), NBSP
  before units; lines unchanged;
* ``unwrap``: hard-wrapped paragraphs joined into one line each (documents written a unit
  a line are left as they are) (a digest or UN report
  exported without wrapping); truth lines renumbered;
* ``places``: every one-word place of the truth renamed to another populated place of the
  same country from the bundled gazetteer (not named in the document), in text and truth.

    .venv/bin/python bench/perturb_corpus.py ../shared/corpus /tmp/perturbed
    .venv/bin/eventline run /tmp/perturbed/places/docs --data-dir /tmp/p \
        --known-until 2026-12-01 --rebuild --quiet
    .venv/bin/python ../shared/corpus/score.py /tmp/p --truth-dir /tmp/perturbed/places/truth
"""

from __future__ import annotations

import argparse
import csv
import gzip
import random
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "schemas" / "reference" / "gazetteer"
Rows = list[dict[str, str]]
# A new unit of text starts at a numbered paragraph, a section number or a dateline.
_UNIT_START = re.compile(r"^(?:\d+\.\s|[IVX]+\.\s|[A-Z]\.\s|[A-ZÀ-Ý][A-ZÀ-Ý' ]+,\s)")
_ONE_WORD_PLACE = re.compile(r"[A-ZÀ-Ý][\w'’-]{3,}")


def _read_truth(path: Path) -> Rows:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write_truth(path: Path, rows: Rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def encoding(text: str, rows: Rows, rng: random.Random) -> tuple[bytes, Rows]:
    changed = text.replace(" km", "\u00a0km").replace("\n", "\r\n")
    try:
        return changed.encode("cp1252"), rows
    except UnicodeEncodeError:
        return changed.encode("utf-8-sig"), rows


def _hard_wrapped(text: str) -> bool:
    """Most lines end near one width: the text was wrapped, not written a unit a line."""
    widths = [len(line) for line in text.split("\n") if line.strip()]
    return bool(widths) and sum(w >= max(widths) - 15 for w in widths) >= 0.6 * len(widths)


def unwrap(text: str, rows: Rows, rng: random.Random) -> tuple[bytes, Rows]:
    if not _hard_wrapped(text):
        return text.encode("utf-8"), rows
    out: list[str] = []
    unit: list[str] = []
    new_line: dict[int, int] = {}
    for number, line in enumerate(text.split("\n"), 1):
        if (not line.strip() or _UNIT_START.match(line)) and unit:
            out.append(" ".join(unit))
            unit = []
        if not line.strip():
            out.append("")
            new_line[number] = len(out)
            continue
        unit.append(line.strip())
        new_line[number] = len(out) + 1
    if unit:
        out.append(" ".join(unit))

    def renumber(value: str) -> str:
        return re.sub(r"\d+", lambda m: str(new_line[int(m.group())]), value)

    moved = [
        {**r, "line": renumber(r["line"]), "duplicate_of": renumber(r["duplicate_of"])}
        for r in rows
    ]
    return "\n".join(out).encode("utf-8"), moved


def _towns(country: str) -> list[str]:
    with (GAZETTEER / "countries.csv").open(encoding="utf-8") as handle:
        codes = {r["name"]: r["iso2"] for r in csv.DictReader(handle)}
    path = GAZETTEER / "places" / f"{codes.get(country, '__')}.csv.gz"
    if not path.exists():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [
            r["name"]
            for r in csv.DictReader(handle)
            if r["feature_class"] == "P" and _ONE_WORD_PLACE.fullmatch(r["name"])
        ]


def places(text: str, rows: Rows, rng: random.Random) -> tuple[bytes, Rows]:
    pools: dict[str, list[str]] = {}
    renamed: dict[str, str] = {}
    for row in rows:
        for part in row["location"].split(";"):
            name = re.sub(r"\(.*", "", part).strip()
            if not _ONE_WORD_PLACE.fullmatch(name) or name in renamed:
                continue
            pool = pools.setdefault(row["country"], _towns(row["country"]))
            fresh = [t for t in pool if t not in text and t not in renamed.values()]
            if fresh:
                renamed[name] = rng.choice(fresh)
    for old, new in sorted(renamed.items(), key=lambda item: -len(item[0])):
        word = re.compile(rf"(?<![\w-]){re.escape(old)}(?!\w)")
        text = word.sub(new, text)
        rows = [{**r, "location": word.sub(new, r["location"])} for r in rows]
    return text.encode("utf-8"), rows


PERTURBATIONS: dict[str, Callable[[str, Rows, random.Random], tuple[bytes, Rows]]] = {
    "encoding": encoding,
    "unwrap": unwrap,
    "places": places,
}


def perturb(corpus: Path, out: Path, seed: int = 7) -> None:
    """Write ``out/<perturbation>/docs`` and ``.../truth`` for every document with truth."""
    for name, change in PERTURBATIONS.items():
        rng = random.Random(seed)
        docs, truth = out / name / "docs", out / name / "truth"
        docs.mkdir(parents=True, exist_ok=True)
        truth.mkdir(parents=True, exist_ok=True)
        for path in sorted((corpus / "truth").glob("*.truth.csv")):
            doc = path.name.removesuffix(".truth.csv")
            text = (corpus / "docs" / f"{doc}.txt").read_text(encoding="utf-8")
            data, rows = change(text, _read_truth(path), rng)
            (docs / f"{doc}.txt").write_bytes(data)
            _write_truth(truth / path.name, rows)
            shutil.copy(corpus / "truth" / f"{doc}.actors.csv", truth)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder with docs/ and truth/")
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not (args.corpus / "truth").is_dir():
        print(f"perturb_corpus: no truth/ under {args.corpus}", file=sys.stderr)
        return 2
    perturb(args.corpus, args.out, args.seed)
    print(f"wrote {', '.join(PERTURBATIONS)} under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
