"""gold/eventline.duckdb: the gold tables, queryable from anywhere the folder is moved."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from eventline.export.catalog import CATALOG, write_catalog
from schemas.gold import GoldEventModel
from tests.export.conftest import E1, E2, events_frame, write_gold


@pytest.fixture
def moved(tmp_path: Path) -> Path:
    """A catalogue written in one folder, then the whole data folder moved elsewhere."""
    write_catalog(write_gold(tmp_path / "first" / "gold"))
    target = tmp_path / "elsewhere" / "data"
    target.parent.mkdir()
    shutil.move(tmp_path / "first", target)
    return target / "gold" / CATALOG


def test_tables_and_view_answer_from_another_folder(
    moved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # neither the gold folder nor where it was written
    con = duckdb.connect(str(moved), read_only=True)
    assert con.execute("select count(*) from events").fetchone() == (4,)
    assert con.execute("select count(*) from actors").fetchone() == (5,)
    assert con.execute("select count(*) from event_actors").fetchone() == (5,)
    assert con.execute("select count(*) from unresolved_actor_mentions").fetchone() == (0,)
    assert con.execute("select typeof(year) from events limit 1").fetchone() == ("BIGINT",)
    names = con.execute(
        "select event_id, role, actor_name, event_type from event_actor_names "
        "where role <> 'mentioned' order by event_id, role"
    ).fetchall()
    assert names[:3] == [
        (E1, "perpetrator", "Jama'at Nusrat al-Islam wal-Muslimin", "Battles"),
        (E1, "target", "Malian Armed Forces", "Battles"),
        (E2, "perpetrator", "Islamic State in the Greater Sahara", "Violence against civilians"),
    ]


def test_columns_carry_the_contract_descriptions(moved: Path) -> None:
    con = duckdb.connect(str(moved), read_only=True)
    comment = con.execute(
        "select comment from duckdb_columns() "
        "where table_name = 'events' and column_name = 'killed'"
    ).fetchone()
    assert comment is not None and "never 0" in comment[0]


def test_missing_gold_is_an_error_not_an_empty_catalogue(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    with pytest.raises(FileNotFoundError, match="actors"):
        write_catalog(tmp_path / "gold")
    assert not (tmp_path / "gold" / CATALOG).exists()


def test_a_gold_without_events_has_an_empty_events_table(tmp_path: Path) -> None:
    """A publish with no event writes no partition; the table still has every column."""
    gold = write_gold(tmp_path / "gold", events_frame().iloc[0:0])
    assert not list(gold.rglob("events/**/*.parquet"))
    con = duckdb.connect(str(write_catalog(gold)), read_only=True)
    assert con.execute("select count(*) from events").fetchone() == (0,)
    columns = [row[0] for row in con.execute("describe events").fetchall()]
    assert columns == list(GoldEventModel.to_schema().columns)
    assert con.execute("select count(*) from event_actor_names").fetchone() == (0,)


def test_rewriting_replaces_the_catalogue(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold")
    first = write_catalog(gold)
    second = write_catalog(gold)
    assert (
        first == second and sorted(p.name for p in gold.iterdir() if p.name.startswith(".")) == []
    )
