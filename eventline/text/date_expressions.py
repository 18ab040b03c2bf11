"""Find date expressions in English prose, as written.

Bronze only needs to know *that* a sentence is dated and *which* expressions it
holds; silver parses them. Both use these patterns so they agree on what a date
expression is. Kinds: explicit dates (``full_date``, ``date_range``, ``iso_date``,
``numeric_date``, ``numeric_range``, ``month_year``, ``month_range``, ``year``,
``year_range``), year-less ones (``month_day``, ``month_day_range``, ``day_list``,
``week``, ``month``) and those read against another date (``weekday``,
``weekday_range``, ``relative``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# Month names are matched case-sensitively: "may" and "march" are also verbs.
MONTH = (
    rf"(?:(?:{'|'.join(MONTH_NAMES)})(?![^\W\d_])"
    rf"|(?:{_ABBREVIATIONS})\.(?=\s*\d)"
    rf"|(?:{_ABBREVIATIONS})(?=\s+\d))"
)
WEEKDAY = rf"(?:{'|'.join(WEEKDAY_NAMES)})(?![^\W\d_'’])"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?:1[89]\d\d|20\d\d)(?![\dA-Za-z]|-\d\d-\d|[/.]\d)"  # not "2020s", "2021-06-15"
DASH = r"\s*[-–—]\s*"
CONNECTOR = rf"(?:{DASH}|\s+(?:to|until|till|through|and|into)\s+)"
QUALIFIER = r"(?:(?:early|late|mid)[- ]|the (?:beginning|end|middle) of )"
PREPOSITION = (
    r"(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Ff]rom|[Dd]uring|[Bb]etween|[Bb]efore|[Aa]fter|of|[Oo]n)"
)
_MONTH_DAY = rf"{MONTH}\s+{DAY}"
_DAY_MONTH = rf"{DAY}\s+(?:of\s+)?{MONTH}"  # "14 August", "6th of February"
_DAYS = rf"{DAY}(?:,\s*{DAY})+,?\s+and\s+{DAY}"  # "2, 8, 9, and 11"
_YEAR_TAIL = rf",?\s+{YEAR}"
_NUMERIC_YEAR = r"(?:1[89]|20)\d\d(?!\d|[/.-]\d)"
_NUMBER = (
    r"(?:\d{1,3}|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en"
    r"|[Ee]leven|[Tt]welve|[Aa]|[Aa]n|[Aa] few|[Ss]everal)"
)
_UNITS = r"(?:minute|hour|day|night|week|month|year)s?"
_RELATIVE_UNITS = r"(?:day|night|week|month|year|morning|afternoon|evening)"
EVENT_NOUNS = (
    r"(?:attacks?|assaults?|raids?|ambush(?:es)?|bombings?|massacres?|killings?|offensive|"
    r"strikes?|incursions?|clash(?:es)?|coup|elections?|protests?|uprising|siege|abductions?|"
    r"kidnappings?|operations?|fighting|violence|unrest|riots?|demonstrations?)"
)

_PATTERNS: list[tuple[str, str]] = [
    # "March 27, 2022 - March 31, 2022", "31 December 2013 to 2 January 2014"
    ("date_range", rf"{_MONTH_DAY}{_YEAR_TAIL}{CONNECTOR}{_MONTH_DAY}{_YEAR_TAIL}"),
    ("date_range", rf"{_DAY_MONTH}{_YEAR_TAIL}{CONNECTOR}{_DAY_MONTH}{_YEAR_TAIL}"),
    # "March 23 until March 31, 2022", "31 March to 8 April 2020"
    ("date_range", rf"{_MONTH_DAY}{CONNECTOR}{_MONTH_DAY}{_YEAR_TAIL}"),
    ("date_range", rf"{_DAY_MONTH}{CONNECTOR}{_DAY_MONTH}{_YEAR_TAIL}"),
    # "March 25-27, 2020", "5-7 September 2019", "21 to 22 March 2019"
    ("date_range", rf"{MONTH}\s+{DAY}{CONNECTOR}{DAY}{_YEAR_TAIL}"),
    ("date_range", rf"{DAY}{CONNECTOR}{DAY}\s+{MONTH}{_YEAR_TAIL}"),
    # "September 2, 8, 9, and 11, 2020", "2, 8 and 9 September 2020"
    ("day_list", rf"{MONTH}\s+{_DAYS}{_YEAR_TAIL}"),
    ("day_list", rf"{_DAYS}\s+{MONTH}{_YEAR_TAIL}"),
    # "October 4, 2017", "Sept. 5, 2019", "5 September 2019"
    ("full_date", rf"{_MONTH_DAY}{_YEAR_TAIL}"),
    ("full_date", rf"{_DAY_MONTH}{_YEAR_TAIL}"),
    # "2021-06-15"
    ("iso_date", r"(?<![\d-])(?:1[89]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])"),
    # "25-26/04/2022": two days of one month, written with numbers
    ("numeric_range", rf"(?<![\d/.-])\d{{1,2}}[-–]\d{{1,2}}/\d{{1,2}}/{_NUMERIC_YEAR}"),
    # "15/06/2021", "15.06.2021", "06-15-2021": day and month order is the document's
    (
        "numeric_date",
        rf"(?<![\d/.-])(?:\d{{1,2}}/\d{{1,2}}/|\d{{1,2}}\.\d{{1,2}}\.|\d{{1,2}}-\d{{1,2}}-)"
        rf"{_NUMERIC_YEAR}",
    ),
    # "September 2, 8, 9, and 11": a list of days, year-less
    ("day_list", rf"{MONTH}\s+{_DAYS}"),
    ("day_list", rf"{_DAYS}\s+{MONTH}"),
    # "the first week of August (2021)"
    (
        "week",
        rf"\b(?:[Tt]he\s+)?(?:first|second|third|fourth|last|final)\s+week\s+of\s+{MONTH}"
        rf"(?:{_YEAR_TAIL})?",
    ),
    # "between August 17 and August 21", "October 30 and 31", "31 March and 8 April",
    # "1 and 3 December", "April 3–4"
    ("month_day_range", rf"{_MONTH_DAY}{CONNECTOR}(?:{MONTH}\s+)?{DAY}"),
    ("month_day_range", rf"{_DAY_MONTH}{CONNECTOR}{_DAY_MONTH}"),
    ("month_day_range", rf"{DAY}{CONNECTOR}{DAY}\s+{MONTH}"),
    # "March 24", "5 September"
    ("month_day", _MONTH_DAY),
    ("month_day", _DAY_MONTH),
    # "between May and July of 2012", "From January to March 2012"
    ("month_range", rf"{QUALIFIER}?{MONTH}{CONNECTOR}{MONTH},?\s+(?:of\s+)?{YEAR}"),
    # "June 2017", "January of 2013", "late March 2022"
    ("month_year", rf"{QUALIFIER}?{MONTH},?\s+(?:of\s+)?{YEAR}"),
    # "August/September 2014" is a month range written with a slash
    ("month_range", rf"{MONTH}/{MONTH},?\s+{YEAR}"),
    # "from 2008 to 2019", "between 2012 and 2013"
    (
        "year_range",
        rf"\b(?:[Ff]rom|[Bb]etween)\s+(?P<inner>{YEAR}\s+(?:to|until|through|and)\s+{YEAR})",
    ),
    # "in late 2012", "in 2011", "by 2022": a bare year needs a temporal word before it
    ("year", rf"\b{PREPOSITION}\s+(?P<inner>{QUALIFIER}?{YEAR})"),
    ("year", rf"\b{QUALIFIER}{YEAR}"),
    # "That January", "the same month": anchored on an earlier date by the reader
    (
        "relative",
        rf"\b(?:[Tt]hat|[Tt]he\s+(?:same|following|next|previous))\s+{MONTH}(?!\s*(?:,\s*)?\d)",
    ),
    # "in January": a month with no day and no year
    (
        "month",
        rf"\b(?:[Ii]n|[Ll]ate|[Ee]arly)\s+(?P<inner>(?:(?:early|late|mid)[- ])?{MONTH})"
        rf"(?![/–-]|\s*\d|,\s*{YEAR}|\s+of\s+{YEAR}|{CONNECTOR}{MONTH})",
    ),
    # "the November attack": a month named as an event's attribute
    ("month", rf"\b[Tt]he\s+(?P<inner>{MONTH})(?=\s+{EVENT_NOUNS}\b)"),
    # "the night of Wednesday to Thursday"
    ("weekday_range", rf"\b(?:[Tt]he\s+)?night\s+of\s+{WEEKDAY}\s+(?:to|into|and)\s+{WEEKDAY}"),
    # "around midnight on Wednesday", "last Thursday's", "Tuesday morning", "Sunday's"
    (
        "weekday",
        rf"(?:\b(?:around|about|at)\s+midnight\s+on\s+)?(?:\b[Ll]ast\s+)?\b{WEEKDAY}"
        r"(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?\b",
    ),
    # "Less than 48 hours later", "two days earlier", "Hours later", "three weeks ago",
    # "Three days after the Foo attack" (counted from the incident just told)
    (
        "relative",
        rf"\b(?:(?:[Ll]ess|[Mm]ore)\s+than\s+)?{_NUMBER}\s+{_UNITS}\s+(?:later|earlier|ago\b"
        rf"|(?:after|before)\s+the\s+(?:[\w'’-]+\s+){{0,3}}?{EVENT_NOUNS})\b"
        r"|\b[Hh]ours\s+later\b",
    ),
    # "last week", "Last month", "this year"
    ("relative", r"\b(?:[Ll]ast|[Tt]his|[Nn]ext)\s+(?:week|month|year)\b"),
    # "killed overnight" (not "an overnight raid")
    ("relative", r"(?<![Aa]n )(?<![Tt]he )\b[Oo]vernight\b"),
    # "the following day", "Later that month", "That same day", "That day"
    (
        "relative",
        r"(?i:\bthe\s+(?:following|next|previous)\s+" + _RELATIVE_UNITS + r"\b"
        r"|\b(?:later|earlier)\s+that\s+(?:same\s+)?" + _RELATIVE_UNITS + r"\b"
        r"|\b(?:that|the)\s+same\s+" + _RELATIVE_UNITS + r"\b)"
        r"|\b[Tt]hat\s+(?:day|night|morning|afternoon|evening)\b",
    ),
]

# Where any pattern can start: a capital or a digit, a qualifier, or a word that opens a
# pattern (any case: a superset). Checked first at each position, it spares the engine
# trying every pattern where none can start; it cannot change a match, since every match
# starts at such a position.
_START_WORDS = (
    "in by since until from during between before after of on that the late early later earlier"
    " a an last less more this next hours overnight around about at first second third fourth"
    " final one two three four five six seven eight nine ten eleven twelve several night"
)
# What re.IGNORECASE matches for a letter, spelled out: the engine tests a character class
# far faster than a case-insensitive literal (this lookahead runs at every character).
_CASES = {"i": "Iiİı", "s": "Ssſ", "k": "KkK"}


def _any_case(word: str) -> str:
    return "".join(f"[{_CASES.get(c, c.upper() + c)}]" for c in word)


_START = (
    r"(?=[0-9A-Z]|(?:early|late|mid)[- ]"
    rf"|\b(?:{'|'.join(_any_case(w) for w in _START_WORDS.split())})\s)"
)
_COMBINED = re.compile(
    _START
    + "(?:"
    + "|".join(
        f"(?P<k{i}>{pattern.replace('(?P<inner>', f'(?P<inner{i}>')})"
        for i, (_, pattern) in enumerate(_PATTERNS)
    )
    + ")"
)
_KINDS = {f"k{i}": kind for i, (kind, _) in enumerate(_PATTERNS)}
#: Kinds that need another date to be read: year-less dates, weekdays, relative phrases.
YEAR_LESS_KINDS = frozenset({"month_day", "month_day_range", "day_list", "month"})
ANAPHORIC_KINDS = frozenset({"relative", "weekday", "weekday_range"})


@dataclass(frozen=True)
class DateExpression:
    """A date expression as written, with its character span in the searched text."""

    text: str
    kind: str
    start: int
    end: int


_CLOSING_QUOTES = "\"”’'"
# An opening quotation mark, then at most a short word ("on", "last") before the date.
_QUOTED_BEFORE = re.compile(r"[\"“‘'](?:[A-Za-z]{1,6}\s+)?$")


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether the expression is only cited between quotation marks (``("on Tuesday",
    "last week") refer to …``): it names a notation, it dates nothing."""
    if end >= len(text) or text[end] not in _CLOSING_QUOTES:
        return False
    return _QUOTED_BEFORE.search(text, max(0, start - 8), start) is not None


