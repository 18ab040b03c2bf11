"""CPU of silver's assembly (validation, deduplication, frames) on a run's cached drafts.

Reads the newest silver draft of each document from a data folder's step cache
(``.cache/silver``, as a run left it) and the deduplication state kept there, then times
``assemble_silver_tables`` in one process, twice: with every document's rows checked here
("whole": what each run did before drafts carried their verdicts) and with the drafts'
verdicts reused but one document's ("one changed": its rows checked inside the timing, as
its drafting would). The two results must be equal, table by table. With a variant named,
it runs that one alone, once (a fresh process, no garbage of the other run).

    .venv/bin/python bench/silver_assembly.py DATA_DIR
    .venv/bin/python bench/silver_assembly.py DATA_DIR one changed
"""

from __future__ import annotations

import pickle
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script too

import pandas as pd

from eventline.silver.builder import SilverDraft, SilverTables, assemble_silver_tables
from eventline.silver.validation import rejected_rows
from flows.dedup_state import read_dedup_state

ROUNDS = 3


def cached_drafts(data_dir: Path) -> list[SilverDraft]:
    """The newest cached draft of each document, by doc id."""
    paths = sorted(
        (data_dir / ".cache" / "silver").rglob("*.pickle"), key=lambda p: p.stat().st_mtime
    )
    by_doc: dict[str, SilverDraft] = {}
    for path in paths:
        draft = pickle.loads(path.read_bytes())
        if draft.records:
            by_doc[draft.records[0]["doc_id"]] = draft
    return [by_doc[doc_id] for doc_id in sorted(by_doc)]


def main(data_dir: Path, only: str | None = None) -> None:
    drafts = [replace(draft, rejected=None) for draft in cached_drafts(data_dir)]
    states = sorted(
        (data_dir / ".cache" / "dedup-state").iterdir(), key=lambda p: p.stat().st_mtime
    )
    previous = read_dedup_state(states[-1])
    told = [row["bronze_record_id"] for draft in drafts for row in draft.records]
    held = [row["record_id"] for draft in drafts for row in draft.quarantine]
    bronze_ids = list(dict.fromkeys(told + held))
    print(f"{len(drafts)} documents, {len(told)} silver rows")
    checked = [replace(draft, rejected=rejected_rows(draft.records)) for draft in drafts[1:]]

    def one_changed() -> SilverTables:
        changed = replace(drafts[0], rejected=rejected_rows(drafts[0].records))
        return assemble_silver_tables([changed, *checked], bronze_ids, previous)

    def whole_check() -> SilverTables:
        return assemble_silver_tables(drafts, bronze_ids, previous)

    variants = {"whole check": whole_check, "one changed": one_changed}
    if only:  # one variant, once, in this fresh process
        start = time.process_time()
        variants[only]()
        print(f"{only}: {time.process_time() - start:.2f} s CPU")
        return
    seconds: dict[str, list[float]] = {name: [] for name in variants}
    results: dict[str, SilverTables] = {}
    for _ in range(ROUNDS):  # alternately, so that warming up and load favour neither
        for name, run in variants.items():
            start = time.process_time()
            results[name] = run()
            seconds[name].append(time.process_time() - start)
    for name, times in seconds.items():
        print(f"{name}: " + ", ".join(f"{t:.2f}" for t in times) + " s CPU")
    whole, one = results["whole check"].as_dict(), results["one changed"].as_dict()
    for name, frame in whole.items():
        pd.testing.assert_frame_equal(frame, one[name], check_exact=True)
    print("tables equal")


if __name__ == "__main__":
    main(Path(sys.argv[1]), " ".join(sys.argv[2:]) or None)
