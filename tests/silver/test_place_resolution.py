"""Places of reports on any country: homonyms, admin hints, kinds, fallbacks, precision codes.

The sentences are written for these tests. The places and their facts were read from the
bundled GeoNames files (``schemas/reference/gazetteer/places/<ISO2>.csv.gz``; ids quoted);
the one real event used (Boko Haram's attack on Bosso, Diffa region, Niger, on 3 June 2016)
is as reported by the press and the Global Terrorism Database. Names no gazetteer knows
(Kolmari, Tenkira, Ouanlé) are made up on purpose.
"""

from __future__ import annotations

from typing import Any

import pytest

from eventline.silver import place_context, place_index
from eventline.silver.place_choice import PLACE_COLUMNS
from eventline.silver.place_context import DocumentPlaces, mentions_of
from eventline.silver.place_resolution import resolve_mention
from eventline.silver.places import PlaceResolver, default_gazetteer


@pytest.fixture(scope="module")
def gaz() -> PlaceResolver:
    return default_gazetteer()


def at(gaz: PlaceResolver, text: str, *countries: str, record: dict | None = None):
    return gaz.locate(text, DocumentPlaces(tuple(countries), countries[0]), record)


# --- homonyms across and within countries ---------------------------------------------------


def test_koro_in_a_burkina_faso_report_is_never_the_mali_town(gaz: PlaceResolver) -> None:
    # BF.txt has five villages named Koro (Nord, Centre-Sud, Hauts-Bassins, Sud-Ouest,
    # Cascades), none better known than the others; places.csv's Koro is Mali's cercle town.
    match = at(gaz, "Gunmen attacked the market in Koro on Sunday.", "BF")
    assert (match.location_text, match.location_precision, match.place_id) == (
        "Koro",
        "unresolved",
        None,
    )
    assert (match.country, match.country_code) == ("Burkina Faso", "BFA")
    assert at(gaz, "Gunmen attacked the market in Koro.", "ML").place_id == "ml-koro"


def test_an_admin_hint_picks_one_homonym(gaz: PlaceResolver) -> None:
    match = at(gaz, "Gunmen attacked the market in Koro (Nord) on Sunday.", "BF")
    assert (match.place_id, match.admin1, match.location_precision) == (
        "gn:2359061",
        "Nord",
        "town",
    )
    assert (match.latitude, match.longitude) == (12.7281, -1.99894)


def test_the_better_known_homonym_wins_without_a_hint(gaz: PlaceResolver) -> None:
    # NE.txt: Bosso 2446613 (Diffa, 6,451 people) and Bosso 2446612 (Tillabéri, no figure).
    match = at(gaz, "Boko Haram fighters overran Bosso on 3 June 2016.", "NE")
    assert (match.place_id, match.admin1) == ("gn:2446613", "Diffa")
    hinted = at(gaz, "Gunmen raided Bosso (Tillabéri) at night.", "NE")
    assert (hinted.place_id, hinted.admin1) == ("gn:2446612", "Tillabéri")


def test_a_village_beats_its_department(gaz: PlaceResolver) -> None:
    # Bosso is also a department of Diffa (gn:11996019): "Bosso town in Diffa" is the town.
    match = at(gaz, "Boko Haram attacked Bosso town in Diffa, killing 26 soldiers.", "NE")
    assert (match.place_id, match.location_precision, match.location_text) == (
        "gn:2446613",
        "town",
        "Bosso town",
    )
    department = at(gaz, "Troops patrolled the Bosso department.", "NE")
    assert (department.place_id, department.location_precision) == ("gn:11996019", "admin2")


def test_a_department_hint_is_checked_by_distance_when_places_have_no_department(
    gaz: PlaceResolver,
) -> None:
    # CM.txt gives no admin2 on places: Yagoua 2221030 (80,235 people) is Mayo-Danay's seat;
    # the village Yégwa 2221029, also spelled Yagoua, lies in Mayo-Sava.
    assert at(gaz, "Militants looted shops in Yagoua.", "CM").place_id == "gn:2221030"
    hinted = at(gaz, "Militants looted shops in Yagoua (Mayo-Sava, Far North).", "CM")
    assert hinted.place_id == "gn:2221029"


# --- hints, countries and kinds -------------------------------------------------------------


def test_a_country_among_the_hints_restricts_the_search(gaz: PlaceResolver) -> None:
    # The document is about Cameroon; "(Lac, Chad)" places the event in Chad's Lac province.
    match = at(gaz, "Fighters attacked an army post at Tenkira (Lac, Chad).", "CM")
    assert (match.location_text, match.location_precision) == ("Tenkira", "unresolved")
    assert (match.location, match.admin1, match.country, match.country_code) == (
        "Lac",
        "Lac",
        "Chad",
        "TCD",
    )
    assert (match.geo_precision, match.where_prec) == (3, 4)


