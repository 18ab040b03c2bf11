"""Regional actors of Cameroon's Anglophone conflict, eastern DRC and the Sahel, and the role
rules that held-out reports of those regions needed.

The sentences are written for these tests about public facts (the Tigers of Ambazonia in
Manyu, 2017-2018; the Bui Unity Warriors, formed 2022; the attack on the Palais de la Nation
in Kinshasa, 19 May 2024; MINUSMA's departure from Mali, 2023; the ECOWAS standby force,
August 2023). Nothing is keyed to the held-out reports, the sample or the development corpus.
"""

from __future__ import annotations

import pytest

from eventline.gold.actors import ActorCatalog, default_catalog
from tests.gold.test_actor_resolution import acting, document  # one way to resolve


@pytest.fixture(scope="module")
def cat() -> ActorCatalog:
    return default_catalog()


# --- catalog rows --------------------------------------------------------------------------------


def test_ambazonian_factions_are_named_and_belong_to_the_movement(cat: ActorCatalog) -> None:
    text = "Manyu Tigers fighters seized a customs officer near Mamfe."
    assert ("tigers-of-ambazonia", "perpetrator") in acting(cat, text, "Cameroon")
    claim = "Gunmen burned a school near Kumbo. The Bui Unity Warriors claimed the attack."
    assert {("bui-unity-warriors", "perpetrator"), ("bui-unity-warriors", "claimant")} <= acting(
        cat, claim, "Cameroon"
    )
    ancestors = cat.reference.ancestors
    for faction in ("tigers-of-ambazonia", "bui-unity-warriors", "manyu-ghost-warriors"):
        assert ancestors(faction) == ("ambazonian-separatists",)


def test_mai_mai_and_fulani_militias_act(cat: ActorCatalog) -> None:
    text = "Local Mai-Mai groups and the army fought the rebels near Rutshuru."
    assert ("mai-mai", "perpetrator") in acting(cat, text, "Democratic Republic of the Congo")
    raid = "Troops and allied ethnic Fulani militiamen burned a hamlet near Ndu."
    assert {("cameroon-armed-forces", "perpetrator"), ("fulani-ethnic-militia", "perpetrator")} <= (
        acting(cat, raid, "Cameroon")
    )
    assert ("fulani-ethnic-militia", "perpetrator") in acting(
        cat, "Armed Fulani herders killed six farmers near Mopti.", "Mali"
    )


def test_the_un_mission_of_a_country_is_its_mission(cat: ActorCatalog) -> None:
    # Country-scoped spellings: MINUSMA in Mali, MONUSCO in the DRC; elsewhere nothing.
    text = "The UN mission handed over its camp to the army."
    assert ("minusma", "perpetrator") in acting(cat, text, "Mali")
    assert ("monusco", "perpetrator") in acting(cat, text, "Democratic Republic of the Congo")
    assert not {a for a, _ in acting(cat, text, "Kenya")} & {"minusma", "monusco"}


# --- role grammar --------------------------------------------------------------------------------


def test_armed_men_led_by_a_person_are_that_persons(cat: ActorCatalog) -> None:
    # The unnamed men are the person's: he acts (a person with no organisation stays himself).
    text = "Armed men led by Christian Malanga stormed the Palais de la Nation at dawn."
    found = acting(cat, text, "Democratic Republic of the Congo")
    assert ("christian-malanga", "perpetrator") in found
    assert ("unidentified-armed-group-cd", "perpetrator") not in found
    # A named force led by a person stays the acting party.
    coup = "Special forces led by Colonel Assimi Goita seized power in Bamako."
    assert ("assimi-goita", "perpetrator") not in acting(cat, coup, "Mali")


def test_two_parties_that_clashed_both_act(cat: ActorCatalog) -> None:
    text = "On 3 March, FAMa units and CSP fighters clashed near Anefis."
    found = acting(cat, text, "Mali")
    assert ("fama", "perpetrator") in found
    assert any(a.startswith("csp") and role == "perpetrator" for a, role in found)
    # "The army fought": a past form after a determiner and noun is the verb, not "the fight".
    army = acting(cat, "The army fought JNIM near Boni.", "Mali")
    assert {("fama", "perpetrator"), ("jnim", "perpetrator")} <= army
    assert acting(cat, "The fight against JNIM went on.", "Mali") == set()


