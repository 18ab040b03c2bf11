"""Decide whether a dated record tells an event or gives context, by reviewed rules.

Bronze keeps every dated sentence, but many dates in a report date background rather than
something that happened at a place on a day: "has fought the government since 2006", "a
2018 decree", "the next report is due in December 2021", "78 percent of those polled", "the
constitutional referendum of March 2020". ACLED codes none of these, and neither does gold:
such records stay in silver as ``context``, with the rule that said so.

The rules live in ``schemas/reference/record_class_rules.csv`` (one row per rule: priority,
id, class, the date grains it applies to, a pattern and the reason shown to reviewers).
A rule's pattern is searched, case-insensitively, in the sentence that holds the record's
date expression, where that expression is replaced by the marker ``@DATE@``; so a rule can
speak of the date's own clause ("since @DATE@", "the election of @DATE@") without matching
another date of the sentence. The lowest priority that matches decides; no match leaves
the record an event (a dated statement of what happened).

A rule may be restricted to the *role* of the record's date in its sentence, as the segmenter
read it (``date_roles``: a date after "since", a planned date, one told in passing "…,
elected in May 2022, …"), and to the record's *grain*: ``day`` (a day, a night, a range of
up to a month, or a bullet dated by its neighbours), ``month`` (a month, or a range of up to
two months), ``year`` (a year) and ``long`` (a longer range). ACLED codes events to a day,
a week or a month; a date that is only a year or spans seasons dates background unless the
clause tells a concrete incident, which is how the table's coarse-date rules read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from eventline.reference import Source, reference_file, reference_rows
from eventline.silver.required_words import WordScan, may_match, required_words
from eventline.text.fold import fold_key
from eventline.text.sentences import split_sentences

EVENT, CONTEXT = "event", "context"
RECORD_CLASSES = (EVENT, CONTEXT)
GRAINS = ("day", "month", "year", "long")
MARKER = "@DATE@"
RULES_COLUMNS = ("priority", "rule_id", "record_class", "grains", "roles", "pattern", "reason")
# What the record's date does in its sentence, as the segmenter read it
# (:mod:`eventline.silver.date_roles`); a rule may apply to some roles only.
ROLES = ("event", "report", "alternative", "since", "from", "planned", "appositive", "attributive")
DEFAULT_RULES_PATH = reference_file("record_class_rules.csv")
DEFAULT_REASON = "default: a dated statement of what happened"
_DAY_SPAN = 31
_MONTH_SPAN = 62
# A date as written may carry the word that governs it ("since 2015", "On 14 August"); the
# marker replaces the date alone, so that the rules read that word before the marker.
_GOVERNING = re.compile(
    r"^(?:(?:ever\s+)?since|as\s+of|as\s+at|until|till|from|by|on|in|at|during)\s+", re.I
)


@dataclass(frozen=True)
class RecordClass:
    """The decision for one record: ``event`` or ``context``, and why."""

    record_class: str
    rule_id: str | None
    reason: str

    @property
    def label(self) -> str:
        """``rule-id: reason`` as silver's ``class_reason`` stores it."""
        return f"{self.rule_id}: {self.reason}" if self.rule_id else self.reason


DEFAULT = RecordClass(EVENT, None, DEFAULT_REASON)


@dataclass(frozen=True)
class ClassRule:
    """One row of the rule table, its pattern compiled once."""

    priority: int
    rule_id: str
    record_class: str
    grains: frozenset[str]
    pattern: re.Pattern[str] | None
    reason: str
    roles: frozenset[str] = frozenset()


def grain_of(precision: str, start: date | None = None, end: date | None = None) -> str:
    """The coarseness of a record's date, as the rules' ``grains`` column names it."""
    if precision in ("month", "year"):
        return precision
    if precision == "range" and start is not None and end is not None:
        span = (end - start).days + 1
        if span > _MONTH_SPAN:
            return "long"
        if span > _DAY_SPAN:
            return "month"
    return "day"


def marked_sentence(text: str, date_text: str | None) -> str:
    """The sentence of *text* holding *date_text*, that expression replaced by ``@DATE@``.

    The first occurrence counts (case and spacing as written); when the expression is not
    in the text (a bullet's label is kept apart) the first sentence is returned unmarked.
    """
    flat = " ".join(text.split())
    position = -1
    needle = _GOVERNING.sub("", " ".join((date_text or "").split()))
    if needle:
        position = flat.lower().find(needle.lower())
    sentences = split_sentences(flat, within_quotes=True)
    if not sentences:
        return flat
    if position < 0:
        return sentences[0].text
    for sentence in sentences:
        if sentence.start <= position < sentence.end:
            offset = position - sentence.start
            head = flat[sentence.start : sentence.start + offset]
            tail = flat[sentence.start + offset + len(needle) : sentence.end]
            return (head + MARKER + tail).strip()
    return sentences[0].text


