from __future__ import annotations

import pytest

from eventline.text.names import NameMatch, NameMatcher, parse_spelling


def _written(matcher: NameMatcher[str], text: str, **kwargs: object) -> list[tuple[str, str]]:
    return [(m.payload, text[m.start : m.end]) for m in matcher.find(text, **kwargs)]


def test_longest_spelling_wins_and_is_never_split() -> None:
    matcher: NameMatcher[str] = NameMatcher("acronyms")
    matcher.add("ISIS", "isis")
    matcher.add("ISIS-GS", "isis-gs")
    matcher.add("Mopti", "mopti")
    matcher.add("Mopti Region", "mopti-region")
    text = "ISIS-GS struck the Mopti region; ISIS did not."
    assert _written(matcher, text) == [
        ("isis-gs", "ISIS-GS"),
        ("mopti-region", "Mopti region"),
        ("isis", "ISIS"),
    ]


def test_whole_words_only_and_punctuation_bounded_spellings() -> None:
    matcher: NameMatcher[str] = NameMatcher("initial")
    matcher.add("Gao", "gao")
    matcher.add("St. Louis", "stl")
    assert _written(matcher, "Gaoville, Gao and St. Louis") == [
        ("gao", "Gao"),
        ("stl", "St. Louis"),
    ]


def test_required_capitals() -> None:
    places: NameMatcher[str] = NameMatcher("initial")
    places.add("Kati", "kati")
    assert _written(places, "kati and Kati") == [("kati", "Kati")]
    actors: NameMatcher[str] = NameMatcher("acronyms")
    actors.add("IS Sahel", "is-sahel")
    actors.add("Platform", "platform", guarded=True)
    assert _written(actors, "it is Sahel, IS Sahel and the platform of the Platform") == [
        ("is-sahel", "IS Sahel"),
        ("platform", "Platform"),
    ]


def test_a_rejected_longest_match_does_not_fall_back_to_a_shorter_one() -> None:
    matcher: NameMatcher[str] = NameMatcher("initial")
    matcher.add("Gao", "gao")
    matcher.add("Gao Region", "gao-region")

    def no_regions(match: NameMatch[str], _: list[NameMatch[str]]) -> bool:
        return match.payload != "gao-region"

    assert _written(matcher, "Gao Region", accept=no_regions) == []


def test_one_key_cannot_name_two_payloads() -> None:
    matcher: NameMatcher[str] = NameMatcher("initial")
    matcher.add("Jama'at", "a")
    with pytest.raises(ValueError, match="names both a and b"):
        matcher.add("Jamaat", "b")


def test_guard_prefix() -> None:
    assert parse_spelling(" ~Severe ") == ("Severe", True)
    assert parse_spelling("Sévaré") == ("Sévaré", False)


def test_many_spellings_stay_linear() -> None:
    matcher: NameMatcher[int] = NameMatcher("initial")
    for i in range(20_000):
        matcher.add(f"Place{i}", i)
    text = "We went to Place17 and Place19999, not Place20000. " * 200
    found = matcher.find(text)
    assert [m.payload for m in found[:2]] == [17, 19999] and len(found) == 400
