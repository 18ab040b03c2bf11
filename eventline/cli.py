"""``eventline`` command line: build, check and schedule the layers of a data folder.

The parser lives here; the commands, which need Prefect, are imported only when run
(``flows/commands.py``), so ``--help`` and ``--version`` answer at once.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from eventline.documents import DEFAULT_MAX_BYTES

EXIT_OK = 0
EXIT_NOTHING_PROCESSED = 1
EXIT_USAGE = 2
EXIT_FAILED = 3
EXIT_QUALITY_GATE = 4
EXIT_REFUSED = 5
EXIT_BUSY = 6
DEFAULT_CRON = "0 6 * * *"

EXIT_STATUSES = f"""\
exit status:
  {EXIT_OK}    success (or nothing to do: inputs and pipeline unchanged)
  {EXIT_NOTHING_PROCESSED}    no document could be read: nothing published
  {EXIT_USAGE}    usage error, e.g. an input path that does not exist: nothing run
  {EXIT_FAILED}    the run failed (a bug, disk full, read-only folder...): nothing published
  {EXIT_QUALITY_GATE}    critical data-quality expectations failed: nothing published
  {EXIT_REFUSED}    publishing refused: published documents or events would be lost
       (the message lists them; --allow-removals publishes anyway)
  {EXIT_BUSY}    the data folder is in use by another run (--no-wait, --lock-timeout)
  130/143  stopped by SIGINT/SIGTERM: nothing published
