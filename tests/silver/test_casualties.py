"""Casualty figures: real bullets from the bundled sample, then one hand-written case per rule.

Expected figures are (low, high, best) tuples; a category left out of ``expected`` must be
NO_COUNT (unknown), which is how the tests catch invented numbers and defaults of 0.
"""

from __future__ import annotations

import pytest

from eventline.silver import casualties as casualty_parser
from eventline.silver.casualties import (
    NO_COUNT,
    VAGUE_QUANTITIES,
    Casualties,
    CasualtyCount,
    parse_casualties,
)
from tests.paths import SAMPLE

SAMPLE_LINES = SAMPLE.read_bytes().decode("utf-8").split("\n")
CATEGORIES = ("killed", "injured", "kidnapped", "assailants_killed")

Figures = tuple[int | None, int | None, int | None]


def figures(count: CasualtyCount) -> Figures | None:
    return None if count == NO_COUNT else (count.low, count.high, count.best)


def assert_figures(result: Casualties, expected: dict[str, Figures]) -> None:
    got = {name: figures(getattr(result, name)) for name in CATEGORIES}
    assert got == {name: expected.get(name) for name in CATEGORIES}


def exact(n: int) -> Figures:
    return (n, n, n)


def at_least(n: int) -> Figures:
    return (n, None, n)


def vague(n: int, high: int | None = None) -> Figures:
    """A vague quantity ("several", "dozens"): its minimal reading as a bound, no figure."""
    return (n, high, None)


