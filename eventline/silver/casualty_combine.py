"""Combine the figures the casualty parser read into one count per category.

:mod:`eventline.silver.casualties` finds *units* (a counted list bound to a casualty verb:
"kills 12 civilians", "six soldiers are wounded"); this module decides how the units of one
category make a figure (the rules are the parser's docstring's "Combining figures"):

* different places, groups or incidents are added; a total followed by its breakdown (a
  later sentence whose figures fit inside it, with no new-incident cue) counts once;
* rival tolls are alternatives, not more victims: figures after "however"/"but"/"while X
  claims" in a stretch that attributes them, and a later clause that attributes a toll
  naming nobody in particular ("other counts reached 98 dead", "Some outlets gave 14 or 15
  dead", "JNIM said it had killed 70", "the government acknowledged five deaths");
* of alternatives, the first stated is the best figure (the report's own account), unless
  it is attributed to a source that is not official and a later one is official ("14
  killed, according to Amnesty International; the Government acknowledged five deaths" →
  5); ``low``/``high`` span them all and the phrase keeps every one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from eventline.silver.casualty_quantities import (
    ADDITIVE_CUES,
    ATTRIBUTION,
    MONTHS,
    VOCABULARY,
    Tok,
)

_GENERIC = VOCABULARY.words["generic_victims"]
_OFFICIAL = VOCABULARY.words["official_sources"]
_MONTH_RE = "|".join(sorted(MONTHS))
_NEW_INCIDENT = re.compile(
    r"\b(?:(?:that|the)\s+same\s+(?:day|night|morning|evening|week)"
    r"|the\s+(?:following|next|previous)\s+(?:day|night|morning|evening|week)"
    r"|the\s+day\s+(?:before|after)|separately|meanwhile|elsewhere"
    r"|also\s+(?:\w+\s+)?(?:kill|wound|injur|kidnap|abduct|attack|ambush|target|strike|raid)\w*"
    r"|(?:another|a\s+(?:separate|similar|second|further|different))\s+"
    r"(?:attack|ambush|assault|incident|bombing|raid|explosion|blast|strike|clash)"
    rf"|on\s+(?:{_MONTH_RE})\s+\d{{1,2}})\b",
    re.IGNORECASE,
)
# A sentence opening on a date ("On December 4,", "In March 2019,", "That January,") tells
# of another incident, so its figures are not a breakdown of an earlier total.
_DATED_OPENING = re.compile(
    r"(?:(?:Also|Later|Then|Early|Late|Earlier),?\s+)?(?:[Oo]n|[Ii]n|[Dd]uring|[Bb]y|That)\s+"
    rf"(?:early\s+|late\s+|mid-)?(?:{_MONTH_RE})\b"
)


@dataclass(frozen=True)
class CasualtyCount:
    """One figure; ``high`` is None when open-ended, all None when the text gives nothing."""

    low: int | None
    high: int | None
    best: int | None
    phrase: str | None


NO_COUNT = CasualtyCount(None, None, None, None)


@dataclass(frozen=True, slots=True)
class Unit:
    """One counted list bound to a casualty verb, with where it stands in the text."""

    category: str
    low: int | None
    high: int | None
    best: int | None
    phrase: str
    sentence: int
    segment: int
    start: int
    end: int
    ordinal: int | None = None
    # (place as written, low, high, best, words) per item when the list gives a toll per
    # place; words are the item's own, from its number to its place.
    places: tuple[tuple[str, int | None, int | None, int | None, str], ...] = ()
    clause: int = 0
    # Every counted item names nobody in particular ("98 dead", "nine people", "70").
    generic: bool = False
    # The largest single item of the list ("Three UAE soldiers" of "three soldiers and an
    # officer"): a later "a fourth Emirati dies" continues it.
    largest_item: int | None = None
    # The kinds of victims the list names: "forces", "civilians", "unknown".
    victims: frozenset[str] = frozenset()


Triple = tuple[int | None, int | None, int | None]


def sum_counts(counts: list[Triple]) -> Triple:
    """Add parts: unknown lows/bests count as nothing, any open-ended part opens the sum.
    A vague part ("dozens more") adds no figure: the low never exceeds the best figure."""
    lows = [c[0] for c in counts if c[0] is not None]
    bests = [c[2] for c in counts if c[2] is not None]
    high = None if any(c[1] is None for c in counts) else sum(c[1] or 0 for c in counts)
    low, best = (sum(lows) if lows else None), (sum(bests) if bests else None)
    if low is not None and best is not None and low > best:
        low = best
    return (low, high, best)


def is_generic(words: tuple[str, ...]) -> bool:
    """A counted noun phrase naming nobody in particular: "", "people", "dead", "others"."""
    return all(w in _GENERIC or w in ("the", "of", "them") for w in words)


def total_deaths(killed: CasualtyCount, assailants: CasualtyCount) -> CasualtyCount:
    """Victims plus attackers killed, over the stated figures; unknown when neither is."""
    parts = [c for c in (killed, assailants) if c.best is not None]
    if not parts:
        return NO_COUNT
    lows = [c.low for c in parts if c.low is not None]
    high = None if any(c.high is None for c in parts) else sum(c.high or 0 for c in parts)
    phrase = " | ".join(c.phrase for c in parts if c.phrase)
    return CasualtyCount(
        sum(lows) if lows else None, high, sum(c.best or 0 for c in parts), phrase or None
    )


def _words(toks: list[Tok], key: str, value: int) -> set[str]:
    return {t.low for t in toks if getattr(t, key) == value}


def _segment_is_rival_claim(toks: list[Tok], segment: int) -> bool:
    words = _words(toks, "segment", segment)
    return bool(words & ATTRIBUTION) and not words & ADDITIVE_CUES


def _clause_is_rival_claim(text: str, toks: list[Tok], unit: Unit) -> bool:
    """A later clause attributing a toll that names nobody: another source's count."""
    if not unit.generic:
        return False
    clause = [t for t in toks if t.clause == unit.clause]
    words = {t.low for t in clause}
    if not words & ATTRIBUTION or words & ADDITIVE_CUES:
        return False
    return not _NEW_INCIDENT.search(text, clause[0].start, clause[-1].end)


