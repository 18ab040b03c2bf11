"""Which countries a document is about, and the country of each of its paragraphs.

A report rarely repeats its country: "Koro" or "Boni" mean nothing without it. The
document's countries are read from its title, its section headings (where a country
counts even inside a longer name: "Nigeria Monitor") and its records: each
time a country is named where events happen ("in Chad", "(Lac, Chad)", a capital, a major
town, an admin area of that country), said in a demonym ("Chadian army"), or written as a
dateline ("LOMÉ, Nov. 10 -"). Names given only as origins, borders or distances ("crossed
from Niger", "near the border with Burkina Faso", "on the Ugandan border", "190 km from N'Djamena")
do not count, nor does the text name their country for its events.
The countries with at least a quarter of the leader's votes are the document's, in order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from eventline.silver import gazetteer as gz
from eventline.silver.place_index import CountryWord, country_finder, world_index
from eventline.silver.place_mention import (
    BASE,
    BORDER,
    DATELINE,
    DESTINATION,
    MENTION,
    ORIGIN,
    REFERENCE,
    Mention,
    copy_mentions,
)
from eventline.silver.place_mentions import find_mentions
from eventline.silver.place_vocabulary import default_vocabulary
from eventline.text.fold import fold_key

TITLE_WEIGHT, SECTION_WEIGHT, DATELINE_WEIGHT = 5.0, 3.0, 1.5
DEMONYM_WEIGHT, MENTION_WEIGHT = 0.5, 0.5
SHARE = 0.25  # of the leader's votes, for a country to be one of the document's
MAX_COUNTRIES = 6
_NOT_PLACED = frozenset({BORDER, ORIGIN, DESTINATION, REFERENCE, BASE})


@dataclass(frozen=True)
class DocumentPlaces:
    """The countries (ISO2) of one document, of its paragraphs and of its sections."""

    countries: tuple[str, ...] = ()
    main: str | None = None  # the country when one clearly leads
    blocks: Mapping[Any, str] = field(default_factory=dict)  # block -> dateline's country
    sections: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # (text, paragraph) -> its analysis, shared by the paragraph pass and the record's own
    analyses: dict[Any, Any] = field(default_factory=dict, compare=False)
    # paragraph -> (line, country) of each record whose text names its country
    paragraphs: Mapping[Any, tuple[tuple[int, str], ...]] = field(default_factory=dict)
    # paragraph -> its last record's place named in the text ("there", "the town" refer to it)
    last_places: dict[Any, Any] = field(default_factory=dict, compare=False)
    # text -> the text as read: each text of the document is read once
    readings: dict[str, Reading] = field(default_factory=dict, compare=False)

    def reading(self, text: str) -> Reading:
        found = self.readings.get(text)
        if found is None:
            found = self.readings[text] = read_text(text)
        return found

    def mentions(self, text: str) -> list[Mention]:
        """The mentions of ``text``, read once per document, as copies to resolve."""
        return copy_mentions(self.reading(text).mentions)


class Reading(NamedTuple):
    """One text as read for places: its mentions (never resolved) and its country words."""

    mentions: tuple[Mention, ...]
    country_words: tuple[CountryWord, ...]


def read_text(text: str) -> Reading:
    words = (w for w in country_finder().find(text) if not border_reference(text, w))
    return Reading(tuple(mentions_of(text)), tuple(words))


def _border_words() -> str:
    return "|".join(sorted(default_vocabulary()["border_words"]))


@cache
def _border_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = _border_words()
    after = re.compile(rf"(?:['’]s)?\s+(?:{words})\b", re.IGNORECASE)
    before = re.compile(rf"\b(?:{words})\s+(?:with|of)\s+(?:the\s+)?$", re.IGNORECASE)
    return after, before


def border_reference(text: str, word: CountryWord) -> bool:
    """Whether a country word only names a neighbour as a reference: "on the Ugandan
    border", "near Mali's border", "on the Burkina Faso side", "the border with Niger".
    Such a country is where the place lies next to, not where the event happened."""
    after, before = _border_patterns()
    return bool(
        after.match(text, word.end) or before.search(text[max(0, word.start - 40) : word.start])
    )


def mentions_of(text: str) -> list[Mention]:
    """The place mentions of ``text``, demonyms left out ("Chadian army base at ...")."""
    return find_mentions(text, is_demonym=country_finder().is_demonym)


def _weight(mention: Mention) -> float:
    if mention.role == DATELINE:
        return DATELINE_WEIGHT
    if mention.role in _NOT_PLACED:
        return 0.0
    if mention.role == MENTION and not mention.consumed:
        return MENTION_WEIGHT
    return 1.0


def world_countries(name: str) -> set[str]:
    """The countries a name means in the world index (a country, capital, major town)."""
    entries = world_index().get(fold_key(name))
    return {e.country_code for e in entries if e.country_code}


def text_votes(text: str, weight: float = 1.0, reading: Reading | None = None) -> Counter[str]:
    """Votes for countries from one text (see the module docstring)."""
    reading = reading or read_text(text)
    votes: Counter[str] = Counter()
    for mention in reading.mentions:
        share = _weight(mention) * weight
        codes = world_countries(mention.name) if share else set()
        for code in codes:
            votes[code] += share / len(codes)
        for hint in mention.hints if mention.role not in _NOT_PLACED else ():
            for code in world_countries(hint):
                votes[code] += weight
    for word in reading.country_words:
        if word.demonym:
            for code in word.codes:
                votes[code] += DEMONYM_WEIGHT * weight / len(word.codes)
    return votes


def heading_votes(text: str, weight: float) -> Counter[str]:
    """Votes from a title or section heading: its place mentions, and every country it
    names even inside a longer name ("Nigeria Monitor", "NIGER SECURITY BRIEF"), which
    the mention reader takes whole."""
    votes = text_votes(text, weight)
    for word in country_finder().find(text):
        if word.demonym or any(code in votes for code in word.codes):
            continue
        for code in word.codes:
            votes[code] += MENTION_WEIGHT * weight / len(word.codes)
    return votes


@cache
def admin_names(code: str) -> frozenset[str]:
    """Folded names of a country's admin areas (for counting admin hints)."""
    return frozenset(fold_key(n) for a in gz.admin_areas(code) for n in a.names)