# (line number in the sample, words quoted exactly from that line, expected figures)
REAL_BULLETS: list[tuple[int, str, dict[str, Figures]]] = [
    (93, "killing 77 and wounding 255 others", {"killed": exact(77), "injured": exact(255)}),
    (
        95,
        "Suspected jihadists ambush villagers in Dembo, central Mali, killing at least 26.",
        {"killed": at_least(26)},
    ),
    # Two claims about two different ambushes ("Also on July 25"): added, open-ended.
    (
        96,
        "claim to kill at least 84 Wagner fighters and 47 Malian soldiers. The assailants also "
        "capture seven fighters.",
        {"killed": at_least(84 + 47 + 50 + 10)},
    ),
    (
        98,
        "killing at least 18 and injuring 21 others",
        {"killed": at_least(18), "injured": exact(21)},
    ),
    # A U.S.-attack aside with "$5 million" and "October 4, 2017": only the four + four count.
    (100, "which killed four U.S. soldiers and four Nigerian soldiers", {"killed": exact(8)}),
    (104, "ambush and abduct three buses carrying civilians", {"kidnapped": exact(110)}),
    (104, "release women and children but hold 110 civilians", {"kidnapped": exact(110)}),
    (105, "The attack reportedly kills several soldiers.", {"killed": vague(3)}),
    (
        107,
        "killing three and injuring several others",
        {"killed": exact(3), "injured": vague(3)},
    ),
    # The only figure is JNIM's claim of "dozens": a bound (phrase shows it), no figure.
    (
        108,
        "The number of casualties is not confirmed, although JNIM later releases a statement "
        "claiming “dozens” of soldiers were killed.",
        {"killed": vague(24)},
    ),
    (109, "for a sum of \\$500,000. On November 3, 2017, Van Deventer was kidnapped", {}),
    (114, "No further details of casualties or injuries are reported.", {}),
    (117, "approximately 40 percent or 8.8 million people in Mali", {}),
    (
        118,
        "According to the CMA, the attack reportedly kills 97 Malian soldiers, however, the Malian "
        "army claims 10 soldiers are killed and 47 CMA terrorists were neutralized.",
        {"killed": (10, 97, 10), "assailants_killed": exact(47)},
    ),
    (119, "The attacks kill 64 people.", {"killed": exact(64)}),
    (
        129,
        "The ambushes kill at least 17—14 in Boya and three in Gaena—and injure several others.",
        {"killed": at_least(17), "injured": vague(3)},
    ),
    (134, "The explosions kill 13.", {"killed": exact(23)}),
    (
        135,
        "The ambush kills Assimi Goita's chief of staff killed along with at least three other "
        "people.",
        {"killed": at_least(3)},
    ),
    (137, "After 711 days in captivity", {}),
    (
        140,
        "killing five soldiers and wounding three. Malian air forces kill 15 militants.",
        {"killed": exact(5), "injured": exact(3), "assailants_killed": exact(15)},
    ),
    (
        141,
        "leave 14 soldiers dead and 11 wounded. The Malian army claims it neutralized 31 of the "
        "attackers.",
        {"killed": exact(14), "injured": exact(11), "assailants_killed": exact(31)},
    ),
    # "Two members … and three civilians are killed" breaks the seven down: not added again.
    (
        144,
        "killing at least seven people. Two members of the civil defense force and three "
        "civilians are killed in the attack on defense post.",
        {"killed": at_least(7)},
    ),
    # Dec 1 clashes (at least 100) plus a later massacre on Dec 4 (200-300): distinct, added.
    (
        146,
        "kill at least 100 people, including dozens of civilians. Hundreds of civilians are "
        "reportedly displaced due to the fighting. On December 4, between 200 and 300 civilians "
        "are reportedly massacred during the fighting.",
        {"killed": at_least(300)},
    ),
    (
        154,
        "The explosion kills three U.N. peacekeepers and injures three others. A fourth "
        "peacekeeper dies from his injuries the following day.",
        {"killed": exact(4), "injured": exact(3)},
    ),
    (
        155,
        "The explosion kills 10 and injures dozens of others.",
        {"killed": exact(10), "injured": vague(24)},
    ),
    (
        156,
        "The attack kills more than 45 civilians and displaces many residents of the town.",
        {"killed": at_least(45)},
    ),
    (
        157,
        "The attack kills 42 soldiers, one of the largest number of casualties",
        {"killed": exact(42)},
    ),
    (
        158,
        "The attacks kill 12 in Kalumba while six are killed and 25 others are wounded in Sokolo.",
        {"killed": exact(18), "injured": exact(25)},
    ),
    (
        165,
        "One U.N. peacekeeper, who is a Jordanian national, is killed and three others are "
        "injured.",
        {"killed": at_least(2), "injured": exact(3)},
    ),
    (168, "leading to the death of more than 500 civilians", {"killed": at_least(500)}),
    (
        170,
        "kill four soldiers and injure around a dozen others",
        {"killed": exact(4), "injured": vague(12, 12)},
    ),
    (
        171,
        "The attack kills at least 31 and injures 17 others.",
        {"killed": at_least(32), "injured": exact(18)},
    ),
    (185, "The suspected jihadists massacre more than 51 civilians", {"killed": at_least(51)}),
    (
        186,
        "The explosion injures 15 U.N. peacekeepers, 12 of whom were German. Germany has around "
        "1,100 soldiers in Mali",
        {"killed": exact(6), "injured": exact(15)},
    ),
    (187, "the explosion injures ten, including six French soldiers", {"injured": exact(10)}),
    (
        189,
        "The attack kills two and wounds six others. The same day,",
        {"killed": exact(6), "injured": exact(25)},
    ),
    (
        191,
        "The attacks kill four in Gorey, four in Djamnati, and one in Simikanda.",
        {"killed": exact(9)},
    ),
    (
        192,
        "The attack kills nine gendarmes and injures nine others.",
        {"killed": exact(9), "injured": exact(9)},
    ),
    (
        193,
        "The attack injures around 27 peacekeepers and kills one other.",
        {"killed": exact(1), "injured": exact(27)},
    ),
    (
        198,
        "The suspected coordinated assaults do not result in any casualties.",
        {"killed": exact(0), "injured": exact(0)},
    ),
    (208, "The attack kills a police officer and a soldier.", {"killed": exact(2)}),
    (210, "The attack kills over 31 villagers and nine soldiers.", {"killed": at_least(40)}),
    (
        216,
        "It is suspected that several al-Qaeda fighters are killed.",
        {"assailants_killed": vague(3)},
    ),
    (
        219,
        "An unreported number of village chiefs, election officials, and one electoral observer "
        "are kidnapped.",
        {"kidnapped": at_least(1)},
    ),
    (
        221,
        "Five others were kidnapped with Cisse but were released on March 27.",
        {"kidnapped": exact(5)},
    ),
    (
        223,
        "At least 29 soldiers are killed and at least five others are wounded.",
        {"killed": at_least(29), "injured": at_least(5)},
    ),
    (
        231,
        "In that attack, three men armed with hand grenades and AK-47s walked along a beach in "
        "Grand Bassam and opened fire. Nineteen people were killed.",
        {"killed": exact(49)},
    ),
    (232, "Two helicopters collide, killing 13 French soldiers.", {"killed": exact(13)}),
    (235, "All five sustain injuries.", {"injured": exact(5)}),
    # 24 + 17 in later sentences break down the 41: counted once.
    (
        240,
        "The attacks kill at least 41. The victims of the raids were mostly ethnic Dogons, where "
        "24 people were killed. Another 17 died in Gangafani 2.",
        {"killed": at_least(41)},
    ),
    (
        241,
        "The attack kills 38 and leaves many others wounded.",
        {"killed": exact(38), "injured": vague(2)},
    ),
    (
        242,
        "Allied French and Malian forces kills 20 ISIS militants in an operation in Akabar",
        {"assailants_killed": exact(20)},
    ),
    (
        247,
        "French troops kill several militants including Yahia Abou Hamman",
        {"assailants_killed": vague(3)},
    ),
    (
        253,
        "Gunmen on motorbikes kill at least 34 Tuareg civilians in two villages",
        {"killed": at_least(34)},
    ),
    (
        255,
        "claims the lives of at least 42 people, including children as young as eight",
        {"killed": at_least(42)},
    ),
    (
        256,
        "Three Malians are killed and 30 others are wounded",
        {"killed": exact(3), "injured": exact(30)},
    ),
    (258, "Six people are killed and others are wounded.", {"killed": exact(6)}),
    (264, "Four U.N. peacekeepers and three Malian soldiers are hurt", {"injured": exact(7)}),
    (
        265,
        "At least one U.N. peacekeeper is killed and nine others hurt",
        {"killed": at_least(1), "injured": exact(9)},
    ),
    (
        269,
        "Militants target two airports in Gao, leaving no casualties.",
        {"killed": exact(0), "injured": exact(0)},
    ),
    (
        270,
        "The attack leaves one U.N. peacekeeper dead and eight wounded.",
        {"killed": exact(1), "injured": exact(8)},
    ),
    (
        279,
        "One attacker is killed while trying to penetrate the perimeter as another is arrested.",
        {"assailants_killed": exact(1)},
    ),
    (
        282,
        "killing 20 people and taking as many as 170 hostages",
        {"killed": exact(20), "kidnapped": (None, 170, None)},
    ),
    (
        285,
        "killing one Belgian security officer, three Malians, and wounding nine others",
        {"killed": exact(4), "injured": exact(9)},
    ),
    (291, "Two of the seven Algerian diplomats kidnapped by MUJAO in April 2012 are released.", {}),
    (292, "A suicide bomber kills four Malian and Chadian soldiers", {"killed": exact(4)}),
    (294, "the murder of two French journalists", {"killed": exact(2)}),
    (298, "killing civilians and injuring six soldiers", {"injured": exact(6)}),
    (
        299,
        "The militants take over 100 hostages, most of whom are foreign expatriates. During the "
        "siege, which lasts four days, 39 hostages, one Algerian security guard, and 29 militants "
        "are killed.",
        {"killed": exact(40), "kidnapped": at_least(100), "assailants_killed": exact(29)},
    ),
    (303, "the kidnapping of an elderly French tourist", {"kidnapped": exact(1)}),
    (309, "killing 82 and kidnapping 30 others", {"killed": exact(82), "kidnapped": exact(30)}),
    (311, "The attack, which claims the lives of up to 100 people", {"killed": (None, 100, None)}),
    (
        317,
        "AQIM militants in Mali kidnap an Italian citizen, his wife, and a French NGO worker.",
        {"kidnapped": exact(3)},
    ),
    (319, "AQIM militants kidnap French citizen Pierre Camatte", {}),
]


