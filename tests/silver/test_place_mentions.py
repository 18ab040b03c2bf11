"""Place mentions as written: cues, nouns, hints, lists, datelines (no gazetteer involved).

The sentences are written for these tests; each asserts what a reader sees in it.
"""

from __future__ import annotations

import pytest

from eventline.silver.place_mention import (
    BASE,
    BORDER,
    DATELINE,
    DESTINATION,
    EVENT,
    MENTION,
    NEAR,
    ORIGIN,
    REFERENCE,
    Mention,
    copy_mentions,
)
from eventline.silver.place_mentions import find_mentions


def places(text: str) -> list[Mention]:
    """The mentions that stand on their own (hints and aliases are folded into them), without
    a sentence's capitalised first word when nothing makes it a place ("Militants ...")."""
    return [
        m for m in find_mentions(text) if not m.consumed and not (m.initial and m.role == MENTION)
    ]


def one(text: str, name: str) -> Mention:
    [found] = [m for m in places(text) if m.name == name]
    return found


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Gunmen killed four herders in Tindila on Monday.", "Tindila", EVENT),
        ("Militants raided Wassa overnight.", "Wassa", EVENT),
        ("An army patrol was ambushed near Koumbia.", "Koumbia", NEAR),
        ("The attackers came from Dolbel and fled.", "Dolbel", ORIGIN),
        ("The wounded were flown to Kaya for treatment.", "Kaya", DESTINATION),
        ("Shots were fired near the border with Ghana.", "Ghana", BORDER),
        ("The camp lies about 40 km north of Kongoussi.", "Kongoussi", REFERENCE),
        ("Soldiers retook the village of Djika.", "Djika", EVENT),
        ("Rebels took control of Baraka.", "Baraka", EVENT),
        ("Fighting spread to the outskirts of Meiganga.", "Meiganga", NEAR),
        ("Militants struck a convoy on the road to Arbinda.", "Arbinda", EVENT),
    ],
)
def test_the_cue_before_a_name_gives_its_role(text: str, name: str, role: str) -> None:
    assert one(text, name).role == role


def test_a_capitalised_function_word_opening_a_sentence_is_not_part_of_the_name() -> None:
    [found] = places("In Mozogo, three people died.")
    assert (found.name, found.role, found.cue) == ("Mozogo", EVENT, "in")
    assert places("On 17 December, nothing happened.") == []


def test_a_name_that_starts_with_in_keeps_its_full_form_for_the_gazetteer() -> None:
    found = one("Hostages were held near In Salah for a week.", "Salah")
    assert (found.full, found.full_role) == ("In Salah", NEAR)


@pytest.mark.parametrize(
    ("text", "name", "written", "feature"),
    [
        ("A bomb went off in Lac province.", "Lac", "Lac province", "admin"),
        ("Gunmen stormed the Tamou market.", "Tamou", "Tamou market", "site"),
        (
            "Attackers burned the Ouarkoye police station.",
            "Ouarkoye",
            "Ouarkoye police station",
            "site",
        ),
        ("Troops entered Macomia town at dawn.", "Macomia", "Macomia town", "settlement"),
        (
            "Rangers were killed in the Arly National Park.",
            "Arly National Park",
            "Arly National Park",
            "natural",
        ),
        ("A mine exploded on the road to Blamonga.", "Blamonga", "road to Blamonga", "linear"),
    ],
)
def test_the_noun_of_a_name_is_kept_as_written(
    text: str, name: str, written: str, feature: str
) -> None:
    found = one(text, name)
    assert (found.written, found.feature) == (written, feature)


def test_a_parenthesis_of_admin_names_is_a_list_of_hints() -> None:
    [found] = places("Militants raided Gadala (Kolofata, Mayo-Sava, Far North) overnight.")
    assert (found.name, found.hints) == ("Gadala", ["Kolofata", "Mayo-Sava", "Far North"])


def test_a_parenthesis_with_another_spelling_is_an_alias() -> None:
    [found] = places("Shots were heard in Tourou (also written Turu) (Mokolo, Mayo-Tsanaga).")
    assert (found.aliases, found.hints) == (["Turu"], ["Mokolo", "Mayo-Tsanaga"])


def test_a_single_name_in_parentheses_may_be_a_spelling_or_a_hint() -> None:
    [found] = places("Fighting broke out at Beledweyne (Belet Weyne).")
    assert found.aliases == ["Belet Weyne"]
    assert found.hints == ["Belet Weyne"]  # the resolver decides which it is


def test_admin_names_in_parentheses_after_no_name_place_the_event() -> None:
    [found] = places("On 3 May, militants killed two soldiers (Lac, Chad).")
    assert (found.name, found.hints, found.bare, found.role) == ("Lac", ["Chad"], True, EVENT)


