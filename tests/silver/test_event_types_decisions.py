"""Decisions, riots, withdrawals and guarded facilities: rules added after the held-out
Niger and Nigeria reports (sentences written for this test; invented places)."""

from __future__ import annotations

import pytest

from eventline.silver.event_types import default_classifier

BA, SD, RI = "Battles", "Strategic developments", "Riots"


@pytest.mark.parametrize(
    ("text", "expected", "rule_id"),
    [
        # An agreement denounced, revoked or ended is a decision, not an agreement.
        (
            "On 3 August, the junta denounced the military cooperation agreements with Ruritania.",
            (SD, "Other"),
            "political-decision",
        ),
        (
            "On 4 May, the authorities ended the status agreements of the training mission.",
            (SD, "Other"),
            "political-decision",
        ),
        (
            "A spokesperson announced the end of the agreement on foreign military personnel.",
            (SD, "Other"),
            "political-decision",
        ),
        ("The two sides signed a peace agreement in Zenda.", (SD, "Agreement"), "agreement"),
        # A leader proclaimed, a law repealed, a televised proposal.
        (
            "On 28 July, General Tarkas was proclaimed President of the ruling council.",
            (SD, "Other"),
            "political-decision",
        ),
        ("The council repealed the 2015 law on smuggling.", (SD, "Other"), "political-decision"),
        (
            "In a televised address, the general proposed a transition of three years.",
            (SD, "Other"),
            "statement-report",
        ),
        # Supporters who ransack, demonstrators who tear things down: Riots.
        (
            "Supporters of the junta ransacked the headquarters of the former ruling party.",
            (RI, "Violent demonstration"),
            "violent-demonstration",
        ),
        (
            "Thousands of demonstrators gathered outside the embassy; some tore down its plaque.",
            (RI, "Violent demonstration"),
            "violent-demonstration",
        ),
        # Foreign troops leaving: a change to the group's activity.
        (
            "The last foreign troops left the capital on 22 December.",
            (SD, "Change to group/activity"),
            "group-change",
        ),
        # A guarded prison or a detachment attacked is a fight with its guards.
        (
            "Fighters attacked the Zenda prison with explosives and freed 800 inmates.",
            (BA, "Armed clash"),
            "attack-on-position",
        ),
        (
            "Gunmen attacked a detachment near Strelsau.",
            (BA, "Armed clash"),
            "attack-on-position",
        ),
        # Rules added after the held-out Pakistan chapter.
        (
            "Separatist fighters attacked two Frontier Corps camps near Strelsau.",
            (BA, "Armed clash"),
            "attack-on-position",
        ),
        (
            "Detainees overpowered their guards and held the compound for two days.",
            (BA, "Armed clash"),
            "attack-on-forces",
        ),
        (
            "Militants detonated an explosive-laden vehicle at a post and then stormed it,"
            " killing seven soldiers.",
            (BA, "Armed clash"),
            "kill-forces",
        ),
        (
            "Two days later, Ruritanian aircraft struck hideouts across the border.",
            ("Explosions/Remote violence", "Air/drone strike"),
            "air-drone-strike",
        ),
        (
            "Fighters blew up a railway bridge at Zenda.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
            "bomb",
        ),
        (
            "A man blew himself up at a checkpoint, killing three people.",
            ("Explosions/Remote violence", "Suicide bomb"),
            "suicide-bomb",
        ),
        (
            "The national committee approved Operation Steadfast, a new counterterrorism campaign.",
            (SD, "Change to group/activity"),
            "group-change",
        ),
    ],
)
def test_decisions_riots_withdrawals_and_guarded_places(
    text: str, expected: tuple[str, str], rule_id: str
) -> None:
    result = default_classifier().classify(text)
    assert (result.event_type, result.sub_event_type, result.rule_id) == (*expected, rule_id)


VAC = "Violence against civilians"


@pytest.mark.parametrize(
    ("text", "expected", "rule_id"),
    [
        # A camp named after its place is a military camp: the rebels return to fight there.
        (
            "On 9 March the rebels attacked the Zenda camp again.",
            (BA, "Armed clash"),
            "attack-on-named-camp",
        ),
        (
            "Insurgents stormed the Strelsau camp before dawn and burned two vehicles.",
            (BA, "Armed clash"),
            "attack-on-named-camp",
        ),
        # A camp that shelters refugees or displaced people is a civilian target.
        (
            "Gunmen attacked the Zenda refugee camp, killing five.",
            (VAC, "Attack"),
            "attack-on-civilians",
        ),
        (
            "Gunmen attacked the Zenda camp, killing five. The camp shelters displaced families.",
            (VAC, "Attack"),
            "attack-on-civilians",
        ),
        (
            "Raiders attacked the Strelsau camp for refugees at night.",
            (VAC, "Attack"),
            "attack-on-civilians",
        ),
        (
            "Bandits raided the Zenda camp of the herders and drove off their cattle.",
            (VAC, "Attack"),
            "attack-on-civilians",
        ),
        # A camp called by its people's name is theirs, not the army's.
        (
            "Gunmen attacked the Fulani camp near Zenda, killing four.",
            (VAC, "Attack"),
            "attack-on-civilians",
        ),
    ],
)
def test_named_camp_is_military_unless_it_shelters_civilians(
    text: str, expected: tuple[str, str], rule_id: str
) -> None:
    result = default_classifier().classify(text)
    assert (result.event_type, result.sub_event_type, result.rule_id) == (*expected, rule_id)