def _new_incident_between(text: str, toks: list[Tok], head: Unit, unit: Unit) -> bool:
    """A cue ("That same day", "also", "On June 5,") between a total and a later figure.

    Cues are read from the sentence after the total's on: what follows the total in its own
    sentence ("found five of them dead the following evening") still tells that incident.
    """
    openings = {t.sentence: t.start for t in reversed(toks)}
    start = max(head.end, openings.get(head.sentence + 1, head.end))
    if _NEW_INCIDENT.search(text, start, unit.start):
        return True
    return any(
        _DATED_OPENING.match(text, openings[s])
        for s in range(head.sentence + 1, unit.sentence + 1)
        if s in openings
    )


@dataclass
class _Incident:
    unit: Unit
    consumed: int = 0


def _continues_count(group: list[_Incident], ordinal: int) -> bool:
    """ "a fourth peacekeeper dies" after three counted, or after a list holding three."""
    running = sum_counts([(i.unit.low, i.unit.high, i.unit.best) for i in group])[2]
    return running == ordinal - 1 or any(i.unit.largest_item == ordinal - 1 for i in group)


def _is_rival(text: str, toks: list[Tok], unit: Unit, last: Unit) -> bool:
    if unit.segment != last.segment and _segment_is_rival_claim(toks, unit.segment):
        return True
    return unit.clause != last.clause and _clause_is_rival_claim(text, toks, unit)


def _alternatives(text: str, toks: list[Tok], units: list[Unit]) -> list[list[_Incident]]:
    alternatives: list[list[_Incident]] = [[]]
    last: Unit | None = None
    for unit in units:
        group = alternatives[-1]
        if unit.ordinal is not None:
            if _continues_count(group, unit.ordinal):
                group.append(_Incident(replace(unit, low=1, high=1, best=1)))
            continue
        if last is not None and group and _is_rival(text, toks, unit, last):
            alternatives.append([])
            group = alternatives[-1]
        last = unit
        if group:
            head = group[-1]
            ceiling = head.unit.best if head.unit.best is not None else head.unit.high
            if (
                unit.sentence > head.unit.sentence
                and ceiling is not None
                and unit.best is not None
                and head.consumed + unit.best <= ceiling
                and not _new_incident_between(text, toks, head.unit, unit)
            ):
                head.consumed += unit.best  # a later breakdown of the same total
                continue
        group.append(_Incident(unit))
    return [group for group in alternatives if group]


def _source(toks: list[Tok], group: list[_Incident]) -> str:
    """ "official", "other" (attributed to someone else) or "" (the report's own words).

    The source is read next to the attributing word ("according to a rights group", "the
    government acknowledged"), not anywhere in the clause ("by police gunfire").
    """
    found = ""
    for incident in group:
        unit = incident.unit
        stretch = [t for t in toks if t.clause == unit.clause and t.segment == unit.segment]
        for k, tok in enumerate(stretch):
            if tok.low not in ATTRIBUTION:
                continue
            # "according to the army": after it; "the army said": before it, in the clause.
            span = stretch[k + 1 : k + 6] if tok.low == "according" else stretch[max(0, k - 4) : k]
            near = set()
            for t in span if tok.low == "according" else reversed(span):
                if t.text in (",", ";", "(", ")"):
                    break
                near.add(t.low)
            if near & _OFFICIAL:
                return "official"
            found = "other"
    return found


def _best_of(toks: list[Tok], groups: list[list[_Incident]], totals: list[Triple]) -> int | None:
    """The first stated figure, or the first official one when the first is someone else's."""
    chosen = 0
    sources = [_source(toks, group) for group in groups]
    if sources[0] == "other" and "official" in sources:
        chosen = sources.index("official")
    if totals[chosen][2] is not None:
        return totals[chosen][2]
    return next((t[2] for t in totals if t[2] is not None), None)


def combine(text: str, toks: list[Tok], units: list[Unit]) -> CasualtyCount:
    """Add distinct figures, fold breakdowns into their total, keep rival claims apart."""
    groups = _alternatives(text, toks, units)
    if not groups:
        return NO_COUNT
    totals = [sum_counts([(i.unit.low, i.unit.high, i.unit.best) for i in g]) for g in groups]
    phrases: list[str] = []
    for group in groups:
        phrases.extend(p for p in (i.unit.phrase for i in group) if p not in phrases)
    if len(totals) == 1:
        low, high, best = totals[0]
    else:
        lows = [t[0] for t in totals if t[0] is not None]
        highs = [t[1] for t in totals]
        low = min(lows) if lows else None
        high = None if any(h is None for h in highs) else max(h or 0 for h in highs)
        best = _best_of(toks, groups, totals)
        if low is not None and best is not None and best < low:
            low = best
    return CasualtyCount(low, high, best, " | ".join(phrases))
