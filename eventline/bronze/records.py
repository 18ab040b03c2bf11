"""Read key-value incident records ("Date: 14 March 2022", "Location: …", "Perpetrator: …").

Security logs and dataset exports write one incident per block, one field per line, in
any order::

    Ref: XY-0042
    Location: Fooville (North district)
    Date: 14/03/2022
    Fatalities: 3
    Description: Gunmen attacked the market …

Such a block is a record when it has at least two consecutive field lines and one of them
is the event's date: a label naming a date ("Date", "Date/Time", "Incident date") whose
value holds a date expression. Labels that date the *entry* ("Logged", "Reported date",
"Updated") are not the event's date. A label that comes a second time opens the next
record, so that records without a blank line between them stay apart.

Bronze keeps the record as written: the date field's value is the record's date label,
written inside its body (as an inline bullet's date is); the body is the date field line,
then the other field lines in their order, exactly as written and joined by line breaks
(each field is its own sentence for the splitter). A field value hard-wrapped onto the next
line ("Location: Barville, near" / "Tamsa crossing (East)") goes on in that line: it is joined to
its field with a space, so the value stays whole. Identifier fields ("Ref: XY-0042") and
entry dates stay in ``raw_text`` only: they say nothing about the incident.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from eventline.text.date_expressions import find_date_expressions
from eventline.text.fold import fold_key

# "Label: value": a short label of one to four capitalised or small words ("Date/Time",
# "Date of incident", "No. of victims"), a colon, then the value.
_FIELD = re.compile(
    r"^(?P<label>[A-Z][A-Za-z.]*(?:[ /&-](?:[A-Za-z.]+|\(s\)))?(?:[ /&-][A-Za-z.()]+){0,2})"
    r"\s*:\s+(?P<value>\S.*)$"
)
_ENTRY_DATE_WORDS = frozenset(
    {"logged", "reported", "report", "entered", "entry", "updated", "update", "published", "filed"}
)
_DATE_WORDS = frozenset({"date", "when", "dates"})
_IDENTIFIER_LABELS = frozenset(
    {"ref", "reference", "id", "incident id", "event id", "record", "record id", "no", "number"}
)
_IDENTIFIER_VALUE = re.compile(r"^[\w./#-]+$")
_MIN_FIELDS = 2
# A record has a few dozen fields at most; the look-ahead stops there, so a long run of
# "Label: value" lines costs linear time.
_MAX_FIELDS = 40


@dataclass(frozen=True)
class Field:
    """One field line of a record: its label and value as written and its line number."""

    label: str
    value: str
    line_no: int
    text: str


@dataclass(frozen=True)
class ParsedRecord:
    """A record's date label (the date field's value) and its body lines (line, text), the
    date field's line first, each field's wrapped lines right after it; ``wrapped`` holds
    the line numbers that go on the field before them (joined with a space, not a break)."""

    date_text: str
    body: tuple[tuple[int, str], ...]
    wrapped: frozenset[int] = frozenset()


def parse_field(stripped: str, line_no: int = 0) -> Field | None:
    """The field a line holds, if it reads ``Label: value``."""
    match = _FIELD.match(stripped)
    if match is None:
        return None
    return Field(match.group("label"), match.group("value").strip(), line_no, stripped)


def _label_words(label: str) -> set[str]:
    return set(re.split(r"[ /&()-]+", fold_key(label))) - {""}


def is_event_date_field(field: Field) -> bool:
    """A field that dates the incident: its label names a date, not the entry's date, and
    its value holds a date expression."""
    words = _label_words(field.label)
    if not words & _DATE_WORDS or words & _ENTRY_DATE_WORDS:
        return False
    return bool(find_date_expressions(field.value))


def _kept_in_body(field: Field) -> bool:
    """Fields that describe the incident; identifiers and entry dates are bookkeeping."""
    label = fold_key(field.label)
    if label in _IDENTIFIER_LABELS and _IDENTIFIER_VALUE.match(field.value):
        return False
    words = _label_words(field.label)
    entry_date = words & _ENTRY_DATE_WORDS and find_date_expressions(field.value)
    return not entry_date


# A value that visibly goes on: it ends with a comma, a dash, an open bracket or a small
# word ("Location: Barville, near", "Description: … set six vehicles on").
_OPEN_END = re.compile(
    r"(?:[,;:(&/–-]|\b(?:and|or|of|in|on|at|near|the|a|an|to|from|with|by|for|between))$",
    re.IGNORECASE,
)
_CLOSED_END = re.compile(r"[.!?)\]\"”’]$")


def _wraps(previous: str, line: str, following: str | None) -> bool:
    """Whether *line* (not a field) is the hard-wrapped rest of the field line *previous*:
    the value visibly goes on, the line starts in lower case, or the
    value has no end of its own and another field line follows (a wrapped line between two
    fields). A sentence after a record that ends cleanly is not taken in."""
    stripped = line.strip()
    if not stripped or parse_field(stripped) is not None:
        return False
    if _OPEN_END.search(previous) or stripped[0].islower():
        return True
    if following is None or _CLOSED_END.search(previous):
        return False
    return parse_field(following.strip()) is not None


def record_run(lines: Sequence[str], start: int) -> int:
    """How many lines from index *start* form one key-value record (0 when they do not):
    consecutive field lines, with their hard-wrapped lines (:func:`_wraps`), up to a blank
    line, a line that is not a field, or a label seen before in the run; one of them must
    date the event."""
    seen: set[str] = set()
    fields: list[Field] = []
    count = 0
    window = lines[start : start + _MAX_FIELDS]
    for index, line in enumerate(window):
        field = parse_field(line.strip())
        if field is None:
            following = window[index + 1] if index + 1 < len(window) else None
            if fields and _wraps(window[index - 1].strip(), line, following):
                count += 1
                continue
            break
        key = fold_key(field.label)
        if key in seen:
            break
        seen.add(key)
        fields.append(field)
        count += 1
    if len(fields) < _MIN_FIELDS or not any(is_event_date_field(f) for f in fields):
        return 0
    return count


def parse_record(segments: Sequence[tuple[int, str]]) -> ParsedRecord:
    """The date label and body of a record given its (line number, text) lines; a line
    that is not a field goes on the field before it when it wraps it (:func:`_wraps`),
    and stays in the raw text only otherwise."""
    fields: list[tuple[Field, list[tuple[int, str]]]] = []
    for index, (line_no, text) in enumerate(segments):
        field = parse_field(text, line_no)
        if field is not None:
            fields.append((field, []))
            continue
        following = segments[index + 1][1] if index + 1 < len(segments) else None
        if fields and _wraps(segments[index - 1][1], text, following):
            fields[-1][1].append((line_no, text))
    whole = [
        (Field(f.label, " ".join([f.value, *(t for _, t in rest)]), f.line_no, f.text), rest)
        for f, rest in fields
    ]
    dated, dated_rest = next((f, rest) for f, rest in whole if is_event_date_field(f))
    body: list[tuple[int, str]] = []
    wrapped: set[int] = set()
    kept = [(dated, dated_rest)] + [(f, r) for f, r in whole if f is not dated and _kept_in_body(f)]
    for field, rest in kept:
        body.append((field.line_no, field.text))
        body.extend(rest)
        wrapped.update(n for n, _ in rest)
    return ParsedRecord(dated.value, tuple(body), frozenset(wrapped))
