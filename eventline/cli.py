"""``eventline`` command line: run the pipeline on report files or folders."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from eventline import prefect_env

EXIT_OK = 0
EXIT_NOTHING_PROCESSED = 1
EXIT_FAILED = 3


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
            "3 when the run itself failed."
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
    return parser


def _iso_date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the process exit status."""
    args = _parser().parse_args(argv)
    inputs = [str(Path(item)) for item in (args.inputs or ["data/raw"])]
    data_dir = Path(args.data_dir)
    print(f"eventline: {prefect_env.configure(Path.cwd())}", file=sys.stderr)

    started = time.monotonic()
    from eventline.run_summary import RunSummary
    from flows.pipeline import eventline_pipeline  # Prefect reads its settings at import

    try:
        result = eventline_pipeline(
            inputs=inputs, data_dir=str(data_dir), known_until=args.known_until
        )
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
