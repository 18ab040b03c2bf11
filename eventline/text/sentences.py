"""Split text into sentences with character spans: the one splitter every layer uses.

Bronze keeps each dated sentence of a paragraph as a record; silver reads an event's lead
sentence for its place and type; gold scopes actor roles and casualty breakdowns to a
sentence. They must agree on what a sentence is, so there is one splitter, and it must be
cheap and linear in the text (a 5 MB line is one paragraph): one compiled pattern finds the
candidate ends, and each candidate is judged on its few neighbouring characters.

A sentence ends at ``.``, ``!`` or ``?`` (with closing quotes or brackets) before white space,
or at a line break, except:

* after an abbreviation: titles (``Gen.``, ``Dr.``, ``Sgt.``) never end a sentence; ``No.``
  and ``p.`` not before a number; others (``Sept.``, ``Inc.``, ``etc.``) only before a capital;
  initials (``J. Riddering``, ``A. Senegal``) never; dotted abbreviations (``U.S.``, ``a.m.``)
  only before a word that usually starts a sentence (``U.S. The army``, not ``U.S. Army``);
* inside quotation marks or brackets (``“... front. People think ...”``), up to a bound so a
  stray quote cannot join a whole document;
* ``!`` before a lower-case word (``Done! the end``), and a closing quote before anything
  but a capital or a digit (``violence.” (Sources: ...)``);
* numbered items (``7. On 27 April``) start a sentence when the paragraph numbers them in
  sequence: the number opens the next sentence instead of ending the previous one.

These are the rules of pysbd 0.3.4 (the splitter used before) that matter in reports; its
abbreviation list is kept below. The bench's snapshot lists where the two differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventline.text.words import word_set


@dataclass(frozen=True)
class Sentence:
    """A sentence as written (stripped) and its [start, end) span in the split text."""

    text: str
    start: int
    end: int


# pysbd's English abbreviations (lower case, without the final dot).
_PREPOSITIVE = word_set(
    "adm attys brig capt cmdr col cpl det dr gen gov ing lt maj mr mrs ms mt messrs mssrs prof"
    " ph rep reps rev sen sens sgt st supt v vs fig"
)
_BEFORE_NUMBER = word_set("art ext no nos p pp")
_OTHER = word_set(
    "adj adv al ala alta apr arc ariz ark assn asst aug ave bart bld bldg blvd bros btw cal"
    " calif cl co colo comdr con conn corp cres ct dak dec del dept dist drs ens esp esq etc"
    " exp expy feb fed fla ft fwy fy ga hon hosp hr hway hwy ia id ida ill inc ind insp is jan"
    " jr jul jun kan kans ken ky la ltd man mar mass may md me med mex mfg mich min minn miss"
    " mlle mm mme mo mont msgr mtn neb nebr nev nov nr oct ok okla ont op ord ore pa pd pde"
    " penn penna pfc pl plz pvt que rd rs ref res rt sask sec sep sept sfc sr surg tce tenn tex"
    " univ usafa ut va ver viz vt wash wis wisc wy wyo yuk"
)
# Dotted abbreviations that may end a sentence, and the words that then start the next one.
_DOTTED_ENDINGS = frozenset({"u.s", "u.k", "e.u", "u.s.a"})
_STARTERS = word_set(
    "A Being Did For He How However I In It Millions More She That The There They We What"
    " When Where Who Why"
)
_CLOSERS = "\"”’')]"
# A candidate end: terminal punctuation and closers before white space or the end; or a
# line break (a paragraph joined from lines has none).
_END = re.compile(
    rf"(?P<punct>[.!?]++)(?P<close>[{re.escape(_CLOSERS)}]*+)"
    r"(?=(?P<space>\s+)(?P<next>\S)|\s*\Z)|\n"
)
_WORD_BEFORE = re.compile(r"(?<![A-Za-z.])[A-Za-z](?:[A-Za-z.]{0,30})\Z")
_NEXT_WORD = re.compile(r"[^\s,.;:]+")
# Spans whose inner punctuation ends nothing, as (opening, closing, characters not allowed
# inside); bounded so that a lone quote stays local.
_QUOTED_MAX = 600
_PAIRS = {"“": ("”", "\n"), '"': ('"', "\n"), "(": (")", "(\n"), "[": ("]", "\n"), "«": ("»", "\n")}
# "7. On 27 April": a list number at the start, after a sentence end or after a heading word.
_ITEM = re.compile(
    rf"(?:\A\s*|[.!?][{re.escape(_CLOSERS)}]*\s+|(?<!\w)[A-Z][\w’'-]*\s+)"
    r"(?P<number>\d{1,2})\.(?=\s+[A-Z])"
)
_ITEM_HINT = re.compile(r"\d\.\s+[A-Z]")


class _NextOf:
    """The next occurrence of each character at or after a position that only moves forward:
    each character is looked up again only once passed, so all lookups cost O(len(text))."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, int] = {}

    def __call__(self, char: str, pos: int) -> int:
        at = self.found.get(char, -2)
        if at == -2 or (at != -1 and at < pos):
            at = self.text.find(char, pos)
            self.found[char] = at
        return at


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """What ``re.finditer`` of the alternation of the bounded pairs (opening, at most
    ``_QUOTED_MAX`` allowed characters, closing) finds: leftmost first, non-overlapping."""
    openings = [c for c in _PAIRS if c in text]
    if not openings:
        return []
    next_of = _NextOf(text)
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        starts = [(at, c) for c in openings if (at := next_of(c, pos)) != -1]
        if not starts:
            return spans
        at, opening = min(starts)
        closing, forbidden = _PAIRS[opening]
        close = next_of(closing, at + 1)
        if close == -1:  # never closed from here on: no more spans of this kind
            openings.remove(opening)
            continue
        blocked = [i for c in forbidden if (i := next_of(c, at + 1)) != -1]
        if close - at - 1 <= _QUOTED_MAX and all(i > close for i in blocked):
            spans.append((at, close + 1))
            pos = close + 1
        else:
            pos = at + 1


