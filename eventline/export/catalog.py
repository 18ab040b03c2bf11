"""``gold/eventline.duckdb``: the published gold as a DuckDB database, for SQL out of the box.

    duckdb data/gold/eventline.duckdb -c "select event_type, count(*) from events group by 1"

Written by each publish into the staged gold folder, before the swap, so it always holds
the same gold as the Parquet files beside it. Tables, not views: DuckDB resolves the
relative paths of a view's ``read_parquet`` from the current directory, not from the
database file (checked with duckdb 2.0), so views over the Parquet files would work only
when run from inside ``gold/`` — and absolute paths would break when the data folder
moves. Copies work from anywhere and wherever the folder is moved; the Parquet files stay
the published gold. Tables ``events``, ``actors``, ``event_actors`` (and
``unresolved_actor_mentions``) keep the gold columns and their contract descriptions as
column comments; the view ``event_actor_names`` joins each link to its actor's name and
its event's date, type and place.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

CATALOG = "eventline.duckdb"
TABLES = {
    "events": "events/**/*.parquet",
    "actors": "actors.parquet",
    "event_actors": "event_actors.parquet",
    "unresolved_actor_mentions": "unresolved_actor_mentions.parquet",
}
REQUIRED = ("events", "actors", "event_actors")
EVENT_ACTOR_NAMES = """
create view event_actor_names as
select l.event_id, e.date_start, e.date_end, e.year, e.event_type, e.sub_event_type,
       e.country, e.location, l.role, l.certainty, l.actor_id, a.name as actor_name,
       a.actor_type, l.mention_text
from event_actors l
join actors a using (actor_id)
join events e using (event_id)
"""


def _contract_comments() -> dict[str, dict[str, str]]:
    """table → column → description, from the gold data contract."""
    text = files("schemas").joinpath("gold_contract.yaml").read_text(encoding="utf-8")
    tables = yaml.safe_load(text).get("tables", {})
    return {
        table: {c["name"]: str(c.get("description", "")).strip() for c in spec["columns"]}
        for table, spec in tables.items()
    }


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _load_table(con: Any, gold_dir: Path, table: str, pattern: str) -> bool:
    path = gold_dir / pattern.split("/")[0]
    if table == "events" and not any(path.glob("**/*.parquet")):
        # A gold without events writes no partition: an empty table of the contract's columns.
        from schemas.arrow_types import arrow_schema
        from schemas.gold import GoldEventModel

        con.register("empty_events", arrow_schema(GoldEventModel).empty_table())
        con.execute("create table events as select * from empty_events")
        con.unregister("empty_events")
        return True
    if not path.exists():
        if table in REQUIRED:
            raise FileNotFoundError(f"{gold_dir}: no {pattern} to catalogue")
        return False
    source = _quote(str(gold_dir / pattern))
    options = (
        ", hive_partitioning = true, hive_types = {'year': BIGINT}" if table == "events" else ""
    )
    order = " order by date_start, event_id" if table == "events" else ""
    con.execute(f"create table {table} as select * from read_parquet({source}{options}){order}")
    return True


def write_catalog(gold_dir: Path) -> Path:
    """Write ``gold_dir/eventline.duckdb`` from the Parquet files in *gold_dir*; its path.

    A pure function of the folder's files: call it on the complete staged gold, before the
    swap. The database is built under a temporary name and renamed into place.
    """
    import duckdb

    gold_dir = Path(gold_dir)
    target = gold_dir / CATALOG
    temporary = gold_dir / f".{CATALOG}.tmp"
    temporary.unlink(missing_ok=True)
    comments = _contract_comments()
    con = duckdb.connect(str(temporary))
    try:
        for table, pattern in TABLES.items():
            if not _load_table(con, gold_dir, table, pattern):
                continue
            columns = {row[0] for row in con.execute(f"describe {table}").fetchall()}
            for column, text in comments.get(table, {}).items():
                if column in columns and text:
                    con.execute(f'comment on column {table}."{column}" is {_quote(text)}')
        con.execute(EVENT_ACTOR_NAMES)
        con.execute("checkpoint")
    finally:
        con.close()
    os.replace(temporary, target)
    return target
