"""``eventline serve``: the flow as a Prefect deployment on a schedule, until stopped."""

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
