"""Time bronze extraction and silver drafting per document, optionally under cProfile.

The scale target is 1,000 reports of ~117 KB raw → gold in under a minute on two cores,
i.e. about 0.1 s of CPU per document; this measures where one document's time goes.
Each repetition processes the sample under a fresh doc_id, so caches keyed on the text
behave as they would for distinct documents with shared boilerplate. Times are CPU seconds
of this process (``time.process_time``), so that other work on a shared machine inflates
them less than wall-clock times.

Usage: ``.venv/bin/python bench/profile_document.py [-n 10] [--profile] [--file PATH]``;
``--corpus DIR`` instead takes every report of a folder once through bronze, silver drafting
and actor resolution, in one process (so each country's place index is built once, as in a
worker), and prints each stage's CPU seconds for the whole folder and per MB (with
``--profile``, under cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventline.bronze.decoder import DecodedDocument, decode_document  # noqa: E402
from eventline.bronze.extractor import BronzeExtract, extract_bronze  # noqa: E402
from eventline.gold.actors import (  # noqa: E402
    Line,
    Telling,
    default_catalog,
    document_tellings,
    resolve_document,
)
from eventline.silver.builder import (  # noqa: E402
    SilverDraft,
    document_countries,
    draft_silver,
)
from eventline.silver.dedup_links import find_duplicates  # noqa: E402
from eventline.silver.deduplication import deduplicate  # noqa: E402
from eventline.silver.event_types import default_classifier  # noqa: E402
from eventline.silver.places import default_gazetteer  # noqa: E402

SAMPLE = ROOT / "data" / "raw" / "mali_extremism_and_terrorism.txt"
KNOWN_UNTIL = date(2025, 6, 1)


def _bronze(doc_id: str, text: str) -> BronzeExtract:
    return extract_bronze(doc_id, text)


def _draft(doc_id: str, extract: BronzeExtract) -> SilverDraft:
    gazetteer = default_gazetteer()
    countries = document_countries([{"doc_id": doc_id, "title": extract.title}], gazetteer)
    return draft_silver(
        extract.bullets,
        extract.narratives,
        countries,
        KNOWN_UNTIL,
        gazetteer,
        default_classifier(),
    )


def _dedup(draft: SilverDraft) -> None:
    find_duplicates(draft.records)


def _actors(extract: BronzeExtract) -> None:
    """The document's actors as the pipeline resolves them: all records at once, with the
    document's lines (paragraphs, acronyms it defines) and the report's country."""
    tellings = [
        Telling(row["record_id"], row["text"], "Mali", row["line_start"])
        for row in [*extract.bullets, *extract.narratives]
    ]
    lines = [Line(int(row["line_no"]), str(row["text"])) for row in extract.lines]
    resolve_document(tellings, lines, default_catalog())


def run(text: str, repetitions: int) -> dict[str, list[float]]:
    """Seconds per stage for each repetition."""
    timings: dict[str, list[float]] = {"bronze": [], "draft_silver": [], "actors": [], "dedup": []}
    for rep in range(repetitions):
        doc_id = f"doc_{rep:016x}"
        t0 = time.process_time()
        extract = _bronze(doc_id, text)
        t1 = time.process_time()
        draft = _draft(doc_id, extract)
        t2 = time.process_time()
        _actors(extract)
        t3 = time.process_time()
        _dedup(draft)
        t4 = time.process_time()
        timings["bronze"].append(t1 - t0)
        timings["draft_silver"].append(t2 - t1)
        timings["actors"].append(t3 - t2)
        timings["dedup"].append(t4 - t3)
    return timings


def _corpus_actors(extract: BronzeExtract, draft: SilverDraft) -> None:
    """The document's actors as gold resolves them: its silver event records as tellings."""
    events = [row for row in draft.records if row.get("record_class") == "event"]
    lines = [Line(int(row["line_no"]), str(row["text"])) for row in extract.lines]
    for tellings in document_tellings(events).values():
        resolve_document(tellings, lines, default_catalog())


def run_corpus(folder: Path, quiet: bool = False) -> None:
    """Bronze, silver drafting and actor resolution of every report of ``folder``, CPU
    seconds in total and per MB."""
    paths = sorted(folder.glob("*.txt"))
    size = 0.0
    stages = {"bronze": 0.0, "draft_silver": 0.0, "actors": 0.0}
    for index, path in enumerate(paths):
        raw = path.read_bytes()
        decoded = decode_document(raw)
        if not isinstance(decoded, DecodedDocument):
            continue
        size += len(raw)
        doc_id = f"doc_{index:016x}"
        t0 = time.process_time()
        extract = _bronze(doc_id, decoded.text)
        t1 = time.process_time()
        draft = _draft(doc_id, extract)
        t2 = time.process_time()
        _corpus_actors(extract, draft)
        t3 = time.process_time()
        for stage, seconds in zip(stages, (t1 - t0, t2 - t1, t3 - t2), strict=True):
            stages[stage] += seconds
    if quiet:
        return
    per = 1e6 / size if size else 0.0
    print(f"{folder}: {len(paths)} reports, {size / 1e6:.2f} MB")
    for stage, seconds in [*stages.items(), ("total", sum(stages.values()))]:
        print(f"  {stage:<13} {seconds:7.1f} s   {seconds * per:6.2f} s per MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--repetitions", type=int, default=10)
    parser.add_argument("--file", type=Path, default=SAMPLE)
    parser.add_argument("--profile", action="store_true", help="run under cProfile")
    parser.add_argument("--top", type=int, default=30, help="profile rows to print")
    parser.add_argument("--corpus", type=Path, help="draft every report of this folder once")
    parser.add_argument(
        "--warm",
        type=Path,
        help="with --corpus: first take this other folder through, untimed, so that the "
        "one-time costs of a worker (each country's place index) are not counted",
    )
    args = parser.parse_args()
    if args.corpus is not None:
        default_gazetteer()
        default_classifier()
        default_catalog()
        if args.warm is not None:
            run_corpus(args.warm, quiet=True)
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(run_corpus, args.corpus)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(args.top)
        else:
            run_corpus(args.corpus)
        return

    decoded = decode_document(args.file.read_bytes())
    assert isinstance(decoded, DecodedDocument)
    # Load the reference tables first: a one-off per process, not a per-document cost.
    default_gazetteer()
    default_classifier()
    default_catalog().matcher("ML")  # and the matcher of the report's country
    deduplicate([])

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        run(decoded.text, args.repetitions)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.top)
        return

    timings = run(decoded.text, args.repetitions)
    print(f"{args.file.name}: {len(decoded.text):,} chars, {args.repetitions} repetitions")
    total = [sum(parts) for parts in zip(*timings.values(), strict=True)]
    for stage, seconds in [*timings.items(), ("total", total)]:
        ms = [s * 1000 for s in seconds]
        print(
            f"  {stage:<13} mean {statistics.mean(ms):7.1f} ms   "
            f"median {statistics.median(ms):7.1f} ms   first {ms[0]:7.1f} ms"
        )


if __name__ == "__main__":
    main()
