"""Place-less acts of a country's national authorities are placed at its capital."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventline.silver.place_capital import at_capital
from eventline.silver.place_choice import nothing

NATIONAL = "Strategic developments"


def test_a_national_act_that_names_no_place_is_at_the_capital() -> None:
    place = nothing("NE")  # a report on Niger; the sentence names no place
    text = "On 4 May, the transitional government dissolved the electoral commission."
    placed = at_capital(place, text, NATIONAL, "event")
    assert (placed.location, placed.location_text) == ("Niamey", None)
    assert (placed.location_precision, placed.geo_precision, placed.where_prec) == (
        "country",
        3,
        6,
    )
    assert placed.country == place.country == "Niger"
    assert placed.latitude is not None and 13 < placed.latitude < 14  # Niamey: 13.5 N


@pytest.mark.parametrize(
    "text",
    [
        "On 9 June, a court sentenced the former minister to five years in prison.",
        "On 2 June, the former mayor was charged with embezzlement.",
        "He was placed under house arrest on 11 July.",
    ],
)
def test_courts_and_judicial_acts_are_national(text: str) -> None:
    assert at_capital(nothing("SN"), text, NATIONAL, "event").location == "Dakar"


@pytest.mark.parametrize(
    ("text", "event_type", "record_class"),
    [
        # Another country's authority, or an international body's.
        ("On 3 May, the French government announced the end of the operation.", NATIONAL, "event"),
        ("On 3 May, the African Union's council suspended the country.", NATIONAL, "event"),
        # No authority: an armed group's act is not placed at the capital.
        ("On 3 May, the group announced a new leader.", NATIONAL, "event"),
        # Only Strategic developments, and only events.
        ("On 3 May, the government's troops fought the rebels.", "Battles", "event"),
        ("In May, 40% of those polled trusted the government.", NATIONAL, "context"),
    ],
)
def test_other_acts_keep_their_place(text: str, event_type: str, record_class: str) -> None:
    place = nothing("ML")
    assert at_capital(place, text, event_type, record_class) == place


def test_a_named_place_or_an_unknown_country_is_left_alone() -> None:
    text = "On 3 May, the government dissolved the parties."
    in_town = replace(
        nothing("ML"), location_text="Kati", location="Kati", location_precision="town"
    )
    assert at_capital(in_town, text, NATIONAL, "event") == in_town
    nowhere = nothing(None)  # a report whose country is not known
    assert at_capital(nowhere, text, NATIONAL, "event") == nowhere
