"""The acting parties of events that are not one-sided attacks.

Rules run on every sentence after the attack rules of :mod:`eventline.gold.roles`:

* **Strategic developments**: the subject of a deployment ("Rwanda began deploying"), a
  launched operation, a designation, declaration, suspension, appointment, arrest, release,
  meeting, pledge or apology is the acting party ("the Department of State designated
  ISIS-Mozambique": the designated group is the target). A pronoun or a short form of a
  name ("he", "the Council") takes the actor it refers to.
* **Clashes**: both sides are acting parties -- the subject and the object of "clashed
  with", "fought", "rose against", and the parties of "clashes between X and Y", "fighting
  with X"; when the noun names nobody ("were killed in clashes"), the armed actors of its
  clause that are not just reporting it.
* **Regained territory** ("recaptured", "retook", "drove the militants out"): the forces are
  acting parties, and so is the group they fought (decided for the whole record in
  :mod:`eventline.gold.event_roles`); "X helped Y retake" makes both forces act.
* **Coups**: the officers, soldiers or junta leader who "overthrew", "toppled" or (in a
  sentence that speaks of a coup) "removed", "ousted" a ruler or "seized power" act as the
  country's military (ACLED's Military Forces of X), not the government they remove nor only
  the junta's name; the removed ruler or government is the target. A named rebel group that
  overthrows a government stays itself.
* **Defence**: the subject of "repelled", "beat back", "foiled" an attack defends: it is the
  side attacked, never the perpetrator.
* **Protests and riots**: "demonstrations ... were held" makes ACLED's Protesters of the
  event's country the acting party; "protests degenerated into riots" and "riots broke out"
  make it the Rioters.
* **The state with no agent named**: "Sonko was arrested" -- the Government of the country
  acts; "was charged", "placed under house arrest", "released under judicial supervision",
  "taken into custody" -- its Judiciary; only when the sentence names no perpetrator and no
  agent ("by ...") follows.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from eventline.gold.acting_patterns import (
    ACTING_VERB,
    CLASH_NOUN,
    CLASH_VERB,
    COUP_CUE,
    COUP_VERB,
    DEFENSIVE_VERB,
    FORCIBLE_REMOVAL,
    PASSIVE_STATE,
    PROTEST_EVENT,
    PROTEST_VERB,
    REGAIN_VERB,
    RIOT_EVENT,
)
from eventline.gold.actor_model import ARMED_GROUP_TYPES, STATE_TYPES, Actor
from eventline.gold.event_roles import NAMED_ARMED
from eventline.gold.mentions import Candidate
from eventline.gold.role_grammar import certainty, clause_subject, find_objects, find_subject
from eventline.gold.role_patterns import AUX_BEFORE, DETERMINED, INTENT_BEFORE, REPORTING_VERB
from eventline.gold.roles import Sentence, SentenceRule

# generic_id -> the generic actor in the event's country.
Make = Callable[[str], Actor | None]
FIGHTING_TYPES = STATE_TYPES | ARMED_GROUP_TYPES
_REPORTING_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:\w+\s+){0,2}?(?:said|says|say|reported|reports|told|announced|stated"
    r"|added|claimed|confirmed|denied)\b",
    re.IGNORECASE,
)
_REPORTING_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_HELPED = re.compile(r"\s+(?:help(?:s|ed|ing)?|assist(?:s|ed|ing)?|support(?:s|ed|ing)?)\s+$", re.I)
_MODIFIER_PARTICIPLE = re.compile(
    r"(?<=ed)\s+(?:across|in|at|along|on|throughout|near|around|since|there)\b", re.IGNORECASE
)
# Acts whose object bears them ("designated ISIS-Mozambique"), unlike "withdrew troops".
_AFFECTING = re.compile(
    r"designat|sanction|suspend|dismiss|dissolv|arrest|detain|releas|fre|charg|sentenc|convict"
    r"|ban|expel",
    re.IGNORECASE,
)
_HANDOVER = re.compile(r"t(?:ook|ake|akes|aking)\s+over", re.IGNORECASE)
_MISSIONS = frozenset({"peacekeeping mission", "multinational force"})
_AND_BEFORE = re.compile(r"\band\s+(?:\w+ly\s+)?(?:then\s+)?$", re.IGNORECASE)
_BY_AGENT = re.compile(r"\s+(?:[\w\-]+\s+){0,4}?by\s", re.IGNORECASE)
# Past forms are never nouns: "the army fought the rebels" is a clash, "the fight" is not.
_FINITE_CLASH = re.compile(r"(?:fought|rose|\w+ed)\b", re.IGNORECASE)
_CLASH_PARTIES = re.compile(r"\s+(?:with|between|against|involving)\s+", re.IGNORECASE)


def _subject(s: Sentence, pos: int) -> list[Candidate]:
    coordinated = _AND_BEFORE.search(s.text, max(0, pos - 30), pos) is not None
    found = find_subject(s.text, s.ms, pos) or clause_subject(s.text, s.ms, pos, coordinated)
    return [m for m in found if not m.target and not m.possessive] or s.referred(pos)


def _passive(s: Sentence, pos: int) -> bool:
    return AUX_BEFORE.search(s.text[max(0, pos - 30) : pos]) is not None


def _speakers(s: Sentence) -> list[tuple[int, list[Candidate]]]:
    """(end of the verb, its subjects) of each verb of saying of the sentence."""
    found = []
    for verb in REPORTING_VERB.finditer(s.text):
        subjects = find_subject(s.text, s.ms, verb.start())
        if subjects:
            found.append((verb.end(), subjects))
    return found


def _handover(s: Sentence, subjects: list[Candidate], verb: re.Match[str]) -> list[Candidate]:
    """ "ATMIS took over from AMISOM": a hand-over between two missions of one organisation is
    that organisation's act (the mission that takes over is not acting on its own)."""
    if not _HANDOVER.match(verb.group()) or len({m.actor.actor_id for m in subjects}) != 1:
        return subjects
    mission = subjects[-1]
    after = re.match(r"\s+(?:\w+\s+){0,2}?from\s+", s.text[verb.end() :])
    objects = find_objects(s.text, s.ms, verb.end() + after.end()) if after else []
    if mission.actor.actor_type not in _MISSIONS or not objects:
        return subjects
    other = objects[0].actor
    shared = [p for p in mission.actor.parent_ids if p in other.parent_ids]
    if other.actor_type not in _MISSIONS or not shared or s.parent_of is None:
        return subjects
    parent = s.parent_of(shared[0])
    stand_in = Candidate(parent, mission.start, mission.end, kind="reference")
    s.ms.append(stand_in)
    s.ms.sort(key=lambda m: (m.start, m.end))
    return [stand_in]


