"""Benchmark eventline raw → gold on generated corpora, as ratios to a floor measured alongside.

    .venv/bin/python bench/run_bench.py                        # make bench: N = 100, 1000
    .venv/bin/python bench/run_bench.py --sizes 10000 --corpora realistic   # make bench-large
    .venv/bin/python bench/run_bench.py --sizes 100 --tree before=/tmp/before --tree after=.

Two corpora: *realistic* (``bench/realistic_corpus.py``: reports of several countries and
formats that share some events) and *adversarial* (``bench/make_corpus.py``: near-copies of
the bundled sample, the worst case for deduplication). For each corpus and N: a cold run
(fresh data folder, empty cache), a re-run with nothing changed, one with one report
changed, one with ten more changed. Each run is a fresh ``eventline run`` process against a
local Prefect server started here once; Prefect's temporary API (what a run without a server
pays) is measured apart. With several ``--tree``, every case runs once per source tree,
interleaved, so that the machine's drift falls on all of them.

Every wall time is also a ratio to the *floor* (``bench/floor.py``: one compiled regular
expression over the same files read from disk, in a fresh process), measured for each
corpus in the same run. Writes ``bench/results/<label>.json`` and ``<label>.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.floor import measure_floor  # noqa: E402
from bench.make_corpus import make_corpus  # noqa: E402
from bench.measure import KNOWN_UNTIL, machine, run_cli  # noqa: E402
from bench.realistic_corpus import make_realistic_corpus  # noqa: E402
from bench.startup import measure_startup  # noqa: E402
from flows.local_server import start_local_server  # noqa: E402

CASES = ("cold", "no change", "one changed", "ten changed")
STAGES = ("plan", "bronze", "silver", "gold", "quality", "publish", "report")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def changed_indices(n: int, case: str) -> list[int]:
    """The reports a case edits: one in the middle, then ten more spread over the corpus."""
    if case == "one changed":
        return [n // 2]
    if case == "ten changed":
        return sorted({(n // 2 + 1 + i * max(1, n // 10)) % n for i in range(10)} - {n // 2})
    return []


def prepare(kind: str, directory: Path, n: int, case: str, edited: set[int]) -> list[Path]:
    """Bring *directory* to the state of *case* (edits accumulate over the cases)."""
    edited.update(changed_indices(n, case))
    if kind == "realistic":
        return make_realistic_corpus(directory, n, revisions={i: 1 for i in edited})
    paths = make_corpus(directory, n)
    for index in sorted(edited):  # the near-copies: one figure stated loosely
        text = paths[index].read_text(encoding="utf-8")
        paths[index].write_text(text.replace("killing", "killing at least", 1), encoding="utf-8")
    return paths


def row(kind: str, case: str, n: int, size_mb: float, tree: str, floor: float, run: dict) -> dict:
    summary = run["summary"]
    wall = run["wall_s"]
    return {
        "corpus": kind,
        "case": case,
        "documents": n,
        "megabytes": round(size_mb, 1),
        "tree": tree,
        "wall_s": wall,
        "floor_s": floor,
        "ratio": round(wall / floor, 1) if floor else None,
        "cpu_s": run["cpu_s"],
        "flow_s": summary.get("seconds"),
        "docs_per_s": round(n / wall, 1),
        "mb_per_s": round(size_mb / wall, 2),
        "peak_rss_mb": run["peak_rss_mb"],
        "stages_s": summary.get("timings", {}),
        "parts_s": summary.get("steps", {}),
        "stage_peak_mb": summary.get("memory", {}),
        "unchanged": summary.get("unchanged", False),
        "from_cache": summary.get("documents_from_cache", 0),
        "gold_events": summary.get("gold_events"),
        "silver_records": summary.get("silver_records"),
    }


def _stage(stages: dict[str, float], name: str) -> str:
    value = stages.get(name)
    return "-" if value is None else f"{value:.1f}"


def table(rows: list[dict]) -> str:
    head = (
        "| corpus | case | docs | MB | tree | wall s | × floor | CPU s | docs/s | MB/s | peak MB "
        "| start-up s | " + " | ".join(f"{s} s" for s in STAGES) + " |"
    )
    lines = [head, "|" + "---|" * (12 + len(STAGES))]
    for r in rows:
        stages = r["stages_s"]
        startup = r["wall_s"] - (r["flow_s"] or 0)
        lines.append(
            f"| {r['corpus']} | {r['case']} | {r['documents']} | {r['megabytes']} | {r['tree']} "
            f"| {r['wall_s']:.1f} | {r['ratio']} | {r['cpu_s']:.1f} | {r['docs_per_s']} "
            f"| {r['mb_per_s']} | {r['peak_rss_mb']:.0f} | {startup:.1f} | "
            + " | ".join(_stage(stages, s) for s in STAGES)
            + " |"
        )
    return "\n".join(lines)


PARTS = (
    "bronze extraction",
    "silver drafting",
    "silver deduplication",
    "actor resolution",
    "gold tables",
)


def parts_table(rows: list[dict]) -> str:
    """Seconds of the per-document stages and of deduplication, and the flow's peak MB."""
    lines = [
        "| corpus | case | docs | tree | "
        + " | ".join(f"{p} s" for p in PARTS)
        + " | flow peak MB |",
        "|" + "---|" * (5 + len(PARTS)),
    ]
    for r in rows:
        peak = max(r["stage_peak_mb"].values(), default=0)
        lines.append(
            f"| {r['corpus']} | {r['case']} | {r['documents']} | {r['tree']} | "
            + " | ".join(_stage(r["parts_s"], p) for p in PARTS)
            + f" | {peak:.0f} |"
        )
    return "\n".join(lines)


