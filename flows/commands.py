"""The ``eventline`` commands: each error is one line (and the log's path), never a traceback."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from eventline import cli
from eventline.report.summary import RunSummary
from flows import prefect_env
from flows.inputs import InputError, plan_inputs, read_registry
from flows.locking import DataFolderBusy
from flows.session import Interrupted


def _say(message: str) -> None:
    print(f"eventline: {message}", file=sys.stderr)


@contextmanager
def _session(args: argparse.Namespace, log_file: Path | None) -> Iterator[Any]:
    """Logging, signals and the Prefect API of one command (Prefect imported here)."""
    from flows.session import configure_logging, prefect_api, release_logging, stop_on_signals

    handler = configure_logging(log_file, args.quiet)
    cleanup: list[Callable[[], None]] = []
    try:
        with stop_on_signals(cleanup), prefect_api(cleanup) as api:
            if not args.quiet:
                _say(api)
            yield
    except BaseException as error:
        logging.getLogger("eventline").error("%s ended: %r", args.command, error, exc_info=True)
        raise
    finally:
        release_logging(handler)


def _progress(args: argparse.Namespace) -> Any:
    """Documents done per stage on standard error, when it is a terminal (not --quiet)."""
    from flows.progress import shown

    return shown(args.quiet)


def _log_file(args: argparse.Namespace) -> Path:
    from flows.session import open_log

    wanted = (
        Path(args.log_file) if args.log_file else Path(args.data_dir) / "reports" / "eventline.log"
    )
    path, problem = open_log(wanted)
    if problem:
        _say(f"{problem}; logging to {path}")
    return path


def _runner(args: argparse.Namespace, log_file: Path) -> Any:
    """The task runner: local worker processes set up like this one, or Dask."""
    if args.task_runner == "dask" or args.dask_address:
        from prefect_dask import DaskTaskRunner

        if args.dask_address:
            return DaskTaskRunner(address=args.dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1})
    from flows.session import worker_initializer
    from flows.steps import WorkerPool

    return WorkerPool(
        max_workers=max(1, args.workers or os.cpu_count() or 1),
        initializer=worker_initializer,
        initargs=(str(log_file), args.quiet),
    )


def _check_inputs(args: argparse.Namespace) -> None:
    """Refuse a missing input path before anything starts (the flow checks again, locked)."""
    if getattr(args, "start", None) and (args.inputs or getattr(args, "replace", False)):
        raise InputError(f"--from {args.start} rebuilds from the current files; it takes no inputs")
    removing = args.command == "remove"
    plan_inputs(
        read_registry(Path(args.data_dir)),
        [] if removing else args.inputs,
        getattr(args, "replace", False),
        args.inputs if removing else [],
    )


def _parameters(args: argparse.Namespace) -> dict[str, Any]:
    removing = args.command == "remove"
    return {
        "data_dir": str(Path(args.data_dir)),
        "inputs": [] if removing else [str(Path(item)) for item in args.inputs],
        "replace": getattr(args, "replace", False),
        "remove": [str(Path(item)) for item in args.inputs] if removing else [],
        "known_until": args.known_until,
        "start": getattr(args, "start", None),
        "rebuild": getattr(args, "rebuild", False),
        "allow_removals": args.allow_removals,
        "max_bytes": args.max_bytes,
        "lock_timeout": 0 if args.no_wait else args.lock_timeout,
    }


def _print_summary(args: argparse.Namespace, summary: dict[str, Any] | None) -> None:
    if args.quiet or summary is None:
        return
    print(RunSummary.from_dict(summary).format())


def _last_summary(args: argparse.Namespace) -> dict[str, Any] | None:
    from flows.files import read_json

    value = read_json(Path(args.data_dir) / "reports" / "run_summary.json")
    return value if isinstance(value, dict) else None


def _failure(error: BaseException) -> tuple[int, str]:
    """The exit status and the one line that say why a run ended without publishing."""
    from flows.release import NothingRead, PublishRefused, QualityGateFailed

    if isinstance(error, Interrupted):
        return error.exit_status, f"{error}; nothing was published, the layers are unchanged"
    if isinstance(error, InputError):
        return cli.EXIT_USAGE, f"{error}; nothing was run"
    if isinstance(error, DataFolderBusy):
        return cli.EXIT_BUSY, str(error)
    if isinstance(error, NothingRead):
        return cli.EXIT_NOTHING_PROCESSED, "no document could be processed; nothing was published"
    if isinstance(error, PublishRefused):
        return cli.EXIT_REFUSED, (
            f"not published: {error}. The published layers are unchanged; "
            "use --allow-removals to publish anyway"
        )
    if isinstance(error, QualityGateFailed):
        return cli.EXIT_QUALITY_GATE, f"quality gate failed: {error}"
    if isinstance(error, OSError):
        where = f": {error.filename}" if error.filename else ""
        return cli.EXIT_FAILED, f"the run failed: {error.strerror or error}{where}"
    return cli.EXIT_FAILED, f"the run failed: {type(error).__name__}: {error}"


def run(args: argparse.Namespace) -> int:
    """``eventline run`` and ``eventline remove``."""
    try:
        _check_inputs(args)
    except InputError as error:
        _say(f"{error}; nothing was run")
        return cli.EXIT_USAGE
    if (args.task_runner == "dask" or args.dask_address) and not _has_dask():
        _say("--task-runner dask needs prefect-dask: pip install -e '.[dask]'")
        return cli.EXIT_FAILED
    started = time.monotonic()
    log_file = _log_file(args)
    if _answered_unchanged(args, log_file, started):
        return cli.EXIT_OK
    prefect_env.configure(Path.cwd())
    try:
        with _session(args, log_file), _progress(args):
            from flows.pipeline import eventline_pipeline

            flow = eventline_pipeline.with_options(task_runner=_runner(args, log_file))
            summary = flow(**_parameters(args))
    except BaseException as error:  # every ending gets its one line
        if isinstance(error, SystemExit):
            raise
        status, message = _failure(error)
        if status in (cli.EXIT_NOTHING_PROCESSED, cli.EXIT_REFUSED, cli.EXIT_QUALITY_GATE):
            _print_summary(args, _last_summary(args))
        _say(f"{message} (log: {log_file})")
        return status
    _print_summary(args, summary)
    if not args.quiet:
        print(f"  wall time   {time.monotonic() - started:.1f} s, including Prefect start-up")
    return cli.EXIT_OK


def _answered_unchanged(args: argparse.Namespace, log_file: Path, started: float) -> bool:
    """A plain ``eventline run`` with nothing to do: say so without starting Prefect."""
    if args.command != "run" or args.start or args.rebuild:
        return False
    from flows.session import append_log
    from flows.unchanged import published_unchanged

    horizon = date.fromisoformat(args.known_until) if args.known_until else date.today()
    inputs = [str(Path(item)) for item in args.inputs]
    summary = published_unchanged(
        Path(args.data_dir).absolute(), inputs, args.replace, horizon, args.max_bytes
    )
    if summary is None:
        return False
    append_log(
        log_file,
        "inputs and pipeline unchanged since the published gold: nothing to do "
        "(Prefect not started)",
    )
    _print_summary(args, summary)
    if not args.quiet:
        print(
            f"  wall time   {time.monotonic() - started:.1f} s (nothing to do; Prefect not started)"
        )
    return True


def _has_dask() -> bool:
    try:
        import prefect_dask  # noqa: F401
    except ImportError:
        return False
    return True


def list_inputs(args: argparse.Namespace) -> int:
    """``eventline inputs``: the registered inputs, one a line."""
    registered = read_registry(Path(args.data_dir))
    if registered is None:
        _say(f"{args.data_dir} has no registered inputs yet (`eventline run INPUT` adds some)")
        return cli.EXIT_OK
    for item in registered:
        print(item + ("" if Path(item).exists() else "   (missing)"))
    return cli.EXIT_OK


def validate(args: argparse.Namespace) -> int:
    """``eventline validate``: verify the published layers and run the quality gate on them."""
    from flows.checking import validate_published

    log_file = _log_file(args)
    from flows.session import configure_logging

    configure_logging(log_file, args.quiet)
    try:
        return validate_published(
            Path(args.data_dir), args.quiet, 0 if args.no_wait else args.lock_timeout
        )
    except (DataFolderBusy, OSError) as error:
        status, message = _failure(error)
        _say(f"{message} (log: {log_file})")
        return status


def serve(args: argparse.Namespace) -> int:
    """``eventline serve``: the flow as a deployment on a schedule, until stopped."""
    from flows.serving import serve_pipeline

    return serve_pipeline(args)


def server(args: argparse.Namespace) -> int:
    """``eventline server start|stop|status``: a local server that later runs reuse."""
    from flows.serving import manage_server

    return manage_server(args)
