"""The primary place of a text, checked on the bundled Mali sample (reviewed overrides on
top of the GeoNames bundle).

Every expected location below was read off the sample by hand; each case quotes the line so
a renumbered sample fails loudly instead of silently testing something else. Cases on other
countries, homonyms and hints are in ``test_place_resolution.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from eventline.silver.place_context import DocumentPlaces
from eventline.silver.place_overrides import COLUMNS, PLACES_CSV, default_overrides, read_overrides
from eventline.silver.places import PlaceResolver, default_gazetteer
from tests.paths import SAMPLE

SAMPLE_LINES = SAMPLE.read_text(encoding="utf-8").splitlines()
# The 2016-2023 regions plus the Bamako district (see schemas/reference/README.md).
MALI_ADMIN1 = {
    "Bamako", "Gao", "Kayes", "Kidal", "Koulikoro", "Ménaka", "Mopti", "Ségou", "Sikasso",
    "Taoudénit", "Timbuktu",
}  # fmt: skip


@pytest.fixture(scope="module")
def gaz() -> PlaceResolver:
    return default_gazetteer()


def sample_line(number: int, quote: str) -> str:
    line = SAMPLE_LINES[number - 1]
    assert quote in line, f"line {number} no longer says {quote!r}"
    return line


def place_id(gaz: PlaceResolver, text: str) -> str | None:
    return gaz.resolve(text, default_country="Mali").place_id


# --- the reference file ------------------------------------------------------------------


def test_csv_header_is_exact() -> None:
    with PLACES_CSV.open(encoding="utf-8", newline="") as handle:
        assert tuple(next(csv.reader(handle))) == COLUMNS


def test_coordinates_are_honest_and_inside_their_country() -> None:
    with PLACES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["latitude"]:
            assert row["coord_note"].startswith("approximate"), row["place_id"]
            assert row["place_type"] in {"city", "town", "village", "site"}, row["place_id"]
        else:
            assert row["coord_note"] == "unknown" or row["coord_note"].startswith(
                "not applicable"
            ), row["place_id"]
        if row["country"] == "Mali" and row["latitude"]:
            # Mali's bounding box: catches swapped or sign-flipped coordinates.
            assert 10.1 <= float(row["latitude"]) <= 25.0, row["place_id"]
            assert -12.3 <= float(row["longitude"]) <= 4.3, row["place_id"]
    assert sum(1 for row in rows if row["latitude"]) >= 30


def test_mali_rows_use_one_region_scheme() -> None:
    for place in default_overrides():
        if place.country == "Mali" and place.admin1 is not None:
            assert place.admin1 in MALI_ADMIN1, place.place_id


def test_every_override_names_a_country_of_the_gazetteer() -> None:
    # "Czech Republic" is the gazetteer's "Czechia": the file may use either name.
    rows = default_overrides()
    assert {p.country_code for p in rows if p.country == "Mali"} == {"ML"}
    assert all(p.country_code for p in rows if p.place_id != "xb-liptako")


def test_loader_rejects_a_spelling_shared_by_two_places(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text(
        ",".join(COLUMNS) + "\n"
        "ml-a,Boni,,village,,,Mali,,,unknown\n"
        "ml-b,Bóni,,village,,,Mali,,,unknown\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="names both"):
        read_overrides(path)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("ml-a,Boni,,hamlet,,,Mali,,,unknown", "unknown place_type"),
        ("ml-a,Boni,,village,,,Atlantis,,,unknown", "not one country"),
        ("ml-a,Boni,,village,,,Mali,14.1,,unknown", "both latitude and longitude"),
        ("ml-a,Boni,,village,,,Mali,,,", "coord_note is required"),
        ("ML-A,Boni,,village,,,Mali,,,unknown", "bad place_id"),
    ],
)
def test_loader_rejects_bad_rows(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "places.csv"
    path.write_text(",".join(COLUMNS) + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_overrides(path)


def test_loader_rejects_a_wrong_header(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text("id,name\nml-a,Boni\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header"):
        read_overrides(path)


def test_default_gazetteer_is_loaded_once() -> None:
    assert default_gazetteer() is default_gazetteer()


# --- spellings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Timbuktu", "ml-timbuktu"),
        ("Tombouctou", "ml-timbuktu"),
        ("Tumbuktu", "ml-timbuktu"),
        ("Ménaka", "ml-menaka"),
        ("Menaka", "ml-menaka"),
        ("MENAKA", "ml-menaka"),
        ("Sévaré", "ml-sevare"),
        ("Sevare", "ml-sevare"),
        ("Ségou", "ml-segou"),
        ("Segou", "ml-segou"),
        ("Didiéni", "ml-didieni"),
        ("Didieni", "ml-didieni"),
        ("Aguelhok", "ml-aguelhok"),
        ("Aguel'hoc", "ml-aguelhok"),
        ("Boulikessi", "ml-boulkessi"),
        ("Boulkessi", "ml-boulkessi"),
        ("Asongo", "ml-ansongo"),
        ("Tin Zaouatene", "ml-tinzaouaten"),
        ("N'gorkou", "ml-ngorkou"),
        ("N’Gorkou", "ml-ngorkou"),  # typographic apostrophe
        ("Ngorkou", "ml-ngorkou"),
        ("Côte d’Ivoire", "ci-cote-divoire"),
        ("Ivory Coast", "ci-cote-divoire"),
    ],
)
def test_variants_diacritics_case_and_apostrophes(
    gaz: PlaceResolver, written: str, expected: str
) -> None:
    assert place_id(gaz, f"An attack in {written} was reported.") == expected


def test_lowercase_text_is_not_a_name(gaz: PlaceResolver) -> None:
    # Names are capitalised in prose; the first letter decides ("boni" is not Boni).
    match = gaz.resolve("an attack in menaka, boni and koro", default_country="Mali")
    assert (match.location_text, match.location_precision) == (None, "unknown")


def test_severe_is_sevare_only_as_a_locative_object(gaz: PlaceResolver) -> None:
    assert place_id(gaz, "a roadside bomb near Severe in central Mali") == "ml-sevare"
    assert place_id(gaz, "Severe flooding hit the town.") is None
    assert place_id(gaz, "the injuries were severe in Gao") == "ml-gao"
    assert place_id(gaz, "cases of Severe Acute Malnutrition rose") is None


def test_new_york_is_the_city_but_not_the_newspaper(gaz: PlaceResolver) -> None:
    assert place_id(gaz, "the U.N. General Assembly in New York City") == "us-new-york-city"
    assert place_id(gaz, "a delegation flew to New York in May") == "us-new-york-city"
    assert place_id(gaz, "according to the New York Times") is None


def test_citations_and_longer_proper_names_are_not_places(gaz: PlaceResolver) -> None:
    assert place_id(gaz, "Sources: [France 24](#), [Africa News](#)") is None
    assert place_id(gaz, "in a call with Agence France-Presse, he said") is None
    assert place_id(gaz, "a sermon by Sheikh Amadou Bamba") is None
    assert place_id(gaz, "“Northern Mali has become a jihad front.”") == "ml-mali"


# --- longest first, region versus town ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "written"),
    [
        ("Another 17 died in Gangafani 2.", "ml-gangafani-2", "Gangafani 2"),
        ("an explosive device in Bambara-Maoude, Timbuktu", "ml-bambara-maoude", "Bambara-Maoude"),
        ("in the village of Koulogon Peul", "ml-koulogon-peul", "Koulogon Peul"),
        ("a bus from Fekola Mine to Bamako", "ml-fekola", "Fekola Mine"),
        ("troops in the Timbuktu region", "ml-timbuktu-region", "Timbuktu region"),
        ("an attack in Tongo Tongo, Niger", "ne-tongo-tongo", "Tongo Tongo"),
    ],
)
def test_longest_spelling_wins(gaz: PlaceResolver, text: str, expected: str, written: str) -> None:
    match = gaz.resolve(text, default_country="Mali")
    assert (match.place_id, match.matched_text) == (expected, written)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Armed men ambush a camp in Gao, northern Mali.", "ml-gao"),
        ("IS Sahel ambushed villages in Gao region.", "ml-gao-region"),
        ("an IED in the Mopti region of central Mali", "ml-mopti-region"),
        ("an operation in the Menaka region of eastern Mali", "ml-menaka-region"),
        ("in the Ménaka and Timbuktu regions.", "ml-menaka-region"),
        ("the northern Malian regions of Gao, Kidal, and Menaka", "ml-gao-region"),
        ("all the rural cercles of Ménaka and Gao", "ml-menaka-region"),
        ("large parts of the Asongo area in northern Gao", "ml-ansongo"),
        ("in the northern region of Gao", "ml-gao-region"),
        ("campaigning in the Niafounke district in Timbuktu", "ml-niafunke-cercle"),
        ("a patrol in Timbuktu town in northern Mali", "ml-timbuktu"),
        ("in the towns of Menaka, Gao, and Kidal", "ml-menaka"),
    ],
)
def test_bare_name_is_the_town_unless_the_prose_makes_it_a_region(
    gaz: PlaceResolver, text: str, expected: str
) -> None:
    assert place_id(gaz, text) == expected


def test_every_place_of_a_list_is_kept_as_written(gaz: PlaceResolver) -> None:
    match = gaz.resolve("in the towns of Menaka, Gao, and Kidal", default_country="Mali")
    assert match.places_text == ("Menaka", "Gao", "Kidal")


# --- precision, default country, unknown names -------------------------------------------


@pytest.mark.parametrize(
    ("text", "location", "precision", "admin1", "country"),
    [
        ("Gunmen attack Dembo, central Mali.", "Dembo", "town", "Mopti", "Mali"),
        (
            "A bus strikes an IED in Bandiagara region.",
            "Bandiagara Region",
            "admin2",
            "Mopti",
            "Mali",
        ),
        ("A roadside bomb in the Kidal region.", "Kidal Region", "admin1", "Kidal", "Mali"),
        ("an operation in Liptako region, southeast Mali", "Liptako", "admin1", None, "Mali"),
        ("Three IED attacks in southern and central Mali.", "Mali", "country", None, "Mali"),
    ],
)
def test_precision_levels(
    gaz: PlaceResolver,
    text: str,
    location: str,
    precision: str,
    admin1: str | None,
    country: str,
) -> None:
    match = gaz.resolve(text, default_country="Mali")
    assert (match.location, match.location_precision, match.admin1, match.country) == (
        location,
        precision,
        admin1,
        country,
    )


def test_town_carries_coordinates_and_unknown_village_carries_none(gaz: PlaceResolver) -> None:
    timbuktu = gaz.resolve("a mortar attack in Timbuktu")
    assert (timbuktu.latitude, timbuktu.longitude) == pytest.approx((16.77, -3.01))
    # places.csv has Dembo without coordinates: the reviewed row decides, none are guessed.
    dembo = gaz.resolve("villagers in Dembo", default_country="Mali")
    assert (dembo.place_id, dembo.latitude, dembo.longitude) == ("ml-dembo", None, None)


def test_unknown_village_is_kept_as_written_and_reported(gaz: PlaceResolver) -> None:
    match = gaz.resolve("Gunmen attacked a checkpoint near Zorokoro.", default_country="Mali")
    assert (match.location_text, match.location, match.location_precision) == (
        "Zorokoro",
        None,
        "unresolved",
    )
    assert (match.country, match.country_code, match.unknown_names) == (
        "Mali",
        "MLI",
        ("Zorokoro",),
    )
    assert (match.geo_precision, match.where_prec) == (3, 6)  # only the country is known


def test_unknown_village_next_to_a_known_country(gaz: PlaceResolver) -> None:
    match = gaz.resolve("Gunmen attacked a checkpoint near Zorokoro, central Mali.")
    assert (match.location_text, match.location_precision, match.country) == (
        "Zorokoro",
        "unresolved",
        "Mali",
    )
    assert match.unknown_names == ("Zorokoro",)


def test_a_list_prefers_the_known_town_and_keeps_every_name(gaz: PlaceResolver) -> None:
    match = gaz.resolve("Attacks kill four in Kouroukoro, Sanghara 3 and Mopti.", "Mali")
    assert (match.location, match.location_text) == ("Mopti", "Mopti")
    assert match.places_text == ("Kouroukoro", "Sanghara 3", "Mopti")
    assert match.unknown_names == ("Kouroukoro", "Sanghara 3")


@pytest.mark.parametrize(
    "text",
    [
        "In January, the army withdrew.",
        "In March 2019, suspected members of the Dogon killed 150.",
        "fighters from JNIM and the Tuareg community",
        "the rebels established control in Mali's north",
        "militants across the Sahel and in West Africa",
        "near the Algerian border",
        "at the U.N. General Assembly",
        "Prime Minister in Choguel Kokalla Maïga's government",
    ],
)
def test_unknown_names_skip_months_groups_possessives_and_regions(
    gaz: PlaceResolver, text: str
) -> None:
    assert gaz.resolve(text).unknown_names == ()


def test_default_country_is_used_only_when_nothing_is_found(gaz: PlaceResolver) -> None:
    assert gaz.resolve("Nothing here.").country is None
    assert gaz.resolve("Nothing here.", default_country="Mali").country == "Mali"
    djibo = gaz.resolve("JNIM militants carry out multiple attacks in Djibo", "Mali")
    assert (djibo.location, djibo.country, djibo.country_code) == ("Djibo", "Burkina Faso", "BFA")


# --- the sample's timeline ---------------------------------------------------------------

# (line, quote from that line, location, precision, country, spelling the gazetteer knows)
TIMELINE = [
    (93, "carry out attacks in Bamako", "Bamako", "town", "Mali", "Bamako"),
    (95, "villagers in Dembo, central Mali", "Dembo", "town", "Mali", "Dembo"),
    (96, "troops in Tinzaouaten", "Tinzaouaten", "town", "Mali", "Tinzaouaten"),
    # The lead sentence names the country only ("... in central Mali."); the towns come in
    # the next sentence, as in the pipeline before the GeoNames gazetteer.
    (104, "civilians in central Mali", "Mali", "country", "Mali", "Mali"),
    (107, "from Fekola Mine to Bamako", "Fekola", "town", "Mali", "Fekola Mine"),
    (111, "attacks in Djibo", "Djibo", "town", "Burkina Faso", "Djibo"),
    (112, "between Koro and Bankass", "Koro", "town", "Mali", "Koro"),
    (117, "the Ménaka and Timbuktu regions", "Ménaka Region", "admin1", "Mali", "Ménaka"),
    # Lead sentence: "... control in Mali."; the cercles are in the second sentence.
    (120, "its areas of control in Mali", "Mali", "country", "Mali", "Mali"),
    (128, "between Labbezanga and Gao", "Labbezanga", "town", "Mali", "Labbezanga"),
    (129, "Gaena and Boya in Gao region", "Gaena", "town", "Mali", "Gaena"),
    (134, "bombing in Sevare, central Mali", "Sévaré", "town", "Mali", "Sevare"),
    (137, "They arrive in Niamey", "Niamey", "town", "Niger", "Niamey"),
    (139, "the eastern town of Menaka", "Ménaka", "town", "Mali", "Menaka"),
    (141, "the towns of Mopti and Segou", "Mopti", "town", "Mali", "Mopti"),
    (142, "at Sebekoro in the Kayes region", "Sébékoro", "town", "Mali", "Sebekoro"),
    (144, "post in Marka-coungo", "Marka-coungo", "town", "Mali", "Marka-coungo"),
    (145, "patrol in Timbuktu town", "Timbuktu", "town", "Mali", "Timbuktu"),
    (155, "IED in Bandiagara region", "Bandiagara Region", "admin2", "Mali", "Bandiagara region"),
    (158, "attacks in Kalumba—near", "Kalumba", "town", "Mali", "Kalumba"),
    (167, "Hombori municipality, in Douentza region", "Hombori", "town", "Mali", "Hombori"),
    (170, "unit in the Nara region", "Nara Region", "admin2", "Mali", "Nara region"),
    (181, "in the Mopti region, central Mali", "Mopti Region", "admin1", "Mali", "Mopti region"),
    (183, "gold mine in southern Mali", "Mali", "country", "Mali", "Mali"),
    (190, "southwest of Asongo", "Ansongo", "town", "Mali", "Asongo"),
    (195, "in Bambara-Maoude, Timbuktu", "Bambara-Maoudé", "town", "Mali", "Bambara-Maoude"),
    (199, "the Menaka region of eastern Mali", "Ménaka Region", "admin1", "Mali", "Menaka region"),
    (217, "the Liptako region of southeast Mali", "Liptako", "admin1", "Mali", "Liptako region"),
    (220, "landmine in N'gorkou", "N'Gorkou", "town", "Mali", "N'gorkou"),
    (221, "Niafounke district in", "Niafunké Cercle", "admin2", "Mali", "Niafounke district"),
    # Lead sentence: "... two 2016 terror attacks in Burkina Faso."
    (
        231,
        "terror attacks in Burkina Faso",
        "Burkina Faso",
        "country",
        "Burkina Faso",
        "Burkina Faso",
    ),
    (236, "force camp in Boulikessi", "Boulkessi", "town", "Mali", "Boulikessi"),
    (241, "attack Gaganfani and Yono", "Gangafani 2", "town", "Mali", "Gaganfani"),
    (243, "Dogon village of Sobane Da", "Sobane Da", "town", "Mali", "Sobane Da"),
    (254, "village of Koulogon Peul", "Koulogon Peul", "town", "Mali", "Koulogon Peul"),
    (258, "taskforce located Sévaré", "Sévaré", "town", "Mali", "Sévaré"),
    (263, "patrol in the Kidal region", "Kidal Region", "admin1", "Mali", "Kidal region"),
    (273, "near Severe in central Mali", "Sévaré", "town", "Mali", "Severe"),
    (297, "the northern region of Gao", "Gao Region", "admin1", "Mali", "Gao"),
    (303, "tourist in Diema in the Kayes region", "Diéma", "town", "Mali", "Diema"),
    (322, "his house in Tumbuktu", "Timbuktu", "town", "Mali", "Tumbuktu"),
    (326, "in southern Tunisia", "Tunisia", "country", "Tunisia", "Tunisia"),
]


@pytest.mark.parametrize(
    ("number", "quote", "location", "precision", "country", "written"),
    TIMELINE,
    ids=[f"line{case[0]}" for case in TIMELINE],
)
def test_timeline_bullet_primary_location(
    gaz: PlaceResolver,
    number: int,
    quote: str,
    location: str,
    precision: str,
    country: str,
    written: str,
) -> None:
    match = gaz.resolve(sample_line(number, quote), default_country="Mali")
    assert (
        match.location,
        match.location_precision,
        match.country,
        match.matched_text,
    ) == (location, precision, country, written)


def test_a_site_in_a_known_town_is_placed_at_the_town(gaz: PlaceResolver) -> None:
    # Line 299: the attack was on the gas facility, which is in the town of In Amenas.
    line = sample_line(299, "Tigantourine gas facility in the town of In Amenas")
    match = gaz.resolve(line, default_country="Mali")
    assert (match.location_text, match.location, match.location_precision, match.country) == (
        "Tigantourine gas facility",
        "In Amenas",
        "town",
        "Algeria",
    )
    assert (match.geo_precision, match.where_prec) == (1, 1)


def test_border_country_is_not_the_location(gaz: PlaceResolver) -> None:
    line = sample_line(267, "a Malian army post near the border with Burkina Faso")
    match = gaz.resolve(line, default_country="Mali")
    assert (match.location, match.location_precision, match.country) == (None, "unknown", "Mali")


# Every place the sample names, spelled as the sample spells it (checked below).
SAMPLE_NAMES = {
    "Bamako": "ml-bamako",
    "Timbuktu": "ml-timbuktu",
    "Tumbuktu": "ml-timbuktu",
    "Gao": "ml-gao",
    "Kidal": "ml-kidal",
    "Mopti": "ml-mopti",
    "Menaka": "ml-menaka",
    "Sevare": "ml-sevare",
    "Sévaré": "ml-sevare",
    "Segou": "ml-segou",
    "Kayes": "ml-kayes",
    "Kati": "ml-kati",
    "Kita": "ml-kita",
    "Koutiala": "ml-koutiala",
    "Nara": "ml-nara",
    "Niono": "ml-niono",
    "Sokolo": "ml-sokolo",
    "Douentza": "ml-douentza",
    "Hombori": "ml-hombori",
    "Boni": "ml-boni",
    "Bandiagara": "ml-bandiagara",
    "Bankass": "ml-bankass",
    "Koro": "ml-koro",
    "Tessalit": "ml-tessalit",
    "Aguelhok": "ml-aguelhok",
    "Tessit": "ml-tessit",
    "Talataye": "ml-talataye",
    "Tinzaouaten": "ml-tinzaouaten",
    "Talhandak": "ml-talhandak",
    "Boulikessi": "ml-boulkessi",
    "Mondoro": "ml-mondoro",
    "Kerena": "ml-kerena",
    "Gassel": "ml-gassel",
    "Gangafani 2": "ml-gangafani-2",
    "Gaganfani": "ml-gangafani-2",
    "Yoro": "ml-yoro",
    "Yono": "ml-yoro",
    "Ogossagou": "ml-ogossagou",
    "Koulogon Peul": "ml-koulogon-peul",
    "Dembo": "ml-dembo",
    "Diallassagou": "ml-diallassagou",
    "Sobane Da": "ml-sobane-da",
    "Djiguibombo": "ml-djiguibombo",
    "Songho": "ml-songho",
    "Moura": "ml-moura",
    "Diafarabe": "ml-diafarabe",
    "Dioura": "ml-dioura",
    "Bambara-Maoude": "ml-bambara-maoude",
    "Acharane": "ml-acharane",
    "N'gorkou": "ml-ngorkou",
    "Niafounke district": "ml-niafunke-cercle",
    "Gossi": "ml-gossi",
    "Bourem": "ml-bourem",
    "Tarkint": "ml-tarkint",
    "Bamba": "ml-bamba",
    "Kadji": "ml-kadji",
    "Karou": "ml-karou",
    "Ouatagouna": "ml-ouatagouna",
    "Daoutegeft": "ml-daoutegeft",
    "Labbezanga": "ml-labbezanga",
    "Gaena": "ml-gaena",
    "Boya": "ml-boya",
    "Asongo": "ml-ansongo",
    "Indelimane": "ml-indelimane",
    "Akabar": "ml-akabar",
    "Dogofri": "ml-dogofri",
    "Nampala": "ml-nampala",
    "Alatona": "ml-alatona",
    "Bouka Were": "ml-bouka-were",
    "Bapho": "ml-bapho",
    "Kimparana": "ml-kimparana",
    "Mourdiah": "ml-mourdiah",
    "Guire": "ml-guire",
    "Welingara": "ml-welingara",
    "Kwala": "ml-kwala",
    "Gomitra": "ml-gomitra",
    "Didiéni": "ml-didieni",
    "Nossombougou": "ml-nossombougou",
    "Kassela": "ml-kassela",
    "Marka-coungo": "ml-marka-coungo",
    "Zantiguila": "ml-zantiguila",
    "Sebekoro": "ml-sebekoro",
    "Diema": "ml-diema",
    "Blendio": "ml-blendio",
    "Kalumba": "ml-kalumba",
    "Gouni": "ml-gouni",
    "Gorey": "ml-gorey",
    "Djamnati": "ml-djamnati",
    "Simikanda": "ml-simikanda",
    "Fekola Mine": "ml-fekola",
    "Gao region": "ml-gao-region",
    "Kidal region": "ml-kidal-region",
    "Mopti region": "ml-mopti-region",
    "Menaka region": "ml-menaka-region",
    "Segou region": "ml-segou-region",
    "Kayes region": "ml-kayes-region",
    "Koulikoro region": "ml-koulikoro-region",
    "Bandiagara region": "ml-bandiagara-region",
    "Douentza region": "ml-douentza-region",
    "Nara region": "ml-nara-region",
    "Liptako region": "xb-liptako",
    "Azawad": "ml-azawad",
    "Niamey": "ne-niamey",
    "Tongo Tongo": "ne-tongo-tongo",
    "Ouagadougou": "bf-ouagadougou",
    "Djibo": "bf-djibo",
    "In Amenas": "dz-in-amenas",
    "Grand Bassam": "ci-grand-bassam",
    "Tripoli": "ly-tripoli",
    "Rome": "it-rome",
    "Gaza": "ps-gaza-strip",
    "West Bank": "ps-west-bank",
    "New York City": "us-new-york-city",
    "Chechnya": "ru-chechnya",
    "Mali": "ml-mali",
    "Niger": "ne-niger",
    "Burkina Faso": "bf-burkina-faso",
    "Algeria": "dz-algeria",
    "Mauritania": "mr-mauritania",
    "Chad": "td-chad",
    "Côte d'Ivoire": "ci-cote-divoire",
    "Ivory Coast": "ci-cote-divoire",
    "Senegal": "sn-senegal",
    "Nigeria": "ng-nigeria",
    "Libya": "ly-libya",
    "Guinea": "gn-guinea",
    "Togo": "tg-togo",
    "Sudan": "sd-sudan",
    "Morocco": "ma-morocco",
    "Western Sahara": "eh-western-sahara",
    "Tunisia": "tn-tunisia",
    "France": "fr-france",
    "United States": "us-united-states",
    "United Kingdom": "gb-united-kingdom",
    "Russia": "ru-russia",
    "Ukraine": "ua-ukraine",
    "Israel": "il-israel",
    "Qatar": "qa-qatar",
    "United Arab Emirates": "ae-united-arab-emirates",
    "Belgium": "be-belgium",
    "Czech Republic": "cz-czech-republic",
    "Denmark": "dk-denmark",
    "Estonia": "ee-estonia",
    "Germany": "de-germany",
    "Hungary": "hu-hungary",
    "Italy": "it-italy",
    "Netherlands": "nl-netherlands",
    "Norway": "no-norway",
    "Portugal": "pt-portugal",
    "Sweden": "se-sweden",
}


@pytest.mark.parametrize(("written", "expected"), sorted(SAMPLE_NAMES.items()))
def test_every_place_the_sample_names_resolves(
    gaz: PlaceResolver, written: str, expected: str
) -> None:
    assert written in SAMPLE.read_text(encoding="utf-8"), f"the sample never writes {written!r}"
    assert place_id(gaz, f"It happened in {written}.") == expected


def test_sample_names_list_is_long_enough() -> None:
    assert len(SAMPLE_NAMES) >= 40


def test_gazetteer_leaves_no_unknown_names_in_the_sample(gaz: PlaceResolver) -> None:
    unknown = {
        (number, name)
        for number, line in enumerate(SAMPLE_LINES, start=1)
        for name in gaz.resolve(line, default_country="Mali").unknown_names
    }
    assert unknown == set()


def test_a_small_place_abroad_is_not_the_place_of_another_countrys_event(
    gaz: PlaceResolver,
) -> None:
    # places.csv has a Mali village Boni; a Kenya report's "Boni Forest" is not it: the name
    # stays as written, unresolved, in the document's country. A town abroad still counts.
    text = "Five officers were killed in an ambush inside the Boni Forest."
    kenya = gaz.resolve(text, default_country="Kenya")
    assert (kenya.location_text, kenya.place_id, kenya.country) == ("Boni Forest", None, "Kenya")
    assert gaz.resolve(text, default_country="Mali").place_id == "ml-boni"
    abroad = gaz.resolve("Gunmen attacked a hotel in Bamako.", default_country="Kenya")
    assert (abroad.location, abroad.country) == ("Bamako", "Mali")


def test_a_denomination_before_a_site_noun_is_no_place_name(gaz: PlaceResolver) -> None:
    # "a Catholic church in Dori": the church is in Dori, "Catholic" names no place.
    match = gaz.resolve(
        "Gunmen attacked a Catholic church in Dori.", default_country="Burkina Faso"
    )
    assert (match.location_text, match.location, match.country) == ("Dori", "Dori", "Burkina Faso")


def test_a_village_near_which_it_happened_refines_the_region_named_first(
    gaz: PlaceResolver,
) -> None:
    # "In Gao region ..., near Zorokoro": the region frames the sentence, the village (not in
    # the gazetteer) is where it happened; it is kept as written.
    match = gaz.resolve(
        "In Gao region on that day, an IED hit an army vehicle near Zorokoro.",
        default_country="Mali",
    )
    assert (match.location_text, match.location_precision) == ("Zorokoro", "unresolved")
    # After a town, a place the event is near is only a reference point.
    town = gaz.resolve("Gunmen attacked a bus in Gao, near Zorokoro.", default_country="Mali")
    assert (town.location, town.location_precision) == ("Gao", "town")


@pytest.mark.parametrize(
    "text",
    [
        "A bomb went off in a church in Zorvanda, on the Ugandan border, killing 14 people.",
        "Gunmen attacked a market in Zorvanda near the Ugandan border.",
        "Gunmen attacked Zorvanda, a village on the border with Uganda.",
        "Gunmen attacked Zorvanda, close to Uganda's border.",
    ],
)
def test_a_neighbour_named_as_a_border_is_not_the_events_country(
    gaz: PlaceResolver, text: str
) -> None:
    # In a report on the Congo and Uganda, a village "on the Ugandan border" is in the
    # report's main country: the neighbour is only a reference.
    match = gaz.locate(text, DocumentPlaces(("CD", "UG"), "CD"))
    assert (match.location_text, match.country) == ("Zorvanda", "Democratic Republic of the Congo")


def test_a_demonym_that_is_no_border_still_names_the_country(gaz: PlaceResolver) -> None:
    match = gaz.locate(
        "Ugandan troops attacked a camp in Zorvanda.", DocumentPlaces(("CD", "UG"), "CD")
    )
    assert match.country == "Uganda"
