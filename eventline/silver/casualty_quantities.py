"""Tokens, quantities and counted noun phrases of a casualty text: the reading half of the
casualty parser (:mod:`eventline.silver.casualties` binds what is read here to verbs).

A quantity is a number in digits or words, a vague word ("dozens") or "a"/"another" before a
person, shaped by its qualifier ("at least", "up to", "between"); an item is a quantity, the
noun phrase naming who was counted and an optional place
(:mod:`eventline.silver.casualty_items`). The words come from
``schemas/reference/casualty_vocabulary.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple, TypeVar

from eventline.silver.casualty_vocabulary import (
    APPROX,
    EXACT,
    OPEN,
    RANGE,
    UPTO,
    default_vocabulary,
)
from eventline.text.date_expressions import MONTH_NAMES
from eventline.text.markup import BULLET_LABEL, CITATION, LINK, blank
from eventline.text.sentences import sentence_spans

_V = TypeVar("_V")
VOCABULARY = default_vocabulary()
_W = VOCABULARY.words

VAGUE_QUANTITIES: dict[str, int] = VOCABULARY.vague_quantities
# Longest first, so "a few dozen" wins over "a few".
_VAGUE = sorted(
    ((tuple(k.split()), v) for k, v in VAGUE_QUANTITIES.items()), key=lambda kv: -len(kv[0])
)
_VAGUE_OPTIONAL_OF = _W["vague_optional_of"]
_EXACT, _OPEN, _UPTO, _APPROX, _RANGE = EXACT, OPEN, UPTO, APPROX, RANGE
_QUALIFIERS = list(VOCABULARY.qualifiers)
_QUALIFIER_WORDS = {w for words, _ in _QUALIFIERS for w in words}


def _by_first_word(
    entries: list[tuple[tuple[str, ...], _V]],
) -> dict[str, tuple[tuple[tuple[str, ...], _V], ...]]:
    """Entries grouped by their first word, each group in list order: a token can only
    start the entries filed under it, so lookups try those alone (hot path)."""
    groups: dict[str, list[tuple[tuple[str, ...], _V]]] = {}
    for words, value in entries:
        groups.setdefault(words[0], []).append((words, value))
    return {first: tuple(group) for first, group in groups.items()}


_QUALIFIERS_BY_FIRST = _by_first_word(_QUALIFIERS)
_VAGUE_BY_FIRST = _by_first_word(_VAGUE)

_UNITS = {w: i for i, w in enumerate(VOCABULARY.units)}
_TENS = {w: 10 * i for i, w in enumerate(VOCABULARY.tens, 2)}
_SCALES = VOCABULARY.scales
_ORDINALS = {w: i for i, w in enumerate(VOCABULARY.ordinals, 2)}
MONTHS = set(MONTH_NAMES)
_MONTH_ABBREVIATIONS = set(_W["month_abbreviations"])
_TITLES = set(_W["titles"]) | _MONTH_ABBREVIATIONS

# --- casualty vocabulary (schemas/reference/casualty_vocabulary.yaml) ----------------------

ACTIVE: dict[str, str] = VOCABULARY.active
# Nouns that take their victims after "of": "the death of", "claims the lives of".
OF_ONLY = VOCABULARY.of_nouns
HOSTAGE_VERBS = _W["hostage_verbs"]
HOLD_VERBS = _W["hold_verbs"]
HOSTAGE_WORDS = _W["hostage_words"]
PASSIVE: dict[str, str] = VOCABULARY.passive
FIELD_LABELS: dict[str, str] = VOCABULARY.field_labels
AUXILIARIES = _W["auxiliaries"]
PASSIVE_BRIDGES = AUXILIARIES | _W["passive_bridges"]
ACTIVE_BRIDGES = _W["active_bridges"]
INJURY_NOUNS = _W["injury_nouns"]
_DETERMINERS = _W["determiners"]
_NOT_COUNT_AFTER = _W["not_count_after"]
_CURRENCY = {"$", "€", "£"}
DASHES = {"—", "–", "-"}
BREAKDOWN_OPENERS = DASHES | {"(", ":"}
_CONTRAST = _W["contrast_words"]
_CLAUSE_BREAKS = frozenset({";", "(", ")"})
ATTRIBUTION = _W["attribution_words"]
ADDITIVE_CUES = _W["additive_cues"]

# --- text-level patterns -------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.N., U.S., a.m.
    r"|\d{1,3}(?:,\d{3})+(?![\d,])"  # 3,000
    r"|\d+\.\d+"  # 8.8
    r"|[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*"  # words, twenty-one, al-Qaeda, AK-47s
    r"|\S"
)
_CAPITAL = re.compile("[A-Z]")
_DROPPED = set("\"“”‘’'*\\_`[]#")
INTEGER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_HYPHEN_RANGE = re.compile(r"(\d+)[-–](\d+)")

# --- tokens --------------------------------------------------------------------------------


class Tok(NamedTuple):
    """A token; a named tuple because parsing one record builds hundreds (hot path)."""

    text: str
    low: str
    start: int
    end: int
    sentence: int
    segment: int
    # Clause: a new one at ";", "(", ")" and each sentence; rival tolls are told by clause.
    clause: int = 0

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()


def mask_markup(text: str) -> str:
    """Blank out the date label and citations (keeping offsets): "[News 24](#)" is no count."""
    return blank(text, (BULLET_LABEL, CITATION, LINK))


def tokenize(text: str) -> list[Tok]:
    """Words, numbers and punctuation with offsets, sentence and claim-segment numbers."""
    masked = mask_markup(text)
    raw = [
        (m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(masked)
        if m.group() not in _DROPPED
    ]
    lows = [word.lower() for word, _, _ in raw]
    # Where each sentence but the last ends: a token at or after it is in a later sentence.
    ends = [end for _, end in sentence_spans(masked, within_quotes=True)][:-1]
    ends.append(len(masked) + 1)
    tokens: list[Tok] = []
    sentence = segment = clause = 0
    boundary = ends[0]
    for k, (word, start, end) in enumerate(raw):
        low = lows[k]
        if low in _CONTRAST or (
            low == "while" and any(w in ATTRIBUTION for w in lows[k + 1 : k + 9])
        ):
            segment += 1
        if word in _CLAUSE_BREAKS:
            clause += 1
        while start >= boundary:
            sentence += 1
            clause += 1
            boundary = ends[sentence]
        tokens.append(Tok(word, low, start, end, sentence, segment, clause))
    return tokens


# --- quantities ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Qty:
    low: int | None
    high: int | None
    best: int | None
    start: int
    end: int
    kind: str  # "number", "vague", "singular", "ordinal"


def small_number(word: str) -> int | None:
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    head, dash, tail = word.partition("-")
    if dash and head in _TENS and tail in _UNITS and 0 < _UNITS[tail] < 10:
        return _TENS[head] + _UNITS[tail]
    return None


def _segment_at(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """A number below one hundred in words: "seven", "twenty-one", "twenty one"."""
    if i >= len(toks) or (value := small_number(toks[i].low)) is None:
        return None
    if value in _TENS.values() and i + 1 < len(toks) and 0 < _UNITS.get(toks[i + 1].low, 0) < 10:
        return value + _UNITS[toks[i + 1].low], i + 2
    return value, i + 1


def _word_number_at(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """Numbers in words up to the thousands: "one hundred and twenty", "two thousand"."""
    first = _segment_at(toks, i)
    if first is None:
        return None
    total, (current, j) = 0, first
    while j < len(toks) and toks[j].low in _SCALES:
        if toks[j].low == "hundred":
            current *= 100
        else:
            total, current = total + current * 1000, 0
        j += 1
        k = j + 1 if j < len(toks) and toks[j].low == "and" else j
        if (more := _segment_at(toks, k)) is not None:
            current += more[0]
            j = more[1]
    return total + current, j


def _number_at(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """A cardinal in digits or words, unless it reads as a date, year, sum, time or age."""
    if i >= len(toks):
        return None
    tok = toks[i]
    if INTEGER.fullmatch(tok.text):
        if len(tok.text) == 4 and 1800 <= int(tok.text) <= 2099:
            return None  # a year
        value, end = int(tok.text.replace(",", "")), i + 1
        before = toks[i - 1] if i else None
        if (
            before is not None
            and before.is_word
            and before.is_capitalized
            and before.low not in _QUALIFIER_WORDS
            and before.low not in ACTIVE
            and not (i < 2 or toks[i - 2].text in ".!?")
        ):
            return None  # "Gangafani 2", "Resolution 2100": a name, not a count
    elif tok.low in ("a", "an", "one") and toks[i + 1 : i + 2] and toks[i + 1].low in _SCALES:
        value = 100 if toks[i + 1].low == "hundred" else 1000
        end = i + 2
    elif (words := _word_number_at(toks, i)) is not None:
        value, end = words
    else:
        return None
    before = toks[i - 1] if i else None
    if before is not None and (
        (before.text in MONTHS and INTEGER.fullmatch(tok.text))  # "August 6"; "August six" counts
        or before.text in _CURRENCY
        or (before.text == "." and i >= 2 and toks[i - 2].text in _MONTH_ABBREVIATIONS)
    ):
        return None
    if end < len(toks) and (toks[end].text in MONTHS or toks[end].low in _NOT_COUNT_AFTER):
        return None
    context = " ".join(t.low for t in toks[max(0, i - 3) : i])
    if context.endswith(("as young as", "as old as", "aged", "age", "ages")):
        return None
    return value, end


def _range_end(toks: list[Tok], j: int, low: int) -> tuple[int, int] | None:
    """ "to M", "or M", "-M" after N: a range when M is larger."""
    if j < len(toks) and toks[j].low in ("to", "or", "-", "–"):
        upper = _number_at(toks, j + 1)
        if upper is not None and upper[0] > low:
            return upper
    return None


def _vague_qty(
    toks: list[Tok], j: int, words: tuple[str, ...], value: int, mode: str | None
) -> Qty | None:
    """ "dozens (of)", "up to several hundred": the minimal reading of a vague quantity, as
    a bound only: no number is given, so the best figure stays unknown (null)."""
    end = j + len(words)
    if words[-1] in _VAGUE_OPTIONAL_OF and end < len(toks) and toks[end].low == "of":
        end += 1
    if mode == _UPTO:
        return Qty(None, value, None, j, end, "vague")
    if mode == _APPROX:
        return Qty(value, value, None, j, end, "vague")
    if mode == _RANGE:
        return None
    return Qty(value, None, None, j, end, "vague")


def _core_at(toks: list[Tok], j: int, mode: str | None) -> Qty | None:
    """The number or vague word itself, shaped by the qualifier before it."""
    if j >= len(toks):
        return None
    low = toks[j].low
    if mode is None and low in ("a", "an") and j + 1 < len(toks) and toks[j + 1].low in _ORDINALS:
        k = _ORDINALS[toks[j + 1].low]
        return Qty(k, k, k, j, j + 2, "ordinal")
    for words, value in _VAGUE_BY_FIRST.get(low, ()):
        if tuple(t.low for t in toks[j : j + len(words)]) == words:
            return _vague_qty(toks, j, words, value, mode)
    if (hyphen := _HYPHEN_RANGE.fullmatch(toks[j].text)) is not None:
        first, second = int(hyphen.group(1)), int(hyphen.group(2))
        if first < second and mode in (None, _APPROX, _RANGE):
            return Qty(first, second, first, j, j + 1, "number")
    number = _number_at(toks, j)
    if number is None:
        if mode is None and low in ("a", "an"):
            return Qty(1, 1, 1, j, j + 1, "singular")
        return None
    value, end = number
    if mode == _RANGE:
        if end < len(toks) and toks[end].low == "and":
            upper = _number_at(toks, end + 1)
            if upper is not None and upper[0] >= value:
                return Qty(value, upper[0], value, j, upper[1], "number")
        return None
    if (upper := _range_end(toks, end, value)) is not None:
        return Qty(value, upper[0], value, j, upper[1], "number")
    return _shaped(toks, j, end, value, mode)


def _shaped(toks: list[Tok], j: int, end: int, value: int, mode: str | None) -> Qty:
    """A plain number shaped by "or more" / "or so" after it or the qualifier before it."""
    following = tuple(t.low for t in toks[end : end + 2])
    if following == ("or", "more"):
        return Qty(value, None, value, j, end + 2, "number")
    if following == ("or", "so"):
        return Qty(value, value, value, j, end + 2, "number")
    if mode == _OPEN:
        return Qty(value, None, value, j, end, "number")
    if mode == _UPTO:
        return Qty(None, value, None, j, end, "number")
    return Qty(value, value, value, j, end, "number")


def qty_at(toks: list[Tok], i: int) -> Qty | None:
    """A quantity starting at token ``i``, its qualifier included."""
    if i > 0 and toks[i - 1].low in _DETERMINERS:
        return None  # "the two journalists" points back; "no one" is not one
    for words, mode in _QUALIFIERS_BY_FIRST.get(toks[i].low, ()) if i < len(toks) else ():
        if tuple(t.low for t in toks[i : i + len(words)]) != words:
            continue
        core = _core_at(toks, i + len(words), mode)
        if core is not None and core.kind not in ("singular", "ordinal"):
            return replace(core, start=i)
        if words == ("another",):
            return Qty(1, 1, 1, i, i + 1, "number")
        break
    return _core_at(toks, i, None)


# Words that can open a quantity (digits aside): qualifiers, vague quantities, "a"/"an".
_QUANTITY_OPENERS = frozenset(_QUALIFIERS_BY_FIRST) | frozenset(_VAGUE_BY_FIRST) | {"a", "an"}


def may_start_quantity(low: str) -> bool:
    """Cheap necessary condition for ``qty_at``: most tokens cannot open a quantity, and
    ``_find_units`` tries every token (hot path)."""
    return low[:1].isdigit() or low in _QUANTITY_OPENERS or small_number(low) is not None
