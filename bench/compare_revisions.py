"""Compare two source trees of eventline: wall and CPU seconds of `eventline run`.

    git worktree add --detach /tmp/before <rev>; git worktree add --detach /tmp/after HEAD
    .venv/bin/python bench/compare_revisions.py /tmp/before /tmp/after --sizes 20 100 --reps 2

Both trees run with this checkout's interpreter (PYTHONPATH points at each tree), against
one Prefect server started here, on corpora from ``bench/make_corpus.py``: a cold run (fresh
data folder, empty cache), then one report edited and run again. Runs are interleaved so
that the machine's drift falls on both. CPU is that of the CLI and all its workers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make_corpus  # noqa: E402
from flows.local_server import start_local_server  # noqa: E402


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(tree: Path, corpus: Path, data: Path, env: dict[str, str]) -> dict:
    command = [sys.executable, "-m", "eventline.cli", "run", str(corpus), "--data-dir", str(data)]
    command += ["--known-until", "2060-01-01"]
    cpu, started = _cpu(), time.perf_counter()
    done = subprocess.run(
        command, cwd=tree, env={**env, "PYTHONPATH": str(tree)}, capture_output=True, text=True
    )
    wall, cpu = time.perf_counter() - started, _cpu() - cpu
    if done.returncode != 0:
        raise RuntimeError(f"{tree}: exit {done.returncode}: {done.stderr[-2000:]}")
    summary = json.loads((data / "reports" / "run_summary.json").read_text())
    return {"wall": round(wall, 1), "cpu": round(cpu, 1), "steps": summary["timings"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs=2, type=Path, metavar="TREE")
    parser.add_argument("--sizes", nargs="+", type=int, default=[20, 100])
    parser.add_argument("--reps", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="eventline-compare-"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    os.environ["PREFECT_HOME"] = str(work / ".prefect")
    server = start_local_server(port, work / "logs")
    env = {**os.environ, "PREFECT_API_URL": server.api_url}
    try:
        for size in args.sizes:
            make_corpus(work / f"corpus{size}", size)
            for rep in range(args.reps):
                for tree in args.trees:
                    corpus, data = work / "corpus", work / "data"
                    shutil.rmtree(corpus, ignore_errors=True)
                    shutil.rmtree(data, ignore_errors=True)
                    shutil.copytree(work / f"corpus{size}", corpus)
                    cold = _run(tree, corpus, data, env)
                    first = sorted(corpus.iterdir())[0]
                    first.write_text(first.read_text() + "\nA late note on March 3, 2021.\n")
                    changed = _run(tree, corpus, data, env)
                    for phase, row in (("cold", cold), ("one changed", changed)):
                        print(
                            json.dumps(
                                {"tree": str(tree), "n": size, "rep": rep, "run": phase, **row}
                            )
                        )
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
