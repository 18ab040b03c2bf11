"""Who did what to whom: acting parties, targets, certainty, ACLED sides and inter codes.

The sentences are written for these tests about public facts (Operation Linda Nchi, October
2011; the FTO designation of JNIM, September 2018; ECOWAS suspending Mali, 2021; the Niamey
protests of 2023); nothing is keyed to the sample or the development corpus.
"""

from __future__ import annotations

import pytest

from eventline.gold.actor_table import link_rows
from eventline.gold.actors import (
    ActorCatalog,
    ActorMention,
    Line,
    Telling,
    default_catalog,
    resolve_document,
)

Role = tuple[str, str]


@pytest.fixture(scope="module")
def cat() -> ActorCatalog:
    return default_catalog()


def found(cat: ActorCatalog, text: str, country: str | None = None) -> list[ActorMention]:
    return cat.resolve(text, country)[0]


def acting(cat: ActorCatalog, text: str, country: str | None = None) -> set[Role]:
    return {(m.actor_id, m.role) for m in found(cat, text, country) if m.role != "mentioned"}


def sides(cat: ActorCatalog, text: str, country: str) -> dict[str, int | None]:
    return {m.actor_id: m.side for m in found(cat, text, country) if m.role != "mentioned"}


# --- clashes and government-initiated fighting ----------------------------------------------


def test_both_sides_of_a_clash_act(cat: ActorCatalog) -> None:
    text = "Ugandan troops clashed with ADF rebels near Beni."
    assert acting(cat, text, "DR Congo") == {("updf", "perpetrator"), ("adf", "perpetrator")}
    assert sides(cat, text, "DR Congo") == {"updf": 1, "adf": 2}
    clashes = "Fighting between ISWAP and JAS left dozens dead near Lake Chad."
    assert acting(cat, clashes, "Nigeria") == {
        ("iswap", "perpetrator"),
        ("jas", "perpetrator"),
    }


def test_forces_attacking_a_group_make_both_acting_parties(cat: ActorCatalog) -> None:
    text = "Nigerian troops ambushed ISWAP fighters near Monguno."
    assert acting(cat, text, "Nigeria") == {
        ("nigerian-army", "perpetrator"),
        ("iswap", "perpetrator"),
    }
    assert sides(cat, text, "Nigeria") == {"nigerian-army": 1, "iswap": 2}


def test_a_group_attacking_forces_acts_alone(cat: ActorCatalog) -> None:
    text = "ISWAP fighters ambushed Nigerian troops near Monguno."
    assert acting(cat, text, "Nigeria") == {
        ("iswap", "perpetrator"),
        ("nigerian-army", "target"),
    }
    assert sides(cat, text, "Nigeria") == {"iswap": 1, "nigerian-army": 2}


def test_regained_ground_was_held_by_the_reports_group(cat: ActorCatalog) -> None:
    report = "\n".join(
        [
            "Somalia: al-Shabaab has fought the federal government since 2007.",
            "",
            "On 12 September, Somali troops retook the town of Mahas.",
        ]
    )
    lines = [Line(n, t) for n, t in enumerate(report.split("\n"), start=1) if t.strip()]
    record = lines[-1]
    ((mentions, _),) = resolve_document(
        [Telling("r", record.text, "Somalia", record.line_no)], lines, cat
    ).values()
    assert {(m.actor_id, m.role, m.side) for m in mentions if m.role != "mentioned"} == {
        ("somali-national-army", "perpetrator", 1),
        ("al-shabaab", "perpetrator", 2),
    }


def test_defenders_are_the_side_attacked(cat: ActorCatalog) -> None:
    assert acting(cat, "Malian troops repelled an attack on their base in Boulkessi.", "Mali") == {
        ("fama", "target")
    }
    text = "Gunmen attacked the police station; police officers killed two of them."
    assert acting(cat, text, "Benin") == {
        ("unidentified-armed-group-bj", "perpetrator"),
        ("benin-police", "target"),
    }


# --- strategic developments ----------------------------------------------------------------


def test_the_acting_party_of_a_designation_and_a_suspension(cat: ActorCatalog) -> None:
    text = "In September 2018, the Department of State designated JNIM as a terrorist group."
    assert acting(cat, text, "Mali") == {
        ("us-department-of-state", "perpetrator"),
        ("jnim", "target"),
    }
    assert acting(cat, "ECOWAS suspended Mali from its institutions.", "Mali") == {
        ("ecowas", "perpetrator")
    }