def find_date_expressions(text: str) -> list[DateExpression]:
    """Return the non-overlapping date expressions of *text*, left to right, longest first."""
    return list(_find(text))


@lru_cache(maxsize=8192)
def _find(text: str) -> tuple[DateExpression, ...]:
    """Cached: bronze, segments and dating read the same sentence several times."""
    found: list[DateExpression] = []
    for match in _COMBINED.finditer(text):
        group = match.lastgroup
        assert group is not None
        # Patterns that need a preposition for context report only the expression itself.
        inner = f"inner{group[1:]}"
        span_group = inner if inner in match.re.groupindex and match.group(inner) else group
        start, end = match.span(span_group)
        if _quoted(text, match.start(), end):
            continue
        found.append(DateExpression(match.group(span_group), _KINDS[group], start, end))
    return tuple(found)


def has_date_expression(text: str) -> bool:
    """Whether ``text`` holds a date expression: :func:`find_date_expressions` is not empty,
    found by stopping at the first one that is not only cited in quotation marks."""
    for match in _COMBINED.finditer(text):
        if not _quoted(text, match.start(), match.end(match.lastgroup or 0)):
            return True
    return False


_LEADING = re.compile(
    r"^(?:(?:On|In|Between|From|During|Beginning|Since|Around|About|Sometime|Over|Overnight"
    r"\s+on|Throughout|Also\s+on|Early\s+on|Late\s+on)\s+(?:the\s+)?"
    r"(?:(?:night|weekend|morning|evening|early\s+hours)\s+of\s+)?)?(?P<expr>\S)"
)


def leading_date_expression(text: str) -> DateExpression | None:
    """The date expression a sentence opens with ("On January 2, terrorists…", "Less than
    48 hours later, …"), if any."""
    head = _LEADING.match(text)
    if head is None:
        return None
    offset = head.start("expr")
    for expression in find_date_expressions(text[: offset + 80]):
        if expression.start == offset:
            return expression
        break
    return None