def _acting(s: Sentence) -> None:
    speakers: list[tuple[int, list[Candidate]]] | None = None
    for verb in ACTING_VERB.finditer(s.text):
        start = verb.start()
        if (
            s.in_mention(start)
            or _passive(s, start)
            or _MODIFIER_PARTICIPLE.match(s.text, verb.end())  # "troops deployed across"
            or INTENT_BEFORE.search(s.text[max(0, start - 60) : start])  # "planned to deploy"
        ):
            continue
        kind = "military" if verb.group("military") else "state"
        subjects = find_subject(s.text, s.ms, start)
        if not subjects and _AND_BEFORE.search(s.text, max(0, start - 30), start):
            # "Deby said Chadian soldiers would ... and asked Niger and Nigeria to ..."
            speakers = _speakers(s) if speakers is None else speakers
            earlier = [(end, who) for end, who in speakers if end <= start]
            if earlier and ";" not in s.text[earlier[-1][0] : start]:
                subjects = earlier[-1][1]
        for m in _handover(s, subjects or _subject(s, start), verb):
            if kind == "state" and m.actor.actor_type == "civilians":
                continue  # "the smuggling of migrants and annulled ...": no civilian's act
            m.set_perpetrator(certainty(s.text[:start]), "acting", s.clause(start))
            m.verb_class = m.verb_class or kind
        for m in find_objects(s.text, s.ms, verb.start() + len(verb.group().split()[0])):
            if kind == "military":
                if m.kind == "named" and m.actor.actor_type in STATE_TYPES:
                    # "Mali launched Operation Maliko": the operation acts.
                    m.set_perpetrator(certainty(s.text[:start]), "acting", s.clause(start))
            elif m.perpetrator is None and _AFFECTING.match(verb.group()):
                m.target = True  # "designated ISIS-Mozambique", "suspended Guinea"


