from __future__ import annotations

import pytest

from eventline.silver.date_roles import leads, role_of
from eventline.text.date_expressions import find_date_expressions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen raided the village on Sunday, the governor said on Monday.", ["event", "report"]),
        ("The ministry announced on 9 May that 12 soldiers had died.", ["report"]),
        ("Some accounts place the ambush on March 27.", ["alternative"]),
        ("A local paper dated the raid to 20 February.", ["alternative"]),
        ("The group has operated in the region since 2015.", ["since"]),
        ("Attacks spread to the south from 2016 onwards.", ["since"]),
        ("Troops were to hand over the base from 24 April.", ["from"]),
        ("The next review is due in December 2021.", ["planned"]),
        ("Mr. Bazoum, elected president in February 2021, vowed to act.", ["appositive"]),
        ("The Accra Initiative, launched in 2017, continued.", ["appositive"]),
        ("The group, which pledged allegiance to the caliph in 2014, raids farms.", ["appositive"]),
        ("Militants claimed Saturday's attack on the base.", ["attributive"]),
        ("Soldiers were decorated for repelling the November attack.", ["attributive"]),
        ("Ahead of the November 2022 end of the mission, troops left.", ["attributive"]),
        ("On 3 March, gunmen attacked a post.", ["event"]),
    ],
)
def test_roles(text: str, expected: list[str]) -> None:
    assert [role_of(text, e) for e in find_date_expressions(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 3 March, gunmen attacked a post.", True),
        ("At about 2 a.m. on 5 December, militants searched the village.", True),
        ("In the early hours of 2 August, attackers entered the camp.", True),
        ("Earlier, on May 24, militants looted houses.", True),
        ("In a second attack on the same day, gunmen killed four.", True),
        ("The army retook the town; the following night, militants returned.", True),
        ("Withdrawing the same night, the group raided a village.", False),
        ("Six soldiers died, one of his wounds two days later.", False),
    ],
)
def test_leading_dates(text: str, expected: bool) -> None:
    expression = find_date_expressions(text)[-1]
    assert leads(text, expression) is expected
