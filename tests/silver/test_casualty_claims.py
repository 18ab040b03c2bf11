"""Rival tolls, tolls per place, attackers and fatalities, on sentences of our own.

Figures are (low, high, best); each one is read off the sentence by hand.
"""

from __future__ import annotations

import pytest

from eventline.silver import casualties
from eventline.silver.casualties import NO_COUNT, CasualtyCount, parse_casualties, place_tolls

Figures = tuple[int | None, int | None, int | None]


def _figures(count: CasualtyCount) -> Figures | None:
    return None if count == NO_COUNT else (count.low, count.high, count.best)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # A later clause that attributes a toll naming nobody in particular is an alternative:
        # the first stated figure is the best one, the bounds span them all.
        ("24 killed, 16 of them soldiers; another military source gave 37 dead.", (24, 37, 24)),
        ("26 soldiers killed, 14 injured; first reports said at least 24 dead.", (24, None, 26)),
        ("18 civilians killed (first reports gave 15 to 16 dead).", (15, 18, 18)),
        (
            "The group said its fighters killed six soldiers; local media put the toll at 12 dead.",
            (6, 12, 6),
        ),
        (
            "54 soldiers were killed, the ministry said. The group said it had killed 70.",
            (54, 70, 54),
        ),
        # ... unless the first is another source's and a later one is official.
        (
            "Fourteen people were killed, 12 of them by police gunfire, according to a rights"
            " group; the government acknowledged five deaths.",
            (5, 14, 5),
        ),
        # Named victims in a later clause are more victims, not a rival toll.
        ("Gunmen killed three soldiers; the army said two civilians also died.", (5, 5, 5)),
        # The part of a total after a comma is not counted again.
        ("Nine people were killed, four of them children.", (9, 9, 9)),
        # "found five of them dead": the five are the figure.
        ("Militants seized villagers in Koza. Troops found five of them dead.", (5, 5, 5)),
        # A revised toll far from its verb, and an acronym before the verb.
        (
            "The wounded officer died, raising the death toll from Sunday's raid on the post"
            " to three officers.",
            (3, 3, 3),
        ),
        (
            "Two civilians and four members of the rapid intervention unit (RIU) were killed.",
            (6, 6, 6),
        ),
        # An ordinal that continues one item of a list.
        (
            "Three Dutch soldiers and a Malian officer were killed; a fourth Dutchman later died.",
            (5, 5, 5),
        ),
    ],
)
def test_killed(text: str, killed: Figures) -> None:
    assert _figures(parse_casualties(text).killed) == killed


def test_nobody_hurt_is_zero_killed_and_injured() -> None:
    result = parse_casualties("Troops beat back the assault; no soldier or civilian was hurt.")
    assert _figures(result.killed) == _figures(result.injured) == (0, 0, 0)
    assert _figures(result.fatalities) == (0, 0, 0)


def test_the_attack_s_subject_is_the_attackers() -> None:
    result = parse_casualties(
        "Prisoners armed with pistols attack guards during a breakout. Three guards and four"
        " prisoners are killed."
    )
    assert _figures(result.killed) == (3, 3, 3)
    assert _figures(result.assailants_killed) == (4, 4, 4)
    assert _figures(result.fatalities) == (7, 7, 7)
    assert result.killed_victims == frozenset({"forces"})


def test_soldiers_who_attack_are_still_victims() -> None:
    result = parse_casualties("Soldiers attacked a militant camp; two soldiers were killed.")
    assert _figures(result.killed) == (2, 2, 2)
    assert result.assailants_killed == NO_COUNT


def test_fatalities_add_attackers_and_are_unknown_without_figures() -> None:
    result = parse_casualties("Gunmen killed 12 villagers; troops killed nine attackers.")
    assert _figures(result.fatalities) == (21, 21, 21)
    assert parse_casualties("Gunmen attacked the village at night.").fatalities == NO_COUNT


def test_tolls_per_place() -> None:
    tolls = place_tolls("Gunmen killed six people in Tera, two in Dargol and four in Gotheye.")
    assert [(place, count.best) for place, count in tolls] == [
        ("Tera", 6),
        ("Dargol", 2),
        ("Gotheye", 4),
    ]
    passive = place_tolls("Eight people were killed overnight in Tera, three in Dargol.")
    assert [(place, count.best) for place, count in passive] == [("Tera", 8), ("Dargol", 3)]
    # A total broken down by place is one incident: no tolls per place.
    assert place_tolls("The raids killed 17 - 14 in Tera and three in Dargol - on Monday.") == []
    assert place_tolls("Gunmen killed six people in Tera.") == []


def test_a_toll_with_the_attackers_in_it_is_fatalities_only() -> None:
    result = parse_casualties(
        "Militants attack an army base; a resident counts 17 dead, attackers included."
    )
    assert result.killed == NO_COUNT
    assert _figures(result.fatalities) == (17, 17, 17)
    with_number = parse_casualties("The attack left 12 dead, including three attackers.")
    assert _figures(with_number.killed) == (9, 9, 9)
    assert _figures(with_number.assailants_killed) == (3, 3, 3)
    assert _figures(with_number.fatalities) == (12, 12, 12)


def test_a_record_is_read_once_for_its_tolls_by_place_and_its_figures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The builder asks for the tolls by place and then the figures of one text: it is
    tokenized once, and both answers are read off the same units."""
    calls: list[str] = []
    tokenize = casualties.tokenize
    monkeypatch.setattr(casualties, "tokenize", lambda text: calls.append(text) or tokenize(text))
    casualties._read.cache_clear()
    text = "Gunmen killed five people in Gotheye-Ouest, two in Dargol-Sud and one in Tera-Nord."
    tolls = place_tolls(text)
    result = parse_casualties(text)
    assert [(place, count.best) for place, count in tolls] == [
        ("Gotheye-Ouest", 5),
        ("Dargol-Sud", 2),
        ("Tera-Nord", 1),
    ]
    assert _figures(result.killed) == (8, 8, 8)
    assert calls == [text]
