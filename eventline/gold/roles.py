"""Decide, sentence by sentence, what each actor of a record did in it.

The rules (precision over recall: an actor no rule places is ``mentioned``):

* claimant (certainty ``claimed``): subject of "claims responsibility", "claims (that) it
  carried out", "claims to (have) <attack verb>", "claims the bombing", "has claimed
  Saturday's attack", "claimed its fighters had burned ...", "takes credit", bare "(which X)
  has claimed."; agent of "claimed by". States, missions, organisations and courts never
  claim. Every claimant is also a perpetrator with certainty ``claimed``.
* perpetrator: subject of an attack verb (attack, ambush, kill, kidnap, storm, loot, occupy,
  overrun, fire on, set off, blow up ...), the subject found as the nearest actor before the
  verb with only subject words between, else the subject of the previous verb it is
  coordinated with ("entered Ménaka, overran Tessit and occupied ..."), else the actor
  that opens the verb's clause ("militants who arrived by boat overran ..."); agent of a
  passive ("kidnapped by X"), of "an attack by X", "at the hands of X", "by a vote of X";
  "X attack", "X's deadliest attack"; "X was responsible/behind"; "attributed to X"; "blamed
  X (for)"; "accuse X of"; "X apologised for the strike"; "in conjunction with X"; hedged
  "attackers linked to X". Certainty ``suspected`` when a hedge ("suspected", "believed",
  "described as", "attributed", "blamed" ...) comes before, else ``confirmed``.
* a subject that strikes a mine or an IED is its victim; a subject whose violence falls on
  the attackers ("troops killed one of them") defends (see :mod:`eventline.gold.acting`).
* target: object of an attack verb within a short noun phrase, after "attack on|against",
  "killing of", or subject of a passive attack verb. A person beside an organisation in that
  phrase is the victim, the organisation an affiliation ("kill AQIM leader Droukdel").
* mentioned: everything else; possessives ("Goita's chief of staff") always.

Strategic developments, clashes, regained territory, protests and actions of the state with
no agent named are in :mod:`eventline.gold.acting`; what the record as a whole keeps is
decided in :mod:`eventline.gold.event_roles`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from eventline.gold.acting_patterns import DEFENDER_OBJECT
from eventline.gold.actor_model import NON_CLAIMANT_TYPES, Actor
from eventline.gold.mentions import Candidate
from eventline.gold.role_grammar import (
    certainty,
    clause_subject,
    find_agents,
    find_objects,
    find_subject,
    is_coordination,
    mark_targets,
    sentence_subject,
    tokens_of,
)
from eventline.gold.role_patterns import (
    ACCUSE,
    APOLOGY,
    ATTACK_PARTICIPLE,
    ATTACK_WORD,
    ATTRIBUTED,
    AUX_BEFORE,
    BLAME,
    BY_AFTER,
    CLAIM,
    CLAIM_NOUN,
    CLAIM_WORD,
    CLAIMED_BY,
    CONJUNCTION,
    COUNTED_BEFORE,
    ELLIPTIC_PASSIVE,
    EXPLOSIVE_OBJECT,
    FOR,
    HEAD_NOUNS,
    HEDGE,
    IDENTIFIED,
    INTENT_BEFORE,
    LEFT_VICTIMS,
    LINKED,
    NOT_AGENT_BEFORE,
    NOUN_AFTER,
    NOUN_BY,
    NOUN_OF,
    NOUN_ON,
    OF_SOON,
    PARTICIPLE,
    PASSIVE_SUBJECT_WORDS,
    PERPETRATOR_FIELD,
    POSSESSIVE_AFTER,
    POSSESSIVE_ATTACK,
    PRE_SUBJECT_BLOCK,
    REFERRING,
    RESPONSIBLE,
    STRONG_HEDGE,
    SUBORDINATOR,
    SUSPECTED_ALONE,
    VERB,
    scan,
)
from eventline.text.markup import BULLET_LABEL, LINK_MARKUP, blank
from eventline.text.sentences import sentence_spans

# (reference as written, its start and end in the record) -> the actor it refers to.
Refer = Callable[[str, int, int], Actor | None]
_STRIKE = re.compile(r"str(?:ike|ikes|uck|iking)", re.IGNORECASE)


def _opening_end(text: str) -> int:
    """Where the sentence's first clause ends (a subordinator or a semicolon)."""
    ends = [m.start() for m in SUBORDINATOR.finditer(text)] + [text.find(";")]
    return min([e for e in ends if e > 0] or [len(text)])