class RecordClassifier:
    """Ordered rules; see the module docstring."""

    def __init__(self, rules: list[ClassRule]) -> None:
        ordered = sorted(rules, key=lambda rule: rule.priority)
        seen: dict[int, str] = {}
        ids: set[str] = set()
        for rule in ordered:
            if rule.rule_id in ids:
                raise ValueError(f"record class rule {rule.rule_id!r}: duplicate rule_id")
            if rule.priority in seen:
                raise ValueError(
                    f"record class rule {rule.rule_id!r}: priority {rule.priority} already"
                    f" used by {seen[rule.priority]!r}"
                )
            ids.add(rule.rule_id)
            seen[rule.priority] = rule.rule_id
        self.rules = tuple(ordered)
        # Words a match must contain: most rules are ruled out without a search.
        self._required = {
            rule.rule_id: required_words(rule.pattern) for rule in ordered if rule.pattern
        }
        self._scan = WordScan(self._required.values())

    @classmethod
    def from_csv(cls, path: Source = DEFAULT_RULES_PATH) -> RecordClassifier:
        """Load and validate a rule table; every error names the rule (or line) at fault."""
        return cls([_parse(where, row) for where, row in reference_rows(path, RULES_COLUMNS)])

    def classify(
        self, text: str, date_text: str | None, grain: str = "day", role: str = "event"
    ) -> RecordClass:
        """``event`` or ``context`` for a record's text, its date as written, its grain and
        the role of that date in its sentence."""
        sentence = marked_sentence(text, date_text)
        present: frozenset[str] | None = None  # the rules' words in the sentence, when asked
        for rule in self.rules:
            if (rule.grains and grain not in rule.grains) or (
                rule.roles and role not in rule.roles
            ):
                continue
            if rule.pattern is None:
                return RecordClass(rule.record_class, rule.rule_id, rule.reason)
            if present is None:
                present = self._scan.present(fold_key(sentence))
            if not may_match(self._required[rule.rule_id], present):
                continue
            if rule.pattern.search(sentence):
                return RecordClass(rule.record_class, rule.rule_id, rule.reason)
        return DEFAULT


def _parse(where: str, row: dict[str, str]) -> ClassRule:
    rule_id = row["rule_id"].strip()
    if not rule_id:
        raise ValueError(f"{where}: empty rule_id")
    try:
        priority = int(row["priority"])
    except ValueError:
        raise ValueError(f"{where}: rule {rule_id!r}: priority is not a number") from None
    record_class = row["record_class"].strip()
    if record_class not in RECORD_CLASSES:
        raise ValueError(f"{where}: rule {rule_id!r}: record_class must be one of {RECORD_CLASSES}")
    grains = frozenset(g.strip() for g in row["grains"].split("|") if g.strip())
    if not grains <= set(GRAINS):
        raise ValueError(f"{where}: rule {rule_id!r}: grains must be among {GRAINS}")
    roles = frozenset(r.strip() for r in row["roles"].split("|") if r.strip())
    if not roles <= set(ROLES):
        raise ValueError(f"{where}: rule {rule_id!r}: roles must be among {ROLES}")
    text = row["pattern"].strip()
    if not text and not (grains or roles):
        raise ValueError(
            f"{where}: rule {rule_id!r}: a rule without a pattern must name its grains or"
            " roles (a catch-all would decide every record)"
        )
    pattern = None
    if text:
        try:
            pattern = re.compile(text, re.IGNORECASE)
        except re.error as error:
            raise ValueError(f"{where}: rule {rule_id!r}: invalid pattern: {error}") from None
        if pattern.search(""):
            raise ValueError(f"{where}: rule {rule_id!r}: pattern matches empty text")
    reason = row["reason"].strip()
    if not reason:
        raise ValueError(f"{where}: rule {rule_id!r}: the reason is required")
    return ClassRule(priority, rule_id, record_class, grains, pattern, reason, roles)


@cache
def default_record_classifier() -> RecordClassifier:
    """The project's reviewed rule table, loaded once per process."""
    return RecordClassifier.from_csv()