When nothing is published, bronze, silver and gold stay exactly as they were."""

INPUT_MODEL = """\
inputs: a data folder remembers its inputs in DIR/inputs.json. `eventline run REPORT`
adds REPORT and runs every registered input; `eventline run` re-runs them (new files in
a registered folder are picked up); `--replace` makes the given inputs the whole list;
`eventline remove INPUT` takes one off. The list changes only when a run publishes."""


def _iso_date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _size(value: str) -> int:
    units = {"k": 10**3, "m": 10**6, "g": 10**9}
    text = value.strip().lower().removesuffix("b")
    factor = units.get(text[-1:], 1)
    try:
        number = float(text[:-1] if text[-1:] in units else text) * factor
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size such as 200MB: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"the size must be at least 1 byte: {value!r}")
    return int(number)


def _version() -> str:
    try:
        return version("eventline")
    except PackageNotFoundError:  # run from a source tree without installing
        return "unknown"


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--data-dir",
        default="data",
        metavar="DIR",
        help="the data folder: DIR/bronze, DIR/silver, DIR/gold, DIR/reports (default: data)",
    )
    command.add_argument(
        "--log-file",
        metavar="PATH",
        help="where the full log goes, tracebacks included (default: DIR/reports/eventline.log)",
    )
    command.add_argument(
        "--quiet", action="store_true", help="print nothing but errors (one line each)"
    )
    waiting = command.add_mutually_exclusive_group()
    waiting.add_argument(
        "--no-wait",
        action="store_true",
        help="fail at once (exit status 6) when another run holds the data folder",
    )
    waiting.add_argument(
        "--lock-timeout",
        type=float,
        metavar="SECONDS",
        help="wait at most SECONDS for another run on the data folder (default: as long as "
        "it takes, saying so)",
    )


def _build_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--known-until",
        metavar="YYYY-MM-DD",
        type=_iso_date,
        default=None,
        help="the latest date the reports can know (default: today); records dated later "
        "are quarantined instead of guessed",
    )
    command.add_argument(
        "--allow-removals",
        action="store_true",
        help="publish even when documents of the published gold are missing from the inputs "
        "or more than 10%% of its events would be lost",
    )
    command.add_argument(
        "--max-bytes",
        type=_size,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help="reject input files larger than SIZE without reading them (default: 200MB; "
        "units k, M, G)",
    )
    command.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="local worker processes for per-document work (default: one per CPU)",
    )
    command.add_argument(
        "--task-runner",
        choices=["default", "dask"],
        default="default",
        help="where per-document batches run: this machine's processes (default) or Dask "
        "(needs the 'dask' extra: pip install -e '.[dask]')",
    )
    command.add_argument(
        "--dask-address",
        metavar="ADDRESS",
        help="scheduler of an existing Dask cluster, e.g. tcp://10.0.0.5:8786 (default with "
        "--task-runner dask: a local cluster of 2 workers); DIR must be on shared storage",
    )
    _common(command)


def _run_parser(commands: argparse._SubParsersAction) -> None:
    run = commands.add_parser(
        "run",
        help="bring bronze → silver → gold up to date with the registered inputs",
        description=(
            "Add INPUT files or folders to the data folder's inputs and bring its layers up "
            "to date. Files that are not readable text are rejected with a reason and the "
            "other documents go on. Only the layers whose inputs changed are rebuilt; a layer "
            "that does not verify against its manifest is rebuilt and said so. Nothing is "
            "published unless the publish guard and the quality gate agree. Uses a temporary "
            "Prefect API unless PREFECT_API_URL points at a server."
        ),
        epilog=f"{INPUT_MODEL}\n\n{EXIT_STATUSES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument(
        "inputs", nargs="*", metavar="INPUT", help="report files or folders to add (optional)"
    )
    run.add_argument(
        "--replace",
        action="store_true",
        help="make the given INPUTs the whole input list (published documents not among them "
        "are removed)",
    )
    run.add_argument(
        "--from",
        dest="start",
        choices=["silver", "gold"],
        help="rebuild from the current files: 'silver' redoes silver and gold from bronze "
        "(e.g. after editing actors.csv), 'gold' redoes gold from silver",
    )
    run.add_argument(
        "--rebuild",
        action="store_true",
        help="ignore the per-document cache and the manifests; redo everything",
    )
    _build_options(run)


def _other_parsers(commands: argparse._SubParsersAction) -> None:
    remove = commands.add_parser(
        "remove",
        help="take inputs off the data folder's list and rebuild without them",
        description="Take INPUTs off the registered list, then run as `eventline run` does; "
        "their documents and events leave gold.",
        epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    remove.add_argument("inputs", nargs="+", metavar="INPUT", help="registered inputs to remove")
    _build_options(remove)
    listing = commands.add_parser("inputs", help="list the data folder's registered inputs")
    listing.add_argument("--data-dir", default="data", metavar="DIR", help="the data folder")
    validate = commands.add_parser(
        "validate",
        help="check the published layers and run the quality gate on them, without rebuilding",
        description="Verify bronze, silver and gold against their manifests and run the "
        "quality gate on the published silver and gold; writes DIR/reports/quality_report.json "
        "and the Data Docs. Exit status 0 passed, 3 a layer is missing or does not verify, "
        "4 critical expectations failed.",
    )
    _common(validate)
    serve = commands.add_parser(
        "serve",
        help="run the pipeline on a schedule (a Prefect deployment served by this process)",
        description=(
            "Serve the pipeline as a Prefect deployment that runs on a schedule until stopped "
            "(Ctrl-C or SIGTERM). Prefect's temporary API cannot schedule, so when "
            "PREFECT_API_URL is unset a local Prefect server is started (state under "
            "./.prefect, log in ./.prefect/logs/prefect-server.log, UI at "
            "http://127.0.0.1:PORT) and stopped on exit. With PREFECT_API_URL set, the "
            "deployment is registered on that server instead."
        ),
    )
    serve.add_argument("inputs", nargs="*", metavar="INPUT", help="inputs to add, as for run")
    serve.add_argument("--data-dir", default="data", metavar="DIR", help="as for run")
    when = serve.add_mutually_exclusive_group()
    when.add_argument(
        "--cron", metavar="EXPR", help='cron schedule in UTC (default: daily at 06:00, "0 6 * * *")'
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
    serve.add_argument("--workers", type=int, metavar="N", help="as for run")
    server = commands.add_parser(
        "server",
        help="start, stop or check a local Prefect server that later runs use",
        description=(
            "Without PREFECT_API_URL, each `eventline run` starts Prefect's temporary API "
            "(12-15 s here). `eventline server start` starts a Prefect server in the "
            "background (state under ./.prefect, log in ./.prefect/logs/prefect-server.log, "
            "UI at http://127.0.0.1:PORT); runs from this folder then use it while it "
            "answers. `stop` stops it; `status` says whether it runs."
        ),
    )
    server.add_argument("action", choices=["start", "stop", "status"])
    server.add_argument(
        "--port", type=int, default=4200, help="port for start (default: %(default)s)"
    )


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


def parser() -> argparse.ArgumentParser:
    """The ``eventline`` parser: one sub-parser per command."""
    root = argparse.ArgumentParser(
        prog="eventline",
        description=(
            "Turn raw-text country reports on extremism and terrorism into validated "
            "Parquet datasets (bronze, silver, gold)."
        ),
        epilog=INPUT_MODEL,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    root.add_argument("--version", action="version", version=f"eventline {_version()}")
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _run_parser(commands)
    _other_parsers(commands)
    _export_parser(commands)
    return root


def _handler(command: str) -> Callable[[argparse.Namespace], int]:
    if command == "export":  # needs no Prefect
        return _export
    from flows import commands

    return {
        "run": commands.run,
        "remove": commands.run,
        "inputs": commands.list_inputs,
        "validate": commands.validate,
        "serve": commands.serve,
        "server": commands.server,
    }[command]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the process exit status."""
    args = parser().parse_args(argv)
    return _handler(args.command)(args)


if __name__ == "__main__":
    sys.exit(main())
