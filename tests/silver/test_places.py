"""Place resolution against the reviewed gazetteer, checked on the bundled Mali sample.

Every expected location below was read off the sample by hand; each case quotes the line so
a renumbered sample fails loudly instead of silently testing something else.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from eventline.silver.places import (
    COLUMNS,
    PLACES_CSV,
    Gazetteer,
    PlaceMatch,
    default_gazetteer,
)
from tests.paths import SAMPLE

SAMPLE_LINES = SAMPLE.read_text(encoding="utf-8").splitlines()
# The 2016-2023 regions plus the Bamako district (see schemas/reference/README.md).
MALI_ADMIN1 = {
    "Bamako",
    "Gao",
    "Kayes",
    "Kidal",
    "Koulikoro",
    "Ménaka",
    "Mopti",
    "Ségou",
    "Sikasso",
    "Taoudénit",
    "Timbuktu",
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def sample_line(number: int, quote: str) -> str:
    line = SAMPLE_LINES[number - 1]
    assert quote in line, f"line {number} no longer says {quote!r}"
    return line


def ids(gaz: Gazetteer, text: str) -> list[str]:
    return [place.place_id for place, _, _ in gaz.find_all(text)]


# --- the reference file ------------------------------------------------------------------


def test_csv_header_is_exact() -> None:
    with PLACES_CSV.open(encoding="utf-8", newline="") as handle:
        assert tuple(next(csv.reader(handle))) == COLUMNS


def test_coordinates_are_honest_and_inside_their_country(gaz: Gazetteer) -> None:
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


def test_mali_rows_use_one_region_scheme(gaz: Gazetteer) -> None:
    for place in gaz.places:
        if place.country == "Mali" and place.admin1 is not None:
            assert place.admin1 in MALI_ADMIN1, place.place_id


def test_loader_rejects_a_spelling_shared_by_two_places(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text(
        ",".join(COLUMNS) + "\n"
        "ml-a,Boni,,village,,,Mali,,,unknown\n"
        "ml-b,Bóni,,village,,,Mali,,,unknown\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="names both"):
        Gazetteer.from_csv(path)


def test_loader_rejects_a_wrong_header(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text("id,name\nml-a,Boni\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header"):
        Gazetteer.from_csv(path)


def test_default_gazetteer_is_loaded_once() -> None:
    assert default_gazetteer() is default_gazetteer()


# --- spellings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "place_id"),
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
    gaz: Gazetteer, written: str, place_id: str
) -> None:
    assert ids(gaz, f"An attack in {written} was reported.") == [place_id]


def test_lowercase_text_is_not_a_name(gaz: Gazetteer) -> None:
    # Names are capitalised in prose; the first letter decides ("boni" is not Boni).
    assert ids(gaz, "an attack in menaka, boni and koro") == []


def test_severe_is_sevare_only_as_a_locative_object(gaz: Gazetteer) -> None:
    assert ids(gaz, "a roadside bomb near Severe in central Mali") == ["ml-sevare", "ml-mali"]
    assert ids(gaz, "Severe flooding hit the town.") == []
    assert ids(gaz, "the injuries were severe in Gao") == ["ml-gao"]
    assert ids(gaz, "cases of Severe Acute Malnutrition rose") == []


def test_new_york_is_the_city_but_not_the_newspaper(gaz: Gazetteer) -> None:
    assert ids(gaz, "the U.N. General Assembly in New York City") == ["us-new-york-city"]
    assert ids(gaz, "a delegation flew to New York in May") == ["us-new-york-city"]
    assert ids(gaz, "according to the New York Times") == []


def test_citations_and_longer_proper_names_are_not_places(gaz: Gazetteer) -> None:
    assert ids(gaz, "Sources: [France 24](#), [Africa News](#)") == []
    assert ids(gaz, "in a call with Agence France-Presse, he said") == []
    assert ids(gaz, "a sermon by Sheikh Amadou Bamba") == []
    assert ids(gaz, "“Northern Mali has become a jihad front.”") == ["ml-mali"]


# --- longest first, region versus town ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place_id", "written"),
    [
        ("Another 17 died in Gangafani 2.", "ml-gangafani-2", "Gangafani 2"),
        ("an explosive device in Bambara-Maoude, Timbuktu", "ml-bambara-maoude", "Bambara-Maoude"),
        ("in the village of Koulogon Peul", "ml-koulogon-peul", "Koulogon Peul"),
        ("a bus from Fekola Mine to Bamako", "ml-fekola", "Fekola Mine"),
        ("troops in the Timbuktu region", "ml-timbuktu-region", "Timbuktu region"),
        ("an attack in Tongo Tongo, Niger", "ne-tongo-tongo", "Tongo Tongo"),
    ],
)
def test_longest_variant_wins(gaz: Gazetteer, text: str, place_id: str, written: str) -> None:
    place, as_written, _ = gaz.find_all(text)[0]
    assert (place.place_id, as_written) == (place_id, written)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Armed men ambush a camp in Gao, northern Mali.", ["ml-gao", "ml-mali"]),
        ("IS Sahel ambushed villages in Gao region.", ["ml-gao-region"]),
        ("an IED in the Mopti region of central Mali", ["ml-mopti-region", "ml-mali"]),
        ("an operation in the Menaka region of eastern Mali", ["ml-menaka-region", "ml-mali"]),
        ("in the Ménaka and Timbuktu regions.", ["ml-menaka-region", "ml-timbuktu-region"]),
        (
            "the northern Malian regions of Gao, Kidal, and Menaka",
            ["ml-gao-region", "ml-kidal-region", "ml-menaka-region"],
        ),
        ("all the rural cercles of Ménaka and Gao", ["ml-menaka-region", "ml-gao-region"]),
        ("large parts of the Asongo area in northern Gao", ["ml-ansongo", "ml-gao-region"]),
        ("in the northern region of Gao", ["ml-gao-region"]),
        (
            "campaigning in the Niafounke district in Timbuktu",
            ["ml-niafunke-cercle", "ml-timbuktu-region"],
        ),
        ("a patrol in Timbuktu town in northern Mali", ["ml-timbuktu", "ml-mali"]),
        ("in the towns of Menaka, Gao, and Kidal", ["ml-menaka", "ml-gao", "ml-kidal"]),
    ],
)
def test_bare_name_is_the_town_unless_the_prose_makes_it_a_region(
    gaz: Gazetteer, text: str, expected: list[str]
) -> None:
    assert ids(gaz, text) == expected


def test_find_all_reports_text_as_written_with_offsets(gaz: Gazetteer) -> None:
    text = "Clashes in and around Gao and Menaka kill at least 100 people."
    found = gaz.find_all(text)
    assert [(p.place_id, w, o) for p, w, o in found] == [
        ("ml-gao", "Gao", 22),
        ("ml-menaka", "Menaka", 30),
    ]
    assert all(text[o : o + len(w)] == w for _, w, o in found)


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
    gaz: Gazetteer,
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


def test_town_carries_coordinates_and_unknown_village_carries_none(gaz: Gazetteer) -> None:
    timbuktu = gaz.resolve("a mortar attack in Timbuktu")
    assert (timbuktu.latitude, timbuktu.longitude) == pytest.approx((16.77, -3.01))
    dembo = gaz.resolve("villagers in Dembo")
    assert (dembo.latitude, dembo.longitude) == (None, None)


def test_unknown_village_is_reported_and_falls_back_to_the_default_country(
    gaz: Gazetteer,
) -> None:
    match = gaz.resolve("Gunmen attacked a checkpoint near Zorokoro.", default_country="Mali")
    assert match == PlaceMatch(
        location=None,
        place_id=None,
        location_precision="unknown",
        admin1=None,
        country="Mali",
        latitude=None,
        longitude=None,
        matched_text=None,
        unknown_names=("Zorokoro",),
    )


def test_unknown_village_next_to_a_known_country(gaz: Gazetteer) -> None:
    match = gaz.resolve("Gunmen attacked a checkpoint near Zorokoro, central Mali.")
    assert (match.location, match.location_precision, match.unknown_names) == (
        "Mali",
        "country",
        ("Zorokoro",),
    )


def test_unknown_names_keep_lists_and_numbered_villages(gaz: Gazetteer) -> None:
    match = gaz.resolve("Attacks kill four in Kouroukoro, Sanghara 3 and Mopti.")
    assert match.location == "Mopti"
    assert match.unknown_names == ("Kouroukoro", "Sanghara 3")


@pytest.mark.parametrize(
    "text",
    [
        "In January, the army withdrew.",
        "In March 2019, suspected members of the Dogon killed 150.",
        "The attack happened at the Radisson Blu Hotel.",
        "fighters from JNIM and the Tuareg community",
        "the rebels established control in Mali's north",
        "militants across the Sahel and in West Africa",
        "near the Algerian border",
        "at the U.N. General Assembly",
        "Prime Minister in Choguel Kokalla Maïga's government",
    ],
)
def test_unknown_names_skip_months_groups_possessives_and_regions(
    gaz: Gazetteer, text: str
) -> None:
    assert gaz.resolve(text).unknown_names == ()


def test_default_country_is_used_only_when_nothing_is_found(gaz: Gazetteer) -> None:
    assert gaz.resolve("Nothing here.").country is None
    assert gaz.resolve("Nothing here.", default_country="Mali").country == "Mali"
    djibo = gaz.resolve("JNIM militants carry out multiple attacks in Djibo", "Mali")
    assert (djibo.location, djibo.country) == ("Djibo", "Burkina Faso")


# --- the sample's timeline ---------------------------------------------------------------

# (line, quote from that line, location, precision, country, text as written)
TIMELINE = [
    (93, "carry out attacks in Bamako", "Bamako", "town", "Mali", "Bamako"),
    (95, "villagers in Dembo, central Mali", "Dembo", "town", "Mali", "Dembo"),
    (96, "troops in Tinzaouaten", "Tinzaouaten", "town", "Mali", "Tinzaouaten"),
    (104, "between Bandiagara and Bankass", "Bandiagara", "town", "Mali", "Bandiagara"),
    (107, "from Fekola Mine to Bamako", "Fekola", "town", "Mali", "Fekola Mine"),
    (111, "attacks in Djibo", "Djibo", "town", "Burkina Faso", "Djibo"),
    (112, "between Koro and Bankass", "Koro", "town", "Mali", "Koro"),
    (117, "the Ménaka and Timbuktu regions", "Ménaka Region", "admin1", "Mali", "Ménaka"),
    (120, "rural cercles of Ménaka and Gao", "Ménaka Region", "admin1", "Mali", "Ménaka"),
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
    (231, "café in Ouagadougou", "Ouagadougou", "town", "Burkina Faso", "Ouagadougou"),
    (236, "force camp in Boulikessi", "Boulkessi", "town", "Mali", "Boulikessi"),
    (241, "attack Gaganfani and Yono", "Gangafani 2", "town", "Mali", "Gaganfani"),
    (243, "Dogon village of Sobane Da", "Sobane Da", "town", "Mali", "Sobane Da"),
    (254, "village of Koulogon Peul", "Koulogon Peul", "town", "Mali", "Koulogon Peul"),
    (258, "taskforce located Sévaré", "Sévaré", "town", "Mali", "Sévaré"),
    (263, "patrol in the Kidal region", "Kidal Region", "admin1", "Mali", "Kidal region"),
    (273, "near Severe in central Mali", "Sévaré", "town", "Mali", "Severe"),
    (297, "the northern region of Gao", "Gao Region", "admin1", "Mali", "Gao"),
    (299, "the town of In Amenas", "In Amenas", "town", "Algeria", "In Amenas"),
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
    gaz: Gazetteer,
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


def test_border_country_is_not_the_location(gaz: Gazetteer) -> None:
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


@pytest.mark.parametrize(("written", "place_id"), sorted(SAMPLE_NAMES.items()))
def test_every_place_the_sample_names_resolves(gaz: Gazetteer, written: str, place_id: str) -> None:
    assert written in SAMPLE.read_text(encoding="utf-8"), f"the sample never writes {written!r}"
    assert ids(gaz, f"It happened in {written}.") == [place_id]


def test_sample_names_list_is_long_enough() -> None:
    assert len(SAMPLE_NAMES) >= 40


def test_gazetteer_leaves_no_unknown_names_in_the_sample(gaz: Gazetteer) -> None:
    unknown = {
        (number, name)
        for number, line in enumerate(SAMPLE_LINES, start=1)
        for name in gaz.resolve(line).unknown_names
    }
    assert unknown == set()
