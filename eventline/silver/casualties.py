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
| N; "a"/"an" + person, "another", "one other" (= 1) | N | N | N |
| at least N, more than N, over N, N or more, no fewer than N | N | null | N |
| up to N, as many as N, fewer/less than N, at most N | null | N | null |
| around, about, approximately, nearly, almost, roughly, some, an estimated N | N | N | N |
| between N and M, N to M, N-M, N or M | N | M | N |

"more than N" keeps low = N (not N+1), as ACLED does: the stored figure is the one written.
"up to N" states only a ceiling, so ``best`` stays null rather than guessing the ceiling.

Vague quantities get their minimal reading (``VAGUE_QUANTITIES``): low = best = value,
high = null. With "around" they become value/value/value, with "up to" null/value/null.

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
victims of the event's violence only. Named individuals ("kidnap Dr. Mahamadou Diawara"),
"casualties" as a count, "missing" and "captured" are not counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple, TypeVar

from eventline.silver.casualty_vocabulary import (
    APPROX,
    ASSAILANTS,
    CATEGORIES,
    EXACT,
    INJURED,
    KIDNAPPED,
    KILLED,
    OPEN,
    RANGE,
    UPTO,
    default_vocabulary,
)
from eventline.text.date_expressions import MONTH_NAMES
from eventline.text.markup import BULLET_LABEL, CITATION, LINK, blank
from eventline.text.sentences import sentence_spans


@dataclass(frozen=True)
class CasualtyCount:
    """One figure; ``high`` is None when open-ended, all None when the text gives nothing."""

    low: int | None
    high: int | None
    best: int | None
    phrase: str | None


NO_COUNT = CasualtyCount(None, None, None, None)


@dataclass(frozen=True)
class Casualties:
    """The four figures of one event record; ``assailants_killed`` never adds to victims."""

    killed: CasualtyCount
    injured: CasualtyCount
    kidnapped: CasualtyCount
    assailants_killed: CasualtyCount


_V = TypeVar("_V")
_VOCABULARY = default_vocabulary()
_W = _VOCABULARY.words

VAGUE_QUANTITIES: dict[str, int] = _VOCABULARY.vague_quantities
# Longest first, so "a few dozen" wins over "a few".
_VAGUE = sorted(
    ((tuple(k.split()), v) for k, v in VAGUE_QUANTITIES.items()), key=lambda kv: -len(kv[0])
)
_VAGUE_OPTIONAL_OF = _W["vague_optional_of"]
_EXACT, _OPEN, _UPTO, _APPROX, _RANGE = EXACT, OPEN, UPTO, APPROX, RANGE
_QUALIFIERS = list(_VOCABULARY.qualifiers)
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

_UNITS = {w: i for i, w in enumerate(_VOCABULARY.units)}
_TENS = {w: 10 * i for i, w in enumerate(_VOCABULARY.tens, 2)}
_SCALES = _VOCABULARY.scales
_ORDINALS = {w: i for i, w in enumerate(_VOCABULARY.ordinals, 2)}
_MONTHS = set(MONTH_NAMES)
_MONTH_ABBREVIATIONS = set(_W["month_abbreviations"])
_TITLES = set(_W["titles"]) | _MONTH_ABBREVIATIONS

# --- casualty vocabulary (schemas/reference/casualty_vocabulary.yaml) ----------------------

_ACTIVE: dict[str, str] = _VOCABULARY.active
# Nouns that take their victims after "of": "the death of", "claims the lives of".
_OF_ONLY = _VOCABULARY.of_nouns
_HOSTAGE_VERBS = _W["hostage_verbs"]
_HOLD_VERBS = _W["hold_verbs"]
_HOSTAGE_WORDS = _W["hostage_words"]
_PASSIVE: dict[str, str] = _VOCABULARY.passive
_AUXILIARIES = _W["auxiliaries"]
_PASSIVE_BRIDGES = _AUXILIARIES | _W["passive_bridges"]
_ACTIVE_BRIDGES = _W["active_bridges"]
_INJURY_NOUNS = _W["injury_nouns"]
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
_DETERMINERS = _W["determiners"]
_NOT_COUNT_AFTER = _W["not_count_after"]
_CURRENCY = {"$", "€", "£"}
_DASHES = {"—", "–", "-"}
_BREAKDOWN_OPENERS = _DASHES | {"(", ":"}
_PLACE_PREPOSITIONS = {"in", "at", "near"}
_CONTRAST = _W["contrast_words"]
_ATTRIBUTION = _W["attribution_words"]
_ADDITIVE_CUES = _W["additive_cues"]

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
_INTEGER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_HYPHEN_RANGE = re.compile(r"(\d+)[-–](\d+)")