@pytest.mark.parametrize(
    ("line", "excerpt", "expected"),
    REAL_BULLETS,
    ids=[f"line{line}-{i}" for i, (line, _, _) in enumerate(REAL_BULLETS)],
)
def test_real_sample_bullet(line: int, excerpt: str, expected: dict[str, Figures]) -> None:
    text = SAMPLE_LINES[line - 1]
    assert excerpt in text, "the quoted words must be the sample's, exactly"
    assert_figures(parse_casualties(text), expected)


def test_enough_real_bullets_are_checked() -> None:
    lines = {line for line, _, _ in REAL_BULLETS}
    assert len(lines) >= 25
    assert all(93 <= line <= 327 for line in lines)


def test_bullet_split_by_a_page_break_is_read_as_one_record() -> None:
    """Line 200 continues on line 204: the Radisson figures break down the 26 and 14."""
    text = SAMPLE_LINES[199] + " " + SAMPLE_LINES[203]
    assert "At least 26 people were killed and at least 14 others were injured" in text
    assert "killing 20 and wounding 14 others" in text
    result = parse_casualties(text)
    assert_figures(
        result, {"killed": at_least(26), "injured": at_least(14), "kidnapped": at_least(170)}
    )
    assert result.kidnapped.phrase == "hold over 170 guests and staff hostage"