def test_admin_names_alone_in_parentheses_place_the_event(gaz: PlaceResolver) -> None:
    match = at(gaz, "On 3 May, militants killed two soldiers (Lac, Chad).", "CM", "TD")
    assert (match.location_text, match.location, match.location_precision) == (
        "Lac",
        "Lac",
        "admin1",
    )
    assert match.country == "Chad"


def test_an_admin_noun_makes_the_name_an_area(gaz: PlaceResolver) -> None:
    match = at(gaz, "A bomb went off in Lac province.", "TD")
    assert (match.location_text, match.place_id, match.location_precision) == (
        "Lac province",
        "gn:2429323",
        "admin1",
    )


# --- unknown places: kept as written, placed by what comes with them ------------------------


def test_an_unknown_village_near_a_known_town_is_placed_at_the_town(gaz: PlaceResolver) -> None:
    match = at(gaz, "Gunmen attacked a post at Kolmari near Fotokol.", "CM")
    assert (match.location_text, match.location, match.location_precision) == (
        "Kolmari",
        "Fotokol",
        "unresolved",
    )
    assert (match.place_id, match.geo_precision, match.where_prec) == ("gn:2231535", 2, 2)
    assert match.unknown_names == ("Kolmari",)


def test_an_unknown_village_with_a_department_hint_is_placed_at_the_department(
    gaz: PlaceResolver,
) -> None:
    match = at(gaz, "Jihadists raided Ouanlé, Mayo-Sava department, at dawn.", "CM")
    assert (match.location_text, match.location, match.location_precision) == (
        "Ouanlé",
        "Mayo-Sava",
        "unresolved",
    )
    assert (match.admin1, match.admin2, match.geo_precision, match.where_prec) == (
        "Far North",
        "Mayo-Sava",
        2,
        3,
    )


def test_a_site_inside_a_known_town_is_the_town(gaz: PlaceResolver) -> None:
    match = at(gaz, "Gunmen stormed the Jazeera Palace hotel in Mogadishu.", "SO")
    assert (match.location_text, match.location, match.location_precision) == (
        "Jazeera Palace hotel",
        "Mogadishu",
        "town",
    )
    assert (match.place_id, match.geo_precision, match.where_prec) == ("gn:53654", 1, 1)


def test_near_a_known_town_is_coded_as_near(gaz: PlaceResolver) -> None:
    match = at(gaz, "A roadside bomb killed two soldiers near Kismayo.", "SO")
    assert (match.location, match.location_precision, match.geo_precision, match.where_prec) == (
        "Kismayo",
        "town",
        2,
        2,
    )


def test_a_road_between_two_towns_is_placed_at_the_first(gaz: PlaceResolver) -> None:
    match = at(gaz, "A convoy struck a mine on the road from Batié to Gaoua.", "BF")
    assert (match.location_text, match.place_id) == ("road from Batié to Gaoua", "gn:2362669")
    assert (match.geo_precision, match.where_prec) == (2, 5)


def test_towns_joined_by_a_hyphen_are_a_road_between_them(gaz: PlaceResolver) -> None:
    # Gaoua: two BF towns; the seat of Sud-Ouest (45,284 people, 2360620) is the known one.
    match = at(gaz, "An IED hit a bus on the Gaoua-Batié road.", "BF")
    assert (match.location, match.place_id, match.where_prec) == ("Gaoua", "gn:2360620", 5)


# --- countries -----------------------------------------------------------------------------


def test_a_capital_abroad_is_found_without_its_country(gaz: PlaceResolver) -> None:
    match = at(gaz, "The suspects were arrested in Nairobi.", "SO")
    assert (match.location, match.country, match.country_code) == ("Nairobi", "Kenya", "KEN")


def test_a_national_capital_beats_a_town_that_has_its_name_as_an_alias(
    gaz: PlaceResolver,
) -> None:
    # NG.csv: Abuja gn:2352778 (2,690,000 people, no PPLC code in the bundle) and Suleja
    # gn:2322794 (162,135 people, 'Abuja' among its spellings); countries.csv: NG's capital
    # is Abuja at 9.05785, 7.49508. Both in the top population step, 37 km apart: a tie.
    match = at(gaz, "ECOWAS leaders met again in Abuja on 10 August.", "NE", "NG")
    assert (match.place_id, match.country, match.location_precision) == (
        "gn:2352778",
        "Nigeria",
        "town",
    )


