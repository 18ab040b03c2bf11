"""Which casualty verb a list of figures is bound to, and where the list ends.

A figure counts only when a verb or noun of a casualty category binds it inside one clause:
an active verb before the list ("kills at least 26"), a passive or adjectival one after it
("six are killed", "12 dead"), or a hostage verb ("took 30 hostages"). The chain of items
("four in Gorey, four in Djamnati and one in X") ends at a joiner or a breakdown ("17 --
14 in Boya and three in Gaena --"). Used by :mod:`eventline.silver.casualties`.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventline.silver.casualty_context import clause_ends, died_by_accident, remains_found
from eventline.silver.casualty_items import (
    item_at,
)
from eventline.silver.casualty_quantities import (
    ACTIVE,
    ACTIVE_BRIDGES,
    AUXILIARIES,
    BREAKDOWN_OPENERS,
    DASHES,
    FIELD_LABELS,
    HOLD_VERBS,
    HOSTAGE_VERBS,
    HOSTAGE_WORDS,
    INJURY_NOUNS,
    OF_ONLY,
    PASSIVE,
    PASSIVE_BRIDGES,
    Tok,
    qty_at,
)
from eventline.silver.casualty_vocabulary import INJURED, KIDNAPPED, KILLED


@dataclass(frozen=True, slots=True)
class Trigger:
    category: str
    start: int
    end: int
    kind: str  # "plain", "hostage" (take N hostages), "hold" (hold N civilians)


def _field_label(toks: list[Tok], start: int) -> Trigger | None:
    """A record's field label right before a list: "Fatalities: 3", "Abducted: about 30
    women" (the label opens its line, which the splitter makes a sentence of its own)."""
    k = start - 1
    if k < 1 or toks[k].text != ":" or toks[k - 1].low not in FIELD_LABELS:
        return None
    if k >= 2 and toks[k - 2].sentence == toks[k - 1].sentence:
        return None  # "… the dead: 12 …" inside a sentence is not a field
    return Trigger(FIELD_LABELS[toks[k - 1].low], k - 1, k + 1, "plain")


def left_trigger(toks: list[Tok], start: int) -> Trigger | None:
    """The active verb right before a list: "kills at least 26", "the death of 500"; or a
    record's field label ("Fatalities: 3")."""
    if (field := _field_label(toks, start)) is not None:
        return field
    k = start - 1
    while k >= 0 and toks[k].low in ACTIVE_BRIDGES:
        k -= 1
    if k >= 1 and toks[k].low == "with" and toks[k - 1].low == "along":
        k -= 2
    if k < 0:
        return None
    if toks[k].low == "of":
        w = toks[k - 1].low if k else ""
        category = OF_ONLY.get(w) or ACTIVE.get(w)
        return Trigger(category, k - 1, k + 1, "plain") if category else None
    w = toks[k].low
    if w == "dead" and k >= 1 and toks[k - 1].low in ("shot", "shoot", "shoots", "shooting"):
        return Trigger(KILLED, k - 1, k + 1, "plain")  # "shot dead four pupils"
    if w in ACTIVE:
        if ACTIVE[w] == INJURED and k >= 1 and toks[k - 1].low == "mortally":
            return Trigger(KILLED, k - 1, k + 1, "plain")  # "mortally wounded two guards"
        return Trigger(ACTIVE[w], k, k + 1, "plain")
    if w in HOSTAGE_VERBS:
        return Trigger(KIDNAPPED, k, k + 1, "hostage")
    if w in HOLD_VERBS:
        return Trigger(KIDNAPPED, k, k + 1, "hold")
    if w in ("to", "at", "of", "is", "was", "reaches", "reached", "hits", "hit"):
        # "the death toll rises to 30", "raising the death toll from Sunday's attack on the
        # police station to three": back to the toll, within the clause.
        for m in range(k - 1, max(-1, k - 14), -1):
            if toks[m].text in (",", ";", ".") or toks[m].clause != toks[k].clause:
                break
            if toks[m].low == "toll" and m and toks[m - 1].low == "death":
                return Trigger(KILLED, m - 1, k + 1, "plain")
    return None