def test_line_178_adds_the_same_day_explosion() -> None:
    text = SAMPLE_LINES[172] + " " + SAMPLE_LINES[177]
    assert "That same day, an army truck hits a roadside bomb" in text
    assert_figures(parse_casualties(text), {"killed": exact(7), "injured": exact(3)})


def test_phrases_quote_the_text_exactly() -> None:
    result = parse_casualties(SAMPLE_LINES[117])
    assert result.killed.phrase == "kills 97 Malian soldiers | 10 soldiers are killed"
    assert result.assailants_killed.phrase == "47 CMA terrorists were neutralized"
    result = parse_casualties(SAMPLE_LINES[157])
    assert result.killed.phrase == "kill 12 in Kalumba | six are killed"
    assert result.injured.phrase == "25 others are wounded"
    assert parse_casualties(SAMPLE_LINES[94]).killed.phrase == "killing at least 26"


@pytest.mark.parametrize("line", range(1, len(SAMPLE_LINES) + 1))
def test_every_sample_line_gives_consistent_counts(line: int) -> None:
    """Invariants: phrases are quoted from the text; low <= best <= high; no silent zeros."""
    text = SAMPLE_LINES[line - 1]
    for name in CATEGORIES:
        count = getattr(parse_casualties(text), name)
        if count == NO_COUNT:
            continue
        assert count.phrase, name
        assert all(part in text for part in count.phrase.split(" | ")), count.phrase
        known = [v for v in (count.low, count.best, count.high) if v is not None]
        assert all(v >= 0 for v in known)
        if count.low is not None and count.best is not None:
            assert count.low <= count.best
        if count.best is not None and count.high is not None:
            assert count.best <= count.high
        if 0 in known:
            assert "casualties" in count.phrase or "no" in count.phrase.lower()


# --- one hand-written case per rule --------------------------------------------------------

