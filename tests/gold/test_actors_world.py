"""Named actors of the regions beyond Africa's Sahel and Horn, resolved with the event's country.

The sentences are written for these tests; the facts they tell are public (the Kabul airport
bombing, 26 August 2021; the Pulwama convoy bombing, 14 February 2019; the Surabaya church
bombings, 13 May 2018; Houthi attacks on Red Sea shipping since November 2023; the ELN's
pipeline bombings in Arauca). Each expectation follows from a row of
``schemas/reference/actor_catalog.csv`` (its spellings, country scope, type and links);
nothing here is keyed to the bundled sample or the development corpus.
"""

from __future__ import annotations

import pytest

from eventline.gold.actors import ActorCatalog, default_catalog, inter_code

Role = tuple[str, str]  # actor_id, role


@pytest.fixture(scope="module")
def cat() -> ActorCatalog:
    return default_catalog()


def acting(cat: ActorCatalog, text: str, country: str | None) -> set[Role]:
    return {(m.actor_id, m.role) for m in cat.resolve(text, country)[0] if m.role != "mentioned"}


def named(cat: ActorCatalog, text: str, country: str | None) -> set[str]:
    return {m.actor_id for m in cat.resolve(text, country)[0]}


# --- South and Central Asia ----------------------------------------------------------------------


def test_ttp_attacks_a_police_checkpoint_in_pakistan(cat: ActorCatalog) -> None:
    text = "TTP militants attacked a police checkpoint near Dera Ismail Khan."
    assert acting(cat, text, "Pakistan") == {
        ("ttp", "perpetrator"),
        ("police-forces-pk", "target"),
    }
    # "Pakistani Taliban" is the TTP, not the Afghan Taliban: the longer name wins.
    other = "Pakistani Taliban fighters attacked a police station in Bannu."
    assert ("ttp", "perpetrator") in acting(cat, other, "PK")
    assert "taliban" not in named(cat, other, "PK")


def test_iskp_is_the_islamic_states_khorasan_province(cat: ActorCatalog) -> None:
    text = "ISIS-K suicide bombers attacked the airport gate in Kabul."
    assert acting(cat, text, "Afghanistan") == {("iskp", "perpetrator")}
    assert cat.actors["iskp"].parent_ids == ("islamic-state",)


def test_jem_claims_the_bombing_of_a_crpf_convoy_in_kashmir(cat: ActorCatalog) -> None:
    text = "Jaish-e-Mohammed claimed the attack on a CRPF convoy near Pulwama."
    assert acting(cat, text, "India") == {
        ("jaish-e-mohammed", "claimant"),
        ("jaish-e-mohammed", "perpetrator"),
        ("crpf", "target"),
    }


def test_maoists_are_the_cpi_maoist_in_india_only(cat: ActorCatalog) -> None:
    text = "Maoists ambushed a CRPF patrol in Sukma district."
    assert ("cpi-maoist", "perpetrator") in acting(cat, text, "India")
    # IN:Maoists: in Nepal or Peru the word names no Indian party.
    assert "cpi-maoist" not in named(cat, "Maoists ambushed a patrol.", "Nepal")


# --- Middle East ---------------------------------------------------------------------------------


def test_daesh_claims_a_bombing_in_iraq(cat: ActorCatalog) -> None:
    text = "Daesh claimed the bombing of a market in Baghdad that killed 12 people."
    assert acting(cat, text, "Iraq") == {
        ("islamic-state", "claimant"),
        ("islamic-state", "perpetrator"),
    }


def test_houthis_are_yemens_de_facto_forces_and_external_abroad(cat: ActorCatalog) -> None:
    text = "Houthi forces attacked a commercial vessel in the Red Sea."
    assert acting(cat, text, "Yemen") == {("houthis", "perpetrator")}
    # ACLED codes them as Military Forces of Yemen (2017-) Houthi: 1 at home, 8 abroad.
    houthis = cat.actors["houthis"]
    assert houthis.actor_type == "state force"
    assert inter_code(cat, houthis, "YE") == 1
    assert inter_code(cat, houthis, "IL") == 8


def test_sna_is_syrian_in_syria_and_somali_in_somalia(cat: ActorCatalog) -> None:
    text = "SNA troops recaptured the town after heavy fighting."
    assert acting(cat, text, "Syria") == {("syrian-national-army", "perpetrator")}
    assert acting(cat, text, "Somalia") == {("somali-national-army", "perpetrator")}
    assert acting(cat, text, "Turkey") == {("syrian-national-army", "perpetrator")}
    # Without a country the acronym names neither army.
    assert named(cat, text, None) == set()


def test_fds_is_the_sdf_in_a_french_report_on_syria(cat: ActorCatalog) -> None:
    text = "Les FDS ont attaqué une position de l'État islamique près de Raqqa."
    assert {"sdf", "islamic-state"} <= named(cat, text, "Syria")
    assert "sdf" not in named(cat, text, "Mozambique")


def test_hezbollah_and_kataib_hezbollah_are_two_actors(cat: ActorCatalog) -> None:
    assert acting(cat, "Hezbollah launched drones at an army base.", "Lebanon") >= {
        ("hezbollah", "perpetrator")
    }
    iraq = acting(cat, "Kata'ib Hezbollah attacked a U.S. base with drones.", "Iraq")
    assert ("kataib-hezbollah", "perpetrator") in iraq
    assert "hezbollah" not in {actor for actor, _ in iraq}


