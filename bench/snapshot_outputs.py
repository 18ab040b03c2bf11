"""Dump every bronze row and silver table of a fixed corpus to canonical JSON.

Performance work must not change a single output. This script is the safety net: take a
snapshot before optimising, then after each change, and compare the files byte for byte
(``cmp``). Besides the whole-pipeline outputs it records what the per-text helpers
(casualties, dates, sentences, places, event types, actor mentions with roles, folding) return
for every line, paragraph and sentence of the corpus, so a behaviour change shows up even where
the pipeline hides it. The helpers are the shared tools of ``eventline/text`` and their users.

Usage: ``.venv/bin/python bench/snapshot_outputs.py OUT.json``
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventline.bronze.decoder import DecodedDocument, decode_document  # noqa: E402
from eventline.bronze.extractor import extract_bronze  # noqa: E402
from eventline.gold.actors import default_catalog  # noqa: E402
from eventline.silver.builder import build_silver_tables  # noqa: E402
from eventline.silver.casualties import parse_casualties  # noqa: E402
from eventline.silver.event_types import default_classifier  # noqa: E402
from eventline.silver.event_types import split_sentences as classifier_sentences  # noqa: E402
from eventline.silver.places import default_gazetteer  # noqa: E402
from eventline.text.date_expressions import (  # noqa: E402
    find_date_expressions,
    leading_date_expression,
)
from eventline.text.fold import fold_key  # noqa: E402
from eventline.text.sentences import split_sentences  # noqa: E402

SAMPLE = ROOT / "data" / "raw" / "mali_extremism_and_terrorism.txt"
FIXTURES = ROOT / "tests" / "fixtures"
KNOWN_UNTIL = date(2025, 6, 1)

_NUMBER_WORDS = tuple(
    [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ]
)


def _jsonable(value: Any) -> Any:
    """Canonical JSON for the types the pipeline produces (numpy, dates, dataclasses)."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, datetime | date | pd.Timestamp):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"__type__": type(value).__name__, **dataclasses.asdict(value)}
    if value is pd.NaT:
        return "NaT"
    if isinstance(value, set | frozenset):  # in an order that does not depend on the hash seed
        return sorted(value, key=repr)
    return repr(value)


def _frame(frame: pd.DataFrame) -> dict[str, Any]:
    return {
        "columns": list(frame.columns),
        "dtypes": [str(t) for t in frame.dtypes],
        "rows": frame.astype(object).where(frame.notna(), None).to_dict(orient="records"),
    }


# --- variants of the sample ---------------------------------------------------------------


def _years_plus_one(text: str) -> str:
    return re.sub(r"\b(?:19|20)\d\d\b", lambda m: str(int(m.group()) + 1), text)


def _swap(text: str, pairs: list[tuple[str, str]]) -> str:
    mapping = {a: b for a, b in pairs} | {b: a for a, b in pairs}
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in mapping) + r")\b")
    return pattern.sub(lambda m: mapping[m.group()], text)


def _names_swapped(text: str) -> str:
    return _swap(
        text,
        [
            ("Mali", "Niger"),
            ("Gao", "Timbuktu"),
            ("Mopti", "Kidal"),
            ("JNIM", "ISGS"),
            ("killed", "wounded"),
            ("January", "July"),
            ("soldiers", "civilians"),
        ],
    )


def _paragraphs_reversed(text: str) -> str:
    return "\n\n".join(reversed(text.split("\n\n")))


def _numbers_respelled(text: str) -> str:
    """Digits 1-19 become words and number words become digits: the other spelling."""

    def swap(match: re.Match[str]) -> str:
        word = match.group()
        if word.isdigit():
            return _NUMBER_WORDS[int(word)]
        return str(_NUMBER_WORDS.index(word.lower()))

    words = "|".join(_NUMBER_WORDS[1:])
    return re.sub(rf"\b(?:1[0-9]|[1-9]|{words})\b(?![,.]\d)", swap, text)


def _sentences_rotated(text: str) -> str:
    """Each line's sentences rotated by one: other leads, other anchors."""
    out = []
    for line in text.split("\n"):
        parts = re.split(r"(?<=\.) (?=[A-Z])", line)
        out.append(" ".join(parts[1:] + parts[:1]) if len(parts) > 1 else line)
    return "\n".join(out)