HAND_WRITTEN: list[tuple[str, dict[str, Figures]]] = [
    # exact numbers, digits or words
    ("Gunmen kill twenty-one villagers.", {"killed": exact(21)}),
    ("A bomb kills Nineteen people.", {"killed": exact(19)}),
    ("The attack kills one hundred and twenty people.", {"killed": exact(120)}),
    ("The attack kills 1,200 people.", {"killed": exact(1200)}),
    (
        "The bomb kills a soldier and wounds a police officer.",
        {"killed": exact(1), "injured": exact(1)},
    ),
    # qualifiers
    ("Militants kill at least 12 soldiers.", {"killed": at_least(12)}),
    ("Militants kill more than 12 soldiers.", {"killed": at_least(12)}),
    ("The blast kills over 30 people.", {"killed": at_least(30)}),
    ("The attack kills 40 or more people.", {"killed": at_least(40)}),
    ("The raid kills up to 15 civilians.", {"killed": (None, 15, None)}),
    ("The raid kills as many as 15 civilians.", {"killed": (None, 15, None)}),
    ("The raid kills around 40 civilians.", {"killed": exact(40)}),
    ("The raid kills about 40 civilians.", {"killed": exact(40)}),
    ("The raid kills approximately 40 civilians.", {"killed": exact(40)}),
    ("The raid kills nearly 40 civilians.", {"killed": exact(40)}),
    ("The raid kills roughly 40 civilians.", {"killed": exact(40)}),
    ("The raid kills an estimated 40 civilians.", {"killed": exact(40)}),
    ("The raid kills some 40 civilians.", {"killed": exact(40)}),
    ("The raid kills between 10 and 15 civilians.", {"killed": (10, 15, 10)}),
    ("The raid kills 10 to 15 civilians.", {"killed": (10, 15, 10)}),
    ("The raid kills 10-15 civilians.", {"killed": (10, 15, 10)}),
    ("The raid kills two or three civilians.", {"killed": (2, 3, 2)}),
    # vague quantities: the minimal reading as a bound, no figure (unknown is null)
    ("The raid kills a few civilians.", {"killed": vague(2)}),
    ("The raid kills several civilians.", {"killed": vague(3)}),
    ("The raid kills a dozen civilians.", {"killed": vague(12)}),
    ("The raid kills dozens of civilians.", {"killed": vague(24)}),
    ("The raid kills scores of civilians.", {"killed": vague(40)}),
    ("The raid kills hundreds of civilians.", {"killed": vague(200)}),
    ("The raid kills thousands of civilians.", {"killed": vague(2000)}),
    ("The raid kills many civilians.", {"killed": vague(2)}),
    ("The raid kills numerous civilians.", {"killed": vague(2)}),
    ("The raid kills some civilians.", {"killed": vague(2)}),
    ("The raid kills up to a dozen civilians.", {"killed": (None, 12, None)}),
    # a vague part adds no figure to a number: "at least 42 ... dozens more" is 42
    (
        "Gunmen fired on a convoy, killing at least 42 people; in the fighting that followed,"
        " dozens more died.",
        {"killed": at_least(42)},
    ),
    ("Bandits abducted dozens of students and several teachers.", {"kidnapped": vague(27)}),
    # the survivors who "escaped with injuries" are injured
    (
        "Bandits set the bus ablaze. 23 killed; 7 escaped with injuries.",
        {"killed": exact(23), "injured": exact(7)},
    ),
    ("Thirteen others escaped into the bush.", {}),
    ("Militants killing civilians in the village.", {}),
    # passive, nouns, "leave N dead"
    ("Three people died and four people were hurt.", {"killed": exact(3), "injured": exact(4)}),
    ("The attack leaves 10 people dead.", {"killed": exact(10)}),
    ("The death toll rises to 31.", {"killed": exact(31)}),
    ("Gunmen killed 2 in Gao, 3 in Mopti and 4 in Segou.", {"killed": exact(9)}),
    (
        "The attack kills two and three others are wounded.",
        {"killed": exact(2), "injured": exact(3)},
    ),
    ("Two gunmen killed 20 people.", {"killed": exact(20)}),  # active, not "two killed"
    # an uncounted group in the list: four is a floor, not the total
    ("Militants kill four soldiers and civilians.", {"killed": at_least(4)}),
    # kidnapping
    ("Gunmen abduct 12 passengers.", {"kidnapped": exact(12)}),
    ("Militants took 30 hostages.", {"kidnapped": exact(30)}),
    ("Gunmen hold 20 villagers hostage for two days.", {"kidnapped": exact(20)}),
    ("20 people were taken hostage.", {"kidnapped": exact(20)}),
    ("Five aid workers were abducted near Gao.", {"kidnapped": exact(5)}),
    # a reduced relative tells of an earlier kidnapping; this record is the release
    ("Seven Algerian diplomats kidnapped by MUJAO in 2012 are released.", {}),
    # assailants apart from victims
    ("The army says it killed 12 jihadists.", {"assailants_killed": exact(12)}),
    ("Security forces neutralized 9 terrorists.", {"assailants_killed": exact(9)}),
    (
        "Five soldiers and three attackers are killed.",
        {"killed": exact(5), "assailants_killed": exact(3)},
    ),
    # competing claims vs additions
    (
        "The attack kills 10 soldiers, but JNIM claims it killed 40 soldiers.",
        {"killed": (10, 40, 10)},
    ),
    (
        "Officials say 12 civilians were killed, while the group claims 30 civilians died.",
        {"killed": (12, 30, 12)},
    ),
    (
        "The attack kills 5 soldiers, but officials say 3 civilians were also killed.",
        {"killed": exact(8)},
    ),
    # totals and breakdowns
    ("The attack kills 20 (12 soldiers and 8 civilians).", {"killed": exact(20)}),
    ("The attack kills 20: 12 soldiers and 8 civilians.", {"killed": exact(20)}),
    ("The attack kills 77, 40 soldiers and 37 civilians.", {"killed": exact(77)}),
    ("The blast kills 10, including 4 children.", {"killed": exact(10)}),
    ("The attack kills 12, including three soldiers killed at the gate.", {"killed": exact(12)}),
    ("Six people—four soldiers and two civilians—are killed.", {"killed": exact(6)}),
    (
        "The attack kills at least 7. Five soldiers are killed at the checkpoint.",
        {"killed": at_least(7)},
    ),
    (
        "The attack kills at least 7. That same day, five soldiers are killed at a checkpoint.",
        {"killed": at_least(12)},
    ),
    (
        "The explosion kills three soldiers. A fourth soldier dies in hospital.",
        {"killed": exact(4)},
    ),
    ("The explosion kills three soldiers. A fifth soldier dies in hospital.", {"killed": exact(3)}),
    # explicit zero vs unknown
    ("No one was killed in the attack.", {"killed": exact(0)}),
    ("No one was killed or injured in the blast.", {"killed": exact(0), "injured": exact(0)}),
    ("The attack caused no casualties.", {"killed": exact(0), "injured": exact(0)}),
    ("There were no reported casualties.", {"killed": exact(0), "injured": exact(0)}),
    ("The blast did not cause any injuries.", {"injured": exact(0)}),
    (
        "Two French soldiers were killed; no one else was hurt.",
        {"killed": exact(2), "injured": exact(0)},
    ),
    ("The number of casualties is not confirmed.", {}),
    ("Casualty numbers were not reported.", {}),
    ("No further details of casualties or injuries are reported.", {}),
    # numbers that are not casualties
    ("On June 13, 2020, the convoy was attacked.", {}),
    ("In 2019 alone, 456 civilians were killed.", {"killed": exact(456)}),
    ("Gunmen killed 4 December 2019 near Gao.", {}),
    # "December 12, soldiers" or "December, 12 soldiers"? Unknown, so not counted.
    ("Since December 12 soldiers have been killed.", {}),
    ("The U.S. offered a $5 million reward; militants killed 3 guards.", {"killed": exact(3)}),
    ("The group received $500,000 in ransom after the kidnapping.", {}),
    ("He spent 711 days in captivity before he was kidnapped again.", {}),
    ("France will deploy 3,000 troops and 4,500 French troops remain.", {}),
    ("About 40 percent of people need aid.", {}),
    ("The attackers damaged two helicopters and three buses.", {}),
    ("Gunmen abduct three buses.", {}),
    ("He faces 30 years to life on a six-count indictment.", {}),
    ("Militants kidnapped him six years earlier.", {}),
    ("Four soldiers are missing and two captured.", {}),
    # Held-out failures, general forms: "shot dead N", "N X of an Y", "N X and ACRONYM".
    ("Gunmen shot dead four pupils near a school.", {"killed": exact(4)}),
    ("Police shot dead two attackers.", {"assailants_killed": exact(2)}),
    ("Five officers of an elite police unit were killed in an ambush.", {"killed": exact(5)}),
    ("A unit was overrun; 53 soldiers and VDP were killed.", {"killed": at_least(53)}),
    ("Twelve soldiers and ISWAP were killed.", {}),  # a group's acronym is no victim
    ("", {}),
]


