"""Casualty figures (killed, injured, kidnapped, assailants killed) from one event record.

The figures end up in datasets that analysts sum and compare, so every number must be
traceable to the words it came from (``phrase``) and never be more precise than the text.
Hence the project's three rules:

* **exact before clever**: a number counts only when it is tied, inside one clause, to a
  casualty verb or noun ("kills 12", "six are killed", "leave 14 soldiers dead");
* **state uncertainty instead of guessing**: qualifiers and vague words set ``low``/``high``,
  competing claims become a range, and ``phrase`` keeps the qualifier visible;
* **unknown is null, never 0**: 0 only for an explicit "no casualties" / "no one was killed".

Qualifiers (N and M as written):

| text | low | high | best |
|---|---|---|---|
| N; "a"/"an" + person, "another", "one other", "killed their guide" (= 1) | N | N | N |
| at least N, more than N, over N, N or more, no fewer than N | N | null | N |
| up to N, as many as N, fewer/less than N, at most N | null | N | null |
| around, about, approximately, nearly, almost, roughly, some, an estimated N | N | N | N |
| between N and M, N to M, N-M, N or M | N | M | N |

"more than N" keeps low = N (not N+1), as ACLED does: the stored figure is the one written.
"up to N" states only a ceiling, so ``best`` stays null rather than guessing the ceiling.

Vague quantities give no figure: their minimal reading (``VAGUE_QUANTITIES``) is a bound,
low = value, best = high = null ("dozens" is no number: unknown is null, the phrase keeps the
words). With "around" they become value/value/null, with "up to" null/value/null. Added to
a number ("at least 42 ... dozens more died") they add nothing: the best figure is 42.

| words | value |
|---|---|
| many, numerous, some, multiple, a number of, a few, a couple (of), a handful of | 2 |
| several | 3 |
| a dozen | 12 |
| tens of | 20 |
| dozens, several dozen, a few dozen | 24 |
| scores of | 40 |
| hundreds, several hundred, a few hundred | 200 |
| thousands, several thousand, a few thousand | 2000 |

Combining figures of one category within a record:

* different places, groups or incidents are **added** ("12 in Kalumba while six are killed in
  Sokolo" → 18); a sum is open-ended (high null) when any part is;
* a total followed by its breakdown counts once: after a dash, parenthesis or colon
  ("17—14 in Boya and three in Gaena—"), after "including"/"of whom", and a later sentence
  whose figures fit inside an earlier total with no new-incident cue ("That same day",
  "On December 4,", "also attack", "a similar attack") in between;
* **competing claims** are not added: figures after "however"/"but"/"whereas"/"although"
  /"while X claims" in a stretch that attributes them (claims, says, according to, …) are
  alternatives: low = lowest, high = highest, best = lowest (ACLED style);
* "a fourth peacekeeper dies" raises a total of exactly three to four; otherwise ignored.

Militants, attackers, assailants, terrorists, jihadists, insurgents, gunmen, rebels and
fighters of a jihadist group who are killed go to ``assailants_killed``, whoever killed them
(security forces, or a rival group), and so does anyone "neutralized": ``killed`` holds the
victims of the event's violence only; "mortally wounded" counts as killed. Named individuals
("kidnap Dr. Mahamadou Diawara"), "casualties" as a count, "missing" and "captured" are not
counted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from eventline.silver.casualty_combine import (
    NO_COUNT,
    CasualtyCount,
    Triple,
    Unit,
    combine,
    is_generic,
    sum_counts,
    total_deaths,
)
from eventline.silver.casualty_context import (
    apposition_close,
    attacker_nouns,
    explicit_zeros,
    victim_group,
)
from eventline.silver.casualty_items import (
    Item,
    has_plural_person,
    has_singular_person,
    is_militant,
    item_at,
    location_end,
    possessive_at,
    unquantified_at,
)
from eventline.silver.casualty_quantities import (
    HOSTAGE_WORDS,
    VAGUE_QUANTITIES,
    Tok,
    may_start_quantity,
    tokenize,
)
from eventline.silver.casualty_triggers import (
    Trigger,
    breakdown_end,
    joiner_end,
    left_trigger,
    right_trigger,
)
from eventline.silver.casualty_vocabulary import (
    ASSAILANTS,
    CATEGORIES,
    INJURED,
    KIDNAPPED,
    KILLED,
)

__all__ = [
    "CATEGORIES",
    "NO_COUNT",
    "VAGUE_QUANTITIES",
    "Casualties",
    "CasualtyCount",
    "parse_casualties",
]


@dataclass(frozen=True)
class Casualties:
    """The four figures of one event record; ``assailants_killed`` never adds to victims.

    ``fatalities`` is ACLED's figure: every death the text reports, attackers included
    (victims + assailants, or a toll the text states with the attackers in it).
    """

    killed: CasualtyCount
    injured: CasualtyCount
    kidnapped: CasualtyCount
    assailants_killed: CasualtyCount
    fatalities: CasualtyCount = NO_COUNT
    # Who the killed were: "forces", "civilians", "unknown" (one per counted victim kind).
    killed_victims: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Chain:
    items: tuple[Item, ...]
    end: int  # token after the last item (or after a skipped breakdown)
    open_ended: bool


def _chain_at(toks: list[Tok], first: Item, left_bound: bool) -> _Chain:
    """Items joined by commas and "and": "four in Gorey, four in Djamnati, and one in X"."""
    items = [first]
    open_ended = False
    k = first.end
    joiners: list[str] = []
    while True:
        if (skip := breakdown_end(toks, k)) is not None:
            k = skip
            break
        close = apposition_close(toks, k)
        if close is not None and right_trigger(toks, close + 1) is not None:
            k = close + 1  # "26 hostages, most of them soldiers, were killed"
            break
        j = joiner_end(toks, k)
        if j is None:
            break
        nxt = item_at(toks, j) or unquantified_at(toks, j)
        if nxt is None:
            break
        if left_bound and right_trigger(toks, nxt.end) is not None:
            break  # "kills two and three others are wounded": a new clause
        joiners.append(toks[k].text)
        items.append(nxt)
        open_ended = open_ended or nxt.unquantified
        k = nxt.end
    counted = [it for it in items[1:] if not it.unquantified]
    if (
        counted
        and joiners[:1] == [","]
        and not first.words
        and not first.located
        and first.qty.best is not None
        and all(it.qty.best is not None for it in counted)
    ):
        parts = sum(it.qty.best or 0 for it in counted)
        fits = parts == first.qty.best or (first.qty.high is None and parts <= first.qty.best)
        if fits:  # "killing 77, 40 soldiers and 37 civilians": an apposed breakdown
            return _Chain((first,), k, False)
    return _Chain(tuple(items), k, open_ended)


# --- units and their combination -----------------------------------------------------------


# A toll "attackers included" counts every death but tells no victims' figure.
ALL_DEATHS = "all_deaths"
_ATTACKER_WORDS = frozenset({"attackers", "assailants", "militants", "gunmen", "insurgents"})


def _attackers_included(toks: list[Tok], k: int) -> bool:
    """ "17 dead, attackers included", "17 dead, including the attackers" (no number)."""
    words = [t.low for t in toks[k : k + 4]]
    if words[:1] == [","]:
        words = words[1:]
    if words[:1] == ["including"]:
        rest = words[1:3] if words[1:2] != ["the"] else words[2:3]
        return bool(rest) and rest[0] in _ATTACKER_WORDS
    return len(words) >= 2 and words[0] in _ATTACKER_WORDS and words[1] == "included"


def _units_from_chain(
    text: str,
    toks: list[Tok],
    chain: _Chain,
    trigger: Trigger,
    left_open: bool,
    attackers: frozenset[str] = frozenset(),
) -> list[Unit]:
    """Split one bound list into categories: victims, and militants killed apart (by their
    name, or because the record's attack has them as its subject: *attackers*)."""
    by_category: dict[str, list[Item]] = {}
    with_attackers = trigger.category == KILLED and _attackers_included(
        toks, max(trigger.end, chain.end)
    )
    for item in chain.items:
        category = ALL_DEATHS if with_attackers else trigger.category
        if category == KILLED and (is_militant(item.words) or attackers & set(item.words)):
            category = ASSAILANTS
        if trigger.kind in ("hostage", "hold"):
            after = toks[item.end].low if item.end < len(toks) else ""
            hostage = any(w in HOSTAGE_WORDS for w in item.words) or after in HOSTAGE_WORDS
            person = has_plural_person(item.words) or has_singular_person(item.words)
            if not (hostage or (trigger.kind == "hold" and person)):
                continue
        by_category.setdefault(category, []).append(item)
    first_tok = min(trigger.start, chain.items[0].start)
    last_tok = max(trigger.end, chain.items[-1].end) - 1
    start, end = toks[first_tok].start, toks[last_tok].end
    units = []
    for category, items in by_category.items():
        counted = [it for it in items if not it.unquantified]
        if not counted:
            continue
        low, high, best = sum_counts([(it.qty.low, it.qty.high, it.qty.best) for it in counted])
        if chain.open_ended or left_open:
            high = None
        ordinal = counted[0].qty.best if counted[0].qty.kind == "ordinal" else None
        places = _places_of(text, toks, counted)
        units.append(
            Unit(
                category,
                low,
                high,
                best,
                text[start:end],
                toks[first_tok].sentence,
                toks[chain.items[0].start].segment,
                start,
                end,
                ordinal,
                places,
                clause=toks[chain.items[0].start].clause,
                generic=all(is_generic(it.words) for it in counted),
                largest_item=max((it.qty.best or 0) for it in counted),
                victims=frozenset(victim_group(it.words) for it in counted),
            )
        )
    return units


def _places_of(
    text: str, toks: list[Tok], items: list[Item]
) -> tuple[tuple[str, int | None, int | None, int | None, str], ...]:
    """Each item's place and figure, when every item of the list names its own place."""
    if len(items) < 2 or any(it.place is None for it in items):
        return ()
    places = []
    for it in items:
        first, last = it.place  # type: ignore[misc]
        name = text[toks[first].start : toks[last - 1].end]
        words = text[toks[it.start].start : toks[last - 1].end]
        places.append((name, *_triple(it), words))
    if len({name.lower() for name, *_ in places}) < len(places):
        return ()
    return tuple(places)


def _triple(item: Item) -> Triple:
    return (item.qty.low, item.qty.high, item.qty.best)


_ADVERBS_BEFORE_PLACE = frozenset({"overnight", "yesterday", "today", "there", "nearby"})


def _trailing_located(toks: list[Tok], chain: _Chain, k: int) -> _Chain | None:
    """ "eight people killed overnight in A, three in B and ten in C": after a passive
    verb, a place for the first item and more counted items with their own places."""
    m = k
    while m < len(toks) and m < k + 2 and toks[m].low in _ADVERBS_BEFORE_PLACE:
        m += 1
    if len(chain.items) != 1 or m >= len(toks) or toks[m].low not in ("in", "at", "near"):
        return None
    place_end = location_end(toks, m)
    if place_end == m:
        return None
    items = [replace(chain.items[0], place=(m + 1, place_end))]
    end = place_end
    while (j := _joiner_end_of(toks, end)) is not None:
        nxt = item_at(toks, j)
        if nxt is None or nxt.place is None or right_trigger(toks, nxt.end) is not None:
            break
        items.append(nxt)
        end = nxt.end
    if len(items) < 2:
        return None
    return _Chain(tuple(items), end, False)


def _joiner_end_of(toks: list[Tok], k: int) -> int | None:
    return joiner_end(toks, k)


def _left_unquantified(toks: list[Tok], start: int) -> bool:
    """ "The Malian drivers and a staff member are killed": more victims than counted."""
    k = start - 1
    if k < 1 or toks[k].low not in ("and", ","):
        return False
    k -= 1
    if toks[k].text == ",":
        k -= 1
    return k >= 0 and has_plural_person((toks[k].low,))


def _move_attackers_out(units: list[Unit], part: Item, toks: list[Tok]) -> None:
    """ "12 dead, including three attackers": the attackers leave the victims' total."""
    if not units or not is_militant(part.words) or part.qty.best is None:
        return
    total = units[-1]
    if (
        total.category != KILLED
        or total.best is None
        or total.sentence != toks[part.start].sentence
    ):
        return
    n = part.qty.best
    if n > total.best:
        return
    low = None if total.low is None else max(0, total.low - n)
    high = None if total.high is None else max(0, total.high - n)
    units[-1] = replace(total, low=low, high=high, best=total.best - n)
    units.append(replace(total, category=ASSAILANTS, low=n, high=n, best=n, places=()))


def _find_units(text: str, toks: list[Tok]) -> list[Unit]:
    units: list[Unit] = []
    attackers = attacker_nouns(toks)
    i = 0
    while i < len(toks):
        item = item_at(toks, i) if may_start_quantity(toks[i].low) else None
        if item is None and (mine := possessive_at(toks, i)) and left_trigger(toks, i):
            item = mine  # "killed their guide": one person
        if item is None:
            i += 1
            continue
        before = [t.low for t in toks[max(0, i - 2) : i]]
        if before[-1:] == ["including"] or (
            before[:1] == ["among"] and before[1:] in (["them"], ["whom"], ["those"])
        ):
            _move_attackers_out(units, item, toks)  # part of a total already given
            i = item.end
            continue
        left = left_trigger(toks, item.start)
        chain = _chain_at(toks, item, left is not None)
        right = None if left else right_trigger(toks, chain.end)
        if right is not None and "\n" in text[toks[item.start].start : toks[right.start].start]:
            right = None  # "Fatalities: 25" then "Injured: 9" on the next line of a record
        trigger = left or right
        if trigger is None:
            i = max(item.end, i + 1)
            continue
        left_open = right is not None and _left_unquantified(toks, item.start)
        end = max(chain.end, trigger.end)
        if right is not None and (located := _trailing_located(toks, chain, right.end)):
            chain, end = located, located.end
        units.extend(_units_from_chain(text, toks, chain, trigger, left_open, attackers))
        i = end
    return units


@lru_cache(maxsize=4)
def _read(text: str) -> tuple[tuple[Tok, ...], tuple[Unit, ...]]:
    """The tokens and units of ``text``, read once: the silver builder asks for a record's
    figures and then for its tolls by place (both immutable). The cache is kept tiny: a few
    hundred texts' tokens kept alive slowed the garbage collector for the next stages."""
    toks = tokenize(text)
    return tuple(toks), tuple(_find_units(text, toks))


def place_tolls(text: str) -> list[tuple[str, CasualtyCount]]:
    """(place as written, killed) for each place of a list that gives a toll per place
    ("eight people killed in A, three in B and ten in C"); empty when there is none.

    Such a sentence tells one incident per place, each with its own toll; a total broken
    down by place ("17 — 14 in Boya and three in Gaena —") is one incident and gives none.
    """
    for unit in _read(text)[1]:
        if unit.category == KILLED and len(unit.places) >= 2:
            return [
                (place, CasualtyCount(low, high, best, words))
                for place, low, high, best, words in unit.places
            ]
    return []


def parse_casualties(text: str) -> Casualties:
    """Casualty figures of one event record (a timeline bullet or a narrative sentence)."""
    read, units = _read(text)
    toks = list(read)
    zeros = explicit_zeros(text)
    counts: dict[str, CasualtyCount] = {}
    for category in CATEGORIES:
        count = combine(text, toks, [u for u in units if u.category == category])
        if count == NO_COUNT and category in zeros:
            count = CasualtyCount(0, 0, 0, zeros[category])
        counts[category] = count
    victims = frozenset(v for u in units if u.category == KILLED for v in u.victims)
    all_deaths = combine(text, toks, [u for u in units if u.category == ALL_DEATHS])
    fatalities = total_deaths(counts[KILLED], counts[ASSAILANTS])
    if all_deaths != NO_COUNT:
        fatalities = total_deaths(fatalities, all_deaths)
    return Casualties(
        killed=counts[KILLED],
        injured=counts[INJURED],
        kidnapped=counts[KIDNAPPED],
        assailants_killed=counts[ASSAILANTS],
        fatalities=fatalities,
        killed_victims=victims,
    )