def _numbered_items(text: str) -> dict[int, int]:
    """Start offset -> end of "N." for the numbered items of a list written in sequence."""
    if _ITEM_HINT.search(text) is None:
        return {}
    items = [(int(m.group("number")), m.start("number"), m.end()) for m in _ITEM.finditer(text)]
    numbers = {number for number, _, _ in items}
    return {
        start: end
        for number, start, end in items
        if number - 1 in numbers or number + 1 in numbers or not text[:start].strip()
    }


def _abbreviation_allows(word: str, following: str, text: str, after: int) -> bool | None:
    """Whether a period after ``word`` may end the sentence; None when ``word`` is plain."""
    low = word.lower()
    if "." in low:
        if not re.fullmatch(r"(?:[a-z]\.)+[a-z]", low):
            return None
        if low not in _DOTTED_ENDINGS:
            return False
        nxt = _NEXT_WORD.match(text, after)
        return nxt is not None and nxt.group() in _STARTERS
    if len(low) == 1 and low not in _BEFORE_NUMBER and low != "v":
        return False  # an initial: "J. Riddering", "A. Senegal"
    if low in _PREPOSITIVE:
        return False
    if low in _BEFORE_NUMBER:
        return not (following.isdigit() or following == "(") and not following.islower()
    if low in _OTHER:
        return following.isupper()
    return None


def _ends_here(text: str, match: re.Match[str]) -> bool:
    """Whether the candidate end ``match`` really ends a sentence."""
    if match.group() == "\n":
        return True
    following = match.group("next")
    if following is None:
        return True
    punct, close = match.group("punct"), match.group("close")
    after = match.end() + len(match.group("space"))
    if close and close[-1] in "\"”’'":
        return following.isupper() or following.isdigit()
    if punct[0] == "!":
        return not following.islower()
    if punct != ".":
        return True
    start = match.start("punct")
    word = _WORD_BEFORE.search(text, max(0, start - 32), start)
    if word is None:
        return True
    allowed = _abbreviation_allows(word.group(), following, text, after)
    return True if allowed is None else allowed


def _inside(start: int, end: int, spans: list[tuple[int, int]], cursor: list[int]) -> bool:
    """Whether [start, end) lies inside one of the sorted ``spans`` without reaching its
    closing mark (``“... front. People”``, not ``... front.”``); ``cursor`` only moves on."""
    i = cursor[0]
    while i < len(spans) and spans[i][1] <= start:
        i += 1
    cursor[0] = i
    return i < len(spans) and spans[i][0] < start and end < spans[i][1]


def _boundaries(text: str, within_quotes: bool) -> list[int]:
    """Offsets where a sentence ends (exclusive), in order; linear in ``text``."""
    quoted = [] if within_quotes else _quoted_spans(text)
    items = _numbered_items(text) if "." in text else {}
    item_ends = set(items.values())
    cuts: list[int] = []
    cursor = [0]
    for match in _END.finditer(text):
        end = match.end()
        if match.group() != "\n":
            if end in item_ends or _inside(match.start(), end, quoted, cursor):
                continue
            if not _ends_here(text, match):
                continue
        cuts.append(end)
    cuts.extend(start for start in items if start)  # an item opens a sentence: cut before it
    return sorted(set(cuts))


def split_sentences(text: str, *, within_quotes: bool = False) -> list[Sentence]:
    """Sentences of ``text``, stripped of surrounding white space, in order.

    With ``within_quotes``, a quotation's own sentences end sentences too: "He said: “Mali
    is a front. People think ...”" then leads with "He said: “Mali is a front." (for a
    record's lead clause; a record itself is never cut inside a quotation).
    """
    return list(_split(text, within_quotes))


@lru_cache(maxsize=4096)
def _split(text: str, within_quotes: bool) -> tuple[Sentence, ...]:
    """Cached: silver and gold split the same record text for several rules."""
    sentences: list[Sentence] = []
    start = 0
    for cut in [*_boundaries(text, within_quotes), len(text)]:
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped:
            offset = start + (len(piece) - len(piece.lstrip()))
            sentences.append(Sentence(stripped, offset, offset + len(stripped)))
        start = max(start, cut)
    return tuple(sentences)


def sentence_spans(text: str, *, within_quotes: bool = False) -> list[tuple[int, int]]:
    """The [start, end) spans of :func:`split_sentences`, for callers that keep offsets."""
    return [(s.start, s.end) for s in split_sentences(text, within_quotes=within_quotes)]
