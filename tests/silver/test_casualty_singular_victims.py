"""One victim named without a number: "shot dead a nun", "killed their driver", a list of
single persons, and wounds called mortal (the victim died of them)."""

from __future__ import annotations

import pytest

from eventline.silver.casualties import parse_casualties


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # A singular victim noun after a killing verb is one person.
        ("Bandits stopped the lorry near the border and shot dead a nun.", 1),
        ("The attackers burned two huts, shooting dead an elderly nun.", 1),
        ("Raiders beheaded a guide on the trail to the falls.", 1),
        # A possessive instead of an article: still one person.
        ("Armed men seized the hikers and killed their local guide.", 1),
        ("The gang broke into the farm and murdered his wife.", 1),
        ("A militia raided the camp, killing three people and their driver.", 4),
        # A list of single persons counts one each.
        ("Gunmen killed a Dutch engineer, his Kenyan wife and their guide.", 3),
        ("Rebels shot dead a teacher, a nurse and a farmer.", 3),
        # A possessive plural is no figure; a possessive without a killing verb is none.
        ("Gunmen killed their children.", None),
        ("Their guide fled into the forest.", None),
        ("The family thanked their guide after the march.", None),
    ],
)
def test_single_victims_count_one(text: str, killed: int | None) -> None:
    assert parse_casualties(text).killed.best == killed


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Three guards were mortally wounded when the convoy was ambushed.", 3, None),
        ("A sniper mortally wounded two soldiers at the checkpoint.", 2, None),
        # Wounds not called mortal stay injuries.
        ("Three guards were seriously wounded when the convoy was ambushed.", None, 3),
    ],
)
def test_mortal_wounds_count_as_killed(text: str, killed: int | None, injured: int | None) -> None:
    result = parse_casualties(text)
    assert (result.killed.best, result.injured.best) == (killed, injured)
