"""Layer manifests: byte-stable, and every file checked before a run trusts a layer."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.layers import MANIFEST, read_manifest, seal, verify


@pytest.fixture
def layer(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    (folder / "events" / "year=2021").mkdir(parents=True)
    (folder / "events" / "year=2021" / "part-0.parquet").write_bytes(b"events of 2021")
    (folder / "actors.parquet").write_bytes(b"actors")
    (folder / ".gitkeep").touch()
    seal(folder, {"layer": "gold", "fingerprint": "f1", "counts": {"gold_events": 2}})
    return folder


def test_the_manifest_lists_every_data_file_with_size_and_hash(layer: Path) -> None:
    manifest = read_manifest(layer)
    assert manifest is not None
    assert sorted(manifest["files"]) == ["actors.parquet", "events/year=2021/part-0.parquet"]
    assert manifest["files"]["actors.parquet"]["bytes"] == len(b"actors")
    assert verify(layer, "gold").ok


def test_the_same_content_gives_the_same_manifest_bytes(layer: Path) -> None:
    first = (layer / MANIFEST).read_bytes()
    seal(layer, {"counts": {"gold_events": 2}, "fingerprint": "f1", "layer": "gold"})
    assert (layer / MANIFEST).read_bytes() == first


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (lambda d: (d / "actors.parquet").unlink(), "actors.parquet: missing"),
        (
            lambda d: (d / "events" / "year=2021" / "part-0.parquet").write_bytes(b"events"),
            "events/year=2021/part-0.parquet: 6 bytes, the manifest says 14",
        ),
        (
            lambda d: (d / "actors.parquet").write_bytes(b"ACTORS"),
            "actors.parquet: content differs from the manifest (SHA-256)",
        ),
        (
            lambda d: (
                (d / "events" / "year=1999").mkdir()
                or (d / "events" / "year=1999" / "part-0.parquet").write_bytes(b"x")
            ),
            "events/year=1999/part-0.parquet: not in the manifest",
        ),
        (lambda d: (d / MANIFEST).write_text("{"), "no readable manifest"),
    ],
    ids=["missing", "truncated", "altered", "extra", "bad-manifest"],
)
def test_damage_is_found_and_named(layer: Path, damage: object, problem: str) -> None:
    damage(layer)  # type: ignore[operator]
    found = verify(layer, "gold")
    assert not found.ok and found.exists
    assert any(problem in p for p in found.problems), found.problems


def test_no_layer_yet(tmp_path: Path) -> None:
    found = verify(tmp_path / "gold", "gold")
    assert not found.ok and not found.exists


def test_the_duckdb_catalog_is_checked_by_content_not_by_bytes(tmp_path: Path) -> None:
    import duckdb

    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "actors.parquet").write_bytes(b"actors")
    with duckdb.connect(str(folder / "eventline.duckdb")) as con:
        con.execute("create table events as select * from range(3) t(event)")
    manifest = seal(folder, {"layer": "gold", "fingerprint": "f", "counts": {"gold_events": 3}})
    assert sorted(manifest["files"]) == ["actors.parquet"]  # its bytes differ at every write
    assert manifest["derived"] == ["eventline.duckdb"]
    assert verify(folder, "gold").ok
    (folder / "eventline.duckdb").write_bytes(b"truncated")
    (problem,) = verify(folder, "gold").problems
    assert problem.startswith("eventline.duckdb: not a readable DuckDB catalog")
