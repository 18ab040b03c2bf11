"""What the words around the casualty figures say: who attacked, who the victims were, and
who the text says was spared. The casualty parser (:mod:`eventline.silver.casualties`) asks
these questions of one record's tokens.
"""

from __future__ import annotations

import re

from eventline.silver.casualty_items import (
    has_plural_person,
    has_singular_person,
)
from eventline.silver.casualty_quantities import (
    VOCABULARY,
    Tok,
    mask_markup,
)
from eventline.silver.casualty_vocabulary import KILLED
from eventline.text.words import word_set

_FORCES = VOCABULARY.words["force_nouns"]
_CIVILIANS = word_set(
    "civilian civilians villager villagers resident residents women children child woman girl"
    " girls boy boys worshippers passengers fishermen farmers herders students pupils"
    " mourners tourists journalists"
)
# Nouns that never make the subject of an attack the attackers' own name: people in general,
# and the victims' kinds (soldiers attacking are still counted as victims when killed).
_NOT_ATTACKERS = _FORCES | _CIVILIANS | word_set("man men people person persons others groups")
_ATTACK_VERBS = word_set(
    "attack attacks attacked storm storms stormed ambush ambushes ambushed raid raids raided"
    " assault assaults assaulted besiege besieges besieged"
)
# Before an attack word, these make it a noun ("killed in an attack on their post"), which
# has no subject to take attackers from.
_NOUN_MARKERS = word_set("a an the their its his her this that another same each every")


def attacker_nouns(toks: list[Tok]) -> frozenset[str]:
    """Person nouns of the subject of the record's first attack verb.

    "Inmates linked to al-Shabaab attack guards … five inmates are killed": the inmates are
    the attackers here, so the five go to ``assailants_killed``. Force and civilian nouns are
    never taken: soldiers who attack and die are still counted among the killed. An attack
    word after a determiner is a noun ("five members of the guard were killed in an attack")
    and names no attackers.
    """
    for k, tok in enumerate(toks):
        if tok.low not in _ATTACK_VERBS or (k and toks[k - 1].low in _NOUN_MARKERS):
            continue
        subject = [t.low for t in toks[:k] if t.sentence == tok.sentence and t.is_word]
        return frozenset(
            w
            for w in subject
            if w not in _NOT_ATTACKERS and (has_plural_person((w,)) or has_singular_person((w,)))
        )
    return frozenset()


_FOUND_VERBS = word_set("found recovered retrieved discovered exhumed")
_REMAINS = word_set("bodies corpses")
# Only an "accident": a crash caused by a mine or an ambush is the event's own violence.
_ACCIDENTS = word_set("accident accidents")


def clause_ends(toks: list[Tok], k: int) -> bool:
    """Whether the clause ends at token *k*: a note's "7 abducted." or "62 passengers
    abducted;" is a count, where "kidnapped by MUJAO are released" goes on."""
    return k >= len(toks) or toks[k].text in (".", ";", ",", ")")


def apposition_close(toks: list[Tok], k: int) -> int | None:
    """The closing comma of an apposition opened at *k* (", including two children,",
    ", seven of them police officers,", ", most of them soldiers,"), if it is one."""
    if k + 2 >= len(toks) or toks[k].text != ",":
        return None
    lows = [t.low for t in toks[k + 1 : k + 5]]
    if not (lows[0] == "including" or (lows[1:3] == ["of", "them"] or lows[2:4] == ["of", "them"])):
        return None
    for m in range(k + 2, min(len(toks), k + 18)):
        if toks[m].sentence != toks[k].sentence or toks[m].text in (".", ";", "!", "?"):
            return None
        if toks[m].text == ",":
            return m
    return None


def remains_found(toks: list[Tok], j: int, k: int) -> bool:
    """Whether a count of bodies (the words before *j*) was found or recovered (*k*):
    "37 bodies were recovered" counts 37 dead."""
    return toks[k].low in _FOUND_VERBS and j > 0 and toks[j - 1].low in _REMAINS


def died_by_accident(toks: list[Tok], k: int) -> bool:
    """Whether a death word is followed by "in a (road) accident" (from *k*)."""
    words = [t.low for t in toks[k : k + 5]]
    return bool(words[:1] == ["in"] and _ACCIDENTS.intersection(words))


def victim_group(words: tuple[str, ...]) -> str:
    """``forces``, ``civilians`` or ``unknown`` for the noun phrase of a counted victim."""
    if any(w in _CIVILIANS for w in words):
        return "civilians"
    if any(w in _FORCES for w in words):
        return "forces"
    return "unknown"


_ZERO_NOUNS = VOCABULARY.zero_nouns
_ZERO_NOUN_PHRASE = re.compile(
    r"\b(?:no|zero|without(?:\s+causing)?(?:\s+any)?"
    r"|(?:did|do|does)\s*(?:not|n't)\s+(?:result\s+in|cause|lead\s+to|produce|leave)\s+any"
    r"|(?:result|results|resulted|resulting|cause|causes|caused|causing|leave|leaves|left"
    r"|leaving)\s+(?:in\s+)?no)"
    r"\s+(?:reported\s+|known\s+|human\s+|immediate\s+)?"
    r"(casualties|victims|fatalities|deaths|injuries)\b",
    re.IGNORECASE,
)
_ZERO_VERBS = VOCABULARY.zero_verbs
_ZERO_NOBODY = re.compile(
    r"\b(?:no[- ]?one|nobody|none|no\s+(?:[\w-]+\s+){1,4}?)\b(?:\s+[\w.]+){0,4}?\s*(?:was|were"
    r"|is|are|has\s+been|have\s+been|got)\s+(?:reportedly\s+)?(killed|injured|wounded|hurt"
    r"|harmed|kidnapped|abducted)(?:\s+(?:or|and)\s+(killed|injured|wounded|hurt|harmed))?",
    re.IGNORECASE,
)
# Nobody "hurt" or "harmed": nobody killed either.
_UNHARMED = frozenset({"hurt", "harmed"})


def explicit_zeros(text: str) -> dict[str, str]:
    """Categories the text says were spared ("leaving no casualties"), with the words."""
    zeros: dict[str, str] = {}
    masked = mask_markup(text)
    for m in _ZERO_NOUN_PHRASE.finditer(masked):
        for category in _ZERO_NOUNS[m.group(1).lower()]:
            zeros.setdefault(category, text[m.start() : m.end()])
    for m in _ZERO_NOBODY.finditer(masked):
        for verb in (m.group(1), m.group(2)):
            if verb:
                words = text[m.start() : m.end()]
                zeros.setdefault(_ZERO_VERBS[verb.lower()], words)
                if verb.lower() in _UNHARMED:
                    zeros.setdefault(KILLED, words)
    return zeros
