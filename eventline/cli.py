"""``eventline`` command line: run the pipeline on report files or folders."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from flows import prefect_env

EXIT_OK = 0
EXIT_NOTHING_PROCESSED = 1
EXIT_FAILED = 3
EXIT_QUALITY_GATE = 4
DEFAULT_CRON = "0 6 * * *"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventline",
        description=(
            "Turn raw-text country reports on extremism and terrorism into validated "
            "Parquet datasets (bronze, silver, gold)."
        ),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser(
        "run",
        help="run the pipeline bronze → silver → gold on report files or folders",
        description=(
            "Run the pipeline on INPUT files or folders (folders are read recursively; "
            "hidden files are skipped). Files that are not readable text are listed as "
            "rejected with a reason and the other documents go on. Uses Prefect's embedded "
            "API with state under ./.prefect unless PREFECT_API_URL points at a server. "
            "Exit status: 0 when at least one document was processed, 1 when none could be, "
            "3 when the run itself failed, 4 when critical data-quality expectations failed "
            "(gold is then not published and the previous gold stays)."
        ),
    )
    run.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="report files or folders of reports (default: data/raw)",
    )
    run.add_argument(
        "--data-dir",
        default="data",
        metavar="DIR",
        help="where the layers are written: DIR/bronze, DIR/silver, DIR/gold, DIR/reports "
        "(default: data)",
    )
    run.add_argument(
        "--known-until",
        metavar="YYYY-MM-DD",
        type=_iso_date,
        default=None,
        help="the latest date the reports can know (default: today); records dated later "
        "are quarantined instead of guessed",
    )
    serve = commands.add_parser(
        "serve",
        help="run the pipeline on a schedule (a Prefect deployment served by this process)",
        description=(
            "Serve the pipeline as a Prefect deployment that runs on a schedule until stopped "
            "(Ctrl-C or SIGTERM). Prefect's embedded API cannot schedule, so when "
            "PREFECT_API_URL is unset a local Prefect server is started (state under "
            "./.prefect, log in ./.prefect/logs/prefect-server.log, UI at "
            "http://127.0.0.1:PORT) and stopped on exit. With PREFECT_API_URL set, the "
            "deployment is registered on that server instead."
        ),
    )
    serve.add_argument("inputs", nargs="*", metavar="INPUT", help="as for run (default: data/raw)")
    serve.add_argument("--data-dir", default="data", metavar="DIR", help="as for run")
    when = serve.add_mutually_exclusive_group()
    when.add_argument(
        "--cron",
        metavar="EXPR",
        help='cron schedule in UTC, e.g. "0 6 * * *" (default: daily at 06:00)',
    )
    when.add_argument(
        "--interval", type=float, metavar="SECONDS", help="run every SECONDS instead of cron"
    )
    serve.add_argument(
        "--name", default="eventline-scheduled", help="deployment name (default: %(default)s)"
    )
    serve.add_argument(
        "--port",
        type=int,
        default=4200,
        help="port of the local Prefect server started when PREFECT_API_URL is unset "
        "(default: %(default)s)",
    )
    for command in (run, serve):
        command.add_argument(
            "--workers",
            type=int,
            metavar="N",
            help="local processes for per-document work (default: one per CPU)",
        )
    run.add_argument(
        "--rebuild",
        action="store_true",
        help="ignore the per-document cache and the published gold's manifest; redo everything",
    )
    run.add_argument(
        "--task-runner",
        choices=["default", "dask"],
        default="default",
        help="where per-document batches run: this machine's processes (default) or Dask "
        "(needs the 'dask' extra: pip install -e '.[dask]')",
    )
    run.add_argument(
        "--dask-address",
        metavar="ADDRESS",
        help="scheduler of an existing Dask cluster, e.g. tcp://10.0.0.5:8786 "
        "(default with --task-runner dask: a local cluster of 2 workers)",
    )
    _export_parser(commands)
    return parser


def _export_parser(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser(
        "export",
        help="write the published gold as an ACLED or UCDP GED file",
        description=(
            "Write the published gold (DIR/gold) in the column layout and codes of ACLED's "
            "export or of the UCDP Georeferenced Event Dataset: one row per event, values "
            "eventline cannot know left empty. Column mappings: docs/exports.md. Without "
            "--out, CSV goes to standard output."
        ),
    )
    export.add_argument("--format", required=True, choices=["acled", "ucdp-ged"])
    export.add_argument(
        "--out", type=Path, metavar="FILE", help="FILE.csv or FILE.parquet (default: stdout, CSV)"
    )
    export.add_argument(
        "--data-dir", default="data", metavar="DIR", help="where the gold is (default: data)"
    )
    export.add_argument(
        "--inter-codes",
        choices=["labels", "numeric"],
        default="labels",
        help="ACLED inter1/inter2/interaction as labels, as ACLED's current export writes "
        "them (default), or as the numeric codes of older ACLED files",
    )


def _export(args: argparse.Namespace) -> int:
    from eventline.export.gold import GoldNotFound
    from eventline.export.run import export

    try:
        rows = export(Path(args.data_dir), args.format, args.out, args.inter_codes)
    except BrokenPipeError:  # `eventline export ... | head`: the reader has what it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (GoldNotFound, ValueError, OSError) as error:
        print(f"eventline: export failed: {error}", file=sys.stderr)
        return EXIT_FAILED
    where = args.out or "standard output"
    print(f"eventline: wrote {rows} events as {args.format} to {where}", file=sys.stderr)
    return EXIT_OK


def _iso_date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the process exit status."""
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return _serve(args)
    if args.command == "export":
        return _export(args)
    return _run(args)