def admin_votes(mentions: Iterable[Sequence[Mention]], candidates: Iterable[str]) -> Counter[str]:
    """One vote per place mention or hint that names an admin area of a candidate country."""
    codes = list(candidates)
    votes: Counter[str] = Counter()
    for found in mentions:
        for mention in found:
            if mention.role in _NOT_PLACED:
                continue
            for name in (mention.name, *mention.hints):
                key = fold_key(name)
                owners = [c for c in codes if key in admin_names(c)]
                for code in owners:
                    votes[code] += 1.0 / len(owners)
    return votes


def document_places(
    title: str | None,
    records: Iterable[Mapping[str, Any]],
    title_codes: Iterable[str] = (),
) -> DocumentPlaces:
    """The countries of a document, from its title (or the countries already read from it)
    and its records (``text``, ``section``, ``block_index``)."""
    rows = list(records)
    votes: Counter[str] = heading_votes(title or "", TITLE_WEIGHT)
    for code in title_codes:
        votes[code] += TITLE_WEIGHT
    sections: dict[str, tuple[str, ...]] = {}
    for section in dict.fromkeys(r.get("section") for r in rows if r.get("section")):
        found = heading_votes(section, SECTION_WEIGHT)
        votes.update(found)
        sections[section] = tuple(code for code, _ in found.most_common())
    texts = [t for r in rows for t in (r.get("dateline"), r.get("lead_text"), r["text"]) if t]
    readings = {text: read_text(text) for text in dict.fromkeys(texts)}
    mentions = {text: reading.mentions for text, reading in readings.items()}
    for row in rows:
        votes.update(text_votes(row["text"], reading=readings[row["text"]]))
        if row.get("lead_text"):
            votes.update(text_votes(row["lead_text"], reading=readings[row["lead_text"]]))
    for dateline in dict.fromkeys(r.get("dateline") for r in rows if r.get("dateline")):
        votes.update(text_votes(dateline, reading=readings[dateline]))
    candidates = [code for code, _ in votes.most_common(12)]
    votes.update(admin_votes(mentions.values(), candidates))
    ranked = [(code, n) for code, n in votes.most_common() if n > 0]
    if not ranked:
        return DocumentPlaces(sections=sections, readings=readings)
    top = ranked[0][1]
    countries = tuple(code for code, n in ranked[:MAX_COUNTRIES] if n >= SHARE * top)
    main = countries[0] if len(countries) == 1 or ranked[1][1] * 2 <= top else None
    datelines = _dateline_countries(rows, countries, mentions)
    return DocumentPlaces(countries, main, datelines, sections, readings=readings)


def _dateline_countries(
    rows: list[Mapping[str, Any]],
    countries: tuple[str, ...],
    mentions: Mapping[str, Sequence[Mention]],
) -> dict:
    """block -> the country of the dateline that opens it ("COTONOU, 11/02/2022 -"): the
    record's ``dateline`` when bronze set it apart, else the start of its text."""
    blocks: dict[Any, str] = {}
    for row in rows:
        block = (row.get("section"), row.get("block_index"))
        if row.get("block_index") is None or block in blocks:
            continue
        for mention in mentions[row.get("dateline") or row["text"]][:1]:
            if mention.role != DATELINE:
                continue
            found = world_countries(mention.name)
            known = [c for c in countries if c in found] or sorted(found)
            if len(known) == 1:
                blocks[block] = known[0]
    return blocks