def _abbreviations_dropped(text: str) -> str:
    return text.replace("U.S.", "US").replace("U.N.", "UN").replace("Sept.", "September")


VARIANTS: dict[str, Callable[[str], str]] = {
    "years_plus_one": _years_plus_one,
    "names_swapped": _names_swapped,
    "paragraphs_reversed": _paragraphs_reversed,
    "numbers_respelled": _numbers_respelled,
    "sentences_rotated": _sentences_rotated,
    "abbreviations_dropped": _abbreviations_dropped,
}


def corpus() -> dict[str, str]:
    """Name -> decoded text of every document the snapshot covers."""
    decoded = decode_document(SAMPLE.read_bytes())
    assert isinstance(decoded, DecodedDocument)
    docs = {"sample": decoded.text}
    for path in sorted(FIXTURES.glob("*.txt")):
        fixture = decode_document(path.read_bytes())
        assert isinstance(fixture, DecodedDocument)
        docs[f"fixture:{path.name}"] = fixture.text
    for name, transform in VARIANTS.items():
        docs[f"variant:{name}"] = transform(decoded.text)
    return docs


# --- the snapshot -------------------------------------------------------------------------


def _silver(docs: list[tuple[str, Any]]) -> dict[str, Any]:
    tables = build_silver_tables(
        [{"doc_id": doc_id, "title": extract.title} for doc_id, extract in docs],
        [row for _, extract in docs for row in extract.bullets],
        [row for _, extract in docs for row in extract.narratives],
        KNOWN_UNTIL,
        default_gazetteer(),
        default_classifier(),
    )
    return {
        "records": _frame(tables.records),
        "quarantine": _frame(tables.quarantine),
        "candidates": _frame(tables.candidates),
        "unknown_places": _frame(tables.unknown_places),
        "merges": tables.merges,
    }


def _helpers(texts: list[str]) -> dict[str, Any]:
    """What every per-text helper returns for each distinct text."""
    gazetteer = default_gazetteer()
    classifier = default_classifier()
    catalog = default_catalog()
    out: dict[str, Any] = {}
    for text in texts:
        mentions, unresolved = catalog.resolve(text)
        out[text] = {
            "fold": fold_key(text),
            "lead_sentences": [s.text for s in split_sentences(text, within_quotes=True)],
            "actors": mentions,
            "unresolved_actors": unresolved,
            "casualties": parse_casualties(text),
            "dates": find_date_expressions(text),
            "leading": leading_date_expression(text),
            "classifier_sentences": classifier_sentences(text),
            "event": classifier.classify(text),
            "place": gazetteer.resolve(text, default_country="Mali"),
            "place_no_country": gazetteer.resolve(text),
        }
    return out


def snapshot() -> dict[str, Any]:
    docs = corpus()
    extracts = []
    result: dict[str, Any] = {"documents": {}}
    texts: set[str] = set()
    for index, (name, text) in enumerate(docs.items()):
        doc_id = f"doc_{index:016x}"
        extract = extract_bronze(doc_id, text)
        extracts.append((doc_id, extract))
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        result["documents"][name] = {
            "doc_id": doc_id,
            "bronze": dataclasses.asdict(extract),
            "silver": _silver([(doc_id, extract)]),
            "sentences": {p: split_sentences(p) for p in paragraphs},
        }
        texts.update(line for line in text.split("\n") if line.strip())
        texts.update(paragraphs)
        for p in paragraphs:
            texts.update(s.text for s in split_sentences(p))
        texts.update(row["text"] for row in [*extract.bullets, *extract.narratives])
    # Several documents at once: cross-document merges and candidates.
    result["corpus_silver"] = _silver(extracts)
    result["helpers"] = _helpers(sorted(texts))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    payload = json.dumps(snapshot(), default=_jsonable, sort_keys=True, indent=1)
    args.output.write_text(payload + "\n", encoding="utf-8")
    print(f"wrote {args.output} ({len(payload):,} bytes)")


if __name__ == "__main__":
    main()