def _serve(args: argparse.Namespace) -> int:
    print(f"eventline: {prefect_env.configure(Path.cwd())}", file=sys.stderr)
    from flows.local_server import ServerStartError, start_local_server

    server = None
    if not os.environ.get("PREFECT_API_URL"):
        log_dir = Path(os.environ["PREFECT_HOME"]) / "logs"
        print(
            f"eventline: the embedded API cannot schedule runs; starting a local Prefect "
            f"server on 127.0.0.1:{args.port} (log: {log_dir / 'prefect-server.log'})",
            file=sys.stderr,
        )
        try:
            server = start_local_server(args.port, log_dir)
        except ServerStartError as error:
            print(f"eventline: {error}", file=sys.stderr)
            return EXIT_FAILED
        os.environ["PREFECT_API_URL"] = server.api_url
        print(
            f"eventline: Prefect server at {server.api_url}; UI at http://127.0.0.1:{args.port}",
            file=sys.stderr,
        )
    # SIGTERM (systemd, docker stop, kill) must also stop the server we started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    from flows.pipeline import eventline_pipeline

    inputs = [str(Path(item)) for item in (args.inputs or ["data/raw"])]
    try:
        eventline_pipeline.serve(
            name=args.name,
            cron=None if args.interval else (args.cron or DEFAULT_CRON),
            interval=args.interval,
            parameters={
                "inputs": inputs,
                "data_dir": str(Path(args.data_dir)),
                "workers": args.workers,
            },
        )
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.stop()
            print("eventline: stopped the local Prefect server", file=sys.stderr)
        # Prefect's runner leaves worker threads behind that can hold the interpreter's
        # shutdown for minutes; everything worth keeping is written, so leave now.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(EXIT_OK)


def _run(args: argparse.Namespace) -> int:
    inputs = [str(Path(item)) for item in (args.inputs or ["data/raw"])]
    data_dir = Path(args.data_dir)
    print(f"eventline: {prefect_env.configure(Path.cwd())}", file=sys.stderr)

    started = time.monotonic()
    from eventline.report.summary import RunSummary

    # Prefect reads its settings at import.
    from flows.pipeline import QualityGateFailed, eventline_pipeline

    flow_to_run = eventline_pipeline
    if args.task_runner == "dask" or args.dask_address:
        try:
            from prefect_dask import DaskTaskRunner
        except ImportError:
            print(
                "eventline: --task-runner dask needs prefect-dask: pip install -e '.[dask]'",
                file=sys.stderr,
            )
            return EXIT_FAILED
        runner = (
            DaskTaskRunner(address=args.dask_address)
            if args.dask_address
            else DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1})
        )
        flow_to_run = eventline_pipeline.with_options(task_runner=runner)
    try:
        result = flow_to_run(
            inputs=inputs,
            data_dir=str(data_dir),
            known_until=args.known_until,
            workers=args.workers,
            rebuild=args.rebuild,
        )
    except QualityGateFailed as error:
        print(f"eventline: quality gate failed: {error}", file=sys.stderr)
        return EXIT_QUALITY_GATE
    except Exception as error:
        print(f"eventline: the run failed: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_FAILED
    summary = RunSummary(**result)
    print(summary.format())
    print(f"  wall time   {time.monotonic() - started:.1f} s, including Prefect start-up")
    if not summary.succeeded:
        print("eventline: no document could be processed", file=sys.stderr)
        return EXIT_NOTHING_PROCESSED
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
