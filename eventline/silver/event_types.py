"""Classify an event's English text into ACLED event and sub-event types by reviewed rules.

The rules live in ``schemas/reference/event_type_rules.csv`` so that analysts can read why a
record got its type and curators can change the table without touching code. Each decision
names the rule that made it, so silver can store provenance and report what no rule knew.

How a text is classified (the README's "Event types" section says the same for analysts):

1. The text is split into sentences. Reports state the event in the lead sentence; later
   sentences carry claims, back-story, trials and statements that must not decide the type
   ("JNIM releases X ... X was kidnapped in 2017" is a release, not a kidnapping).
2. A rule may name an ``unless`` pattern (a regular expression, or ``@cue`` for a shared one
   of ``event_type_cues.csv``): when it matches the incident's text (the record up to a
   sentence that opens another incident: "That same day, …", "On June 5, …"), the rule does
   not apply. This is how the codebook's hierarchy is kept: a bomb, a shell or a strike
   within a ground assault (gunmen, a siege, an ambush, an assault on a base) is one
   Battles event, or one Attack on civilians, not an Explosions/Remote violence event.
3. The first sentence that any rule matches decides; within it, the rule with the lowest
   ``priority`` wins. No rule matching any sentence gives an all-``None`` result.
4. A remote weapon without a ground assault wins over the target, as in ACLED: when the
   deciding rule is a plain armed clash or attack on civilians and the next sentence names a
   remote weapon ("The explosion, caused by a car bomb, ..."), the first Explosions/Remote
   violence rule matching that sentence decides instead.

:func:`refine_with_casualties` then applies the codebook's refinements that depend on the
figures (an abduction with victims killed is an Attack, and so on).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from eventline.reference import Source, reference_file
from eventline.silver.casualties import Casualties, CasualtyCount
from eventline.silver.required_words import WordScan, may_match, required_words
from eventline.text.fold import fold_key
from eventline.text.sentences import split_sentences as _split

# ACLED's event types and their sub-event types, spelled exactly as ACLED spells them.
ACLED_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": (
        "Violent demonstration",
        "Mob violence",
    ),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

RULES_HEADER = (
    "priority",
    "rule_id",
    "pattern",
    "event_type",
    "sub_event_type",
    "unless",
    "note",
)
CUES_HEADER = ("cue", "pattern", "note")
DEFAULT_RULES_PATH = reference_file("event_type_rules.csv")
DEFAULT_CUES_PATH = reference_file("event_type_cues.csv")
# A sentence that opens another incident ends the incident whose text ``unless`` reads.
_NEW_INCIDENT_OPENING = re.compile(
    r"(?:(?:that|the)\s+same\s+(?:day|night|morning|evening|week)|later\s+that\s+(?:day|night)"
    r"|hours\s+later|(?:the\s+)?(?:next|following)\s+(?:day|night|morning)|separately"
    r"|meanwhile|elsewhere|in\s+(?:a|another)\s+(?:separate|second|similar|further|different)"
    r"|(?:on|in|by)\s+(?:early\s+|late\s+|mid-)?(?:january|february|march|april|may|june"
    r"|july|august|september|october|november|december)\b)",
    re.IGNORECASE,
)

# A weapon named in the sentence after the lead overrides these two generic decisions.
WEAPON_EVENT_TYPE = "Explosions/Remote violence"
REFINABLE_BY_WEAPON = frozenset(
    {("Battles", "Armed clash"), ("Violence against civilians", "Attack")}
)


@dataclass(frozen=True)
class EventType:
    """The decision for one text; all fields are None when no rule matched."""

    event_type: str | None
    sub_event_type: str | None
    rule_id: str | None
    matched_text: str | None


UNCLASSIFIED = EventType(None, None, None, None)


@dataclass(frozen=True)
class Rule:
    """One row of the rule table, with its pattern compiled once."""

    priority: int
    rule_id: str
    pattern: re.Pattern[str]
    event_type: str
    sub_event_type: str
    note: str
    unless: re.Pattern[str] | None = None


def check_acled_pair(rule_id: str, event_type: str, sub_event_type: str) -> None:
    """Refuse a type ACLED does not have, so a typo in the table fails at load, not in gold."""
    if event_type not in ACLED_EVENT_TYPES:
        raise ValueError(
            f"rule {rule_id!r}: unknown ACLED event type {event_type!r}"
            f" (expected one of {sorted(ACLED_EVENT_TYPES)})"
        )
    if sub_event_type not in ACLED_EVENT_TYPES[event_type]:
        raise ValueError(
            f"rule {rule_id!r}: {sub_event_type!r} is not a sub-event type of {event_type!r}"
            f" (expected one of {list(ACLED_EVENT_TYPES[event_type])})"
        )


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` (the one splitter; a quotation's sentences count): the lead
    comes first."""
    return [sentence.text for sentence in _split(text, within_quotes=True)]