def test_soldiers_in_iraq_and_turkey_are_their_armies(cat: ActorCatalog) -> None:
    assert acting(cat, "Soldiers repelled an attack by gunmen.", "Iraq") == {
        ("iraqi-security-forces", "target"),
        ("unidentified-armed-group-iq", "perpetrator"),
    }
    assert acting(cat, "Soldiers killed five PKK members in Hakkari.", "Turkey") >= {
        ("turkish-armed-forces", "perpetrator")
    }


def test_wilayat_sinai_attacks_an_army_checkpoint(cat: ActorCatalog) -> None:
    text = "Wilayat Sinai militants attacked an army checkpoint near Rafah."
    assert acting(cat, text, "Egypt") == {
        ("is-sinai", "perpetrator"),
        ("egypt-armed-forces", "target"),
    }


def test_nusra_fateh_al_sham_and_hts_are_one_line_of_successors(cat: ActorCatalog) -> None:
    assert cat.actors["nusra-front"].successor_ids == ("jabhat-fateh-al-sham",)
    assert cat.actors["jabhat-fateh-al-sham"].successor_ids == ("hts",)
    assert cat.actors["aqi"].successor_ids == ("islamic-state",)
    assert named(cat, "Jabhat al-Nusra and HTS fought in Idlib.", "Syria") == {
        "nusra-front",
        "hts",
    }


# --- South-East Asia -----------------------------------------------------------------------------


def test_asg_is_abu_sayyaf_in_the_philippines_only(cat: ActorCatalog) -> None:
    text = "ASG militants kidnapped three fishermen off Jolo."
    assert acting(cat, text, "Philippines") == {
        ("abu-sayyaf", "perpetrator"),
        ("civilians-ph", "target"),
    }
    # In a UN report the ASG is an Assistant Secretary-General.
    assert named(cat, "The ASG briefed the Council on the mission.", "Mali") == set()


def test_npa_ambushes_an_army_patrol(cat: ActorCatalog) -> None:
    text = "The New People's Army ambushed an army patrol in Samar."
    assert acting(cat, text, "Philippines") == {
        ("npa", "perpetrator"),
        ("armed-forces-of-the-philippines", "target"),
    }


def test_jad_bombs_churches_in_indonesia(cat: ActorCatalog) -> None:
    text = "JAD militants bombed three churches in Surabaya."
    assert acting(cat, text, "Indonesia") == {("jamaah-ansharut-daulah", "perpetrator")}
    assert cat.actors["jamaah-ansharut-daulah"].parent_ids == ("islamic-state",)


# --- Central Africa, Sudan, Cameroon -------------------------------------------------------------


def test_3r_attacks_a_minusca_patrol(cat: ActorCatalog) -> None:
    text = "3R rebels attacked a MINUSCA patrol near Bocaranga."
    assert acting(cat, text, "Central African Republic") == {
        ("3r", "perpetrator"),
        ("minusca", "target"),
    }


def test_rsf_is_the_rapid_support_forces_in_sudan_only(cat: ActorCatalog) -> None:
    text = "RSF fighters shelled El Fasher, killing 20 civilians."
    assert acting(cat, text, "Sudan") == {
        ("rsf", "perpetrator"),
        ("civilians-sd", "target"),
    }
    # Elsewhere RSF is Reporters sans frontières, no armed actor.
    assert named(cat, "RSF condemned the arrest of a journalist.", "Niger") == set()


def test_south_sudanese_soldiers_are_not_sudans_army(cat: ActorCatalog) -> None:
    found = named(cat, "South Sudanese soldiers crossed the border.", "Sudan")
    assert found == {"sspdf"}


def test_adf_is_ambazonian_in_cameroon_and_allied_democratic_forces_in_drc(
    cat: ActorCatalog,
) -> None:
    assert acting(cat, "The ADF attacked a checkpoint in Bamenda.", "Cameroon") == {
        ("ambazonia-defence-forces", "perpetrator")
    }
    assert ("adf", "perpetrator") in acting(cat, "The ADF killed 40 villagers near Beni.", "CD")


# --- Europe and Latin America --------------------------------------------------------------------


def test_eln_bombs_a_pipeline_and_shining_path_ambushes_soldiers(cat: ActorCatalog) -> None:
    assert acting(cat, "ELN guerrillas bombed an oil pipeline in Arauca.", "Colombia") == {
        ("eln", "perpetrator")
    }
    peru = "Shining Path remnants killed seven soldiers in the VRAEM."
    assert acting(cat, peru, "Peru") == {
        ("shining-path", "perpetrator"),
        ("peru-armed-forces", "target"),
    }


def test_eta_and_guarded_far_right_names(cat: ActorCatalog) -> None:
    assert acting(cat, "ETA killed a town councillor in 2000.", "Spain") == {("eta", "perpetrator")}
    uk = "Police arrested three National Action members in Birmingham."
    assert ("national-action", "target") in acting(cat, uk, "United Kingdom")
    # The name is scoped to the U.K. and guarded: a "National Action Plan" elsewhere is no group.
    plan = "The government adopted a National Action Plan against extremism."
    assert "national-action" not in named(cat, plan, "Pakistan")
    # "The Base" is a guarded name: capitals and mid-sentence only.
    assert "the-base" in named(cat, "Members of The Base were arrested.", "United States")
    assert "the-base" not in named(cat, "Members of the base were arrested.", "United States")
