"""Find date expressions in English prose, as written.

Bronze only needs to know *that* a sentence is dated and *which* expressions it
holds; silver parses them. Both use these patterns so they agree on what a date
expression is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# Month names are matched case-sensitively: "may" and "march" are also verbs.
MONTH = (
    rf"(?:{'|'.join(MONTH_NAMES)}"
    rf"|(?:{_ABBREVIATIONS})\.(?=\s*\d)"
    rf"|(?:{_ABBREVIATIONS})(?=\s+\d))"
)
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:1[89]\d\d|20\d\d)(?![\dA-Za-z])"  # not "2020s"
DASH = r"\s*[-–—]\s*"
CONNECTOR = rf"(?:{DASH}|\s+(?:to|until|till|through|and)\s+)"
QUALIFIER = r"(?:(?:early|late|mid)[- ]|the (?:beginning|end|middle) of )"
PREPOSITION = (
    r"(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Ff]rom|[Dd]uring|[Bb]etween|[Bb]efore|[Aa]fter|of|[Oo]n)"
)
_RELATIVE_UNITS = r"(?:day|night|week|month|year|morning|evening)"

_PATTERNS: list[tuple[str, str]] = [
    # "March 27, 2022 - March 31, 2022"
    ("date_range", rf"{MONTH}\s+{DAY},?\s+{YEAR}{CONNECTOR}{MONTH}\s+{DAY},?\s+{YEAR}"),
    # "March 23 until March 31, 2022", "August 17 - September 2, 2021"
    ("date_range", rf"{MONTH}\s+{DAY}{CONNECTOR}{MONTH}\s+{DAY},?\s+{YEAR}"),
    # "March 25-27, 2020"
    ("date_range", rf"{MONTH}\s+{DAY}{DASH}{DAY},?\s+{YEAR}"),
    # "5-7 September 2019"
    ("date_range", rf"{DAY}{DASH}{DAY}\s+{MONTH},?\s+{YEAR}"),
    # "October 4, 2017", "Sept. 5, 2019"
    ("full_date", rf"{MONTH}\s+{DAY},?\s+{YEAR}"),
    # "5 September 2019"
    ("full_date", rf"{DAY}\s+{MONTH},?\s+{YEAR}"),
    # "between August 17 and August 21"
    ("month_day_range", rf"{MONTH}\s+{DAY}{CONNECTOR}(?:{MONTH}\s+)?{DAY}"),
    # "March 24", "5 September"
    ("month_day", rf"{MONTH}\s+{DAY}"),
    ("month_day", rf"{DAY}\s+{MONTH}"),
    # "between May and July of 2012", "From January to March 2012"
    ("month_range", rf"{QUALIFIER}?{MONTH}{CONNECTOR}{MONTH},?\s+(?:of\s+)?{YEAR}"),
    # "June 2017", "January of 2013", "late March 2022"
    ("month_year", rf"{QUALIFIER}?{MONTH},?\s+(?:of\s+)?{YEAR}"),
    # "August/September 2014" is a month range written with a slash
    ("month_range", rf"{MONTH}/{MONTH},?\s+{YEAR}"),
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
        rf"\b(?:[Ii]n|[Ll]ate|[Ee]arly)\s+(?P<inner>{MONTH})(?![/–-]|\s*(?:,\s*)?\d|{CONNECTOR}{MONTH})",
    ),
    # "the following day", "Later that month", "That same day", "A few days later"
    (
        "relative",
        r"(?i:\bthe\s+(?:following|next|previous)\s+" + _RELATIVE_UNITS + r"\b"
        r"|\b(?:later|earlier)\s+that\s+(?:same\s+)?" + _RELATIVE_UNITS + r"\b"
        r"|\b(?:that|the)\s+same\s+" + _RELATIVE_UNITS + r"\b"
        r"|\ba\s+(?:few\s+)?" + _RELATIVE_UNITS + r"s?\s+(?:later|earlier)\b)",
    ),
]

# Where any pattern can start: a month's capital or a digit, a qualifier, or a word that
# opens a pattern (case-insensitively: a superset). Checked first at each position, it
# spares the engine trying every pattern where none can start (about 5x faster); it
# cannot change a match, since every match starts at such a position.
_START_WORDS = (
    "in by since until from during between before after of on that the late early later earlier a"
)
# What re.IGNORECASE matches for a letter, spelled out: the engine tests a character class
# far faster than a case-insensitive literal (this lookahead runs at every character).
_CASES = {"i": "Iiİı", "s": "Ssſ"}


def _any_case(word: str) -> str:
    return "".join(f"[{_CASES.get(c, c.upper() + c)}]" for c in word)


_START = (
    r"(?=[0-9JFMASOND]|(?:early|late|mid)[- ]|the (?:beginning|end|middle) of "
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


@dataclass(frozen=True)
class DateExpression:
    """A date expression as written, with its character span in the searched text."""

    text: str
    kind: str
    start: int
    end: int


def find_date_expressions(text: str) -> list[DateExpression]:
    """Return the non-overlapping date expressions of *text*, left to right, longest first."""
    found: list[DateExpression] = []
    for match in _COMBINED.finditer(text):
        group = match.lastgroup
        assert group is not None
        # Patterns that need a preposition for context report only the expression itself.
        inner = f"inner{group[1:]}"
        span_group = inner if inner in match.re.groupindex and match.group(inner) else group
        start, end = match.span(span_group)
        found.append(DateExpression(match.group(span_group), _KINDS[group], start, end))
    return found


def has_date_expression(text: str) -> bool:
    """Whether ``text`` holds a date expression: :func:`find_date_expressions` is not empty,
    found by stopping at the first one."""
    return _COMBINED.search(text) is not None


_LEADING = re.compile(r"^(?:(?:On|In|Between|From|During|Beginning|Since)\s+)?(?P<expr>\S)")


def leading_date_expression(text: str) -> DateExpression | None:
    """The date expression a sentence opens with ("On January 2, terrorists…"), if any."""
    head = _LEADING.match(text)
    if head is None:
        return None
    offset = head.start("expr")
    for expression in find_date_expressions(text[: offset + 80]):
        if expression.start == offset and expression.kind != "relative":
            return DateExpression(
                expression.text, expression.kind, expression.start, expression.end
            )
        break
    return None