def test_heads_of_state_of_a_country_are_no_hint_of_the_place(gaz: PlaceResolver) -> None:
    # "in Bamako, the Heads of State of Burkina Faso, ...": a title, not "X, the Y of Z"; read
    # as a hint it restricted Bamako to Burkina Faso (BF.txt has two villages of that name).
    text = "On 16 September, in Bamako, the Heads of State of Burkina Faso, Mali and Niger met."
    match = at(gaz, text, "NE")
    assert (match.place_id, match.country, match.location_precision) == (
        "ml-bamako",
        "Mali",
        "town",
    )


def test_a_demonym_of_one_of_the_documents_countries_gives_the_country(
    gaz: PlaceResolver,
) -> None:
    match = gaz.locate(
        "Eleven Chadian soldiers were killed in an ambush.", DocumentPlaces(("CM", "TD"))
    )
    assert (match.location_text, match.country) == (None, "Chad")


def test_a_part_of_the_country_is_coded_as_such(gaz: PlaceResolver) -> None:
    match = at(gaz, "Gunmen killed three soldiers guarding a pipeline in the north-east.", "BJ")
    assert (match.location_text, match.location, match.location_precision) == (
        "north-east",
        "Benin",
        "country",
    )
    assert (match.geo_precision, match.where_prec) == (3, 5)


def test_the_columns_are_the_silver_place_columns(gaz: PlaceResolver) -> None:
    columns = at(gaz, "Militants raided Bosso.", "NE").columns()
    assert tuple(columns) == PLACE_COLUMNS
    assert columns["places_text"] == ["Bosso"]


# --- a document's context ------------------------------------------------------------------


def _records(*texts: str, block: int = 0) -> list[dict]:
    return [
        {"text": t, "block_index": block, "section": None, "line_start": i + 1}
        for i, t in enumerate(texts)
    ]


def test_a_documents_countries_come_from_where_events_happen(gaz: PlaceResolver) -> None:
    records = [
        *_records("COTONOU, 3 March 2023 - Soldiers were killed near Karimama (Alibori).", block=1),
        *_records("LOMÉ, 4 March 2023 - Togolese troops repelled an attack in Dapaong.", block=2),
        *_records("The assailants had crossed from Burkina Faso.", block=3),
    ]
    context = gaz.document(records)
    assert set(context.countries) == {"BJ", "TG"}  # Burkina Faso is only an origin
    assert context.blocks == {(None, 1): "BJ", (None, 2): "TG"}


def test_a_record_naming_no_place_takes_its_paragraphs_nearest_country(
    gaz: PlaceResolver,
) -> None:
    records = _records(
        "On 2 May, protesters marched in Dakar.",
        "On 3 May, the opposition leader was released.",
        "On 9 May, a former minister was charged.",
        "On 10 May, he was detained in Nouakchott.",
    )
    context = gaz.document(records)
    assert {"SN", "MR"} <= set(context.countries)
    assert gaz.locate(records[1]["text"], context, records[1]).country == "Senegal"
    assert gaz.locate(records[2]["text"], context, records[2]).country == "Mauritania"


def test_a_reference_back_takes_the_paragraphs_place(gaz: PlaceResolver) -> None:
    records = _records(
        "On 2 May, gunmen attacked the market in Djibo.",
        "On 4 May, they returned to the town and burned shops.",
    )
    context = gaz.document(records)
    first = gaz.locate(records[0]["text"], context, records[0])
    second = gaz.locate(records[1]["text"], context, records[1])
    assert (first.location, second.location, second.location_text) == ("Djibo", "Djibo", "Djibo")


def test_a_later_part_of_a_record_is_told_where_the_first_part_is(gaz: PlaceResolver) -> None:
    # The dates step splits "On 2 May, ... in Djibo; the following night, ..." in two parts.
    first = {"text": "On 2 May, soldiers ambushed a convoy at Djibo;", "block_index": 0,
             "line_start": 1, "bronze_record_id": "rec_1", "part": 0}  # fmt: skip
    second = {**first, "text": "the following night, militants returned.", "part": 1}
    context = gaz.document([first])
    gaz.locate(first["text"], context, first)
    assert gaz.locate(second["text"], context, second).location == "Djibo"


def test_a_dateline_and_an_undated_lead_set_apart_by_bronze_still_count(
    gaz: PlaceResolver,
) -> None:
    record = {
        "text": "A patrol struck a mine near the park's edge on 8 May.",
        "block_index": 4,
        "section": None,
        "line_start": 3,
        "dateline": "COTONOU, 10 May 2023 -",
        "lead_text": "Rangers were killed in the Pendjari National Park, the army said.",
    }
    context = gaz.document([record])
    assert context.blocks == {(None, 4): "BJ"}
    match = gaz.locate(record["text"], context, record)
    assert (match.location_text, match.country) == ("Pendjari National Park", "Benin")