def test_the_acting_party_of_an_announcement(cat: ActorCatalog) -> None:
    # "announced the/an/its ..." was never read: the word after it failed the verb's end.
    text = (
        "On 16 March 2024, a spokesperson of the CNSP announced the end of the agreement on"
        " foreign military personnel."
    )
    assert acting(cat, text, "Niger") == {("niger-cnsp", "perpetrator")}
    assert acting(cat, "ISWAP announced his death in an audio message.", "Nigeria") == set()


def test_a_hand_over_between_missions_is_their_organisations_act(cat: ActorCatalog) -> None:
    # ATMIS took over from AMISOM on 1 April 2022: both are African Union missions.
    assert acting(cat, "On 1 April 2022, ATMIS took over from AMISOM.", "Somalia") == {
        ("african-union", "perpetrator")
    }
    # MINUSMA (a UN mission) took over from AFISMA (an ECOWAS and AU one) in July 2013.
    assert acting(cat, "In July 2013, MINUSMA took over from AFISMA.", "Mali") == {
        ("minusma", "perpetrator")
    }


def test_a_country_deploying_abroad_is_its_forces(cat: ActorCatalog) -> None:
    # Operation Linda Nchi: Kenya sent troops into Somalia in October 2011.
    text = "In October 2011, Kenya sent troops into southern Somalia."
    assert {(m.actor_id, m.role, m.inter_code) for m in found(cat, text, "Somalia")} >= {
        ("kdf", "perpetrator", 8)
    }
    home = "Benin sent 3,000 troops to its northern border."
    assert acting(cat, home, "Benin") == {("benin-government", "perpetrator")}


def test_a_persons_act_is_their_organisations(cat: ActorCatalog) -> None:
    text = "Hassan Sheikh Mohamud declared total war on al-Shabaab."
    roles = {(m.actor_id, m.role) for m in found(cat, text, "Somalia")}
    assert ("somalia-government", "perpetrator") in roles
    assert ("hassan-sheikh-mohamud", "mentioned") in roles


def test_protests_and_riots_have_the_crowd_as_acting_party(cat: ActorCatalog) -> None:
    assert acting(cat, "Demonstrations against the junta were held in Niamey.", "Niger") == {
        ("protesters-ne", "perpetrator")
    }
    # Demonstrators who attack are rioters; the police whose station burns are acted upon.
    assert acting(cat, "Protesters set fire to a police station in Dakar.", "Senegal") == {
        ("rioters-sn", "perpetrator"),
        ("police-forces-sn", "target"),
    }


def test_an_arrest_or_a_charge_with_no_agent_is_the_states(cat: ActorCatalog) -> None:
    assert acting(cat, "An opposition leader was arrested in Conakry.", "Guinea") == {
        ("guinea-government", "perpetrator")
    }
    assert acting(cat, "On 3 May, the former minister was charged with fraud.", "Senegal") == {
        ("judiciary-sn", "perpetrator")
    }
    # An agent named is the acting party instead.
    assert acting(cat, "The journalist was arrested by the Malian police.", "Mali") == set()


# --- claims, attributions and the event's author -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab claims the bombing.",
        "Al-Shabaab has claimed Saturday's attack on the base.",
        "The raid, which al-Shabaab has claimed, killed six soldiers.",
        "Al-Shabaab claimed its fighters had stormed the hotel.",
    ],
)
def test_claims_of_an_attack(cat: ActorCatalog, text: str) -> None:
    assert ("al-shabaab", "claimant") in acting(cat, text, "Somalia")


def test_a_named_group_stands_for_the_unidentified_attackers(cat: ActorCatalog) -> None:
    text = "Gunmen stormed a hotel in Mogadishu. Al-Shabaab claimed the attack."
    roles = {(m.actor_id, m.role) for m in found(cat, text, "Somalia")}
    assert ("al-shabaab", "claimant") in roles
    assert ("unidentified-armed-group-so", "perpetrator") not in roles


