"""Counted noun phrases and list items of a casualty text: who a quantity counts ("U.N.
peacekeepers from Guinea", "of the attackers"), whether they are people, militants or one
person, and the place named with them. Read on the tokens and quantities of
:mod:`eventline.silver.casualty_quantities`; the words come from
``schemas/reference/casualty_vocabulary.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventline.silver.casualty_quantities import (
    ACTIVE,
    HOLD_VERBS,
    HOSTAGE_VERBS,
    INTEGER,
    MONTHS,
    PASSIVE,
    VOCABULARY,
    Qty,
    Tok,
    qty_at,
    small_number,
)

_W = VOCABULARY.words
_PERSON_SINGULAR = _W["person_singular"]
_PERSON_PLURAL = {w + "s" for w in _PERSON_SINGULAR if not w.endswith("man")}
_PERSON_PLURAL |= {w[:-3] + "men" for w in _PERSON_SINGULAR if w.endswith("man")}
_PERSON_PLURAL |= _W["person_plural_irregular"]
_MILITANT_NOUNS = _W["militant_nouns"]
_MILITANT_HEADS = _W["militant_heads"]
_MILITANT_MODIFIERS = _W["militant_modifiers"]
_NON_PERSON = _W["non_person_nouns"]
_SUPERLATIVE_OTHERS = _W["superlative_others"]
_NP_STOP = _W["noun_phrase_stops"]
_PLACE_PREPOSITIONS = {"in", "at", "near"}


@dataclass(frozen=True, slots=True)
class Item:
    qty: Qty
    words: tuple[str, ...]
    start: int
    end: int
    located: bool
    unquantified: bool = False
    # Token span of the place name after "in"/"at"/"near", when the item has one.
    place: tuple[int, int] | None = None


def _is_trigger_word(low: str) -> bool:
    return (
        low in ACTIVE
        or low in PASSIVE
        or low in HOSTAGE_VERBS
        or low in HOLD_VERBS
        or low in ("sustain", "sustains", "sustained", "suffer", "suffers", "suffered")
        or low in ("escape", "escaped")
        or low in ("succumb", "succumbs", "succumbed", "lost", "lose", "leave", "leaves", "left")
    )


def _np_at(toks: list[Tok], j: int) -> tuple[tuple[str, ...], int]:
    """The words naming who was counted: "U.N. peacekeepers from Guinea", "of the attackers"."""
    words: list[str] = []
    k = j
    while k < len(toks) and len(words) < 10:
        tok = toks[k]
        if not tok.is_word or INTEGER.fullmatch(tok.text) or _is_trigger_word(tok.low):
            break
        if tok.low == "of":
            words.append("of")
            k += 1
            if k < len(toks) and toks[k].low in (
                "the",
                "a",
                "an",
                "its",
                "their",
                "his",
                "her",
                "them",
            ):
                words.append(toks[k].low)
                k += 1
            continue
        if tok.low == "from" and k + 1 < len(toks) and toks[k + 1].is_capitalized:
            words.append("from")
            k += 1
            continue
        if (
            tok.low == "and"
            and words
            and toks[k - 1].is_capitalized
            and not toks[k - 1].low.endswith("s")
            and k + 1 < len(toks)
            and toks[k + 1].is_word
            and toks[k + 1].is_capitalized
        ):
            words.append("and")  # "four Malian and Chadian soldiers"
            k += 1
            continue
        if tok.text == "IS":
            words.append("is")
            k += 1
            continue
        if tok.low in _NP_STOP or small_number(tok.low) is not None:
            break
        words.append(tok.low)
        k += 1
    # One word per token, so trimming keeps ``k`` right: "militiamen affiliated" → militiamen.
    while words and (
        words[-1] in ("of", "and", "from", "the", "its", "their", "his", "her")
        or (len(words) > 1 and words[-1].endswith(("ed", "ing")))
    ):
        words.pop()
        k -= 1
    return tuple(words), k


def is_militant(words: tuple[str, ...]) -> bool:
    if any(w in _MILITANT_NOUNS for w in words):
        return True
    return any(w in _MILITANT_HEADS for w in words) and any(w in _MILITANT_MODIFIERS for w in words)


def _head_person(words: tuple[str, ...]) -> str | None:
    """The last person noun before "of"/"from": "staff member of the Red Cross" → member."""
    heads = []
    for w in words:
        if w in ("of", "from"):
            break
        if w in _PERSON_SINGULAR or w in _PERSON_PLURAL:
            heads.append(w)
    return heads[-1] if heads else None


_DEMONYM_PLURAL = re.compile(r"[a-z]+ians?s")


def has_singular_person(words: tuple[str, ...]) -> bool:
    return _head_person(words) in _PERSON_SINGULAR


def has_plural_person(words: tuple[str, ...]) -> bool:
    return any(w in _PERSON_PLURAL or _DEMONYM_PLURAL.fullmatch(w) for w in words)


def location_end(toks: list[Tok], k: int) -> int:
    """Where "in Gorey" / "at Sebekoro" starting at token *k* ends (*k* when none)."""
    return _location_end(toks, k)


def _location_end(toks: list[Tok], k: int) -> int:
    """Skip "in Gorey", "at Sebekoro": places separate the parts of a sum."""
    if k + 1 < len(toks) and toks[k].low in _PLACE_PREPOSITIONS:
        m = k + 1
        while m < len(toks) and m < k + 4 and toks[m].is_word and toks[m].is_capitalized:
            if toks[m].text in MONTHS or toks[m].low == "the":
                break
            m += 1
        if m > k + 1:
            return m
    return k


def item_at(toks: list[Tok], i: int) -> Item | None:
    """A counted mention: quantity, the noun phrase after it, and an optional place."""
    qty = qty_at(toks, i)
    if qty is None:
        return None
    words, end = _np_at(toks, qty.end)
    if words[:1] == ("of",):
        rest = words[1:]
        after_pause = i > 0 and toks[i - 1].text in (",", "(", ";", "—", "–")
        if rest[:1] in (("whom",), ("which",)) or (
            rest[:1] in (("them",), ("those",)) and after_pause
        ):
            return None  # "12 of whom were German", "…, 12 of them": part of a figure counted
        after = [w for w in rest if w not in ("the", "its", "their", "his", "her")]
        if after and (after[0].endswith("est") or after[0] in _SUPERLATIVE_OTHERS):
            return None  # "one of the largest number of casualties"
    if [t.low for t in toks[end : end + 2]] in (["of", "whom"], ["of", "which"]):
        return None  # "12 of whom were German": part of a figure already counted
    if any(w in _NON_PERSON for w in words):
        return None
    demonym = qty.kind == "ordinal" and qty.end < len(toks) and toks[qty.end].is_capitalized
    if qty.kind in ("singular", "ordinal") and not (has_singular_person(words) or demonym):
        return None  # "a fourth Emirati" is a person; "a second attack" is not
    located_end = _location_end(toks, end)
    place = (end + 1, located_end) if located_end > end else None
    return Item(qty, words, qty.start, located_end, located_end > end, place=place)


def unquantified_at(toks: list[Tok], j: int) -> Item | None:
    """ "his wife" (one) or "civilians" (some, uncounted) inside a list of counted victims."""
    possessive = j < len(toks) and toks[j].low in ("his", "her", "their")
    words, end = _np_at(toks, j + 1 if possessive else j)
    if not words or any(w in _NON_PERSON for w in words):
        return None
    if possessive and has_singular_person(words):
        return Item(Qty(1, 1, 1, j, end, "number"), words, j, end, False)
    if has_plural_person(words) or _force_acronym(toks, j, words):
        return Item(Qty(0, None, 0, j, end, "number"), words, j, end, False, True)
    return None


def possessive_at(toks: list[Tok], j: int) -> Item | None:
    """ "his wife", "their guide" right after a casualty verb: one person, though no number
    is written ("killed their guide"); "their children" counts no figure."""
    if j >= len(toks) or toks[j].low not in ("his", "her", "their"):
        return None
    item = unquantified_at(toks, j)
    return item if item is not None and not item.unquantified else None


def _force_acronym(toks: list[Tok], j: int, words: tuple[str, ...]) -> bool:
    """ "53 soldiers and ABC were killed": an acronym joined to counted victims names a unit
    (forces, auxiliaries, police), not a thing; a group's acronym is no victim."""
    text = toks[j].text
    return (
        len(words) == 1
        and 2 <= len(text) <= 6
        and text.isupper()
        and text.isalpha()
        and words[0] not in _MILITANT_MODIFIERS
    )