@pytest.mark.parametrize(
    ("text", "head", "hints"),
    [
        (
            "An IED hit a patrol near Karma, Tillaberi region, on Friday.",
            "Karma",
            ["Tillaberi region"],
        ),
        ("Gunmen attacked Kpendou, in Dankpen prefecture.", "Kpendou", ["Dankpen prefecture"]),
        ("Boko Haram attacked Bosso town in Diffa.", "Bosso", ["Diffa"]),
        ("A bomb exploded at Kismayo's main market.", "Kismayo", []),
    ],
)
def test_appositives_and_containers_are_hints(text: str, head: str, hints: list[str]) -> None:
    found = one(text, head)
    assert found.hints == hints


def test_a_possessive_town_contains_the_place_after_it() -> None:
    [found] = places("Gunmen attacked Maiduguri's Muna Garage area.")
    assert (found.name, found.hints) == ("Muna Garage", ["Maiduguri"])


def test_a_reference_point_after_near_is_kept_apart_from_hints() -> None:
    [found] = places("Militants attacked a post at Gorgadji near Arbinda (Soum, Sahel).")
    assert (found.name, found.near) == ("Gorgadji", ["Arbinda"])
    assert found.hints == ["Soum", "Sahel"]  # Arbinda's area is Gorgadji's too


def test_a_list_shares_its_cue_and_its_last_hint() -> None:
    found = places("Insurgents struck fishermen at Olumbe and Quirinde, in Macomia district.")
    assert [(m.name, m.role) for m in found] == [("Olumbe", EVENT), ("Quirinde", EVENT)]
    assert found[0].group == found[1].group
    assert all(m.hints == ["Macomia district"] for m in found)


def test_a_plural_noun_after_a_list_is_every_items() -> None:
    found = places("Troops deployed to the Tahoua and Tillaberi regions.")
    assert [(m.name, m.feature) for m in found] == [("Tahoua", "admin"), ("Tillaberi", "admin")]


def test_places_in_a_relative_clause_only_describe() -> None:
    found = places("They raided the islands of Ibo and Matemo, which lie off Quissanga.")
    assert [(m.name, m.relative) for m in found] == [
        ("Ibo", False),
        ("Matemo", False),
        ("Quissanga", True),
    ]


def test_a_road_between_two_towns_is_one_place() -> None:
    [found] = places("A convoy hit a mine on the road from Djibo to Namssiguia.")
    assert (found.written, found.feature, found.near) == (
        "road from Djibo to Namssiguia",
        "linear",
        ["Namssiguia"],
    )
    [axis] = places("Two posts on the Gaoua–Batié axis came under fire.")
    assert (axis.written, axis.near) == ("Gaoua–Batié axis", ["Batié"])


def test_a_dateline_is_where_the_report_was_filed() -> None:
    found = places("NIAMEY, March 3 (wire) - Soldiers were killed near Banibangou.")
    roles = [(m.name, m.role) for m in found if m.role != MENTION]
    assert roles == [("NIAMEY", DATELINE), ("Banibangou", NEAR)]


def test_a_base_or_an_owner_is_no_place_of_the_event() -> None:
    found = places("The Mali-based group attacked Chad's army.")
    assert [(m.name, m.role) for m in found] == [("Mali", BASE), ("Chad", MENTION)]


def test_a_people_before_village_of_is_no_place() -> None:
    [found] = places("Militia raided the Fulani village of Kouroumari.")
    assert (found.name, found.role, found.feature) == ("Kouroumari", EVENT, "settlement")


def test_a_heading_glued_to_a_sentence_is_cut_off() -> None:
    found = one("Summary The Kalsaka raid killed nine people.", "Kalsaka")
    assert (found.role, found.feature) == (EVENT, "event")


def test_mentions_inside_link_labels_are_citations() -> None:
    assert places("Source: [Niamey Tribune](#)") == []


def test_copies_of_a_reading_are_resolved_apart() -> None:
    """Resolving rewrites a mention (hints, role); a copy of a text's reading can be resolved
    without touching the reading, and its ``apposition_of`` points into the copies."""
    reading = find_mentions("Gunmen raided Dembo, Bankass, on Monday.")
    copies = copy_mentions(reading)
    assert [m.name for m in copies] == ["Gunmen", "Dembo", "Bankass"]
    assert copies[2].apposition_of is copies[1]
    copies[1].hints.append("Bankass")
    copies[1].role = NEAR
    assert (reading[1].hints, reading[1].role) == ([], EVENT)
    assert reading[2].apposition_of is reading[1]


def test_a_location_field_puts_the_event_at_its_place() -> None:
    # An incident record's field lines (invented names): the name after "Location:" is where
    # the event happened, and a name never runs on into the next field line.
    text = "Date: 5 May 2021\nLocation: Fooville, Barland\nActor: Barlandian police\nFatalities: 3"
    assert (one(text, "Fooville").role, one(text, "Fooville").cue) == ("event", "field")
    assert "Barland" in [m.name for m in find_mentions(text)]
    assert not any("\n" in m.name for m in find_mentions(text))