class EventClassifier:
    """Ordered rules; see the module docstring for how a decision is made."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        ordered = sorted(rules, key=lambda rule: rule.priority)
        seen_ids: set[str] = set()
        seen_priorities: dict[int, str] = {}
        for rule in ordered:
            check_acled_pair(rule.rule_id, rule.event_type, rule.sub_event_type)
            if rule.rule_id in seen_ids:
                raise ValueError(f"rule {rule.rule_id!r}: duplicate rule_id")
            if rule.priority in seen_priorities:
                # Equal priorities would make the winner depend on file order: say which first.
                raise ValueError(
                    f"rule {rule.rule_id!r}: priority {rule.priority} already used by"
                    f" {seen_priorities[rule.priority]!r}"
                )
            if rule.pattern.search(""):
                raise ValueError(
                    f"rule {rule.rule_id!r}: pattern matches empty text (catch-alls are not"
                    " allowed: an unmatched text must stay unclassified)"
                )
            seen_ids.add(rule.rule_id)
            seen_priorities[rule.priority] = rule.rule_id
        self.rules: tuple[Rule, ...] = tuple(ordered)
        self._weapon_rules = tuple(r for r in ordered if r.event_type == WEAPON_EVENT_TYPE)
        self._required = {rule.rule_id: required_words(rule.pattern) for rule in ordered}
        # Each distinct ``unless`` pattern (a shared cue serves several rules) is searched
        # once per text, after the same required-words test as the rules.
        self._vetoes: dict[re.Pattern[str], tuple[frozenset[str] | None, set[str]]] = {}
        for rule in ordered:
            if rule.unless is not None:
                veto = self._vetoes.setdefault(rule.unless, (required_words(rule.unless), set()))
                veto[1].add(rule.rule_id)
        # All those words are looked for in a text in one pass (not rule by rule).
        self._scan = WordScan(
            [*self._required.values(), *(words for words, _ in self._vetoes.values())]
        )

    @classmethod
    def from_csv(
        cls, path: Source = DEFAULT_RULES_PATH, cues: Source = DEFAULT_CUES_PATH
    ) -> EventClassifier:
        """Load and validate a rule table; every error names the rule (or line) at fault."""
        named = _read_cues(cues)
        with io.StringIO(
            reference_file(path).read_text(encoding="utf-8-sig"), newline=""
        ) as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None or tuple(h.strip() for h in header) != RULES_HEADER:
                raise ValueError(f"{path}: header must be {','.join(RULES_HEADER)}, got {header}")
            rules = [
                _parse_row(row, reader.line_num, path, named)
                for row in reader
                if any(cell.strip() for cell in row)
            ]
        return cls(rules)

    def classify(self, text: str) -> EventType:
        """Type of the event *text* reports, or all None when no rule applies."""
        sentences = split_sentences(" ".join(text.split()))
        incident = " ".join(incident_sentences(sentences))
        vetoed = self._vetoed(incident)
        rules = tuple(r for r in self.rules if r.rule_id not in vetoed)
        weapons = tuple(r for r in self._weapon_rules if r.rule_id not in vetoed)
        for index, sentence in enumerate(sentences):
            decision = self._first_match(rules, sentence)
            if decision is None:
                continue
            rule, _ = decision
            if (rule.event_type, rule.sub_event_type) in REFINABLE_BY_WEAPON and index + 1 < len(
                sentences
            ):
                weapon = self._first_match(weapons, sentences[index + 1])
                if weapon is not None:
                    decision = weapon
            rule, match = decision
            return EventType(rule.event_type, rule.sub_event_type, rule.rule_id, match.group(0))
        return UNCLASSIFIED

    def _vetoed(self, incident: str) -> set[str]:
        """The rules whose ``unless`` pattern the incident's sentences match."""
        present = self._scan.present(fold_key(incident))
        vetoed: set[str] = set()
        for pattern, (words, rule_ids) in self._vetoes.items():
            if not may_match(words, present):
                continue
            if pattern.search(incident):
                vetoed |= rule_ids
        return vetoed

    def _first_match(
        self, rules: Iterable[Rule], sentence: str
    ) -> tuple[Rule, re.Match[str]] | None:
        present = self._scan.present(fold_key(sentence))
        for rule in rules:
            if not may_match(self._required[rule.rule_id], present):
                continue  # the pattern cannot match: skip the (much slower) regex search
            match = rule.pattern.search(sentence)
            if match:
                return rule, match
        return None


def incident_sentences(sentences: list[str]) -> list[str]:
    """The sentences of the record's first incident: up to one that opens another."""
    for index, sentence in enumerate(sentences[1:], start=1):
        if _NEW_INCIDENT_OPENING.match(sentence):
            return sentences[:index]
    return sentences