def right_trigger(toks: list[Tok], j: int) -> Trigger | None:
    """The passive verb or noun after a list: "are killed", "dead", "sustain injuries"."""
    k = j
    if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].low in ("who", "which"):
        close = next((m for m in range(k + 2, min(len(toks), k + 16)) if toks[m].text == ","), None)
        if close is None:
            return None
        k = close + 1  # skip ", who is a Jordanian national,"
    if k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")":
        k += 3  # skip an acronym: "five members of the police unit (UIR) were killed"
    auxiliary = False
    bridges = 0
    while k < len(toks) and toks[k].low in PASSIVE_BRIDGES and bridges < 5:
        auxiliary = auxiliary or toks[k].low in AUXILIARIES
        bridges += 1
        k += 1
    if k >= len(toks):
        return None
    w = toks[k].low
    after = [t.low for t in toks[k + 1 : k + 3]]
    if w in ("taken", "held") and after[:1] and after[0] in HOSTAGE_WORDS:
        return Trigger(KIDNAPPED, k, k + 2, "plain") if auxiliary else None
    if w in ("sustain", "sustains", "sustained", "suffer", "suffers", "suffered"):
        for offset, word in enumerate(after):
            if word in INJURY_NOUNS:
                return Trigger(INJURED, k, k + offset + 2, "plain")
        return None
    if w in ("escape", "escaped") and after[:1] == ["with"]:
        # "7 escaped with injuries": hurt, though alive
        beyond = [t.low for t in toks[k + 2 : k + 4]]
        for offset, word in enumerate(beyond):
            if word in INJURY_NOUNS:
                return Trigger(INJURED, k, k + offset + 3, "plain")
        return None
    if w in ("lost", "lose") and after == ["their", "lives"]:
        return Trigger(KILLED, k, k + 3, "plain")
    if w in ("succumb", "succumbs", "succumbed"):
        return Trigger(KILLED, k, k + 1, "plain")
    return passive_trigger(toks, j, k, auxiliary)


def passive_trigger(toks: list[Tok], j: int, k: int, auxiliary: bool) -> Trigger | None:
    """A passive casualty word at *k* ("are killed", "abducted.", "were recovered" after
    "bodies"), unless it is a reduced relative, an active verb or a death by accident."""
    w = toks[k].low
    if auxiliary and remains_found(toks, j, k):
        return Trigger(KILLED, k, k + 1, "plain")  # "37 bodies were recovered"
    if w not in PASSIVE:
        return None
    category = PASSIVE[w]
    if category == INJURED and toks[k - 1].low == "mortally":
        category = KILLED  # "two guards were mortally wounded": they died of the wounds
    if category == KIDNAPPED and not auxiliary and not clause_ends(toks, k + 1):
        return None  # "diplomats kidnapped by MUJAO are released": a reduced relative
    if not auxiliary and w in ACTIVE and qty_at(toks, k + 1) is not None:
        return None  # "two Islamists killed 20 people": the verb is active
    if category == KILLED and died_by_accident(toks, k + 1):
        return None  # "five others died in a road accident": not the event's violence
    return Trigger(category, k, k + 1, "plain")


def joiner_end(toks: list[Tok], k: int) -> int | None:
    """After ",", "and", ", and", "as well as", "along with", "plus": where the next item starts."""
    if k >= len(toks):
        return None
    lows = [t.low for t in toks[k : k + 3]]
    if lows[:1] == [","]:
        return k + 2 if lows[1:2] == ["and"] else k + 1
    if lows[:1] in (["and"], ["plus"]):
        return k + 1
    if lows[:2] == ["along", "with"]:
        return k + 2
    if lows == ["as", "well", "as"]:
        return k + 3
    return None


def breakdown_end(toks: list[Tok], k: int) -> int | None:
    """ "—14 in Boya and three in Gaena—", "(8 soldiers)", ": 3 soldiers": skip to its end."""
    if k >= len(toks) or toks[k].text not in BREAKDOWN_OPENERS:
        return None
    if toks[k].text == "-" and toks[k].start > 0 and toks[k - 1].end == toks[k].start:
        return None  # a hyphen, not a dash
    nxt = k + 1
    if nxt < len(toks) and toks[nxt].low == "including":
        nxt += 1
    if item_at(toks, nxt) is None:
        return None
    opener = toks[k].text
    m = nxt
    while m < len(toks) and toks[m].sentence == toks[k].sentence:
        text = toks[m].text
        if text in (".", "!", "?", ";"):
            return m  # a colon's breakdown, or an unclosed one, runs to the clause end
        if opener == "(" and text == ")":
            return m + 1
        is_dash = text in ("—", "–") or (text == "-" and toks[m - 1].end != toks[m].start)
        if opener in DASHES and is_dash:
            return m + 1
        m += 1
    return m