def _regains(s: Sentence) -> None:
    for verb in s.finditer(REGAIN_VERB):
        start = verb.start()
        if s.in_mention(start) or _passive(s, start):
            continue
        subjects = _subject(s, start)
        if subjects:
            i = s.ms.index(subjects[0])
            if i and _HELPED.fullmatch(s.text[s.ms[i - 1].end : subjects[0].start]):
                subjects = [s.ms[i - 1], *subjects]  # "Rwandan troops helped Mozambican forces"
        for m in subjects:
            m.set_perpetrator(certainty(s.text[:start]), "regain", s.clause(start))
            m.verb_class = "regain"
        object_start = verb.start() + len(verb.group().split()[0])
        for m in find_objects(s.text, s.ms, object_start):
            if m.actor.actor_type in ARMED_GROUP_TYPES:
                m.target, m.clash = False, True
                m.set_perpetrator("confirmed", "clash", s.clause(start))


def _reporting(s: Sentence, m: Candidate) -> bool:
    return bool(
        _REPORTING_AFTER.match(s.text, m.end)
        or _REPORTING_BEFORE.search(s.text, max(0, m.start - 30), m.start)
    )


def _clashes(s: Sentence) -> None:
    for verb in CLASH_VERB.finditer(s.text):
        start = verb.start()
        finite = _FINITE_CLASH.match(verb.group()) is not None  # "the army fought": a verb
        if s.in_mention(start) or (
            not finite and DETERMINED.search(s.text[max(0, start - 40) : start])
        ):
            continue  # "the fight against terrorism": no clash
        sure = certainty(s.text[:start])
        parties = [*_subject(s, start), *find_objects(s.text, s.ms, verb.end())]
        for m in parties:
            m.clash, m.target = True, False
            m.set_perpetrator(sure, "clash", s.clause(start))
    for noun in CLASH_NOUN.finditer(s.text):
        if s.in_mention(noun.start()):
            continue
        named = []
        parties = _CLASH_PARTIES.match(s.text, noun.end())
        if parties is not None:
            named = find_objects(s.text, s.ms, parties.end())
        lo = s.text.rfind(";", 0, noun.start()) + 1
        hi = s.text.find(";", noun.end())
        hi = len(s.text) if hi < 0 else hi
        around = [
            m
            for m in s.ms
            if lo <= m.start < hi
            and m.actor.actor_type in FIGHTING_TYPES
            and not m.possessive
            and not _reporting(s, m)
            and (m.target or m.perpetrator is not None or m.kind != "reference")
        ]
        for m in {id(m): m for m in [*named, *around]}.values():
            m.clash, m.target = True, False
            m.set_perpetrator(certainty(s.text[: noun.start()]), "clash", s.clause(noun.start()))


def _defensive(s: Sentence) -> None:
    for verb in DEFENSIVE_VERB.finditer(s.text):
        for m in find_subject(s.text, s.ms, verb.start()) or clause_subject(
            s.text, s.ms, verb.start()
        ):
            m.defender = True


def _add(s: Sentence, actor: Actor | None, start: int, end: int, how: str) -> None:
    if actor is None:
        return
    candidate = Candidate(actor, start, end, kind="generic", generic_id=actor.generic_id)
    candidate.set_perpetrator("confirmed", how, s.clause(start))
    s.ms.append(candidate)
    s.ms.sort(key=lambda m: (m.start, m.end))