_MONTH_RE = "|".join(sorted(_MONTHS))
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
_ZERO_NOUNS = _VOCABULARY.zero_nouns
_ZERO_NOUN_PHRASE = re.compile(
    r"\b(?:no|zero|without(?:\s+causing)?(?:\s+any)?"
    r"|(?:did|do|does)\s*(?:not|n't)\s+(?:result\s+in|cause|lead\s+to|produce|leave)\s+any"
    r"|(?:result|results|resulted|resulting|cause|causes|caused|causing|leave|leaves|left"
    r"|leaving)\s+(?:in\s+)?no)"
    r"\s+(?:reported\s+|known\s+|human\s+|immediate\s+)?"
    r"(casualties|victims|fatalities|deaths|injuries)\b",
    re.IGNORECASE,
)
_ZERO_VERBS = _VOCABULARY.zero_verbs
_ZERO_NOBODY = re.compile(
    r"\b(?:no[- ]?one|nobody|none)\b(?:\s+[\w.]+){0,4}?\s+(?:was|were|is|are|has\s+been"
    r"|have\s+been|got)\s+(?:reportedly\s+)?(killed|injured|wounded|hurt|harmed|kidnapped"
    r"|abducted)(?:\s+(?:or|and)\s+(killed|injured|wounded|hurt|harmed))?",
    re.IGNORECASE,
)


# --- tokens --------------------------------------------------------------------------------


class _Tok(NamedTuple):
    """A token; a named tuple because parsing one record builds hundreds (hot path)."""

    text: str
    low: str
    start: int
    end: int
    sentence: int
    segment: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()


def _masked(text: str) -> str:
    """Blank out the date label and citations (keeping offsets): "[News 24](#)" is no count."""
    return blank(text, (BULLET_LABEL, CITATION, LINK))


