"""Benchmark eventline raw → gold on generated corpora; write JSON and a Markdown table.

    .venv/bin/python bench/run_bench.py                 # N = 10, 100, 1000 + re-runs
    .venv/bin/python bench/run_bench.py --sizes 10 100  # quicker

Each run is a fresh ``eventline run`` process against a local Prefect server that this
script starts once (as the issue asks: embedded-mode start-up is measured separately).
Peak memory is the largest sum of resident memory over the CLI process and its children
(the worker processes), sampled every 0.1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make_corpus  # noqa: E402
from flows.local_server import start_local_server  # noqa: E402

KNOWN_UNTIL = "2060-01-01"  # the corpus is re-dated up to nine years and 3N days later


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _peak_rss(process: subprocess.Popen[bytes], peaks: list[int]) -> None:
    try:
        root = psutil.Process(process.pid)
    except psutil.NoSuchProcess:
        return
    while process.poll() is None:
        total = 0
        try:
            for member in [root, *root.children(recursive=True)]:
                try:
                    total += member.memory_info().rss
                except psutil.NoSuchProcess:
                    continue
        except psutil.NoSuchProcess:
            break
        peaks.append(total)
        time.sleep(0.1)


def run_cli(corpus: Path, data_dir: Path, env: dict[str, str]) -> dict:
    """One ``eventline run``: wall time, peak memory and the run's own summary."""
    command = [sys.executable, "-m", "eventline.cli", "run", str(corpus)]
    command += ["--data-dir", str(data_dir), "--known-until", KNOWN_UNTIL]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    peaks: list[int] = []
    sampler = threading.Thread(target=_peak_rss, args=(process, peaks), daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    sampler.join(timeout=1)
    if process.returncode != 0:
        raise RuntimeError(f"run failed ({process.returncode}): {stderr.decode()[-2000:]}")
    summary = json.loads((data_dir / "reports" / "run_summary.json").read_text())
    return {
        "wall_s": round(wall, 2),
        "peak_rss_mb": round(max(peaks, default=0) / 1e6, 1),
        "summary": summary,
        "stdout_tail": stdout.decode()[-1500:],
    }


def _row(label: str, n: int, size_mb: float, result: dict) -> dict:
    summary = result["summary"]
    flow_s = summary["seconds"]
    return {
        "case": label,
        "documents": n,
        "megabytes": round(size_mb, 1),
        "wall_s": result["wall_s"],
        "flow_s": flow_s,
        "docs_per_s": round(n / result["wall_s"], 1),
        "mb_per_s": round(size_mb / result["wall_s"], 2),
        "peak_rss_mb": result["peak_rss_mb"],
        "layers_s": summary.get("timings", {}),
        "unchanged": summary.get("unchanged", False),
        "from_cache": summary.get("documents_from_cache", 0),
        "gold_events": summary.get("gold_events"),
    }


def embedded_startup(workdir: Path) -> dict:
    """Seconds a process spends starting Prefect's embedded server, fresh and warm."""
    script = (
        "import time; t=time.perf_counter();\n"
        "from prefect import flow\n"
        "@flow\ndef noop(): return 1\n"
        "noop(); print(round(time.perf_counter()-t, 2))\n"
    )
    home = workdir / "embedded-prefect"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_SERVER_UI_ENABLED="false",
    )
    times = []
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return {"fresh_database_s": times[0], "warm_s": times[1]}


def _table(rows: list[dict]) -> str:
    lines = [
        "| case | docs | MB | wall s | docs/s | MB/s | peak MB | bronze s | silver s | gold s "
        "| quality s | publish+report s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        t = r["layers_s"]
        lines.append(
            f"| {r['case']} | {r['documents']} | {r['megabytes']} | {r['wall_s']} "
            f"| {r['docs_per_s']} | {r['mb_per_s']} | {r['peak_rss_mb']} "
            f"| {t.get('bronze', '-')} | {t.get('silver', '-')} | {t.get('gold', '-')} "
            f"| {t.get('quality', '-')} "
            f"| {round(t.get('publish', 0) + t.get('report', 0), 2) if t else '-'} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="eventline-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PREFECT_HOME": str(workdir / "prefect")}
    env.pop("PREFECT_API_URL", None)
    os.environ["PREFECT_HOME"] = env["PREFECT_HOME"]
    server = start_local_server(_free_port(), workdir / "logs")
    env["PREFECT_API_URL"] = server.api_url
    rows: list[dict] = []
    try:
        for n in args.sizes:
            corpus = workdir / f"corpus-{n}"
            paths = make_corpus(corpus, n)
            size_mb = sum(p.stat().st_size for p in paths) / 1e6
            data_dir = workdir / f"data-{n}"
            shutil.rmtree(data_dir, ignore_errors=True)
            rows.append(_row("cold", n, size_mb, run_cli(corpus, data_dir, env)))
            print(_table(rows[-1:]).splitlines()[-1], flush=True)
            if n == max(args.sizes):
                rows.append(_row("no change", n, size_mb, run_cli(corpus, data_dir, env)))
                print(_table(rows[-1:]).splitlines()[-1], flush=True)
                changed = paths[n // 2]
                changed.write_text(changed.read_text().replace("killing", "killing at least", 1))
                rows.append(_row("one changed", n, size_mb, run_cli(corpus, data_dir, env)))
                print(_table(rows[-1:]).splitlines()[-1], flush=True)
                make_corpus(corpus, n)  # restore
    finally:
        server.stop()
    startup = embedded_startup(workdir)
    result = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "prefect_api": "local server (prefect server start)",
        "embedded_startup_s": startup,
        "runs": rows,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(result, indent=2) + "\n")
    table = _table(rows)
    (args.out / "latest.md").write_text(
        table + f"\n\nEmbedded-mode start-up: {startup['fresh_database_s']} s on a fresh "
        f"database, {startup['warm_s']} s warm (not included above).\n"
    )
    print(table)
    print(f"embedded start-up: {startup}")


if __name__ == "__main__":
    main()