def protest_rules(make: Make) -> SentenceRule:
    def rule(s: Sentence) -> None:
        for verb in PROTEST_VERB.finditer(s.text):
            if s.in_mention(verb.start()) or _passive(s, verb.start()):
                continue
            for m in find_subject(s.text, s.ms, verb.start()):
                crowd = make("protesters")
                if m.actor.generic_id == "civilians" and crowd is not None:
                    m.actor = crowd  # "Malian citizens have protested Keita"
                if m.actor.generic_id == "protesters":
                    m.set_perpetrator("confirmed", "protest", s.clause(verb.start()))
        for event in s.finditer(PROTEST_EVENT):
            generic = "rioters" if event.group("riot") else "protesters"
            if not any(m.actor.generic_id == generic for m in s.ms):
                _add(s, make(generic), event.start(), event.start("gap"), "protest")
        for riot in s.finditer(RIOT_EVENT):
            if not any(m.actor.generic_id == "rioters" for m in s.ms):
                _add(s, make("rioters"), riot.start(), riot.end(), "protest")

    return rule


def passive_state_rules(make: Make) -> SentenceRule:
    def rule(s: Sentence) -> None:
        if any(m.perpetrator is not None for m in s.ms):
            return
        for verb in s.finditer(PASSIVE_STATE):
            after = s.text[verb.end() : verb.end() + 60]
            if re.match(r"\s+(?:\w+\s+){0,4}?by\b", after, re.IGNORECASE) and not re.match(
                r"\s+(?:\w+\s+){0,4}?by\s+decision\s+of\s+the\s+[\w\-]+\s+(?:unit|office)", after
            ):
                continue
            generic = "judiciary" if verb.group("judicial") else "government"
            if re.match(r"\s+(?:\w+\s+){0,6}?by\s+decision\s+of\b", after, re.IGNORECASE):
                generic = "judiciary"
            _add(s, make(generic), verb.start(), verb.end(), "passive-state")
            return

    return rule


def _coup_plotters(m: Candidate) -> bool:
    """Who a coup's subject stands for: officers, a junta, its leader, the forces (or a word
    misread as an armed group: "a group of officers"); a named rebel group stays itself."""
    if m.actor.actor_type in NAMED_ARMED:
        return False
    return m.is_person or m.actor.actor_type in STATE_TYPES or m.actor.is_generic


def coup_rules(make: Make) -> SentenceRule:
    def rule(s: Sentence) -> None:
        for verb in s.finditer(COUP_VERB):
            start = verb.start()
            if s.in_mention(start) or _passive(s, start) or _BY_AGENT.match(s.text, verb.end()):
                continue  # "were arrested and ousted ... by the junta leader": passive
            if not (COUP_CUE.search(s.text) or FORCIBLE_REMOVAL.match(verb.group())):
                continue
            opening = max(s.text.rfind(";", 0, start), s.text.rfind(":", 0, start)) + 1
            subjects = [m for m in _subject(s, start) if _coup_plotters(m)] or [
                m  # "Captain X and a group of officers removed ...": all of the clause's opening
                for m in s.ms
                if opening <= m.start and m.end <= start and not m.target and _coup_plotters(m)
            ]
            military = make("military-forces")
            if not subjects or military is None:
                continue
            for m in subjects:  # they act as the military, here and in the verbs after
                m.actor, m.kind, m.generic_id = military, "generic", "military-forces"
                m.set_perpetrator(certainty(s.text[:start]), "acting", s.clause(start))
                m.verb_class = "state"
            removed = find_objects(s.text, s.ms, verb.start() + len(verb.group().split()[0]))
            for m in removed:
                m.target = True
            return

    return rule


def acting_rules(make: Make) -> tuple[SentenceRule, ...]:
    """The rules of the module docstring, in the order they run."""
    return (
        _clashes,
        _regains,
        coup_rules(make),
        _acting,
        _defensive,
        protest_rules(make),
        passive_state_rules(make),
    )
