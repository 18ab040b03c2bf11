"""Read the published gold (``DIR/gold``) as plain frames, for exports and the catalog.

Only the files a publish swapped in are read, never pipeline internals: the events dataset
(hive-partitioned by year), ``actors.parquet`` and ``event_actors.parquet``. Columns that a
later gold adds (``country_code``, ``admin2``, ``geo_precision``...) simply appear.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds

EVENTS = "events"
ACTORS = "actors.parquet"
EVENT_ACTORS = "event_actors.parquet"


class GoldNotFound(FileNotFoundError):
    """No published gold where it was looked for."""


@dataclass(frozen=True, eq=False)
class PublishedGold:
    events: pd.DataFrame
    actors: pd.DataFrame
    event_actors: pd.DataFrame


def read_events(gold_dir: Path) -> pd.DataFrame:
    """The events with ``year`` as an integer column (it lives in the folder names)."""
    dataset = ds.dataset(gold_dir / EVENTS, format="parquet", partitioning="hive")
    table = dataset.to_table()
    frame = table.to_pandas(ignore_metadata=True, types_mapper=_nullable)
    frame["year"] = pd.to_numeric(frame["year"].astype("string"), errors="coerce").astype("Int64")
    return frame.sort_values(["date_start", "event_id"], kind="stable").reset_index(drop=True)


def _nullable(arrow_type: object) -> object:
    """Integers as pandas' nullable Int64, so that null stays null (never 0, never NaN)."""
    import pyarrow as pa

    if pa.types.is_integer(arrow_type):
        return pd.Int64Dtype()
    return None


def read_gold(gold_dir: Path) -> PublishedGold:
    """The three gold tables; :class:`GoldNotFound` with a one-line reason when absent."""
    gold_dir = Path(gold_dir)
    missing = [name for name in (EVENTS, ACTORS, EVENT_ACTORS) if not (gold_dir / name).exists()]
    if missing:
        raise GoldNotFound(
            f"no published gold in {gold_dir} (missing {', '.join(missing)}); "
            "run `eventline run` first"
        )
    return PublishedGold(
        events=read_events(gold_dir),
        actors=pd.read_parquet(gold_dir / ACTORS),
        event_actors=pd.read_parquet(gold_dir / EVENT_ACTORS),
    )