def test_forces_are_no_co_perpetrators_of_an_attack_a_group_claims(cat: ActorCatalog) -> None:
    text = (
        "A Somali soldier opened fire on his officers in Mogadishu. Al-Shabaab claimed the attack."
    )
    assert ("somali-national-army", "perpetrator") not in acting(cat, text, "Somalia")


def test_the_subject_of_a_relative_clause_is_its_antecedent(cat: ActorCatalog) -> None:
    # The villagers did not attack: "men that attacked" did.
    text = "Villagers hid from armed men that attacked Kaya."
    assert acting(cat, text, "Burkina Faso") == {("unidentified-armed-group-bf", "perpetrator")}
    assert ("civilians-bf", "perpetrator") not in acting(
        cat, "Villagers hid from men that attacked Kaya.", "BF"
    )


def test_the_aftermath_is_not_the_event(cat: ActorCatalog) -> None:
    text = "An army convoy was ambushed near Gao. The army later arrested two suspects."
    assert acting(cat, text, "Mali") == {("fama", "target")}
    kidnap = "Gunmen abducted 20 passengers near Kaya. The army launched a search operation."
    assert ("burkina-faso-armed-forces", "perpetrator") not in acting(cat, kidnap, "Burkina Faso")


def test_notes_leave_out_the_auxiliary_of_victims(cat: ActorCatalog) -> None:
    text = "Militants attacked a post near Djibo. 12 soldiers killed; 4 injured."
    assert acting(cat, text, "Burkina Faso") == {
        ("unidentified-armed-group-bf", "perpetrator"),
        ("burkina-faso-armed-forces", "target"),
    }


def test_a_convoy_that_strikes_a_mine_is_its_victim(cat: ActorCatalog) -> None:
    assert acting(cat, "A MINUSMA convoy struck a landmine near Aguelhok.", "Mali") == {
        ("minusma", "target")
    }


def test_the_company_and_the_council_refer_back(cat: ActorCatalog) -> None:
    report = "\n".join(
        [
            "In March, TotalEnergies halted work on its gas plant; in April, the company had",
            "withdrawn all its staff. A Transitional Military Council took power in Chad. On 2",
            "May, the Council appointed a prime minister.",
        ]
    )
    lines = [Line(n, t) for n, t in enumerate(report.split("\n"), start=1)]
    tellings = [
        Telling("company", "in April, the company had withdrawn all its staff.", "MZ", 1),
        Telling("council", "On 2 May, the Council appointed a prime minister.", "Chad", 2),
    ]
    found = resolve_document(tellings, lines, cat)
    assert {(m.actor_id, m.role) for m in found["company"][0]} == {("totalenergies", "perpetrator")}
    assert {(m.actor_id, m.role) for m in found["council"][0]} == {("chad-cmt", "perpetrator")}


def test_a_record_that_goes_on_from_the_previous_one_keeps_its_subject(
    cat: ActorCatalog,
) -> None:
    # Two dates in one sentence make two records; the second begins with its verb.
    report = "ECOWAS, which had met in Accra in March, suspended Guinea in September."
    lines = [Line(1, report)]
    tellings = [
        Telling("first", "ECOWAS, which had met in Accra in March,", "Guinea", 1),
        Telling("second", "suspended Guinea in September.", "Guinea", 1),
    ]
    found = resolve_document(tellings, lines, cat)
    assert {(m.actor_id, m.role) for m in found["second"][0]} == {("ecowas", "perpetrator")}


def test_the_first_person_of_a_secretary_general_report_is_the_un(cat: ActorCatalog) -> None:
    report = "\n".join(
        [
            "Report of the Secretary-General on the situation in West Africa",
            "",
            "5. On 9 May, I called on all parties to respect the ceasefire.",
        ]
    )
    lines = [Line(n, t) for n, t in enumerate(report.split("\n"), start=1) if t.strip()]
    record = "On 9 May, I called on all parties to respect the ceasefire."
    ((mentions, _),) = resolve_document([Telling("r", record, "Mali", 3)], lines, cat).values()
    assert {(m.actor_id, m.role) for m in mentions} == {("un", "perpetrator")}


# --- one event told by several records -------------------------------------------------------