@pytest.mark.parametrize(
    ("title", "codes"),
    [
        ("Nigeria Monitor, March 2023", ("NG",)),
        ("NIGER SECURITY BRIEF", ("NE",)),
        ("Weekly Chad Security Report: Lac Province", ("TD",)),
    ],
)
def test_a_country_inside_a_title_is_the_documents(
    gaz: PlaceResolver, title: str, codes: tuple[str, ...]
) -> None:
    assert gaz.title_countries(title) == codes
    assert gaz.title_countries("Weekly Security Monitor") == ()  # no country, none read


# --- what was hit, and where: posts, buses, villages gone through (made-up names) ------------


def test_a_post_named_after_its_village_beats_the_unknown_area_it_is_in(
    gaz: PlaceResolver,
) -> None:
    text = (
        "On 2 May, militants raided the Borkoi police post and a clinic in Tandu sub-county, "
        "Marsabit County, killing two officers."
    )
    assert at(gaz, text, "KE").location_text == "Borkoi police post"


def test_a_bus_firms_name_is_not_the_place_of_the_ambush(gaz: PlaceResolver) -> None:
    text = "On 2 May, gunmen ambushed a Kilo Star bus travelling from Moyale near Dambala."
    match = at(gaz, text, "KE")
    assert match.location_text == "Dambala"
    assert "Kilo Star" not in match.places_text


def test_villages_gunmen_went_through_are_the_place_not_their_county(gaz: PlaceResolver) -> None:
    text = "On 2 May, about 20 gunmen went through Walesa and Dimbo villages in Tana River County."
    assert at(gaz, text, "KE").location_text == "Walesa"


def test_what_strikes_were_aimed_at_is_not_where_they_hit(gaz: PlaceResolver) -> None:
    # Invented villages (Silame and Sokoto are real): the camps are the strikes' target,
    # the villages where they landed.
    text = (
        "On 25 December, air strikes aimed at Kolmari camps hit Tenkira and Dabirou"
        " (Silame, Sokoto)."
    )
    match = at(gaz, text, "NG")
    assert (match.location_text, match.places_text) == ("Tenkira", ("Tenkira", "Dabirou"))


def test_each_text_of_a_document_is_read_once(
    gaz: PlaceResolver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The document's countries and each record's place come from one reading per text
    (the place pass resolves copies of it), and the places are those of the text (BF.csv.gz:
    gn:2363174 Aribinda, also spelt Arbinda)."""
    read: list[str] = []
    find = place_context.find_mentions
    monkeypatch.setattr(
        place_context, "find_mentions", lambda t, **kw: read.append(t) or find(t, **kw)
    )
    records = _records(
        "On 2 May, gunmen attacked the market in Djibo.",
        "On 4 May, they returned to the town and burned shops.",
        "On 6 May, soldiers were killed near Arbinda.",
    )
    context = gaz.document(records)
    places = [gaz.locate(r["text"], context, r).location for r in records]
    assert places == ["Djibo", "Djibo", "Aribinda"]
    assert sorted(read) == ["", *sorted(r["text"] for r in records)]  # "": the empty title


def test_a_text_s_country_words_are_found_once(
    gaz: PlaceResolver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Country names and demonyms count for the document's countries and name a record's
    country: both come from one search per text ("Burkinabe" and "Niger", once each)."""
    finder = place_index.country_finder()
    searched: list[str] = []
    find = finder.find
    monkeypatch.setattr(finder, "find", lambda text: searched.append(text) or find(text))
    records = _records(
        "On 2 May, Burkinabe soldiers were killed in Djibo.",
        "On 3 May, the army said the attackers had come from Niger.",
    )
    context = gaz.document(records)
    countries = [gaz.locate(r["text"], context, r).country for r in records]
    assert countries == ["Burkina Faso", "Burkina Faso"]
    assert sorted(t for t in searched if t) == sorted(r["text"] for r in records)


def test_a_tier_is_asked_once_per_spelling(gaz: PlaceResolver) -> None:
    """Finding "Djibo" in the document's country (the reviewed override bf-djibo of
    places.csv) looks each of its spellings up once, including the one that names it."""
    asked: list[str] = []
    burkina = gaz.lookups.countries(["BF"])

    def tier(key: str) -> Any:
        asked.append(key)
        return burkina(key)

    [mention] = [m for m in mentions_of("Gunmen attacked Djibo.") if m.name == "Djibo"]
    found = resolve_mention(mention, gaz.lookups.everywhere(["BF"]), [tier])
    assert (found.entry and found.entry.id, found.spelling) == ("bf-djibo", "djibo")
    assert asked == ["djibo"]