def _tokenize(text: str) -> list[_Tok]:
    """Words, numbers and punctuation with offsets, sentence and claim-segment numbers."""
    masked = _masked(text)
    raw = [
        (m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(masked)
        if m.group() not in _DROPPED
    ]
    lows = [word.lower() for word, _, _ in raw]
    ends = [end for _, end in sentence_spans(masked, within_quotes=True)]
    tokens: list[_Tok] = []
    sentence = segment = 0
    for k, (word, start, end) in enumerate(raw):
        low = lows[k]
        if low in _CONTRAST or (
            low == "while" and any(w in _ATTRIBUTION for w in lows[k + 1 : k + 9])
        ):
            segment += 1
        while sentence < len(ends) - 1 and start >= ends[sentence]:
            sentence += 1
        tokens.append(_Tok(word, low, start, end, sentence, segment))
    return tokens


# --- quantities ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Qty:
    low: int | None
    high: int | None
    best: int | None
    start: int
    end: int
    kind: str  # "number", "vague", "singular", "ordinal"


def _small_number(word: str) -> int | None:
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    head, dash, tail = word.partition("-")
    if dash and head in _TENS and tail in _UNITS and 0 < _UNITS[tail] < 10:
        return _TENS[head] + _UNITS[tail]
    return None


def _segment_at(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """A number below one hundred in words: "seven", "twenty-one", "twenty one"."""
    if i >= len(toks) or (value := _small_number(toks[i].low)) is None:
        return None
    if value in _TENS.values() and i + 1 < len(toks) and 0 < _UNITS.get(toks[i + 1].low, 0) < 10:
        return value + _UNITS[toks[i + 1].low], i + 2
    return value, i + 1


def _word_number_at(toks: list[_Tok], i: int) -> tuple[int, int] | None:
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


def _number_at(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """A cardinal in digits or words, unless it reads as a date, year, sum, time or age."""
    if i >= len(toks):
        return None
    tok = toks[i]
    if _INTEGER.fullmatch(tok.text):
        if len(tok.text) == 4 and 1800 <= int(tok.text) <= 2099:
            return None  # a year
        value, end = int(tok.text.replace(",", "")), i + 1
        before = toks[i - 1] if i else None
        if (
            before is not None
            and before.is_word
            and before.is_capitalized
            and before.low not in _QUALIFIER_WORDS
            and before.low not in _ACTIVE
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
        before.text in _MONTHS
        or before.text in _CURRENCY
        or (before.text == "." and i >= 2 and toks[i - 2].text in _MONTH_ABBREVIATIONS)
    ):
        return None
    if end < len(toks) and (toks[end].text in _MONTHS or toks[end].low in _NOT_COUNT_AFTER):
        return None
    context = " ".join(t.low for t in toks[max(0, i - 3) : i])
    if context.endswith(("as young as", "as old as", "aged", "age", "ages")):
        return None
    return value, end


def _range_end(toks: list[_Tok], j: int, low: int) -> tuple[int, int] | None:
    """ "to M", "or M", "-M" after N: a range when M is larger."""
    if j < len(toks) and toks[j].low in ("to", "or", "-", "–"):
        upper = _number_at(toks, j + 1)
        if upper is not None and upper[0] > low:
            return upper
    return None


def _vague_qty(
    toks: list[_Tok], j: int, words: tuple[str, ...], value: int, mode: str | None
) -> _Qty | None:
    """ "dozens (of)", "up to several hundred": the minimal reading of a vague quantity."""
    end = j + len(words)
    if words[-1] in _VAGUE_OPTIONAL_OF and end < len(toks) and toks[end].low == "of":
        end += 1
    if mode == _UPTO:
        return _Qty(None, value, None, j, end, "vague")
    if mode == _APPROX:
        return _Qty(value, value, value, j, end, "vague")
    if mode == _RANGE:
        return None
    return _Qty(value, None, value, j, end, "vague")


def _core_at(toks: list[_Tok], j: int, mode: str | None) -> _Qty | None:
    """The number or vague word itself, shaped by the qualifier before it."""
    if j >= len(toks):
        return None
    low = toks[j].low
    if mode is None and low in ("a", "an") and j + 1 < len(toks) and toks[j + 1].low in _ORDINALS:
        k = _ORDINALS[toks[j + 1].low]
        return _Qty(k, k, k, j, j + 2, "ordinal")
    for words, value in _VAGUE_BY_FIRST.get(low, ()):
        if tuple(t.low for t in toks[j : j + len(words)]) == words:
            return _vague_qty(toks, j, words, value, mode)
    if (hyphen := _HYPHEN_RANGE.fullmatch(toks[j].text)) is not None:
        first, second = int(hyphen.group(1)), int(hyphen.group(2))
        if first < second and mode in (None, _APPROX, _RANGE):
            return _Qty(first, second, first, j, j + 1, "number")
    number = _number_at(toks, j)
    if number is None:
        if mode is None and low in ("a", "an"):
            return _Qty(1, 1, 1, j, j + 1, "singular")
        return None
    value, end = number
    if mode == _RANGE:
        if end < len(toks) and toks[end].low == "and":
            upper = _number_at(toks, end + 1)
            if upper is not None and upper[0] >= value:
                return _Qty(value, upper[0], value, j, upper[1], "number")
        return None
    if (upper := _range_end(toks, end, value)) is not None:
        return _Qty(value, upper[0], value, j, upper[1], "number")
    return _shaped(toks, j, end, value, mode)


def _shaped(toks: list[_Tok], j: int, end: int, value: int, mode: str | None) -> _Qty:
    """A plain number shaped by "or more" / "or so" after it or the qualifier before it."""
    following = tuple(t.low for t in toks[end : end + 2])
    if following == ("or", "more"):
        return _Qty(value, None, value, j, end + 2, "number")
    if following == ("or", "so"):
        return _Qty(value, value, value, j, end + 2, "number")
    if mode == _OPEN:
        return _Qty(value, None, value, j, end, "number")
    if mode == _UPTO:
        return _Qty(None, value, None, j, end, "number")
    return _Qty(value, value, value, j, end, "number")


def _qty_at(toks: list[_Tok], i: int) -> _Qty | None:
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
            return _Qty(1, 1, 1, i, i + 1, "number")
        break
    return _core_at(toks, i, None)


# Words that can open a quantity (digits aside): qualifiers, vague quantities, "a"/"an".
_QUANTITY_OPENERS = frozenset(_QUALIFIERS_BY_FIRST) | frozenset(_VAGUE_BY_FIRST) | {"a", "an"}


def _may_start_quantity(low: str) -> bool:
    """Cheap necessary condition for ``_qty_at``: most tokens cannot open a quantity, and
    ``_find_units`` tries every token (hot path)."""
    return low[:1].isdigit() or low in _QUANTITY_OPENERS or _small_number(low) is not None


# --- noun phrases and list items -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Item:
    qty: _Qty
    words: tuple[str, ...]
    start: int
    end: int
    located: bool
    unquantified: bool = False


def _is_trigger_word(low: str) -> bool:
    return (
        low in _ACTIVE
        or low in _PASSIVE
        or low in _HOSTAGE_VERBS
        or low in _HOLD_VERBS
        or low in ("sustain", "sustains", "sustained", "suffer", "suffers", "suffered")
        or low in ("succumb", "succumbs", "succumbed", "lost", "lose", "leave", "leaves", "left")
    )


def _np_at(toks: list[_Tok], j: int) -> tuple[tuple[str, ...], int]:
    """The words naming who was counted: "U.N. peacekeepers from Guinea", "of the attackers"."""
    words: list[str] = []
    k = j
    while k < len(toks) and len(words) < 10:
        tok = toks[k]
        if not tok.is_word or _INTEGER.fullmatch(tok.text) or _is_trigger_word(tok.low):
            break
        if tok.low == "of":
            words.append("of")
            k += 1
            if k < len(toks) and toks[k].low in ("the", "its", "their", "his", "her", "them"):
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
        if tok.low in _NP_STOP or _small_number(tok.low) is not None:
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


def _is_militant(words: tuple[str, ...]) -> bool:
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


def _has_singular_person(words: tuple[str, ...]) -> bool:
    return _head_person(words) in _PERSON_SINGULAR


def _has_plural_person(words: tuple[str, ...]) -> bool:
    return any(w in _PERSON_PLURAL or re.fullmatch(r"[a-z]+ians?s", w) for w in words)


def _location_end(toks: list[_Tok], k: int) -> int:
    """Skip "in Gorey", "at Sebekoro": places separate the parts of a sum."""
    if k + 1 < len(toks) and toks[k].low in _PLACE_PREPOSITIONS:
        m = k + 1
        while m < len(toks) and m < k + 4 and toks[m].is_word and toks[m].is_capitalized:
            if toks[m].text in _MONTHS or toks[m].low == "the":
                break
            m += 1
        if m > k + 1:
            return m
    return k


def _item_at(toks: list[_Tok], i: int) -> _Item | None:
    """A counted mention: quantity, the noun phrase after it, and an optional place."""
    qty = _qty_at(toks, i)
    if qty is None:
        return None
    words, end = _np_at(toks, qty.end)
    if words[:1] == ("of",):
        rest = words[1:]
        if rest[:1] in (("whom",), ("which",)):
            return None  # "12 of whom were German": part of a figure already counted
        after = [w for w in rest if w not in ("the", "its", "their", "his", "her")]
        if after and (after[0].endswith("est") or after[0] in _SUPERLATIVE_OTHERS):
            return None  # "one of the largest number of casualties"
    if [t.low for t in toks[end : end + 2]] in (["of", "whom"], ["of", "which"]):
        return None  # "12 of whom were German": part of a figure already counted
    if any(w in _NON_PERSON for w in words):
        return None
    if qty.kind in ("singular", "ordinal") and not _has_singular_person(words):
        return None
    located_end = _location_end(toks, end)
    return _Item(qty, words, qty.start, located_end, located_end > end)


def _unquantified_at(toks: list[_Tok], j: int) -> _Item | None:
    """ "his wife" (one) or "civilians" (some, uncounted) inside a list of counted victims."""
    possessive = j < len(toks) and toks[j].low in ("his", "her", "their")
    words, end = _np_at(toks, j + 1 if possessive else j)
    if not words or any(w in _NON_PERSON for w in words):
        return None
    if possessive and _has_singular_person(words):
        return _Item(_Qty(1, 1, 1, j, end, "number"), words, j, end, False)
    if _has_plural_person(words):
        return _Item(_Qty(0, None, 0, j, end, "number"), words, j, end, False, True)
    return None


# --- binding a list of items to a casualty verb --------------------------------------------


@dataclass(frozen=True, slots=True)
class _Trigger:
    category: str
    start: int
    end: int
    kind: str  # "plain", "hostage" (take N hostages), "hold" (hold N civilians)


def _left_trigger(toks: list[_Tok], start: int) -> _Trigger | None:
    """The active verb right before a list: "kills at least 26", "the death of 500"."""
    k = start - 1
    while k >= 0 and toks[k].low in _ACTIVE_BRIDGES:
        k -= 1
    if k >= 1 and toks[k].low == "with" and toks[k - 1].low == "along":
        k -= 2
    if k < 0:
        return None
    if toks[k].low == "of":
        w = toks[k - 1].low if k else ""
        category = _OF_ONLY.get(w) or _ACTIVE.get(w)
        return _Trigger(category, k - 1, k + 1, "plain") if category else None
    w = toks[k].low
    if w in _ACTIVE:
        return _Trigger(_ACTIVE[w], k, k + 1, "plain")
    if w in _HOSTAGE_VERBS:
        return _Trigger(KIDNAPPED, k, k + 1, "hostage")
    if w in _HOLD_VERBS:
        return _Trigger(KIDNAPPED, k, k + 1, "hold")
    if w in ("to", "at", "of", "is", "was", "reaches", "reached", "hits", "hit"):
        lows = [t.low for t in toks]
        for m in range(max(0, k - 3), k):
            if lows[m : m + 2] == ["death", "toll"]:
                return _Trigger(KILLED, m, k + 1, "plain")  # "the death toll rises to 30"
    return None


def _right_trigger(toks: list[_Tok], j: int) -> _Trigger | None:
    """The passive verb or noun after a list: "are killed", "dead", "sustain injuries"."""
    k = j
    if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].low in ("who", "which"):
        close = next((m for m in range(k + 2, min(len(toks), k + 16)) if toks[m].text == ","), None)
        if close is None:
            return None
        k = close + 1  # skip ", who is a Jordanian national,"
    auxiliary = False
    bridges = 0
    while k < len(toks) and toks[k].low in _PASSIVE_BRIDGES and bridges < 5:
        auxiliary = auxiliary or toks[k].low in _AUXILIARIES
        bridges += 1
        k += 1
    if k >= len(toks):
        return None
    w = toks[k].low
    after = [t.low for t in toks[k + 1 : k + 3]]
    if w in ("taken", "held") and after[:1] and after[0] in _HOSTAGE_WORDS:
        return _Trigger(KIDNAPPED, k, k + 2, "plain") if auxiliary else None
    if w in ("sustain", "sustains", "sustained", "suffer", "suffers", "suffered"):
        for offset, word in enumerate(after):
            if word in _INJURY_NOUNS:
                return _Trigger(INJURED, k, k + offset + 2, "plain")
        return None
    if w in ("lost", "lose") and after == ["their", "lives"]:
        return _Trigger(KILLED, k, k + 3, "plain")
    if w in ("succumb", "succumbs", "succumbed"):
        return _Trigger(KILLED, k, k + 1, "plain")
    if w in _PASSIVE:
        category = _PASSIVE[w]
        if category == KIDNAPPED and not auxiliary:
            return None  # "diplomats kidnapped by MUJAO are released": a reduced relative
        if not auxiliary and w in _ACTIVE and _qty_at(toks, k + 1) is not None:
            return None  # "two Islamists killed 20 people": the verb is active
        return _Trigger(category, k, k + 1, "plain")
    return None


def _joiner_end(toks: list[_Tok], k: int) -> int | None:
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


def _breakdown_end(toks: list[_Tok], k: int) -> int | None:
    """ "—14 in Boya and three in Gaena—", "(8 soldiers)", ": 3 soldiers": skip to its end."""
    if k >= len(toks) or toks[k].text not in _BREAKDOWN_OPENERS:
        return None
    if toks[k].text == "-" and toks[k].start > 0 and toks[k - 1].end == toks[k].start:
        return None  # a hyphen, not a dash
    nxt = k + 1
    if nxt < len(toks) and toks[nxt].low == "including":
        nxt += 1
    if _item_at(toks, nxt) is None:
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
        if opener in _DASHES and is_dash:
            return m + 1
        m += 1
    return m


@dataclass(frozen=True, slots=True)
class _Chain:
    items: tuple[_Item, ...]
    end: int  # token after the last item (or after a skipped breakdown)
    open_ended: bool


def _chain_at(toks: list[_Tok], first: _Item, left_bound: bool) -> _Chain:
    """Items joined by commas and "and": "four in Gorey, four in Djamnati, and one in X"."""
    items = [first]
    open_ended = False
    k = first.end
    joiners: list[str] = []
    while True:
        if (skip := _breakdown_end(toks, k)) is not None:
            k = skip
            break
        j = _joiner_end(toks, k)
        if j is None:
            break
        nxt = _item_at(toks, j) or _unquantified_at(toks, j)
        if nxt is None:
            break
        if left_bound and _right_trigger(toks, nxt.end) is not None:
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


@dataclass(frozen=True, slots=True)
class _Unit:
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


_Triple = tuple[int | None, int | None, int | None]


def _sum(counts: list[_Triple]) -> _Triple:
    """Add parts: unknown lows/bests count as nothing, any open-ended part opens the sum."""
    lows = [c[0] for c in counts if c[0] is not None]
    bests = [c[2] for c in counts if c[2] is not None]
    high = None if any(c[1] is None for c in counts) else sum(c[1] or 0 for c in counts)
    return (sum(lows) if lows else None, high, sum(bests) if bests else None)


def _units_from_chain(
    text: str, toks: list[_Tok], chain: _Chain, trigger: _Trigger, left_open: bool
) -> list[_Unit]:
    """Split one bound list into categories: victims, and militants killed apart."""
    by_category: dict[str, list[_Item]] = {}
    for item in chain.items:
        category = trigger.category
        if category == KILLED and _is_militant(item.words):
            category = ASSAILANTS
        if trigger.kind in ("hostage", "hold"):
            after = toks[item.end].low if item.end < len(toks) else ""
            hostage = any(w in _HOSTAGE_WORDS for w in item.words) or after in _HOSTAGE_WORDS
            person = _has_plural_person(item.words) or _has_singular_person(item.words)
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
        low, high, best = _sum([(it.qty.low, it.qty.high, it.qty.best) for it in counted])
        if chain.open_ended or left_open:
            high = None
        ordinal = counted[0].qty.best if counted[0].qty.kind == "ordinal" else None
        units.append(
            _Unit(
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
            )
        )
    return units


def _left_unquantified(toks: list[_Tok], start: int) -> bool:
    """ "The Malian drivers and a staff member are killed": more victims than counted."""
    k = start - 1
    if k < 1 or toks[k].low not in ("and", ","):
        return False
    k -= 1
    if toks[k].text == ",":
        k -= 1
    return k >= 0 and _has_plural_person((toks[k].low,))


def _find_units(text: str, toks: list[_Tok]) -> list[_Unit]:
    units: list[_Unit] = []
    i = 0
    while i < len(toks):
        item = _item_at(toks, i) if _may_start_quantity(toks[i].low) else None
        if item is None:
            i += 1
            continue
        before = [t.low for t in toks[max(0, i - 2) : i]]
        if before[-1:] == ["including"] or (
            before[:1] == ["among"] and before[1:] in (["them"], ["whom"], ["those"])
        ):
            i = item.end  # part of a total already given
            continue
        left = _left_trigger(toks, item.start)
        chain = _chain_at(toks, item, left is not None)
        right = None if left else _right_trigger(toks, chain.end)
        trigger = left or right
        if trigger is None:
            i = max(item.end, i + 1)
            continue
        left_open = right is not None and _left_unquantified(toks, item.start)
        units.extend(_units_from_chain(text, toks, chain, trigger, left_open))
        i = max(chain.end, trigger.end)
    return units


def _segment_is_rival_claim(toks: list[_Tok], segment: int) -> bool:
    words = {t.low for t in toks if t.segment == segment}
    return bool(words & _ATTRIBUTION) and not words & _ADDITIVE_CUES


def _new_incident_between(text: str, toks: list[_Tok], head: _Unit, unit: _Unit) -> bool:
    """A cue ("That same day", "also", "On June 5,") between a total and a later figure."""
    if _NEW_INCIDENT.search(text, head.end, unit.start):
        return True
    openings = {t.sentence: t.start for t in reversed(toks)}
    return any(
        _DATED_OPENING.match(text, openings[s])
        for s in range(head.sentence + 1, unit.sentence + 1)
        if s in openings
    )


@dataclass
class _Incident:
    unit: _Unit
    consumed: int = 0


def _combine(text: str, toks: list[_Tok], units: list[_Unit]) -> CasualtyCount:
    """Add distinct figures, fold breakdowns into their total, keep rival claims apart."""
    alternatives: list[list[_Incident]] = [[]]
    last: _Unit | None = None
    for unit in units:
        group = alternatives[-1]
        if unit.ordinal is not None:
            running = _sum([(i.unit.low, i.unit.high, i.unit.best) for i in group])[2]
            if running == unit.ordinal - 1:
                group.append(_Incident(replace(unit, low=1, high=1, best=1)))
            continue
        if (
            last is not None
            and group
            and unit.segment != last.segment
            and _segment_is_rival_claim(toks, unit.segment)
        ):
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
    totals: list[_Triple] = []
    phrases: list[str] = []
    for group in alternatives:
        if not group:
            continue
        totals.append(_sum([(i.unit.low, i.unit.high, i.unit.best) for i in group]))
        phrases.extend(p for p in (i.unit.phrase for i in group) if p not in phrases)
    if not totals:
        return NO_COUNT
    if len(totals) == 1:
        low, high, best = totals[0]
    else:
        lows = [t[0] for t in totals if t[0] is not None]
        bests = [t[2] for t in totals if t[2] is not None]
        highs = [t[1] for t in totals]
        low = min(lows) if lows else None
        high = None if any(h is None for h in highs) else max(h or 0 for h in highs)
        best = min(bests) if bests else None
    return CasualtyCount(low, high, best, " | ".join(phrases))


def _explicit_zeros(text: str) -> dict[str, str]:
    """Categories the text says were spared ("leaving no casualties"), with the words."""
    zeros: dict[str, str] = {}
    masked = _masked(text)
    for m in _ZERO_NOUN_PHRASE.finditer(masked):
        for category in _ZERO_NOUNS[m.group(1).lower()]:
            zeros.setdefault(category, text[m.start() : m.end()])
    for m in _ZERO_NOBODY.finditer(masked):
        for verb in (m.group(1), m.group(2)):
            if verb:
                zeros.setdefault(_ZERO_VERBS[verb.lower()], text[m.start() : m.end()])
    return zeros


def parse_casualties(text: str) -> Casualties:
    """Casualty figures of one event record (a timeline bullet or a narrative sentence)."""
    toks = _tokenize(text)
    units = _find_units(text, toks)
    zeros = _explicit_zeros(text)
    counts: dict[str, CasualtyCount] = {}
    for category in CATEGORIES:
        count = _combine(text, toks, [u for u in units if u.category == category])
        if count == NO_COUNT and category in zeros:
            count = CasualtyCount(0, 0, 0, zeros[category])
        counts[category] = count
    return Casualties(
        killed=counts[KILLED],
        injured=counts[INJURED],
        kidnapped=counts[KIDNAPPED],
        assailants_killed=counts[ASSAILANTS],
    )
