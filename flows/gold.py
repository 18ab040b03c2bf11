"""Gold: ``silver/`` files → ``gold/`` (events, actors, their links, unresolved names).

Layout::

    gold/events/year=YYYY/part-0.parquet     events, hive-partitioned by year
    gold/actors.parquet, gold/event_actors.parquet, gold/unresolved_actor_mentions.parquet
    gold/_manifest.json                      fingerprint (silver's), the documents it holds
                                             and their events, the run's counts, every file

Actors are resolved from every telling of an event in silver (text, country, first
line: every telling stays there) with the document's bronze lines (its paragraphs and
definitions), per document on the task runner, cached on those.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from eventline.gold.actors import (
    Telling,
    default_catalog,
    document_lines,
    document_tellings,
    resolve_document,
)
from eventline.gold.builder import ActorFindings, GoldTables, build_gold_tables
from eventline.quality.conservation import check_event_conservation
from flows.document_cache import StepCache, step_key
from flows.gold_partitions import CACHE as PARTITIONS
from flows.gold_partitions import Published, write_events_dataset
from flows.guard import gold_documents
from flows.layers import gold_fingerprint
from flows.publishing import Staging
from flows.steps import LayerResult, cached_or_run, clock, stage, timed, transient
from flows.storage import read_frame, read_rows, write_parquet
from schemas.gold import GOLD_MODELS

if TYPE_CHECKING:
    from flows.plan import RunPlan


@task(
    name="resolve-actors",
    task_run_name="resolve-actors · {label}",
    cache_policy=NO_CACHE,
    retries=1,
    retry_delay_seconds=[2],
    retry_condition_fn=transient,
)
def resolve_actors(
    work: list[dict[str, Any]], cache_dir: Path, label: str
) -> list[dict[str, ActorFindings]]:
    """The actors named by each document's tellings; cached by those and its lines."""
    cache = StepCache(cache_dir, "actors")
    catalog = default_catalog()
    results = []
    for item in work:
        lines = document_lines(read_rows(Path(item["lines"]), ["line_no", "text"]))
        found = resolve_document(item["tellings"], lines, catalog)
        cache.put(item["key"], found)
        results.append(found)
    get_run_logger().info("%s: %d resolved", label, len(results))
    return results


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while gold's tables are built and validated.

    The build allocates millions of rows (dicts, lists: no cycles) on a heap holding the
    run's silver and findings, and each full collection walks the whole heap: at 1,000
    realistic reports 3 of them cost 7.6 of the step's 58 CPU s, gen0/1 runs 2 s more
    (bench/gold_tables_cpu.py); ``gc.freeze`` made it worse (11 full runs over the new
    objects). The few cycles made meanwhile are collected once it is back on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _validated(tables: GoldTables) -> GoldTables:
    return GoldTables(
        **{name: GOLD_MODELS[name].validate(frame) for name, frame in tables.as_dict().items()}
    )


@task(
    name="build-gold",
    cache_policy=NO_CACHE,
    retries=1,
    retry_delay_seconds=[2],
    retry_condition_fn=transient,
)
def build_gold_layer(
    silver: pd.DataFrame,
    findings: dict[str, ActorFindings],
    documents: list[dict[str, Any]],
    folder: Path,
    manifest: dict[str, Any],
    cache: StepCache,
    published: Published | None,
) -> LayerResult:
    """Events, actors and links, each validated by its model and written to *folder*.

    Every silver event record belongs to exactly one gold event, and gold holds nothing
    else (context records are no event): checked. A year of events whose rows the
    *published* gold holds already is linked from it, not written again.
    The manifest is sealed at publishing, when the run's quality results are known.
    """
    columns = {name: list(model.to_schema().columns) for name, model in GOLD_MODELS.items()}
    with collector_paused():
        tables = _validated(build_gold_tables(silver, findings, default_catalog(), columns))
    check_event_conservation(silver, tables.events)
    for name, frame in tables.as_dict().items():
        if name == "events":
            done = write_events_dataset(frame, GOLD_MODELS[name], folder, cache, published)
            cache.prune(done.keys)
            get_run_logger().info(
                "events: %d year partitions written, %d linked from the published gold",
                len(done.written),
                len(done.linked),
            )
        else:
            write_parquet(frame, GOLD_MODELS[name], folder / f"{name}.parquet")
    counts = {
        "gold_events": len(tables.events),
        "gold_actors": int((tables.actors["event_count"] > 0).sum()),
        "gold_event_actors": len(tables.event_actors),
        "unresolved_actor_mentions": len(tables.unresolved_actor_mentions),
    }
    described = gold_documents(documents, list(tables.events["doc_ids"]))
    return LayerResult(
        "gold",
        folder,
        {**manifest, "counts": counts, "documents": described},
        rebuilt=True,
        tables=tables.as_dict(),
    )


# What actor resolution reads of a silver record (the last two keep claims told of another
# event off the record whose text silver extended with their sentence).
TELLING_COLUMNS = (
    "record_id",
    "doc_id",
    "text",
    "country",
    "line_start",
    "continues_record_id",
    "event_id",
)


def _telling_keys(tellings: list[Telling]) -> list[str]:
    return sorted(f"{t.record_id}|{t.country}|{t.line_start}|{t.text}" for t in tellings)


@timed("gold")
def build_gold(
    plan: RunPlan, bronze: LayerResult, silver: LayerResult, staging: Staging
) -> LayerResult:
    """Gold from silver's files into a staging folder (always rebuilt when a run gets here)."""
    records = read_frame(silver.folder / "records.parquet")
    events = records[records["record_class"] == "event"]
    files = bronze.manifest["files"]
    work = [
        {
            "doc_id": doc_id,
            "key": step_key(
                "actors", *_telling_keys(tellings), files[f"lines/{doc_id}.parquet"]["sha256"]
            ),
            "tellings": tellings,
            "lines": str(bronze.folder / "lines" / f"{doc_id}.parquet"),
        }
        for doc_id, tellings in document_tellings(
            events[list(TELLING_COLUMNS)].to_dict("records")
        ).items()
    ]
    with stage(plan, "actor resolution", len(work)):
        resolved = cached_or_run(
            StepCache(plan.cache_dir, "actors", plan.use_cache),
            resolve_actors,
            work,
            lambda item: item["doc_id"],
            cache_dir=plan.cache_dir,
        )
    documents = read_rows(
        bronze.folder / "documents.parquet", ["doc_id", "path", "duplicate_paths"]
    )
    verified = plan.current["gold"]
    published = (
        Published(plan.root / "gold", verified.manifest["files"])
        if verified.ok and verified.manifest is not None and plan.use_cache
        else None
    )
    with clock(plan, "gold tables"):
        result = build_gold_layer(
            quote(records),
            quote({rid: found for by_id, _ in resolved for rid, found in by_id.items()}),
            documents,
            staging.folder("gold"),
            {
                "layer": "gold",
                "fingerprint": gold_fingerprint(silver.fingerprint),
                "built_from": silver.fingerprint,
            },
            StepCache(plan.cache_dir, PARTITIONS, plan.use_cache),
            published,
        )
    result.from_cache = sum(cached for _, cached in resolved)
    result.cache_keys = {item["key"] for item in work}
    return result