def _arguments(corpus: Path, data_dir: Path) -> list[str]:
    return ["run", str(corpus), "--data-dir", str(data_dir), "--known-until", KNOWN_UNTIL]


def bench_corpus(
    kind: str,
    n: int,
    trees: dict[str, Path],
    workdir: Path,
    env: dict[str, str],
    server_pid: int,
    emit: Callable[[dict], None],
    cases: tuple[str, ...] = CASES,
) -> dict[str, Any]:
    """Every case for one corpus and size, each tree in turn; returns the floors measured."""
    edited: dict[str, set[int]] = {name: set() for name in trees}
    floors: list[float] = []
    for case in ("cold", *(c for c in cases if c != "cold")):  # re-runs need a cold run first
        for name, tree in trees.items():
            corpus = workdir / f"{kind}-{n}-{name}" / "corpus"
            data_dir = workdir / f"{kind}-{n}-{name}" / "data"
            if case == "cold":
                shutil.rmtree(corpus.parent, ignore_errors=True)
            paths = prepare(kind, corpus, n, case, edited[name])
            size_mb = sum(p.stat().st_size for p in paths) / 1e6
            if case == "cold" and not floors:
                floors.append(measure_floor(corpus)["seconds"])
            run = run_cli(tree, _arguments(corpus, data_dir), data_dir, env, server_pid)
            emit(row(kind, case, n, size_mb, name, floors[0], run))
    floors.append(measure_floor(workdir / f"{kind}-{n}-{next(iter(trees))}" / "corpus")["seconds"])
    return {"corpus": kind, "documents": n, "floor_s": floors}


def _trees(values: list[str]) -> dict[str, Path]:
    trees = {}
    for value in values or ["this=."]:
        name, _, path = value.partition("=")
        trees[name] = Path(path or ".").resolve()
    return trees


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument(
        "--corpora", nargs="+", default=["realistic", "adversarial"],
        choices=["realistic", "adversarial"],
    )  # fmt: skip
    parser.add_argument(
        "--tree", action="append", default=[], metavar="NAME=PATH",
        help="a source tree to run (repeatable; default: this checkout)",
    )  # fmt: skip
    parser.add_argument(
        "--cases", nargs="+", default=list(CASES), choices=CASES,
        help="the re-runs to measure after the cold run (default: all)",
    )  # fmt: skip
    parser.add_argument("--label", default="latest", help="results file name")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up cases")
    args = parser.parse_args()
    trees = _trees(args.tree)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="eventline-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PREFECT_HOME": str(workdir / "prefect")}
    env.pop("PREFECT_API_URL", None)
    os.environ["PREFECT_HOME"] = env["PREFECT_HOME"]
    result: dict[str, Any] = {"machine": machine(), "trees": {k: str(v) for k, v in trees.items()}}
    rows: list[dict] = []

    def emit(item: dict) -> None:
        rows.append(item)
        print(table([item]).splitlines()[-1], flush=True)

    started = time.monotonic()
    server_started = time.monotonic()
    server = start_local_server(_free_port(), workdir / "logs")
    result["server_start_s"] = round(time.monotonic() - server_started, 1)
    env["PREFECT_API_URL"] = server.api_url
    print(table([]), flush=True)
    floors = []
    try:
        for kind in args.corpora:
            for n in args.sizes:
                floors.append(
                    bench_corpus(
                        kind, n, trees, workdir, env, server.process.pid, emit, tuple(args.cases)
                    )
                )
        if not args.no_startup:
            first_tree = next(iter(trees.values()))
            result["startup"] = measure_startup(first_tree, workdir, server.api_url)
    finally:
        server.stop()
    result.update(floors=floors, runs=rows, seconds=round(time.monotonic() - started))
    result["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    write_results(result, args.out, args.label)


def write_results(result: dict, out: Path, label: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{label}.json").write_text(json.dumps(result, indent=2) + "\n")
    m = result["machine"]
    lines = [
        f"Measured {m['date']} on {m['cpu']} ({m['cores']} cores, {m['memory_gb']} GB), "
        f"Python {m['python']}, load average {m['load_average']} at the start and "
        f"{m.get('load_average_end')} at the end; trees {result['trees']}.",
        "",
        table(result["runs"]),
        "",
        parts_table(result["runs"]),
        "",
        "Floors (s, at the start and at the end of each corpus's cases): "
        + "; ".join(f"{f['corpus']} {f['documents']}: {f['floor_s']}" for f in result["floors"]),
    ]
    if "startup" in result:
        lines += ["", "Prefect start-up (the no-change run of a small data folder):", ""]
        lines += [f"* {name}: {value}" for name, value in result["startup"].items()]
    (out / f"{label}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
