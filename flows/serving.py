"""``eventline serve``: the flow as a deployment on a schedule; ``eventline server``."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from eventline import cli
from flows import prefect_env


def _say(message: str) -> None:
    print(f"eventline: {message}", file=sys.stderr)


def serve_pipeline(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C or SIGTERM; stop the local Prefect server this started."""
    _say(prefect_env.configure(Path.cwd()))
    from flows.local_server import ServerStartError, start_local_server

    server = None
    if not os.environ.get("PREFECT_API_URL"):
        log_dir = Path(os.environ["PREFECT_HOME"]) / "logs"
        _say(
            f"the temporary API cannot schedule runs; starting a local Prefect server on "
            f"127.0.0.1:{args.port} (log: {log_dir / 'prefect-server.log'})"
        )
        try:
            server = start_local_server(args.port, log_dir)
        except ServerStartError as error:
            _say(str(error))
            return cli.EXIT_FAILED
        os.environ["PREFECT_API_URL"] = server.api_url
        _say(f"Prefect server at {server.api_url}; UI at http://127.0.0.1:{args.port}")
    # SIGTERM (systemd, docker stop, kill) must also stop the server we started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    from flows.pipeline import eventline_pipeline
    from flows.steps import WorkerPool

    flow = eventline_pipeline
    if args.workers:
        flow = flow.with_options(task_runner=WorkerPool(max_workers=args.workers))
    try:
        flow.serve(
            name=args.name,
            cron=None if args.interval else (args.cron or cli.DEFAULT_CRON),
            interval=args.interval,
            parameters={
                "inputs": [str(Path(item)) for item in args.inputs],
                "data_dir": str(Path(args.data_dir)),
            },
        )
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.stop()
            _say("stopped the local Prefect server")
        # Prefect's runner leaves worker threads behind that can hold the interpreter's
        # shutdown for minutes; everything worth keeping is written, so leave now.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(cli.EXIT_OK)


def manage_server(args: argparse.Namespace) -> int:
    """Start a background server and record it, stop the recorded one, or report on it."""
    from flows import local_server

    home = prefect_env.prefect_home(Path.cwd())
    running = local_server.recorded_server(home)
    if args.action == "status":
        _say(f"a local Prefect server answers at {running}" if running else "no local server")
        return cli.EXIT_OK
    if args.action == "stop":
        stopped = local_server.stop_recorded_server(home)
        _say(f"stopped the Prefect server at {stopped}" if stopped else "no local server ran")
        return cli.EXIT_OK
    if running:
        _say(f"a local Prefect server already answers at {running}")
        return cli.EXIT_OK
    home.mkdir(parents=True, exist_ok=True)
    try:
        started = local_server.start_local_server(args.port, home / "logs", detached=True)
    except local_server.ServerStartError as error:
        _say(str(error))
        return cli.EXIT_FAILED
    local_server.record_server(home, started)
    _say(
        f"Prefect server at {started.api_url} (UI http://127.0.0.1:{args.port}, log "
        f"{started.log_path}); runs from {Path.cwd()} use it until `eventline server stop`"
    )
    return cli.EXIT_OK