def test_a_force_or_mission_leaving_its_camp_acts(cat: ActorCatalog) -> None:
    assert ("minusma", "perpetrator") in acting(
        cat, "MINUSMA pulled out of Ogossagou in March.", "Mali"
    )
    assert ("minusma", "perpetrator") in acting(
        cat, "On 5 November MINUSMA left its camp at Tessalit.", "Mali"
    )
    assert ("minusma", "perpetrator") in acting(
        cat, "MINUSMA began to leave its base in Kidal.", "Mali"
    )


def test_directing_the_activation_of_a_force_is_an_act(cat: ActorCatalog) -> None:
    text = "ECOWAS leaders meeting in Abuja directed the activation of a standby force."
    assert ("ecowas", "perpetrator") in acting(cat, text, "Niger")
    # "attacks directed at": no act of the army.
    assert acting(cat, "Attacks directed at the army rose.", "Niger") == set()


def test_unclaimed_words_are_the_movement_several_factions_belong_to(cat: ActorCatalog) -> None:
    # Two factions of the Ambazonian movement are named: the unattributed "separatists" are the
    # movement they share; a report naming ISWAP and IS Sahel has no such movement (their
    # common parent, the Islamic State, is transnational), so "militants" stay unidentified.
    report = "\n".join(
        [
            "Cameroon: the Tigers of Ambazonia and the Bui Unity Warriors are active.",
            "",
            "On 4 June, separatists attacked a gendarmerie post near Kumbo.",
            "",
            "On 8 June, the Tigers of Ambazonia ambushed a patrol near Mamfe.",
        ]
    )
    found = document(cat, report, "Cameroon")
    assert ("ambazonian-separatists", "perpetrator") in found[3]
    assert ("tigers-of-ambazonia", "perpetrator") in found[5]
    assert ("ambazonian-separatists", "perpetrator") not in found[5]
    sahel = "\n".join(
        [
            "Niger: ISWAP and the Islamic State Sahel Province both attack the army.",
            "",
            "On 2 May, militants attacked an army post near Diffa.",
        ]
    )
    assert ("islamic-state", "perpetrator") not in document(cat, sahel, "Niger")[3]


def test_a_clause_opened_by_a_time_phrase_keeps_its_subject(cat: ActorCatalog) -> None:
    # "Later that night" (no comma) and a date span with "and" open the clause: the actor
    # after them is the subject of the clause's second verb too.
    for opener in ("Later that night", "The next morning"):
        night = f"{opener} soldiers set huts ablaze around the Nkwen quarter and killed four men."
        assert ("cameroon-armed-forces", "perpetrator") in acting(cat, night, "Cameroon")
    span = "Between 3 and 5 May, ADF fighters went through three villages near Oicha and killed 40."
    assert ("adf", "perpetrator") in acting(cat, span, "Democratic Republic of the Congo")


def test_forcing_captives_away_and_entering_a_town_are_acts(cat: ActorCatalog) -> None:
    bus = "Suspected JNIM fighters stopped a bus near Douentza and forced it into the bush."
    assert ("jnim", "perpetrator") in acting(cat, bus, "Mali")
    town = "On 2 March M23 fighters entered Nyanzale after a day of shelling."
    assert ("m23", "perpetrator") in acting(cat, town, "Democratic Republic of the Congo")
    # "entered into talks" is no armed entry.
    assert ("jnim", "target") not in acting(
        cat, "The government entered into talks with JNIM.", "Mali"
    )


def test_a_country_striking_abroad_is_its_forces(cat: ActorCatalog) -> None:
    text = "On 26 February, India bombed a training camp near Balakot."
    assert ("indian-army", "perpetrator") in acting(cat, text, "Pakistan")
    # At home, or only accused, the bare country is no actor.
    assert acting(cat, "India bombed a hideout in Kashmir.", "India") == set()
    assert acting(cat, "Pakistan accused India of bombing the camp.", "Pakistan") == set()


def test_a_party_joined_by_another_acts_with_it(cat: ActorCatalog) -> None:
    text = "CSP fighters, joined by JNIM, fought FAMa near Tinzaouaten."
    found = acting(cat, text, "Mali")
    assert ("jnim", "perpetrator") in found
    assert any(a.startswith("csp") and role == "perpetrator" for a, role in found)
