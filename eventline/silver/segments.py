"""Cut bronze records into segments: one per incident told, each with its own date and text.

A bronze record is a bullet or a dated sentence. It becomes one segment, or several when
it tells several incidents:

* a bullet's later sentence that opens with its own date ("… . That same day, militants
  ambushed …", "Also on July 25, …", "In a second attack on the same day, …");
* a clause with its own date after ``;``, ", and", ", whereas" or " and on"
  ("…; the following night, militants returned", "… on 11 May and on 22 June was taken
  into custody", "…; the company had suspended construction on March 27"), or a second
  predicate after a bare "and" with an event verb and a full date of its own ("took
  Tarvana on 21 January and entered Olmeda on 27 January"), or one eliding the first
  one's verb ("and out of Olmeda two days later": ``elided``, typed like the first);
* a date told in passing beside another one (", created by a vote in January 2020, had
  delivered a report in July 2020"; "… decorated soldiers for repelling the November
  attack").

A narrative segment's text is its part of the dated sentence plus the undated sentences
after it in the paragraph (they carry the tolls: "… attacked a base. 23 soldiers killed.").
A later sentence whose only date leans on this one ("6 killed, one of his wounds two days
later", "the army announced on 9 April that 52 soldiers had been killed") is added to this
segment's text too, and is still a segment of its own that says which one it ``continues``.

Each segment is dated in reading order (:mod:`eventline.silver.record_dates`), so that
"the same night" and "Less than 48 hours later" lean on the segment told just before.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from eventline.ids import stable_id
from eventline.silver.casualty_vocabulary import (
    default_vocabulary as default_casualty_vocabulary,
)
from eventline.silver.date_roles import (
    ALTERNATIVE,
    APPOSITIVE,
    ATTRIBUTIVE,
    EVENT,
    FRAMING,
    FROM,
    PLANNED,
    REPORT,
    SINCE,
    another_incident,
    is_lead_in,
    leads,
    role_of,
)
from eventline.silver.dates import kind_rank
from eventline.silver.place_vocabulary import default_vocabulary as default_place_vocabulary
from eventline.silver.record_dates import DateOutcome, DocumentDater
from eventline.text.date_expressions import (
    EVENT_NOUNS,
    YEAR_LESS_KINDS,
    DateExpression,
    find_date_expressions,
)
from eventline.text.sentences import split_sentences

Row = Mapping[str, Any]

SPLIT_SENTENCE = "sentence"
SPLIT_CLAUSE = "clause"
SPLIT_REFERENCE = "reference"
# A clause that elides the verb of the one before ("and out of Olmeda two days later").
SPLIT_ELIDED = "elided"
# Dates precise enough to open a new incident inside a bullet ("On March 21", "That same
# day", "The following night"): not a bare year or month of background.
_DAY_KINDS = frozenset(
    {
        "full_date",
        "month_day",
        "date_range",
        "month_day_range",
        "day_list",
        "iso_date",
        "numeric_date",
        "numeric_range",
        "weekday",
        "weekday_range",
        "relative",
        "week",
    }
)
_EXPLICIT_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_SEMICOLON = re.compile(r";\s*")
_CONJUNCTION = re.compile(r",\s+(?=(?P<word>and|while|whereas|but|then)\s+(?P<next>\S+))")
_AND_ON = re.compile(r"\s+(?=and\s+(?:on|in|at|during|by|from)\s*$)")
_ANAPHORIC = frozenset({"relative", "weekday", "weekday_range"})
# A date that says by itself which day it is ("21 January", "14/03/2022"), not one that
# leans on another ("the next day", "Tuesday"): each of two predicates needs its own.
_OWN_DATE_KINDS = _DAY_KINDS - _ANAPHORIC - {"week"}
# " and entered Olmeda on ": a bare "and" (no comma: those are cut above), maybe an adverb,
# then the second predicate's verb; nothing but its object before its date.
_AND_VERB = re.compile(
    r"^\s+and\s+(?:then\s+|later\s+|also\s+|subsequently\s+)?(?P<verb>[a-z]+)\b[^,;.]*$"
)
# " and out of Olmeda two days later": the first predicate's verb elided, a preposition and
# another place named after the "and".
_AND_ELIDED = re.compile(
    r"^\s+and\s+(?:then\s+|later\s+|also\s+)?(?:out\s+of|from|into|in|at|near|to)\s+[A-Z][^,;.]*$"
)
_ROLE_RANK = {EVENT: 0, REPORT: 1, APPOSITIVE: 2, SINCE: 2, FROM: 2, PLANNED: 3, ALTERNATIVE: 4}
# A date named as an event's attribute that stands for another incident: "the November
# attack", "Saturday's attack" (not "the February 2022 conclusion of …", told in passing).
_REFERENCE_KINDS = frozenset({"month", "weekday"})
# What follows a date that names an incident of its own: "Saturday's attack", "the November
# raids", "the Friday night ambush"; not "a Sunday service", "Friday prayers".
_NAMES_INCIDENT = re.compile(rf"^(?:['’]s)?(?:\s+[a-z]+){{0,2}}?\s+{EVENT_NOUNS}\b")


@dataclass(frozen=True)
class Segment:
    """One silver record's worth of a bronze record: its text, lines and date.

    ``record_id`` is the bronze id for part 0 and ``stable_id("rec", bronze_id, part)`` for
    the others. ``date_text`` is the expression (or bullet label) that dates it, as written;
    ``date_role`` says what that date does in its sentence (see
    :mod:`eventline.silver.date_roles`). ``continues`` is the ``record_id`` of the segment
    whose text this one's sentence was also added to (it has no date of its own that starts
    a new telling: a toll "two days later", a statement "announced on 9 April"). ``split``
    says why a part > 0 was cut off (``sentence``, ``clause``, ``reference``, ``elided``);
    ``elides`` is the ``record_id`` of the clause whose verb an ``elided`` one leaves out
    (its type is that clause's when its own words give none).
    """

    record_id: str
    bronze_record_id: str
    part: int
    doc_id: str
    kind: str
    text: str
    line_start: int
    line_end: int
    date_text: str
    outcome: DateOutcome
    date_role: str
    continues: str | None
    split: str | None
    record: Row = field(repr=False, compare=False)
    elides: str | None = None


@dataclass(eq=False)
class Piece:
    """A part of a bronze record, before it is dated: a span of its text (a narrative's
    passage, a bullet's body) and the expression that will date it."""

    row: Row
    part: int
    start: int
    end: int
    expression: DateExpression | None
    role: str
    split: str | None
    continues: Piece | None = None
    tail: list[Row] = field(default_factory=list)
    elides: Piece | None = None

    @property
    def record_id(self) -> str:
        bronze = self.row["record_id"]
        return bronze if self.part == 0 else stable_id("rec", bronze, self.part)

    @property
    def uses_label(self) -> bool:
        return self.row["kind"] == "bullet" and self.part == 0


def span_text(row: Row) -> str:
    """The text a record's pieces are cut from: a narrative's passage, a bullet's body."""
    return row["passage"] if row["kind"] == "narrative" else row["text"]


def _with_roles(text: str, offset: int = 0) -> list[tuple[DateExpression, str]]:
    """The expressions of one sentence, shifted by *offset*, with their roles."""
    return [
        (DateExpression(e.text, e.kind, e.start + offset, e.end + offset), role_of(text, e))
        for e in find_date_expressions(text)
    ]


def _opens_clause(text: str, cut: int, b: DateExpression) -> bool:
    return is_lead_in(text[cut : b.start]) or another_incident(text[cut:])


def _cut_between(
    text: str, left: tuple[DateExpression, str], right: tuple[DateExpression, str]
) -> tuple[int, str] | None:
    """Where a clause with its own date starts between two expressions, and why.

    After ``;`` a clause opening with a date, or holding an explicit one ("; the company
    had suspended construction on March 27"), tells another incident; after ", and" (also
    while, whereas, but, then) one that opens with a date, or a second predicate holding an
    explicit date (", and came after a roadside bomb killed five soldiers … on 11/04/2022");
    " and on 22 June" always; a date told in passing (", created … in January 2020,") ends
    at its comma; "the November attack" beside another date is its own reference.
    """
    (a, a_role), (b, b_role) = left, right
    if a_role in FRAMING or b_role in FRAMING or b_role not in (EVENT, ATTRIBUTIVE):
        return None
    between = text[a.end : b.start]
    explicit_event = b_role == EVENT and b.kind not in _ANAPHORIC
    semicolons = [m.end() for m in _SEMICOLON.finditer(between)]
    if semicolons:
        cut = a.end + semicolons[-1]
        return (cut, SPLIT_CLAUSE) if explicit_event or _opens_clause(text, cut, b) else None
    conjunctions = list(_CONJUNCTION.finditer(between)) + list(_AND_ON.finditer(between))
    if conjunctions:
        last = max(conjunctions, key=lambda m: m.end())
        cut = a.end + last.end()
        if _opens_clause(text, cut, b):
            return cut, SPLIT_CLAUSE
        predicate = last.re is _CONJUNCTION and last.group("word") == "and"
        if predicate and last.group("next")[:1].islower() and explicit_event:
            return cut, SPLIT_CLAUSE
        return None
    second = _second_predicate(between, a, b, b_role)
    if second is not None:
        return a.end + len(between) - len(between.lstrip()), second
    if a_role == APPOSITIVE and between.startswith(","):
        return a.end + 1, SPLIT_CLAUSE
    if (
        b_role == ATTRIBUTIVE
        and b.kind in _REFERENCE_KINDS
        and a.kind not in _ANAPHORIC
        and _NAMES_INCIDENT.match(text[b.end : b.end + 60])
    ):
        article = text.rfind("the ", max(a.end, b.start - 20), b.start)
        return (article if article >= 0 else b.start), SPLIT_REFERENCE
    return None


@cache
def _event_verbs() -> frozenset[str]:
    """Verbs that tell an act of violence or control: the place vocabulary's ("took",
    "entered", "raided") and the casualty vocabulary's ("killed", "abducted")."""
    return default_place_vocabulary()["event_verbs"] | frozenset(
        default_casualty_vocabulary().active
    )


def _second_predicate(
    between: str, a: DateExpression, b: DateExpression, b_role: str
) -> str | None:
    """ "took Tarvana on 21 January and entered Olmeda on 27 January": a second predicate
    joined by a bare "and", opening with an event verb (or eliding the first one's: "and out
    of Olmeda"), with a date of its own after a full date of the first one, or one relative
    to it ("two days later", dated against the first when segments are dated in reading
    order). A range ("between 14 and 16 March") is one expression, and "and which began on
    3 May" opens with no verb. Returns why it is cut (``clause``, ``elided``) or None."""
    if b_role != EVENT or a.kind not in _OWN_DATE_KINDS:
        return None
    if b.kind not in _OWN_DATE_KINDS and b.kind != "relative":
        return None
    match = _AND_VERB.match(between)
    if match is not None and match.group("verb") in _event_verbs():
        return SPLIT_CLAUSE
    return SPLIT_ELIDED if _AND_ELIDED.match(between) is not None else None


def clause_cuts(
    text: str, dated: Sequence[tuple[DateExpression, str]]
) -> list[tuple[int, str, DateExpression]]:
    """The clauses of a sentence that tell another incident: (offset, why, expression)."""
    cuts = []
    for left, right in itertools.pairwise(dated):
        found = _cut_between(text, left, right)
        if found is not None:
            cuts.append((found[0], found[1], right[0]))
    return cuts


def _role_rank(expression: DateExpression, role: str) -> int:
    """Which date of a span dates it: an event's first; then a report's ("said on Monday");
    then a date told in passing ("the November 2022 end", ", elected in May 2022,",
    "since 2015"); a plan; an alternative account last. A year-less attribute ("Saturday's
    attack", "the November attack") is how news items date the event itself."""
    if role == ATTRIBUTIVE:
        return 0 if expression.kind in _ANAPHORIC or expression.kind in YEAR_LESS_KINDS else 2
    return _ROLE_RANK.get(role, 2)


def _rank(item: tuple[DateExpression, str]) -> tuple[int, int]:
    expression, role = item
    return (_role_rank(expression, role), kind_rank(expression.kind))


def _dating(
    dated: Sequence[tuple[DateExpression, str]], start: int, end: int
) -> tuple[DateExpression | None, str]:
    """The expression that dates the span [start, end): the most precise of its event dates
    (a report or alternative date only when it has nothing else)."""
    inside = [item for item in dated if start <= item[0].start < end]
    if not inside:
        return None, EVENT
    best = min(inside, key=lambda item: (*_rank(item), item[0].start))
    return best


def _pieces(row: Row, dated: list[tuple[DateExpression, str]], cuts: list[tuple[int, str]]):
    text = span_text(row)
    bounds = sorted(set(cuts))
    starts = [0] + [cut for cut, _ in bounds]
    ends = [cut for cut, _ in bounds] + [len(text)]
    reasons = [None] + [why for _, why in bounds]
    pieces = []
    for part, (start, end, why) in enumerate(zip(starts, ends, reasons, strict=True)):
        expression, role = _dating(dated, start, end)
        piece = Piece(row, part, start, end, expression, role, why)
        if why == SPLIT_ELIDED and pieces:
            piece.elides = pieces[-1]
        pieces.append(piece)
    return pieces


def split_narrative(row: Row) -> list[Piece]:
    """The pieces of a dated sentence: one, or one per clause with its own date."""
    sentence = row["text"]
    dated = _with_roles(sentence)
    cuts = [(cut, why) for cut, why, _ in clause_cuts(sentence, dated)]
    return _pieces(row, dated, cuts)


def _opens_incident(sentence: str) -> bool:
    """Whether a bullet's later sentence opens with a date of its own."""
    dated = _with_roles(sentence)
    if not dated:
        return False
    first, role = dated[0]
    if role in FRAMING or first.kind not in _DAY_KINDS:
        return False
    return leads(sentence, first) or another_incident(sentence)


def split_bullet(row: Row) -> list[Piece]:
    """The pieces of a bullet: its label's part, then each later sentence or clause that
    opens with a date of its own."""
    body = row["text"]
    dated: list[tuple[DateExpression, str]] = []
    cuts: list[tuple[int, str]] = []
    for index, sentence in enumerate(split_sentences(body)):
        own = _with_roles(sentence.text, sentence.start)
        if index and _opens_incident(sentence.text):
            cuts.append((sentence.start, SPLIT_SENTENCE))
        cuts.extend(
            (cut, why)
            for cut, why, _ in clause_cuts(body, own)
            if sentence.start < cut < sentence.end
        )
        dated.extend(own)
    pieces = _pieces(row, dated, cuts)
    pieces[0].expression, pieces[0].role = None, EVENT  # part 0 is dated by its label
    return pieces


def _is_continuation(row: Row) -> bool:
    """A sentence whose dates only lean on the one before ("two days later", "announced
    on 9 April", "A local weekly dated the massacre to April 8")."""
    sentence = row["text"]
    for expression, role in _with_roles(sentence):
        if role in FRAMING:
            continue
        if expression.kind != "relative" or leads(sentence, expression):
            return False
    return True


def paragraph_pieces(rows: Sequence[Row]) -> list[Piece]:
    """The pieces of one paragraph's dated sentences, with continuations attached."""
    pieces: list[Piece] = []
    opener: Piece | None = None
    for row in sorted(rows, key=lambda r: r["sentence_index"]):
        own = split_narrative(row)
        if opener is not None and _is_continuation(row):
            for piece in own:
                piece.continues = opener
            opener.tail.append(row)
        else:
            opener = own[-1]
        pieces.extend(own)
    return pieces


def _line_at(row: Row, offset: int) -> int:
    offsets = [int(x) for x in row["line_offsets"]]
    numbers = [int(x) for x in row["line_numbers"]]
    return numbers[max(0, bisect_right(offsets, offset) - 1)]


def _text_and_lines(piece: Piece) -> tuple[str, int, int]:
    text = span_text(piece.row)
    raw = text[piece.start : piece.end]
    start = piece.start + (len(raw) - len(raw.lstrip()))
    end = piece.start + len(raw.rstrip())
    parts = [text[start:end]]
    last_row, last_end = piece.row, max(start, end - 1)
    for row in piece.tail:
        extra = span_text(row).strip()
        if extra:
            parts.append(extra)
            last_row, last_end = row, len(span_text(row).rstrip()) - 1
    joined = " ".join(part for part in parts if part)
    return joined, _line_at(piece.row, start), _line_at(last_row, max(0, last_end))


def _reading_order(piece: Piece) -> tuple[int, int, int, int]:
    row = piece.row
    return (row["line_start"], row["block_index"], row.get("sentence_index") or 0, piece.part)


def _date_text(piece: Piece) -> str:
    if piece.uses_label:
        return piece.row["date_text"]
    return piece.expression.text if piece.expression is not None else ""


def _document_segments(
    bullets: Sequence[Row],
    narratives: Sequence[Row],
    known_until: date,
    order: str | None,
    title: str | None = None,
) -> list[Segment]:
    pieces = [piece for row in bullets for piece in split_bullet(row)]
    paragraphs: dict[int, list[Row]] = defaultdict(list)
    for row in narratives:
        paragraphs[row["block_index"]].append(row)
    for rows in paragraphs.values():
        pieces.extend(paragraph_pieces(rows))
    pieces.sort(key=_reading_order)
    dater = DocumentDater([*bullets, *narratives], known_until, order, title)
    outcomes = dater.date_pieces(pieces)
    segments = []
    for piece in pieces:
        text, line_start, line_end = _text_and_lines(piece)
        segments.append(
            Segment(
                record_id=piece.record_id,
                bronze_record_id=piece.row["record_id"],
                part=piece.part,
                doc_id=piece.row["doc_id"],
                kind=piece.row["kind"],
                text=text or piece.row["text"],
                line_start=line_start,
                line_end=max(line_start, line_end),
                date_text=_date_text(piece),
                outcome=outcomes[piece.record_id],
                date_role=piece.role,
                continues=piece.continues.record_id if piece.continues else None,
                split=piece.split,
                record=piece.row,
                elides=piece.elides.record_id if piece.elides else None,
            )
        )
    return segments


def build_segments(
    bullets: Iterable[Row],
    narratives: Iterable[Row],
    known_until: date,
    numeric_order: str | None = None,
    titles: Mapping[str, str | None] | None = None,
) -> list[Segment]:
    """The segments of the bronze records of one or more documents, dated, in reading order
    per document. *numeric_order* ("dmy" or "mdy") overrides what each document states or
    shows about its numeric dates; *titles* (by doc_id) give year-less dates their year
    when nothing nearer does ("… Monitor, March 2023")."""
    by_doc: dict[str, tuple[list[Row], list[Row]]] = defaultdict(lambda: ([], []))
    for row in bullets:
        by_doc[row["doc_id"]][0].append(row)
    for row in narratives:
        by_doc[row["doc_id"]][1].append(row)
    segments: list[Segment] = []
    for doc_id in sorted(by_doc):
        doc_bullets, doc_narratives = by_doc[doc_id]
        title = (titles or {}).get(doc_id)
        segments.extend(
            _document_segments(doc_bullets, doc_narratives, known_until, numeric_order, title)
        )
    return segments