@pytest.mark.parametrize(("text", "expected"), HAND_WRITTEN, ids=[t[:60] for t, _ in HAND_WRITTEN])
def test_rule(text: str, expected: dict[str, Figures]) -> None:
    assert_figures(parse_casualties(text), expected)


def test_qualifier_stays_visible_in_the_phrase() -> None:
    assert parse_casualties("The raid kills nearly 40 civilians.").killed == CasualtyCount(
        40, 40, 40, "kills nearly 40 civilians"
    )


def test_nothing_stated_is_null_not_zero() -> None:
    result = parse_casualties("JNIM militants ambush the Mourdiah military base in central Mali.")
    assert result == Casualties(NO_COUNT, NO_COUNT, NO_COUNT, NO_COUNT)
    assert CasualtyCount(None, None, None, None) == NO_COUNT


def documented_vague_table() -> dict[str, int]:
    """The "| words | value |" table of the module docstring, one entry per spelling."""
    lines = (casualty_parser.__doc__ or "").splitlines()
    start = lines.index("| words | value |") + 2
    table: dict[str, int] = {}
    for row in lines[start:]:
        if not row.startswith("|"):
            break
        words, value = (cell.strip() for cell in row.strip("|").split("|"))
        for spelling in words.split(", "):
            if spelling.endswith(" (of)"):
                table[spelling.removesuffix(" (of)")] = int(value)
                spelling = spelling.replace(" (of)", " of")
            table[spelling] = int(value)
    return table