def test_links_of_an_event_told_twice(cat: ActorCatalog) -> None:
    # One telling says "gunmen", another names al-Shabaab; a third, merged into the event,
    # tells the state of emergency declared after it.
    texts = [
        ("Gunmen attacked a hotel in Mogadishu.", "Somalia"),
        ("Al-Shabaab claimed the hotel attack.", "Somalia"),
        ("The government declared a state of emergency.", "Somalia"),
    ]
    tellings = [found(cat, text, country) for text, country in texts]
    rows = {(r["actor_id"], r["role"]): r for r in link_rows("evt_0000000000000001", tellings, cat)}
    assert ("al-shabaab", "claimant") in rows and rows[("al-shabaab", "claimant")]["side"] == 1
    assert ("unidentified-armed-group-so", "perpetrator") not in rows
    assert ("somalia-government", "perpetrator") not in rows
    assert rows[("al-shabaab", "perpetrator")]["certainty"] == "claimed"
    assert rows[("al-shabaab", "perpetrator")]["inter_code"] == 2


# --- held-out forms: a hedged identification, "in an X ambush" ------------------------------


def test_attackers_believed_to_be_a_group_make_it_the_suspected_perpetrator(
    cat: ActorCatalog,
) -> None:
    text = "Gunmen believed to be al-Shabaab stopped a minibus and shot five workers dead."
    assert ("al-shabaab", "perpetrator", "suspected") in {
        (m.actor_id, m.role, m.certainty) for m in found(cat, text, "Kenya")
    }
    # No attack told after the phrase: nothing to perpetrate.
    idle = "Gunmen believed to be al-Shabaab were seen near the market."
    assert acting(cat, idle, "Kenya") == set()


def test_a_group_named_before_its_ambush_after_in_an_is_its_perpetrator(
    cat: ActorCatalog,
) -> None:
    text = "Five soldiers died in an ISWAP ambush near Monguno."
    assert ("iswap", "perpetrator") in acting(cat, text, "Nigeria")


def test_the_subject_of_a_coup_verb_acts(cat: ActorCatalog) -> None:
    text = "On 24 January 2022, army officers overthrew President Roch Marc Christian Kaboré."
    assert ("burkina-faso-armed-forces", "perpetrator") in acting(cat, text, "Burkina Faso")
    assert ("roch-kabore", "perpetrator") not in acting(cat, text, "Burkina Faso")


def test_one_telling_keeps_its_own_acting_party_beside_ground_retaken(
    cat: ActorCatalog,
) -> None:
    # Invented: one record tells a deployment and, in the same sentence, ground retaken. The
    # record's first clause decided; only another telling of the violence would demote the
    # act of state.
    text = (
        "President Hassan Sheikh Mohamud sent troops to back the clan fighters, and the army "
        "retook several villages of the Bakool region."
    )
    rows = {
        (r["actor_id"], r["role"]) for r in link_rows("evt_1", [found(cat, text, "Somalia")], cat)
    }
    assert ("somalia-government", "perpetrator") in rows


# --- coups; weapons fired at a target; hijackings (invented sentences) -------------------------


def test_the_acting_party_of_a_coup_is_the_countrys_military(cat: ActorCatalog) -> None:
    # Not the junta's leader nor "a group" read as an armed group; the ousted side is the target.
    removed = (
        "On 3 March, Colonel Ardo Massi and a group of officers removed President Tembo in a "
        "palace coup."
    )
    assert acting(cat, removed, "Niger") == {("niger-armed-forces", "perpetrator")}
    overthrown = (
        "On 3 March, mutinous soldiers overthrew the government of Niger and dissolved parliament."
    )
    assert acting(cat, overthrown, "Niger") == {
        ("niger-armed-forces", "perpetrator"),
        ("niger-government", "target"),
        ("legislature-ne", "target"),  # the parliament it dissolved
    }


def test_rebels_who_overthrow_a_president_stay_the_acting_party(cat: ActorCatalog) -> None:
    text = "Fighters of the Seleka coalition overthrew the president of the republic."
    assert ("seleka", "perpetrator") in acting(cat, text, "Central African Republic")