def _read_cues(path: Source) -> dict[str, re.Pattern[str]]:
    """The shared ``unless`` patterns, by name (``@name`` in the rule table)."""
    with io.StringIO(reference_file(path).read_text(encoding="utf-8-sig"), newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header) != CUES_HEADER:
            raise ValueError(f"{path}: header must be {','.join(CUES_HEADER)}, got {header}")
        cues: dict[str, re.Pattern[str]] = {}
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(CUES_HEADER) or not row[0].strip() or not row[2].strip():
                raise ValueError(f"{path}:{reader.line_num}: a cue needs a name, pattern and note")
            name = row[0].strip()
            if name in cues:
                raise ValueError(f"{path}:{reader.line_num}: cue {name!r} defined twice")
            cues[name] = _compile(row[1].strip(), f"cue {name!r}")
    return cues


def _compile(pattern: str, what: str) -> re.Pattern[str]:
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"{what}: invalid pattern: {error}") from None
    if compiled.search(""):
        raise ValueError(f"{what}: pattern matches empty text")
    return compiled


def _parse_row(
    row: list[str], line_no: int, path: Source, cues: Mapping[str, re.Pattern[str]]
) -> Rule:
    if len(row) != len(RULES_HEADER):
        raise ValueError(f"{path}:{line_no}: expected {len(RULES_HEADER)} fields, got {len(row)}")
    priority_text, rule_id, pattern, event_type, sub_event_type, unless_text, note = (
        c.strip() for c in row
    )
    if not rule_id:
        raise ValueError(f"{path}:{line_no}: empty rule_id")
    try:
        priority = int(priority_text)
    except ValueError:
        raise ValueError(f"rule {rule_id!r}: priority {priority_text!r} is not a number") from None
    if not pattern:
        raise ValueError(f"rule {rule_id!r}: empty pattern")
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"rule {rule_id!r}: invalid pattern: {error}") from None
    check_acled_pair(rule_id, event_type, sub_event_type)
    unless = None
    if unless_text.startswith("@"):
        if unless_text[1:] not in cues:
            raise ValueError(f"rule {rule_id!r}: unknown cue {unless_text!r}")
        unless = cues[unless_text[1:]]
    elif unless_text:
        unless = _compile(unless_text, f"rule {rule_id!r}: unless")
    return Rule(priority, rule_id, compiled, event_type, sub_event_type, note, unless)


def _hurt(count: CasualtyCount) -> bool:
    return count.best is not None and count.best > 0


VAC, ATTACK = "Violence against civilians", "Attack"


def refine_with_casualties(event: EventType, casualties: Casualties) -> EventType:
    """The codebook's refinements that depend on the figures, not on the words.

    * an abduction with victims killed is an Attack ("if fatalities or serious injuries
      are reported during the abduction ... the event is recorded as an Attack"), and an
      attack on civilians whose only harm reported is people abducted is an Abduction
      ("stormed the school and marched the pupils away ... 344 abducted");
    * looting or property destruction with people killed or hurt is an Attack (looting is
      coded "outside the context of other forms of violence");
    * an attack whose only victims killed are soldiers, police or militia is a fight
      (Battles): the codebook's civilians are "unarmed non-combatants";
    * a protest with deaths is Excessive force against protesters.

    The rule id gains a ``+killed`` / ``+abducted`` / ``+hurt`` / ``+forces`` suffix so that
    silver says why.
    """
    pair = (event.event_type, event.sub_event_type)
    killed, hurt = _hurt(casualties.killed), _hurt(casualties.injured)
    refined: tuple[str, str, str] | None = None
    if pair == (VAC, "Abduction/forced disappearance") and killed:
        refined = (VAC, ATTACK, "killed")
    elif pair == (VAC, ATTACK) and _hurt(casualties.kidnapped) and not (killed or hurt):
        refined = (VAC, "Abduction/forced disappearance", "abducted")
    elif pair == ("Strategic developments", "Looting/property destruction") and (killed or hurt):
        refined = (VAC, ATTACK, "hurt")
    elif pair == (VAC, ATTACK) and casualties.killed_victims == frozenset({"forces"}):
        refined = ("Battles", "Armed clash", "forces")
    elif event.event_type == "Protests" and killed:
        refined = ("Protests", "Excessive force against protesters", "killed")
    if refined is None or refined[:2] == pair:
        return event
    event_type, sub_event_type, why = refined
    return EventType(event_type, sub_event_type, f"{event.rule_id}+{why}", event.matched_text)


@cache
def default_classifier() -> EventClassifier:
    """The project's reviewed rule table, loaded and compiled once per process."""
    return EventClassifier.from_csv()
