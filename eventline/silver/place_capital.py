"""An act of a country's national authorities that names no place is placed at its capital.

ACLED codes national-level events (a government decision, an appointment, a court's
ruling, a junta's meeting) at the capital, with geo-precision 3: only the country is
known from the text. Here: a Strategic development whose text names no place at all (not
even a country), in a report whose country is known, and that names a national authority
(``national_authority_words`` in ``place_vocabulary.yaml``: government, president, council,
court, charged, ...) in its lead sentence and no other country ("the Swedish parliament")
nor international body (``international_body_words``: "the African Union's council").
Context records are left alone. It keeps ``location_text`` empty (nothing is written) and
``location_precision = country``; ``location`` and the coordinates are the capital's, from
the bundled country table.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from eventline.silver import gazetteer as gz
from eventline.silver.place_choice import PlaceMatch
from eventline.silver.place_vocabulary import default_vocabulary
from eventline.text.fold import fold_key
from eventline.text.sentences import split_sentences

NATIONAL_TYPE = "Strategic developments"
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[\w-]+")  # "U.S." is one token; "Union's" is "Union"


@cache
def _capitals() -> dict[str, gz.Country]:
    """Countries with a capital, by ISO 3166-1 alpha-3 code (the code silver rows carry)."""
    return {c.iso3: c for c in gz.countries().values() if c.capital and c.capital_latitude}


def _foreign(tokens: list[str], country_iso3: str) -> bool:
    """A country or demonym among *tokens* that is not the report's ("the Swedish
    parliament", "a U.S. federal court", "with Burkina Faso and Niger" in a report on Mali)."""
    named = [gz.countries_named(token) for token in tokens]
    return any(found and all(c.iso3 != country_iso3 for c in found) for found in named)


def names_national_authority(text: str, country_iso3: str) -> bool:
    """Does the text's lead sentence (what the record tells; the rest is its context) name
    the country's own national authority or a judicial act, and no other country or
    international body (the African Union's council sits elsewhere)?"""
    words = default_vocabulary()["national_authority_words"]
    sentences = split_sentences(text)
    tokens = _TOKEN.findall(sentences[0].text if sentences else text)
    folded = [fold_key(t) for t in tokens]
    bodies = default_vocabulary()["international_body_words"]
    return (
        any(word in words for word in folded)
        and not any(word in bodies for word in folded)
        and not _foreign(tokens, country_iso3)
    )


def at_capital(
    place: PlaceMatch, text: str, event_type: str | None, record_class: str
) -> PlaceMatch:
    """*place*, or the capital of its country for a national act that names no place."""
    if (
        record_class != "event"
        or event_type != NATIONAL_TYPE
        or place.location_precision != "unknown"
        or place.places_text
        or place.country_code not in _capitals()
        or not names_national_authority(text, place.country_code)
    ):
        return place
    country = _capitals()[place.country_code]
    return replace(
        place,
        location=country.capital,
        location_precision="country",
        latitude=country.capital_latitude,
        longitude=country.capital_longitude,
        geo_precision=3,
        where_prec=6,
    )