@pytest.mark.parametrize(
    ("text", "perpetrator", "target"),
    [
        (
            "Militants fired two mortar shells at a gendarmerie post near Diffa.",
            "unidentified-armed-group-ne",
            "niger-gendarmerie",
        ),
        (
            "Gunmen hijacked a bus carrying soldiers near Diffa.",
            "unidentified-armed-group-ne",
            None,
        ),
    ],
)
def test_weapons_fired_at_a_target_and_hijackings_name_their_author(
    cat: ActorCatalog, text: str, perpetrator: str, target: str | None
) -> None:
    roles = acting(cat, text, "Niger")
    assert (perpetrator, "perpetrator") in roles
    if target is not None:
        assert (target, "target") in roles


def test_rulers_ousted_by_a_named_agent_are_not_the_coup_plotters(cat: ActorCatalog) -> None:
    # Invented wording: a passive with its agent after "by"; the ousted president must not
    # become the military.
    text = (
        "On 26 July, President Mohamed Bazoum was detained and later ousted from office by the "
        "head of his own guard, the junta said."
    )
    assert ("niger-armed-forces", "perpetrator") not in acting(cat, text, "Niger")


@pytest.mark.parametrize(
    ("text", "country", "author", "certainty"),
    [
        # A later sentence names the author of an attack whose attackers were not named.
        (
            "On 15 August, a patrol was ambushed near Zarda; 17 soldiers were killed. Jama'at"
            " Nusrat al-Islam wal-Muslimin (JNIM) was believed to be responsible.",
            "Niger",
            "jnim",
            "suspected",
        ),
        # Event notes: a verbless hedge, and a group that "was suspected".
        (
            "On 29 June, suicide bombers blew themselves up at a wedding in Zarda. 18 killed."
            " Suspected Boko Haram.",
            "Nigeria",
            "boko-haram",
            "suspected",
        ),
        (
            "On 29 June, gunmen raided a wedding in Zarda. Boko Haram was suspected.",
            "Nigeria",
            "boko-haram",
            "suspected",
        ),
        # "Boko Haram (JAS)": the faction in parentheses, the whole phrase attributed.
        (
            "On 9 June, gunmen raided Zarda and abducted the village head and six others."
            " Attributed to Boko Haram (JAS).",
            "Nigeria",
            "jas",
            "suspected",
        ),
        # A group giving the attack's motive claims it.
        (
            "On January 15, four gunmen attacked a hotel in Zarda, killing 21 people."
            " Al-Shabaab said the attack answered the decision on Jerusalem.",
            "Kenya",
            "al-shabaab",
            "claimed",
        ),
    ],
)
def test_a_later_attribution_names_the_unidentified_attackers(
    cat: ActorCatalog, text: str, country: str, author: str, certainty: str
) -> None:
    mentions = found(cat, text, country)
    authors = {(m.actor_id, m.certainty) for m in mentions if m.role == "perpetrator"}
    assert authors == {(author, certainty)}


# --- key-value incident records ---------------------------------------------------------------


def test_a_records_perpetrator_field_names_its_perpetrators(cat: ActorCatalog) -> None:
    # Records as an incident log writes them (one field per line); invented incidents.
    suspected = "Date: 12 May 2022\nPerpetrator: Suspected ISWAP fighters\nDescription: A raid."
    assert {(m.actor_id, m.role, m.certainty) for m in found(cat, suspected, "Nigeria")} == {
        ("iswap", "perpetrator", "suspected")
    }
    listed = (
        "Date: 12 May 2022\nPerpetrator: Nigerian troops and CJTF members\nDescription: A raid."
    )
    assert acting(cat, listed, "Nigeria") == {
        ("nigerian-army", "perpetrator"),
        ("cjtf", "perpetrator"),
    }
    # The label itself ("Perpetrator", a word reports use for an unnamed group) names nobody.
    assert [m.actor_id for m in found(cat, "Perpetrator: ISWAP\nFatalities: 3", "Nigeria")] == [
        "iswap"
    ]


def test_a_group_that_takes_or_enters_a_named_place_acts(cat: ActorCatalog) -> None:
    assert acting(cat, "M23 rebels took Rubaya on Monday.", "DR Congo") == {("m23", "perpetrator")}
    assert acting(cat, "M23 rebels entered Rubaya on Monday.", "DR Congo") == {
        ("m23", "perpetrator")
    }
    # "took part" is no taking of a place.
    assert acting(cat, "M23 rebels took part in talks in Nairobi.", "DR Congo") == set()