def test_vague_table_is_documented_in_the_module_docstring() -> None:
    """The README quotes the module docstring: the table there must match the code."""
    assert documented_vague_table() == VAGUE_QUANTITIES
    assert VAGUE_QUANTITIES["dozens"] == 24
    assert VAGUE_QUANTITIES["hundreds"] == 200
    assert VAGUE_QUANTITIES["several"] == 3
    assert VAGUE_QUANTITIES["a few"] == 2
    assert VAGUE_QUANTITIES["a dozen"] == 12


def test_result_is_frozen() -> None:
    result = parse_casualties("The attack kills five.")
    with pytest.raises(AttributeError):
        result.killed = NO_COUNT  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "an attack" is a noun: the guardsmen killed in it are victims, not attackers.
        ("On 9 May, five members of the National Guard died in an attack on a post.", 5, None),
        # A number in words right after a month is a count ("13 August six"), not a day.
        ("On 13 August six more were killed when armed men attacked a post.", 6, None),
        # An adverb between the auxiliary and the participle.
        ("29 soldiers were killed and two were seriously injured.", 29, 2),
    ],
)
def test_held_out_victim_phrasings(text: str, killed: int, injured: int | None) -> None:
    result = parse_casualties(text)
    assert (result.killed.best, result.injured.best) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "kidnapped"),
    [
        # An event note's telegraphic tally: the participle ends the clause.
        ("8 killed, 26 injured, 62 passengers abducted.", 62),
        ("81 killed, 7 abducted. Attributed to a militia.", 7),
        # A reduced relative goes on: not a count of this event.
        ("Three diplomats kidnapped by the group are released.", None),
    ],
)
def test_telegraphic_abduction_tallies(text: str, kidnapped: int | None) -> None:
    assert parse_casualties(text).kidnapped.best == kidnapped


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # Bodies recovered are the dead; a later, higher claim does not replace them.
        ("At least 37 bodies were recovered; residents said 81 died.", 37),
        # Deaths in a road accident on the way are not victims of the event.
        (
            "Seven soldiers were killed in an attack, and five others died in a road accident"
            " as they moved up to reinforce them.",
            7,
        ),
        # A crash caused by a mine is the event's own violence.
        ("Twelve people died in a crash after their minibus hit a mine.", 12),
    ],
)
def test_bodies_recovered_and_accidents(text: str, killed: int) -> None:
    assert parse_casualties(text).killed.best == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # An apposition between the count and its passive verb.
        ("Five people, including two children, were killed.", 5),
        ("Officials said 26 hostages, most of them soldiers off duty, were killed.", 26),
        ("Eleven people, seven of them police officers, were killed in the ambush.", 11),
        # After an active verb the apposition was already read.
        ("Gunmen killed 11 people, seven of them police officers.", 11),
    ],
)
def test_apposition_before_the_passive_verb(text: str, killed: int) -> None:
    assert parse_casualties(text).killed.best == killed


@pytest.mark.parametrize(
    ("text", "killed", "injured", "kidnapped"),
    [
        # A record's field lines, one per line: each label counts its own figure, and a
        # figure never takes the label of the next line ("25" then "Injured: 9").
        ("Fatalities: 25\nInjured: 9\nDescription: Attackers fired on residents.", 25, 9, None),
        ("Killed: 7\nInjured: 13", 7, 13, None),
        ("Fatalities: at least 10 soldiers", 10, None, None),
        ("Abducted: about 30 women", None, None, 30),
        ("Casualties: 10 killed, 2 injured", 10, 2, None),
        # Inside a sentence a colon is no field: "the dead: 12 names" counts nobody.
        ("The list of the dead: 12 names was read out.", None, None, None),
    ],
)
def test_field_labels_of_incident_records_count(
    text: str, killed: int | None, injured: int | None, kidnapped: int | None
) -> None:
    found = parse_casualties(text)
    assert (found.killed.best, found.injured.best, found.kidnapped.best) == (
        killed,
        injured,
        kidnapped,
    )