_NOUN_FORM = re.compile(r"(?<!s)s$|fire$|shot$|ture$|ing$", re.IGNORECASE)
_DETERMINER = re.compile(
    r"\b(?:of|from|with|for|his|her|their|its|the|a|an|these|those|such|multiple|several"
    r"|two|three|four|five|\d+|further|more|new|recent|deadly)\s+$|['’]s\s+$",
    re.IGNORECASE,
)
# "a(n)/the/its + up to two words" right before an attack word makes it a noun, unless
# an actor is among the words ("the militants attack").
_DET_PHRASE = re.compile(
    r"\b(?:a|an|the|this|these|those|its|their|his|her|[\w\-]+['’]s|regular|repeated|frequent"
    r"|recent|further|several|multiple|coordinated|deadly|numerous|many)\s+(?:[\w\-]+\s+){0,2}$"
    r"|\b(?:says|said|states|stated|reports|reported|notes|noted|warns|warned)\s+that\s+$",
    re.IGNORECASE,
)
# What the acting-party rules can find in a sentence that names no actor: a reference to
# one ("he", "the Council"), a protest, an act of the state with no agent.
_MAY_ACT = re.compile(
    r"\b(?:he|she|I|we|[Tt]he\s+[A-Z][a-z]+|the\s+(?:company|president|prime\s+minister|mission"
    r"|council|committee|junta)|arrested|detained|charged|indicted|convicted|sentenced"
    r"|acquitted|remanded|custody|house\s+arrest|judicial|demonstrations?|protests?|rall(?:y|ies)"
    r"|marches|sit-ins?|riots?|protested|demonstrated|marched|rallied)\b"
)
# A record that starts mid-sentence with its verb: "had delivered an 800-page report ...".
_CONTINUED = re.compile(r"\s*(?:[a-z][\w\-]*\s+){0,2}$")
_AND = re.compile(r"\band\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_DIRECT_ONLY = re.compile(r"occup", re.IGNORECASE)  # verbs whose subject must be right there
# Attack words that are nouns as often as verbs ("the deadliest ambush", "a raid").
_NOUN_TOO = re.compile(
    r"attacks?|ambush(?:es)?|raids?|strikes?|bombings?|shelling|assaults?|massacres?|fire"
    r"|shooting|bombs?|(?:open\s+)?fire\s+(?:on|at)",
    re.IGNORECASE,
)
_CHAINED = re.compile(r"(?:,|\band\b|\bthen\b|\bbefore\b)\s*(?:\w+ly\s+)?(?:then\s+)?$", re.I)


@dataclass
class Sentence:
    """One sentence of a record while its rules run; mention offsets are the sentence's."""

    text: str
    index: int
    offset: int  # where the sentence starts in the record
    ms: list[Candidate]
    refer: Refer | None = None
    parent_of: Callable[[str], Actor] | None = None  # an actor by id (a mission's parent)
    added: list[Candidate] = field(default_factory=list)
    events: list[tuple[int, int]] = field(default_factory=list)  # clauses of attack verbs
    # Whether VERB matched anywhere (noun or verb): then ATTACK_WORD matches too, as every
    # VERB form ends in a letter and VERB's boundaries are stricter than ATTACK_WORD's.
    attack_word: bool = False

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The pattern's matches; rare patterns skip sentences without their words."""
        return scan(pattern, self.text, self.lowered)

    def in_mention(self, offset: int) -> bool:
        return any(m.start <= offset < m.end for m in self.ms)

    def clause(self, position: int) -> tuple[int, int]:
        """The clause of ``position``: the sentence, and its part between semicolons."""
        return (self.index, self.text.count(";", 0, position))

    def referred(self, position: int) -> list[Candidate]:
        """The actor a pronoun or "the Council" right before ``position`` refers to."""
        if self.refer is None:
            return []
        found = REFERRING.search(self.text, max(0, position - 60), position)
        if found is None:
            # A record that goes on from the previous one ("had delivered a report in July"):
            # its verb's subject is the one that record's sentence began with.
            if self.offset == 0 and _CONTINUED.match(self.text[:position]):
                actor = self.refer("", 0, 0)
                if actor is not None:
                    candidate = Candidate(actor, 0, 0, kind="reference")
                    self.ms.insert(0, candidate)
                    self.added.append(candidate)
                    return [candidate]
            return []
        start, end = found.span("ref")
        if any(m.start < end and start < m.end for m in self.ms):
            return []
        actor = self.refer(found.group("ref"), start + self.offset, end + self.offset)
        if actor is None:
            return []
        candidate = Candidate(actor, start, end, kind="reference")
        self.ms.append(candidate)
        self.ms.sort(key=lambda m: (m.start, m.end))
        self.added.append(candidate)
        return [candidate]


def _claims(s: Sentence) -> None:
    for pattern in (CLAIM, CLAIM_NOUN):
        for claim in pattern.finditer(s.text):
            if s.in_mention(claim.start()):
                continue
            subjects = find_subject(s.text, s.ms, claim.start()) or clause_subject(
                s.text, s.ms, claim.start()
            )
            for m in subjects or s.referred(claim.start()):
                if m.actor.actor_type not in NON_CLAIMANT_TYPES:
                    m.claimant = True
                    m.set_perpetrator("claimed", "claim", s.clause(claim.start()))
    for claim in s.finditer(CLAIMED_BY):
        for m in find_agents(s.text, s.ms, claim.end()):
            if m.actor.actor_type not in NON_CLAIMANT_TYPES:
                m.claimant = True
                m.set_perpetrator("claimed", "claim", s.clause(claim.start()))


def _passive_victims(s: Sentence, pos: int) -> None:
    for m in find_subject(s.text, s.ms, pos, PASSIVE_SUBJECT_WORDS):
        if not m.claimant and m.perpetrator is None:
            m.target = True


def _subjects(
    s: Sentence, v_start: int, v_end: int, last: tuple[list[Candidate], int] | None
) -> list[Candidate]:
    """The subject of the verb at [v_start, v_end): by the rules of the module docstring."""
    subjects = find_subject(s.text, s.ms, v_start)
    if subjects and LEFT_VICTIMS.search(s.text[: subjects[0].start]):
        for m in subjects:  # "left a few soldiers wounded"
            m.target = True
        return []
    if not subjects and ATTACK_PARTICIPLE.search(s.text[:v_end]):
        # "Militants from the CMA ..., launching an attack": the sentence's subject acts;
        # not the subject of a clause in between ("... while security forces give chase,
        # killing 18").
        if last is not None:
            return last[0]
        opening = sentence_subject(s.text, s.ms) if s.ms else []
        if opening and all(not (opening[-1].end < m.start < v_start) for m in s.ms):
            return opening
        first_clause = [m for m in s.ms if m.start < _opening_end(s.text)]
        return clause_subject(s.text, first_clause, v_start)
    if not subjects and last is not None:
        between = s.text[last[1] : v_start]
        # An actor in between that the earlier verb did not act on opens a clause of its own
        # ("X stormed the college before security forces ended the siege and killed ...").
        other = any(
            last[1] <= m.start < v_start and not (m.target or m.modifier or m.possessive)
            for m in s.ms
        )
        if (
            not other
            and ";" not in between
            and _CHAINED.search(s.text, max(0, v_start - 30), v_start)
        ):
            subjects = last[0]
    if not subjects and _DIRECT_ONLY.match(s.text, v_start):
        return []  # "allowed for the party to occupy the majority of seats"
    if not subjects and not s.text[v_start:v_end].lower().endswith("ing"):
        coordinated = _AND.search(s.text, max(0, v_start - 30), v_start) is not None
        subjects = clause_subject(s.text, s.ms, v_start, coordinated)  # not for ", killing"
    return subjects


def _not_a_verb(s: Sentence, verb: re.Match[str]) -> bool:
    """The attack word is inside a name, a noun ("the killing of X", "died of wounds", "an
    Islamist attack") or an intention ("claiming they intended to target")."""
    v_start, v_end = verb.span()
    before = s.text[:v_start]
    if (
        s.in_mention(v_start)
        or re.match(r"\s+of\b", s.text[v_end:], re.IGNORECASE)
        or INTENT_BEFORE.search(before[-60:])
    ):
        return True
    window = max(0, v_start - 60)
    if _NOUN_FORM.search(verb.group()) and _DETERMINER.search(s.text, window, v_start):
        return True
    if not _NOUN_TOO.fullmatch(verb.group()):
        return False
    phrase = _DET_PHRASE.search(s.text, window, v_start)
    return phrase is not None and not any(phrase.start() < m.end <= v_start for m in s.ms)


def _passive(s: Sentence, verb: re.Match[str]) -> bool:
    """Handle a passive ("kidnapped by MUJAO", "X was killed"); True when it was one."""
    v_start, v_end = verb.span()
    word, before = verb.group(), s.text[:v_start]
    agent = BY_AFTER.match(s.text, v_end)
    aux = AUX_BEFORE.search(before[-30:])
    if not PARTICIPLE.search(word) or (agent is None and aux is None):
        return False
    if agent is not None and not NOT_AGENT_BEFORE.search(before[-30:]):
        for m in find_agents(s.text, s.ms, agent.end()):
            m.set_perpetrator(certainty(s.text[: m.start]), "agent", s.clause(v_start))
    if verb.group("transitive"):
        # The victim precedes: "Algerian diplomats kidnapped by MUJAO", "X was killed by".
        _passive_victims(s, v_start - len(aux.group()) if aux else v_start)
    return True


def _victims_only(s: Sentence, verb: re.Match[str], subjects: list[Candidate]) -> bool:
    """The subject suffers the verb: "a patrol struck an IED", "23 soldiers killed;"."""
    v_end = verb.end()
    struck = _STRIKE.fullmatch(verb.group()) and EXPLOSIVE_OBJECT.match(s.text, v_end)
    elliptic = (
        subjects
        and PARTICIPLE.search(verb.group())
        and ELLIPTIC_PASSIVE.match(s.text, v_end)
        and COUNTED_BEFORE.search(s.text[: subjects[0].start])
    )
    if not (struck or elliptic):
        return False
    for m in subjects:
        m.target = True
    return True


def _verbs(s: Sentence) -> None:
    last: tuple[list[Candidate], int] | None = None
    for verb in VERB.finditer(s.text):
        s.attack_word = True
        if _not_a_verb(s, verb):
            continue
        v_start, v_end = verb.span()
        s.events.append(s.clause(v_start))
        if _passive(s, verb):
            continue
        subjects = _subjects(s, v_start, v_end, last)
        if _victims_only(s, verb, subjects):
            continue
        defends = DEFENDER_OBJECT.match(s.text, v_end) is not None
        for m in subjects:
            if defends:
                m.defender = True
            else:
                m.set_perpetrator(certainty(s.text[:v_start]), "verb", s.clause(v_start))
        if subjects:
            last = (subjects, v_end)
        if verb.group("transitive") and not defends:
            mark_targets(s.text, find_objects(s.text, s.ms, v_end))


def _nouns(s: Sentence) -> None:
    for noun in (*NOUN_ON.finditer(s.text), *s.finditer(NOUN_OF)):
        if s.in_mention(noun.start()) or INTENT_BEFORE.search(s.text[: noun.start()][-60:]):
            continue
        chain = find_objects(s.text, s.ms, noun.end())
        mark_targets(s.text, chain)
        if chain and (agent := BY_AFTER.match(s.text, chain[-1].end)) is not None:
            # "the killing of al-Tilemsi by French troops"
            for m in find_agents(s.text, s.ms, agent.end()):
                m.set_perpetrator(certainty(s.text[: m.start]), "agent", s.clause(noun.start()))
    for by in NOUN_BY.finditer(s.text):
        for m in find_agents(s.text, s.ms, by.end()):
            m.set_perpetrator(certainty(s.text[: m.start]), "agent", s.clause(by.start()))
    for m in s.ms:
        if m.modifier:
            continue
        if POSSESSIVE_ATTACK.match(s.text, m.end) or (
            NOUN_AFTER.match(s.text, m.end)
            and not PRE_SUBJECT_BLOCK.search(s.text[: m.start][-40:])
        ):
            m.set_perpetrator(certainty(s.text[: m.start]), "noun", s.clause(m.start))
            m.possessive = False  # "the IS Sahel attack", "al-Shabaab's deadliest attack"


def _perpetrator_field(s: Sentence) -> None:
    """A record's "Perpetrator: X and Y" field: the actors listed first are its
    perpetrators ("Suspected …" and "(claimed)" make them suspected)."""
    field = PERPETRATOR_FIELD.match(s.text)
    after = [m for m in s.ms if m.start >= field.end()] if field else []
    chain = after[:1]
    for m in after[1:]:
        if not is_coordination(s.text[chain[-1].end : m.start]):
            break
        chain.append(m)
    for m in chain:
        m.set_perpetrator(certainty(s.text[: m.end + 12]), "attribution", s.clause(m.start))


def _responsibility(s: Sentence) -> None:
    _perpetrator_field(s)
    for rule in RESPONSIBLE.finditer(s.text):
        for m in find_subject(s.text, s.ms, rule.start()):
            m.set_perpetrator(
                certainty(s.text[: rule.end()]), "attribution", s.clause(rule.start())
            )
    for rule in ATTRIBUTED.finditer(s.text):
        for m in find_agents(s.text, s.ms, rule.end()):
            m.set_perpetrator("suspected", "attribution", s.clause(rule.start()))
    _verbless_attribution(s)
    for rule in BLAME.finditer(s.text):
        stop = FOR.search(s.text, rule.end())
        if stop is not None:
            inside = [m for m in s.ms if rule.end() <= m.start and m.end <= stop.start()]
            chain = find_subject(s.text, inside, stop.start())
        else:  # "blamed al-Shabaab, which said ..."
            chain = find_agents(s.text, s.ms, rule.end())
        for m in chain:
            m.set_perpetrator("suspected", "attribution", s.clause(rule.start()))
    for rule in ACCUSE.finditer(s.text):
        chain = find_agents(s.text, s.ms, rule.end())
        if chain and OF_SOON.match(s.text[chain[-1].end :]):
            for m in chain:
                if not m.possessive:
                    m.set_perpetrator("suspected", "attribution", s.clause(rule.start()))
    for rule in s.finditer(APOLOGY):
        if ATTACK_WORD.search(s.text, rule.end()):
            for m in find_subject(s.text, s.ms, rule.start()) or s.referred(rule.start()):
                m.set_perpetrator("confirmed", "attribution", s.clause(rule.start()))


def _verbless_attribution(s: Sentence) -> None:
    """Event notes' "Suspected Boko Haram." names the author of the note's attack."""
    alone = SUSPECTED_ALONE.match(s.text)
    chain = find_agents(s.text, s.ms, alone.end()) if alone is not None else []
    if alone is None or not chain:
        return
    if not set(tokens_of(s.text[chain[-1].end :])) - HEAD_NOUNS - {".", ";"}:
        for m in chain:
            m.set_perpetrator("suspected", "attribution", s.clause(alone.start()))


def _conjunction_certainty(prefix: str, claimed: bool) -> str:
    if claimed:
        return "claimed"
    if HEDGE.search(prefix):
        return "suspected"
    return "claimed" if CLAIM_WORD.search(prefix) else "confirmed"


def _accomplices(s: Sentence) -> None:
    if s.attack_word or ATTACK_WORD.search(s.text):
        claimed = any(m.claimant for m in s.ms)
        for rule in s.finditer(CONJUNCTION):
            sure = _conjunction_certainty(s.text[: rule.start()], claimed)
            for m in find_agents(s.text, s.ms, rule.end()):
                m.set_perpetrator(sure, "agent", s.clause(rule.start()))
    for rule in s.finditer(LINKED):
        if STRONG_HEDGE.search(s.text[: rule.start()]):
            for m in find_objects(s.text, s.ms, rule.end()):
                m.set_perpetrator("suspected", "attribution", s.clause(rule.start()))
    for rule in s.finditer(IDENTIFIED):
        if ATTACK_WORD.search(s.text, rule.end()):
            for m in find_objects(s.text, s.ms, rule.end()):
                m.set_perpetrator("suspected", "attribution", s.clause(rule.start()))


def working_copy(text: str) -> str:
    """``text`` with Markdown markup and bullet labels ("- **May 5, 2021:**") blanked, same
    length, so offsets stay valid."""
    work = blank(text, (LINK_MARKUP, BULLET_LABEL))
    return work.replace("\\", " ").replace("*", " ")


SentenceRule = Callable[[Sentence], None]


def assign_roles(
    text: str,
    candidates: list[Candidate],
    refer: Refer | None = None,
    more_rules: tuple[SentenceRule, ...] = (),
    events: list[tuple[int, int]] | None = None,
    actor: Callable[[str], Actor] | None = None,
) -> list[Candidate]:
    """Run the rules on every sentence of ``text``; return the candidates with their roles,
    those that references ("he", "the Council") added, in text order. ``more_rules`` run
    after the attack rules, on every sentence (the acting-party rules); ``events`` receives
    the clause of every attack verb, passive ones included."""
    work = working_copy(text)
    ordered = sorted(candidates, key=lambda c: (c.start, c.end))
    out: list[Candidate] = []
    index = 0
    for number, (s_start, s_end) in enumerate(sentence_spans(work, within_quotes=True)):
        ms: list[Candidate] = []
        while index < len(ordered) and ordered[index].start < s_end:
            candidate = ordered[index]
            if candidate.start >= s_start:
                candidate.start -= s_start
                candidate.end -= s_start
                ms.append(candidate)
            index += 1
        s = Sentence(work[s_start:s_end], number, s_start, ms, refer, actor)
        for m in ms:
            m.possessive = bool(POSSESSIVE_AFTER.match(s.text, m.end))
        if ms:
            _claims(s)
            _verbs(s)
            _nouns(s)
            _responsibility(s)
            _accomplices(s)
        if ms or _MAY_ACT.search(s.text) or (number == 0 and s.text[:1].islower()):
            for rule in more_rules:
                rule(s)
        if events is not None:
            events.extend(s.events)
        for m in s.ms:
            if m.claimant:
                m.perpetrator = "claimed"
            m.start += s_start
            m.end += s_start
        out.extend(s.ms)
    out.sort(key=lambda c: (c.start, c.end))
    return out
