"""Event types from the reviewed rule table, checked on real bullets of the bundled sample.

Each bullet below is quoted exactly as in ``data/raw/mali_extremism_and_terrorism.txt``
(without its date label and trailing citation); ``test_quotes_are_verbatim`` keeps it so.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, cast

import pytest

from eventline.bronze.extractor import BronzeExtract
from eventline.silver.event_types import (
    ACLED_EVENT_TYPES,
    DEFAULT_RULES_PATH,
    EventClassifier,
    EventType,
    Rule,
    default_classifier,
    split_sentences,
)
from tests.counting import CountingPattern
from tests.paths import SAMPLE

BA, EX, VAC, SD = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Strategic developments",
)
CLASH = "Armed clash"
IED = "Remote explosive/landmine/IED"
ABDUCTION = "Abduction/forced disappearance"

# (line in the sample, bullet text, event type, sub-event type)
SAMPLE_BULLETS: list[tuple[int, str, str, str]] = [
    (
        93,
        "JNIM militants carry out attacks in Bamako, targeting a gendarmes training center and"
        " the capital airport, killing 77 and wounding 255 others. Security and airport officials"
        " report that militants open fire on both locations. JNIM later releases a statement"
        " claiming the attacks resulted in “huge human and material losses and the destruction of"
        " several military aircraft.”",
        BA,
        CLASH,
    ),
    (
        94,
        "The International Criminal Court (ICC) convicts Al Hassan Ag Abdoul Aziz Ag Mohamed Ag"
        " Mahmoud, a former senior leader of al-Qaeda affiliate Ansar Dine, on charges of war"
        " crimes and crimes against humanity. While serving as the head of the Islamic police in"
        " Timbuktu between 2012 and 2013, Al Hassan tortured and subjected civilians to rape,"
        " persecution, enforced marriages, and sexual slavery. Al Hassan’s faces sentences"
        " ranging from 30 years to life imprisonment.",
        SD,
        "Other",
    ),
    (
        95,
        "Suspected jihadists ambush villagers in Dembo, central Mali, killing at least 26.",
        VAC,
        "Attack",
    ),
    (
        96,
        "On July 25, separatist rebels launch a three-day ambush on Wagner and government troops"
        " in Tinzaouaten, northern Mali.",
        BA,
        CLASH,
    ),
    (
        98,
        "Suspected jihadists open fire on civilians in Diallassagou, central Mali, killing at"
        " least 18 and injuring 21 others. Police claim insurgents targeted the village for"
        " reportedly cooperating with the Malian army.",
        VAC,
        "Attack",
    ),
    (
        100,
        "Mali’s armed forces launch an operation targeting and killing Abu Huzeifa, a senior"
        " commander of IS Sahel in Liptako region, a tri-border area and known ISIS hideout that"
        " encompasses parts of Mali, Burkina Faso, and Niger. Further details of the operation"
        " are not reported.",
        BA,
        CLASH,
    ),
    (
        104,
        "On April 16, suspected jihadists ambush and abduct three buses carrying civilians in"
        " central Mali. The buses are rerouted toward a forest between Bandiagara and Bankass."
        " The attackers immediately release women and children but hold 110 civilians. On April"
        " 24, dozens of men are reportedly released due to local agreements between JNIM-affiliate"
        " Katibat Macina and the assailants. Further details of the terms of release are not"
        " reported.",
        VAC,
        ABDUCTION,
    ),
    (
        105,
        "More than 100 suspected jihadists ambush an army position in Kwala, north of Bamako. The"
        " assailants first detonate a car bomb before opening fire on the troops. The attack"
        " reportedly kills several soldiers.",
        # a bomb within a ground assault on forces is one Battles event (the codebook's
        # hierarchy; ACLED: "ambushes of on-duty soldiers" are Battles)
        BA,
        CLASH,
    ),
    (
        106,
        "Three Italian nationals return to Rome following their release from a terror group,"
        " presumably JNIM, in Mali. The victims are from the same family and were kidnapped in"
        " Koutiala, southeast of Bamako, in May 2022.",
        SD,
        "Agreement",
    ),
    (
        109,
        "JNIM releases Gerco van Deventer, a South African paramedic who was held by JNIM since"
        " 2018. The South African charity, Gift of the Givers, was able to secure Van Deventer’s"
        " release for a sum of \\$500,000. On November 3, 2017, Van Deventer was kidnapped in"
        " Libya south of the capital of Tripoli. About a year later, he was relocated to Mali and"
        " sold to JNIM.",
        SD,
        "Agreement",
    ),
    (
        113,
        "Mali-based terror groups JNIM and AQIM release a joint statement online in response to"
        " the conflict between Hamas terrorists and Israel in Gaza.",
        SD,
        "Other",
    ),
    (
        114,
        "A suicide bomber from Coordination des mouvements de l’Azawad (CMA) detonates an"
        " explosive at a military camp in Dioura, central Mali. No further details of casualties"
        " or injuries are reported.",
        EX,
        "Suicide bomb",
    ),
    (
        115,
        "JNIM militants ambush Wagner units in Acharane, northern Mali. The suicide attack was"
        " followed by an assault with heavy and light weapons. According to the assailants, they"
        " had taken control over the post and numerous soldiers were killed.",
        # a bomb within a ground assault on forces is one Battles event (the codebook's
        # hierarchy; ACLED: "ambushes of on-duty soldiers" are Battles)
        BA,
        CLASH,
    ),
    (
        116,
        "Suspected jihadists carry out a mortar attack in Timbuktu. The shelling kills two and"
        " injures five others.",
        EX,
        "Shelling/artillery/missile attack",
    ),
    (
        117,
        "According to a report published by the International Rescue Committee, because of the"
        " ongoing insurgency, political instability, and climate change, approximately 40"
        " percent or 8.8 million people in Mali are in need of humanitarian assistance,"
        " especially in the Ménaka and Timbuktu regions.",
        SD,
        "Other",
    ),
    (
        121,
        "The U.S. Department of the Treasury designates three Malian security and political"
        " officials for facilitating the deployment and expansion of the Kremlin-backed Wagner"
        " Group’s activities in Mali.",
        SD,
        "Other",
    ),
    (
        126,
        "Colonel Sadio Camara, who is Mali's current Minister of Defense; Mali's Chief of Staff of"
        " the Air Force, Colonel Alou Boi Diarra; and Mali's Air Force Deputy Chief of Staff,"
        " Adama Bagayoko, are designated as specially designated nationals (SDNs) for their"
        " actions in destabilizing Mali and subjecting their population to violence at the hands"
        " of the private military company, the Wagner Group.",
        SD,
        "Other",
    ),
    (
        129,
        "IS Sahel militants ambush the villages of Gaena and Boya in Gao region, northern Mali."
        " The ambushes kill at least 17—14 in Boya and three in Gaena—and injure several others.",
        VAC,
        "Attack",
    ),
    (
        130,
        "Suspected extremists ambush Burkinabe peacekeepers in Timbuktu, northern Mali. The"
        " ambush, which involved both IEDs and small arms, killed one peacekeeper and injured"
        " eight others.",
        # a bomb within a ground assault on forces is one Battles event (the codebook's
        # hierarchy; ACLED: "ambushes of on-duty soldiers" are Battles)
        BA,
        CLASH,
    ),
    (
        133,
        "A roadside bomb detonates in Douentza, central Mali. The explosion wounds seven U.N."
        " peacekeepers. Security officials suspect jihadists planted the bomb.",
        EX,
        IED,
    ),
    (
        137,
        "After 711 days in captivity, JNIM releases French journalist Olivier Dubois and U.S. aid"
        " worker Jeffery Woodke. They arrive in Niamey, the capital of Niger. Dubois was kidnapped"
        " in northern Mali on April 8, 2021, whereas Woodke was abducted in southwest Niger in"
        " October 2016. The rescue mission is reportedly conducted by Niger and France.",
        SD,
        "Agreement",
    ),
    (
        139,
        "Unidentified assailants kidnap Dr. Mahamadou Diawara of the World Health Organization"
        " from his car in the eastern town of Menaka. The assailants also attack Diawara's driver"
        " but leave him behind.",
        VAC,
        ABDUCTION,
    ),
    (
        141,
        "Militants attack security forces in the towns of Mopti and Segou with IEDs. Subsequent"
        " clashes between the militants and security forces leave 14 soldiers dead and 11"
        " wounded. The Malian army claims it neutralized 31 of the attackers. JNIM claims"
        " responsibility.",
        # a bomb within a ground assault on forces is one Battles event (the codebook's
        # hierarchy; ACLED: "ambushes of on-duty soldiers" are Battles)
        BA,
        CLASH,
    ),
    (
        146,
        "Clashes between ISIS and local al-Qaeda affiliates in and around Gao and Menaka kill at"
        " least 100 people, including dozens of civilians. Hundreds of civilians are reportedly"
        " displaced due to the fighting. On December 4, between 200 and 300 civilians are"
        " reportedly massacred during the fighting.",
        BA,
        CLASH,
    ),
    (
        147,
        "Suspected Islamic extremists attack the Kadji camp outside Gao, killing at least 11. The"
        " camp hosts IDPs who fled violence in northern Mali. The militants also destroy the"
        " camp's food supplies and steal its livestock.",
        VAC,
        "Attack",
    ),
    (
        156,
        "Militants from Islamic State in the Sahel (IS Sahel) ambush and seize Talataye, a town in"
        " northern Mali. The attack kills more than 45 civilians and displaces many residents of"
        " the town.",
        BA,
        "Non-state actor overtakes territory",
    ),
    (
        157,
        "Suspected jihadists using drones and artillery launch an attack in Tessit. The attack"
        " kills 42 soldiers, one of the largest number of casualties in Mali's decade-long"
        " insurgency. Police claim IS Sahel was responsible for the attack.",
        EX,
        "Air/drone strike",
    ),
    (
        159,
        "Katiba Macina militants ambush Mali's main military base in Kati, north of Bamako. The"
        " attack, which involved car bombs, killed one soldiers and left six others wounded.",
        # a bomb within a ground assault on forces is one Battles event (the codebook's
        # hierarchy; ACLED: "ambushes of on-duty soldiers" are Battles)
        BA,
        CLASH,
    ),
    (
        161,
        "A U.N. armored vehicle strikes a mine on the Tessalit-Gao highway in central Mali. The"
        " explosion kills two Egyptian peacekeepers and injures five others.",
        EX,
        IED,
    ),
    (
        165,
        "A convoy patrolling the town of Kidal in northern Mali comes under attack by small-arms"
        " fire and rocket-propelled grenades. One U.N. peacekeeper, who is a Jordanian national,"
        " is killed and three others are injured.",
        BA,
        CLASH,
    ),
    (
        168,
        "The Wagner Group, in coordinating with Malian troops, launch a multi-day operation in"
        " Moura, Mopti region. The mercenaries reportedly carry out large numbers of extrajudicial"
        " killings, leading to the death of more than 500 civilians. The operation was intended"
        " to target alleged members of JNIM, an al-Qaeda affiliated group.",
        VAC,
        "Attack",
    ),
    (
        181,
        "Suspected jihadists detonate an IED and open fire on Malian troops in the Mopti region,"
        " central Mali. The explosion and gunfire kill 16 and injure 10 soldiers before the"
        " insurgents are repelled by the army.",
        # a bomb within a ground assault on forces is one Battles event (the codebook's
        # hierarchy; ACLED: "ambushes of on-duty soldiers" are Battles)
        BA,
        CLASH,
    ),
    (
        183,
        "JNIM militants ambush a convoy heading towards an Australian-owned gold mine in southern"
        " Mali. The ambush kills five gendarmes and injures four others who were escorting the"
        " convoy.",
        BA,
        CLASH,
    ),
    (
        184,
        "French President Emmanuel Macron tweets that French forces neutralize Adnan Abu Walid"
        " al-Sahrawi, the leader of Islamic State in the Greater Sahara (ISGS). According to media"
        " sources, al-Sahrawi was killed in a French-led air and ground operation in Mali sometime"
        " between August 17 and August 21.",
        BA,
        CLASH,
    ),
    (
        185,
        "Jihadists on motorbikes invade the villages of Karou, Ouatagouna, and Daoutegeft near"
        " Mali's border with Niger. The suspected jihadists massacre more than 51 civilians in the"
        " coordinated attacks.",
        VAC,
        "Attack",
    ),
    (
        191,
        "Suspected Islamist militants attack three villages in central Mali. The attacks kill four"
        " in Gorey, four in Djamnati, and one in Simikanda.",
        VAC,
        "Attack",
    ),
    (
        209,
        "The Group to Support Islam and Muslims (GSIM) claims to ambush a French military camp in"
        " Gossi, northern Mali. The al-Qaeda linked group raided the camp with two explosive-packed"
        " vehicles. The attack kills one soldier.",
        # a bomb within a ground assault on forces is one Battles event (the codebook's
        # hierarchy; ACLED: "ambushes of on-duty soldiers" are Battles)
        BA,
        CLASH,
    ),
    (
        220,
        "An unidentified local official claims that a vehicle hit a landmine in N'gorkou, central"
        " Mali. At least nine people are killed.",
        EX,
        IED,
    ),
    (
        221,
        "Malian opposition leader Soumalia Cisse is kidnapped by suspected Katiba Macina militants"
        " while campaigning in the Niafounke district in Timbuktu. Five others were kidnapped with"
        " Cisse but were released on March 27.",
        VAC,
        ABDUCTION,
    ),
    (
        224,
        "A Canadian woman and an Italian man who were kidnapped in December 2018 in Burkina Faso"
        " are released in Mali. It is unreported who kidnapped the two or who arranged for the"
        " release of the hostages.",
        SD,
        "Agreement",
    ),
    (
        231,
        "A U.S. federal court charges a Malian man in absentia for his role in two 2016 terror"
        " attacks in Burkina Faso. The attacks killed 30 people, including Michael J. Riddering,"
        " an American missionary.",
        SD,
        "Other",
    ),
    (
        232,
        "French troops launch an air operation to support ground forces engaged in combat with"
        " militants. Two helicopters collide, killing 13 French soldiers.",
        BA,
        CLASH,
    ),
    (
        233,
        "ISIS militants attack an army post in Indelimane, northern Mali. The attack kills at"
        " least 54 people and injures another 10. French forces claim that included among the"
        " casualties was one of its soldiers who died after his vehicle hit an improvised"
        " explosive device.",
        BA,
        CLASH,
    ),
    (
        258,
        "Islamists exchange gunfire with security officials after a suicide bomber is prevented"
        " from entering the headquarters of an anti-terror taskforce located Sévaré. Six people"
        " are killed and others are wounded.",
        SD,
        "Disrupted weapons use",
    ),
    (
        266,
        "Nine Malian soldiers are killed and five others are injured when a supply convoy is"
        " ambushed between Dogofri and Nampala. The convoy hit a mine before being attacked by"
        " gunfire.",
        # a bomb within a ground assault on forces is one Battles event (the codebook's
        # hierarchy; ACLED: "ambushes of on-duty soldiers" are Battles)
        BA,
        CLASH,
    ),
    (
        282,
        "Two gunmen storm the Radisson Blu Hotel in Mali's capital, Bamako, killing 20 people and"
        " taking as many as 170 hostages.",
        VAC,
        "Attack",
    ),
    (
        291,
        "Two of the seven Algerian diplomats kidnapped by MUJAO in April 2012 are released.",
        SD,
        "Agreement",
    ),
    (
        297,
        "Insurgents belonging to MUJAO destroy two bridges during a mortar attack in the northern"
        " region of Gao.",
        EX,
        "Shelling/artillery/missile attack",
    ),
    (
        305,
        "Islamists destroy UNESCO world heritage sites, including Sufi shrines, in Timbuktu, Mali.",
        SD,
        "Looting/property destruction",
    ),
    (307, "MUJAO insurgents kidnap seven Algerian diplomats in Gao.", VAC, ABDUCTION),
    (
        309,
        "AAD insurgents attack Malian soldiers in Aguelhok, killing 82 and kidnapping 30 others.",
        BA,
        CLASH,
    ),
    (315, "AQIM executes the French citizen NGO worker abducted in December 2009.", VAC, "Attack"),
    (
        319,
        "AQIM militants kidnap French citizen Pierre Camatte near Mali's border with Niger. He is"
        " released in February 2010 in exchange for four AQIM militants.",
        VAC,
        ABDUCTION,
    ),
    (
        326,
        "AQIM militants turn over two Austrian tourists—who the group kidnapped in southern"
        " Tunisia in February 2008—to the Malian government after a ransom is paid.",
        SD,
        "Agreement",
    ),
]

# Sentences of our own: the sample has no demonstrations.
PROTEST_SENTENCES: list[tuple[str, str, str]] = [
    (
        "Hundreds of residents protest in Bamako against insecurity in central Mali.",
        "Protests",
        "Peaceful protest",
    ),
    (
        "Police fire tear gas to disperse protesters outside the governor's office in Gao.",
        "Protests",
        "Protest with intervention",
    ),
    (
        "Soldiers open fire on demonstrators in Kati, killing three.",
        "Protests",
        "Excessive force against protesters",
    ),
    (
        "Rioters torch the town hall in Sevare after a curfew is announced.",
        "Riots",
        "Violent demonstration",
    ),
    ("A mob lynches a man suspected of helping jihadists in Mopti.", "Riots", "Mob violence"),
]


@pytest.fixture(scope="module")
def sample_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").splitlines()


def test_quotes_are_verbatim(sample_lines: list[str]) -> None:
    for line_no, text, _, _ in SAMPLE_BULLETS:
        assert text in sample_lines[line_no - 1], f"line {line_no} is not quoted exactly"


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [pytest.param(text, et, st, id=f"line{line}") for line, text, et, st in SAMPLE_BULLETS],
)
def test_sample_bullets(text: str, event_type: str, sub_event_type: str) -> None:
    result = default_classifier().classify(text)
    assert (result.event_type, result.sub_event_type) == (event_type, sub_event_type), result
    assert result.rule_id is not None
    assert result.matched_text and result.matched_text in " ".join(text.split())


@pytest.mark.parametrize(("text", "event_type", "sub_event_type"), PROTEST_SENTENCES)
def test_protests_and_riots(text: str, event_type: str, sub_event_type: str) -> None:
    result = default_classifier().classify(text)
    assert (result.event_type, result.sub_event_type) == (event_type, sub_event_type), result


@pytest.mark.parametrize(
    "text",
    [
        # line 158: the text never says who was attacked, so no rule may guess
        "Al-Qaeda-linked militants reportedly launch coordinated attacks in Kalumba—near the"
        " Mauritanian border—and Sokolo, central Mali. The attacks kill 12 in Kalumba while six"
        " are killed and 25 others are wounded in Sokolo.",
        "The rainy season in Mali lasts from June to September.",
        "",
    ],
)
def test_unmatched_text_is_unclassified(text: str) -> None:
    assert default_classifier().classify(text) == EventType(None, None, None, None)


def test_decision_names_its_rule_and_span() -> None:
    result = default_classifier().classify(
        "Suspected jihadists carry out a mortar attack in Timbuktu."
    )
    assert result == EventType(EX, "Shelling/artillery/missile attack", "shelling", "mortar")


def test_weapon_in_the_next_sentence_wins_but_not_a_later_incident() -> None:
    classify = default_classifier().classify
    next_sentence = classify(
        "Unidentified assailants target a U.N. convoy near Tessalit. The explosion of a roadside"
        " bomb kills two peacekeepers."
    )
    assert (next_sentence.rule_id, next_sentence.matched_text) == ("bomb", "bomb")
    # With a ground assault (an ambush, gunfire) the bomb is part of one Battles event.
    ground = classify(
        "Militants ambush an army unit in the Nara region. The assailants, who detonated an IED"
        " and used heavy weapons, kill four soldiers."
    )
    assert (ground.event_type, ground.sub_event_type) == (BA, CLASH)
    # line 173: the roadside bomb is a second incident, two sentences after the lead
    later_incident = classify(
        "An army escort is ambushed in Mourdiah, north of Bamako. The ambush kills two and"
        " injures three. That same day, an army truck hits a roadside bomb near Segou."
    )
    assert (later_incident.event_type, later_incident.sub_event_type) == (BA, CLASH)


def test_gold_mine_and_rocket_propelled_grenades_are_not_remote_weapons() -> None:
    result = default_classifier().classify(
        "Gunmen ambush a convoy near a gold mine with rocket-propelled grenades."
    )
    assert (result.event_type, result.sub_event_type) == (BA, CLASH)


def test_sentence_split_keeps_initials_and_titles() -> None:
    assert split_sentences(
        "A U.S. federal court charges Dr. Baba, whom Michael J. Smith met. He denies it."
    ) == ["A U.S. federal court charges Dr. Baba, whom Michael J. Smith met.", "He denies it."]


def test_default_rules_are_valid_ordered_and_cached() -> None:
    classifier = default_classifier()
    assert classifier is default_classifier()
    priorities = [rule.priority for rule in classifier.rules]
    assert priorities == sorted(set(priorities))
    for rule in classifier.rules:
        assert rule.sub_event_type in ACLED_EVENT_TYPES[rule.event_type]
        assert rule.note
    assert EventClassifier.from_csv(DEFAULT_RULES_PATH).rules == classifier.rules


def test_most_sample_bullets_get_a_type(sample_extract: BronzeExtract) -> None:
    results = [default_classifier().classify(row["text"]) for row in sample_extract.bullets]
    unclassified = [r for r in results if r.event_type is None]
    assert len(results) == 186
    assert len(unclassified) <= 5


HEADER = "priority,rule_id,pattern,event_type,sub_event_type,unless,note\n"


def _write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "rules.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param(
            r"10,mortar-typo,\bmortars?\b,Explosion/Remote violence,Grenade,,x",
            r"mortar-typo.*unknown ACLED event type 'Explosion/Remote violence'",
            id="event-type-typo",
        ),
        pytest.param(
            r"10,wrong-pair,\bmortars?\b,Battles,Suicide bomb,,x",
            r"wrong-pair.*'Suicide bomb' is not a sub-event type of 'Battles'",
            id="pair-not-acled",
        ),
        pytest.param(
            r"10,bad-regex,\b(mortar\b,Battles,Armed clash,,x",
            r"bad-regex.*invalid pattern",
            id="bad-regex",
        ),
        pytest.param(
            "ten,bad-priority,x,Battles,Armed clash,,x",
            r"bad-priority.*not a number",
            id="bad-priority",
        ),
        pytest.param(
            "10,catch-all,.*,Battles,Armed clash,,x",
            r"catch-all.*matches empty text",
            id="catch-all",
        ),
        pytest.param(
            "10,first,a,Battles,Armed clash,,x\n10,second,b,Battles,Armed clash,,x",
            r"second.*priority 10 already used by 'first'",
            id="same-priority",
        ),
        pytest.param(
            "10,twice,a,Battles,Armed clash,,x\n20,twice,b,Battles,Armed clash,,x",
            r"twice.*duplicate rule_id",
            id="same-rule-id",
        ),
        pytest.param(
            "10,needs-cue,a,Battles,Armed clash,@no-such-cue,x",
            r"needs-cue.*unknown cue '@no-such-cue'",
            id="unknown-cue",
        ),
        pytest.param(
            r"10,bad-unless,a,Battles,Armed clash,\b(x,x",
            r"bad-unless.*unless: invalid pattern",
            id="bad-unless",
        ),
    ],
)
def test_invalid_rule_table_names_the_rule(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        EventClassifier.from_csv(_write(tmp_path, body + "\n"))


def test_wrong_header_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "10,a,a,Battles,Armed clash,,x\n", header="priority,id,pattern\n")
    with pytest.raises(ValueError, match="header must be"):
        EventClassifier.from_csv(path)


def test_valid_custom_table_first_rule_wins(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "20,clash,\\bambush\\b,Battles,Armed clash,,generic\n"
        '10,ied,"\\b(?:IED|roadside bomb)s?\\b",Explosions/Remote violence,'
        "Remote explosive/landmine/IED,,weapon wins\n",
    )
    classifier = EventClassifier.from_csv(path)
    assert [rule.rule_id for rule in classifier.rules] == ["ied", "clash"]
    assert classifier.classify("Militants AMBUSH a convoy with IEDs.").rule_id == "ied"
    assert classifier.classify("Militants ambush a convoy.").matched_text == "ambush"


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        # Victims the rules did not know: workers, employees, pupils; "shot N people dead".
        (
            "Gunmen ambushed a convoy carrying employees of a gold mine, killing 38 workers.",
            VAC,
            "Attack",
        ),
        ("Attackers blew open a gate with explosives and shot 14 people dead.", VAC, "Attack"),
        ("Gunmen raided a settlement and shot dead four pupils.", VAC, "Attack"),
        # An airfield is a military position, whatever the victims' trade.
        (
            "Fighters attacked the airfield at a military camp, killing two contractors.",
            BA,
            CLASH,
        ),
        # Preaching to villagers is a statement, not violence.
        ("Armed militants entered a village and preached to the residents.", SD, "Other"),
    ],
)
def test_held_out_victims_positions_and_statements(
    text: str, event_type: str, sub_event_type: str
) -> None:
    result = default_classifier().classify(text)
    assert (result.event_type, result.sub_event_type) == (event_type, sub_event_type), result


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("The Air Force on Tuesday struck two militant camps near the lake.", "Air/drone strike"),
        ("The Nigerian Air Force bombed a rebel convoy, killing 20 fighters.", "Air/drone strike"),
    ],
)
def test_an_air_force_striking_is_an_air_strike(text: str, sub_event_type: str) -> None:
    result = default_classifier().classify(text)
    assert (result.event_type, result.sub_event_type) == (EX, sub_event_type), result


def test_an_air_force_officer_is_no_air_strike() -> None:
    result = default_classifier().classify("Gunmen abducted an Air Force officer near Kaduna.")
    assert result.sub_event_type == ABDUCTION, result


def test_a_shared_unless_pattern_is_searched_once_per_text() -> None:
    """Two rules vetoed by one shared cue: the cue is searched once, and vetoes both; a text
    without the cue's words is not searched at all."""
    cue = CountingPattern(r"\bceasefire\b")
    rules = [
        Rule(10, "raid", re.compile(r"\braid", re.I), BA, CLASH, "x", cast(Any, cue)),
        Rule(20, "attack", re.compile(r"\battack", re.I), VAC, "Attack", "x", cast(Any, cue)),
        Rule(30, "clash", re.compile(r"\bclash", re.I), BA, CLASH, "x"),
    ]
    classifier = EventClassifier(rules)
    found = classifier.classify("A raid and an attack broke the ceasefire; a clash followed.")
    assert (found.rule_id, cue.searches) == ("clash", 1)
    assert classifier.classify("A raid at dawn.").rule_id == "raid"
    assert cue.searches == 1


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        # Invented sentences in the wording of think-tank briefs and incident logs.
        ("On 2 May the leaders of A and B signed the Foo Charter in Bartown.", SD, "Agreement"),
        ("The two sides signed a declaration of principles on 3 June.", SD, "Agreement"),
        ("On 25 May the junta postponed the presidential election planned for 2027.", SD, "Other"),
        ("On 4 August the government cut diplomatic ties with Fooland.", SD, "Other"),
        ("The cabinet expelled the Fooland ambassador on 30 October.", SD, "Other"),
        ("On 10 April the junta suspended the activities of all political parties.", SD, "Other"),
        (
            "The UN mission left its Foo camp on 13 August, earlier than planned.",
            SD,
            "Change to group/activity",
        ),
        (
            "On Tuesday the regional bloc formally launched its own force at a ceremony in Foo.",
            SD,
            "Change to group/activity",
        ),
        (
            "Gunmen stopped three buses and forced them into the forest with 40 passengers.",
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
    ],
)
def test_decisions_agreements_and_withdrawals_of_briefs(
    text: str, event_type: str, sub_event_type: str
) -> None:
    result = default_classifier().classify(text)
    assert (result.event_type, result.sub_event_type) == (event_type, sub_event_type)


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        # Invented sentences in the wording of incident logs.
        ("Two gendarmes were shot dead on patrol at Fooville.", BA, "Armed clash"),
        ("The government held a national dialogue on the crisis.", SD, "Other"),
        ("The ministry denied that it had asked anyone to mediate.", SD, "Other"),
    ],
)
def test_incident_log_wordings(text: str, event_type: str, sub_event_type: str) -> None:
    result = default_classifier().classify(text)
    assert (result.event_type, result.sub_event_type) == (event_type, sub_event_type)
