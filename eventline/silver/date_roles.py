"""What a date expression does in its sentence: dates the event, or only frames it.

"On 3 March, X was arrested" dates an event; "the army said on Monday" dates a report,
"A local weekly dated the massacre to April 8" an alternative date, "since 2015" the
start of a state, "is due in December 2021" a plan, ", elected in May 2022," a fact told
in passing, "the November attack" an event named by its date. Segments use the roles to
decide where a new telling starts; the events engineer uses them to tell events from
context. Grammar words only: nothing here names a place or an actor.
"""

from __future__ import annotations

import re

from eventline.text.date_expressions import DateExpression

EVENT = "event"
REPORT = "report"
ALTERNATIVE = "alternative"
SINCE = "since"
FROM = "from"
PLANNED = "planned"
APPOSITIVE = "appositive"
ATTRIBUTIVE = "attributive"
ROLES = (EVENT, REPORT, ALTERNATIVE, SINCE, FROM, PLANNED, APPOSITIVE, ATTRIBUTIVE)
#: Roles of dates that never start a new telling of their own.
FRAMING = frozenset({REPORT, ALTERNATIVE})

_REPORT_BEFORE = re.compile(
    r"\b(?:said|says|announced|announces|reported|reports|stated|states|confirmed|confirms"
    r"|added|adds|told\s+\w+(?:\s+\w+)?)\s+(?:late\s+|early\s+)?(?:on\s+|in\s+)?$"
)
_ALTERNATIVE_BEFORE = re.compile(
    r"\b(?:dat(?:e|es|ed|ing)|plac(?:e|es|ed|ing)|put(?:s|ting)?)\s+(?:the|it|this|that)\b"
    r"[^.;]{0,40}?\s+(?:to|on|at|in)\s+$"
)
_SINCE_BEFORE = re.compile(r"\b(?:[Ss]ince|[Aa]s\s+of|[Ss]tarting\s+in)\s+(?:the\s+)?$")
_FROM_BEFORE = re.compile(r"\b[Ff]rom\s+$")
_ONWARDS_AFTER = re.compile(r"^\s+(?:on)?wards?\b")
_PLANNED_BEFORE = re.compile(
    r"\b(?:due|planned|scheduled|expected|slated|set)\s+(?:for|in|on|to\s+\w+\s+(?:on|in|by))"
    r"\s+$|\bwill\b[^.;]{0,60}\b(?:on|in|by)\s+$"
)
_APPOSITIVE_BEFORE = re.compile(
    r",\s+(?:\w+\s+)?(?:elected|appointed|founded|created|launched|adopted|formed"
    r"|established|set\s+up|signed|held|built|named|sworn\s+in|deployed|pledged|merged"
    r"|renamed|rebranded)\b[^,;]*$"
)
_RANGE_KINDS = frozenset(
    {"date_range", "month_day_range", "month_range", "year_range", "numeric_range", "day_list"}
)
# What may stand before a date at the start of a clause: "At about 2 a.m. on", "In the
# early hours of", "Shortly after midnight on", "Earlier, on", "Hours later, during".
_LEAD_IN = re.compile(
    r"^(?:(?:(?:on|in|at|during|between|from|over|around|about|sometime|shortly|after|before"
    r"|late|early|also|overnight|until|by|the|night|weekend|morning|evening|afternoon"
    r"|hours?|of|midnight|\d{1,2}(?:[:.]\d\d)?|then|later|earlier|and|but"
    r"|meanwhile|separately|that|same|it|was|when)\b|[ap]\.m\.)[\s,]*)*$",
    re.IGNORECASE,
)
# "In a second attack on the same day, …": a cue that the clause tells another incident.
_ANOTHER = re.compile(
    r"^(?:in|during)\s+(?:a|another)\s+(?:second|separate|further|later|related|third)\s+"
    r"(?:attack|incident|raid|ambush|assault|strike|clash)\w*\b",
    re.IGNORECASE,
)


def role_of(text: str, expression: DateExpression) -> str:
    """The role of *expression* in *text* (the sentence it was found in)."""
    before = text[max(0, expression.start - 120) : expression.start]
    after = text[expression.end : expression.end + 20]
    if _REPORT_BEFORE.search(before):
        return REPORT
    if _ALTERNATIVE_BEFORE.search(before):
        return ALTERNATIVE
    if _PLANNED_BEFORE.search(before):
        return PLANNED
    if _ONWARDS_AFTER.match(after) or _SINCE_BEFORE.search(before):
        return SINCE
    if _attributive(text, expression):
        return ATTRIBUTIVE
    if _FROM_BEFORE.search(before) and expression.kind not in _RANGE_KINDS:
        return FROM
    if _APPOSITIVE_BEFORE.search(before) and re.match(r"^[^;.]*?,", after + ","):
        return APPOSITIVE
    return EVENT


_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|a|an|its|their|his|her)\s+$")
_NOUN_AFTER = re.compile(r"^\s+(?P<word>[a-z][a-z-]{2,})\b")
_NOT_NOUNS = frozenset(
    [
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "of",
        "by",
        "for",
        "the",
        "was",
        "were",
        "is",
        "are",
        "when",
        "after",
        "before",
        "until",
        "that",
        "which",
        "who",
        "with",
        "from",
        "as",
    ]
)


def _attributive(text: str, expression: DateExpression) -> bool:
    """ "Saturday's attack", "the November attack", "the 27/04/2022 decoration ceremony":
    a date that names an event (or a thing) instead of saying when the sentence's event
    happened."""
    if re.match(r"^['’]s\b", text[expression.end - 2 : expression.end + 1]):
        return True
    before = text[max(0, expression.start - 12) : expression.start]
    if not _DETERMINER_BEFORE.search(before):
        return False
    if expression.kind == "month":
        return True
    noun = _NOUN_AFTER.match(text[expression.end : expression.end + 30])
    return noun is not None and noun.group("word") not in _NOT_NOUNS


_CLAUSE_BREAK = re.compile(r"[;:]\s*|,\s+(?:and|but|while|whereas|then)\s+")


def clause_start(text: str, position: int) -> int:
    """Where the clause holding *position* starts: after the last ``;``, ``:`` or ", and"
    (", but", ", while", ", whereas", ", then") before it, or at the start of the sentence."""
    start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, position):
        start = match.end()
    return start


def leads(text: str, expression: DateExpression) -> bool:
    """Whether *expression* opens its clause ("On 3 March, …", "; the following night, …",
    "At about 2 a.m. on 5 December, …", "In a second attack on the same day, …")."""
    start = clause_start(text, expression.start)
    before = text[start : expression.start].strip()
    if not before:
        return True
    return bool(_ANOTHER.match(before)) or is_lead_in(before)


# "In Xyz County on that day, …": a place named before the date opens the clause too.
_PLACE_LEAD = re.compile(
    r"^(?:In|At|Near)\s+(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+|,\s*|$)){1,3}"
    r"(?:(?:county|province|region|district|state|department)\b[\s,]*)?"
)


def is_lead_in(text: str) -> bool:
    """Whether *text* is only the words that may open a clause before its date."""
    stripped = text.strip()
    place = _PLACE_LEAD.match(stripped)
    rest = stripped[place.end() :] if place else stripped
    return not rest or (bool(_LEAD_IN.match(rest)) and len(stripped) <= 60)


def another_incident(text: str) -> bool:
    """Whether a clause opens with "In a second attack …"-style wording."""
    return bool(_ANOTHER.match(text.strip()))
