"""What the layer steps hand each other, and how per-document work is spread.

Per-document work goes to the flow's task runner in batches (a Prefect task run per
batch, not per document: each task run costs API calls). The same code runs on the local
``ProcessPoolTaskRunner`` and on a ``DaskTaskRunner``; a run with one batch stays in the
flow's own process, where no worker has to start.
"""

from __future__ import annotations

import errno
import functools
import resource
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
from prefect.context import get_run_context
from prefect.futures import as_completed
from prefect.task_runners import ProcessPoolTaskRunner

from flows import progress

T = TypeVar("T")
#: Fewer items per batch cost more in task runs (each about half a second of CPU in
#: Prefect's machinery and API calls) than they gain in balance; measured with bench/.
_MINIMUM_PER_BATCH = 8


#: Errors a retry cannot fix: the disk is full, read-only or not ours.
_PERMANENT = {errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EDQUOT}


def transient(task: Any, task_run: Any, state: Any) -> bool:
    """Prefect retry condition: retry I/O hiccups, not a full or read-only disk."""
    try:
        state.result()
    except OSError as error:
        return error.errno not in _PERMANENT
    except Exception:
        return True
    return True


@dataclass
class LayerResult:
    """A layer as a run leaves it: the folder to read it from, its manifest, its frames.

    *folder* is the staging folder when the run rebuilt the layer, else the published one.
    *tables* holds the frames built in this run (empty when the layer was reused).
    """

    layer: str
    folder: Path
    manifest: dict[str, Any]
    rebuilt: bool
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    from_cache: int = 0
    cache_keys: set[str] = field(default_factory=set)
    seconds: float = 0.0

    @property
    def counts(self) -> dict[str, Any]:
        return dict(self.manifest.get("counts", {}))

    @property
    def fingerprint(self) -> str:
        return str(self.manifest["fingerprint"])


def worker_count() -> int:
    """How many workers the flow's task runner has (1 when it runs in-process)."""
    runner = get_run_context().task_runner
    workers = getattr(runner, "_max_workers", None)
    if workers is None:  # Dask: the cluster decides; assume a small one
        workers = 2 if type(runner).__name__ == "DaskTaskRunner" else 1
    return max(1, int(workers))


def batches(items: Sequence[T], workers: int) -> list[list[T]]:
    """Contiguous batches: up to four per worker, never smaller than a few items, and a
    multiple of the workers (so that no worker is left with the last batch alone)."""
    count = min(4 * workers, len(items) // _MINIMUM_PER_BATCH)
    if workers == 1 or count < 2:
        count = 1
    elif count >= workers:
        count -= count % workers
    size = max(1, -(-len(items) // count))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def label(batch: Sequence[Any], index: int, total: int, name: Callable[[Any], str]) -> str:
    if total == 1:
        return f"{len(batch)} documents" if len(batch) != 1 else name(batch[0])
    return f"batch {index + 1} of {total} ({len(batch)} documents)"


def run_batches(task: Any, items: Sequence[T], name: Callable[[T], str], **kwargs: Any) -> list:
    """Run *task* over *items* in batches on the flow's task runner; results in item order.

    Each finished batch advances the run's progress by its documents.
    """
    if not items:
        return []
    groups = batches(items, worker_count())
    if len(groups) == 1:
        results = list(task(groups[0], label=label(groups[0], 0, 1, name), **kwargs))
        progress.current().advance(len(groups[0]))
        return results
    # Batches are small lists of plain values, passed as they are: quote() is a namedtuple
    # to Dask, which would hand the task a tuple.
    futures = [
        task.submit(group, label=label(group, i, len(groups), name), **kwargs)
        for i, group in enumerate(groups)
    ]
    sizes = {id(future): len(group) for future, group in zip(futures, groups, strict=True)}
    for future in as_completed(futures):
        progress.current().advance(sizes[id(future)])
    return [item for future in futures for item in future.result()]


F = TypeVar("F", bound=Callable[..., Any])


def peak_memory_mb() -> float:
    """The largest resident memory of this process so far (the flow's own, not its workers')."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


@contextmanager
def clock(plan: Any, name: str, into: str = "steps") -> Iterator[None]:
    """Time a part of a step into ``plan.steps[name]`` (``plan.timings`` for a whole step)
    and note the process's peak memory after it in ``plan.memory[name]``."""
    started = time.monotonic()
    try:
        yield
    finally:
        getattr(plan, into)[name] = round(time.monotonic() - started, 3)
        plan.memory[name] = peak_memory_mb()


@contextmanager
def stage(plan: Any, name: str, total: int) -> Iterator[None]:
    """A per-document part of a step: shown as *name* with *total* documents while it runs,
    timed into ``plan.steps[name]``."""
    progress.current().stage(name, total)
    with clock(plan, name):
        yield


def timed(name: str) -> Callable[[F], F]:
    """Record a step's seconds in ``plan.timings[name]`` (its first argument is the plan);
    the run's progress shows the step while it runs."""

    def decorate(step: F) -> F:
        @functools.wraps(step)
        def run(plan: Any, *args: Any, **kwargs: Any) -> Any:
            progress.current().stage(name)
            with clock(plan, name, into="timings"):
                return step(plan, *args, **kwargs)

        return run  # type: ignore[return-value]

    return decorate


def cached_or_run(
    cache: Any, task: Any, items: Sequence[dict[str, Any]], name: Callable, **kwargs: Any
) -> list[tuple[Any, bool]]:
    """Each item's result: from the cache (read here), else from *task* on the runner.

    Returns ``(result, cached)`` in item order; only the misses cost a task run, so a
    re-run with one changed document starts no worker at all.
    """
    hits = [cache.get(item["key"]) for item in items]
    todo = [item for item, hit in zip(items, hits, strict=True) if hit is None]
    progress.current().advance(len(items) - len(todo))
    computed = iter(run_batches(task, todo, name, **kwargs))
    return [(hit, True) if hit is not None else (next(computed), False) for hit in hits]


class WorkerPool(ProcessPoolTaskRunner):
    """Prefect's process pool, but a flow that stops (signal, error) stops its workers too.

    The stock runner's exit waits for running tasks to finish, so a SIGTERM during a long
    batch took as long as the batch; here the workers are terminated first.
    """

    def __exit__(self, exc_type: Any, exc_value: Any, traceback: Any) -> None:
        if exc_type is not None and self._executor is not None:
            # concurrent.futures keeps its worker processes here; no public handle exists.
            workers = list(getattr(self._executor, "_processes", {}).values())
            for process in workers:
                process.terminate()
            for process in workers:
                process.join(timeout=2)
                if process.is_alive():
                    process.kill()
        super().__exit__(exc_type, exc_value, traceback)
