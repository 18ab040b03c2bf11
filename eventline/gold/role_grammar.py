"""The grammar of the role rules: who is the subject, the object or the agent of a verb.

Report sentences are regular enough that a few noun-phrase rules find who did what: the
subject of a verb is the nearest actor before it with only subject words between
("Suspected JNIM militants reportedly ambush"); its objects are the actors in the noun phrase
after it ("kill nine Malian soldiers"); its agents follow "by" ("carried out by AQIM and
MNLA"). Appositives, parentheses and "in <Place>" are skipped. These helpers decide nothing
about roles; :mod:`eventline.gold.roles` and :mod:`eventline.gold.acting` do.
"""

from __future__ import annotations

import re

from eventline.gold.mentions import Candidate
from eventline.gold.role_patterns import (
    AGENT_WORDS,
    APPOSITIVE,
    CLAIM_WORD,
    CLAUSE_OPENERS,
    COORDINATION,
    DATELINE,
    DISGUISED_AS,
    HEAD_NOUNS,
    HEAD_OF,
    HEDGE,
    IN_PLACE,
    LED_BY,
    MODIFIER_GAP,
    OBJECT_STOP,
    PAREN,
    POSSESSIVE_AFTER,
    PRE_SUBJECT_BLOCK,
    QUANTITY,
    RELATIVE_BEFORE,
    ROLE_NOUNS,
    SENTENCE_SUBJECT_PREFIX,
    SUBJECT_CONNECTOR,
    SUBJECT_WORDS,
    SUBORDINATOR,
    TIME_PHRASE,
    TITLE,
    TOKEN,
)


def tokens_of(gap: str) -> list[str]:
    return [t.lower().lstrip("-") for t in TOKEN.findall(gap) if t not in "-–"]


def strip_gap(gap: str) -> tuple[str, list[tuple[int, int, bool]]]:
    """Blank appositives, parentheses and "in <Place>" in a gap; report blanked spans (with
    whether each is a co-actor phrase such as "in coordinating with X")."""
    removed: list[tuple[int, int, bool]] = []

    def blank(m: re.Match[str], co: bool = False) -> str:
        removed.append((m.start(), m.end(), co))
        return " " * (m.end() - m.start())

    gap = PAREN.sub(blank, gap)
    gap = APPOSITIVE.sub(lambda m: blank(m, bool(m.group("co"))), gap)
    gap = IN_PLACE.sub(blank, gap)
    gap = TITLE.sub(blank, gap)
    gap = QUANTITY.sub(blank, gap)
    gap = TIME_PHRASE.sub(blank, gap)
    return gap, removed


def subject_gap_ok(gap: str, words: frozenset[str] = SUBJECT_WORDS) -> bool:
    stripped = gap.strip()
    stripped = re.sub(r"^\)\s*", "", stripped)
    tokens = tokens_of(stripped)
    return all(t in words for t in tokens)


def object_gap_ok(gap: str, first: bool) -> bool:
    stripped, _ = strip_gap(gap)
    all_tokens = tokens_of(stripped)
    if first and all_tokens and (all_tokens[0] in {",", "from", "by"}):
        return False  # "the attack, the army ...", "attacks from X": X is no victim
    tokens = [t for t in all_tokens if t not in {",", "(", ")", "“", "”", '"'}]
    if len(tokens) > 8:
        return False
    return all(t not in OBJECT_STOP and (t[0].isalnum()) for t in tokens) and not re.search(
        r"[;:—–.!?]", stripped
    )


def find_subject(
    sentence: str, ms: list[Candidate], pos: int, words: frozenset[str] = SUBJECT_WORDS
) -> list[Candidate]:
    """The mentions that are the grammatical subject of whatever starts at ``pos``."""
    before = [m for m in ms if m.end <= pos]
    head: Candidate | None = None
    co: list[Candidate] = []
    hidden: list[tuple[int, int]] = []
    for candidate in reversed(before):
        if candidate.modifier and not candidate.possessive:
            # "men dressed as hunters attack": the men are the subject
            disguise = DISGUISED_AS.search(sentence, max(0, candidate.start - 40), candidate.start)
            hidden.append((disguise.start() if disguise else candidate.start, candidate.end))
            continue
        raw = sentence[candidate.end : pos]
        for lo, hi in hidden:
            a, b = max(lo - candidate.end, 0), max(hi - candidate.end, 0)
            raw = raw[:a] + " " * (b - a) + raw[b:]
        gap, removed = strip_gap(raw)
        if subject_gap_ok(gap, words):
            if candidate.target:
                return []  # "kill nine Malian soldiers and wound eight": still the victim
            head = candidate
            for start, end, is_co in removed:
                if is_co:
                    lo, hi = candidate.end + start, candidate.end + end
                    co.extend(m for m in ms if lo <= m.start and m.end <= hi)
            break
    if head is None:
        return []
    i = ms.index(head)
    if head.is_person and i and LED_BY.match(sentence[ms[i - 1].end : head.start]):
        if ms[i - 1].generic_id == "unidentified-armed-group":
            ms[i - 1].modifier = True  # "armed men led by X": X's men, the actor is X's
            return [head, *co]
        head.modifier = True  # "special forces led by Lieutenant Colonel Doumbouya"
        head = ms[i - 1]
    chain = [head]
    i = ms.index(head)
    while i > 0:
        previous = ms[i - 1]
        gap = sentence[previous.end : chain[0].start]
        if MODIFIER_GAP.match(gap) or POSSESSIVE_AFTER.match(gap):
            previous.modifier = True
            break
        if is_coordination(gap) or SUBJECT_CONNECTOR.match(gap):
            chain.insert(0, previous)
            i -= 1
            continue
        break
    prefix = sentence[: chain[0].start]
    if PRE_SUBJECT_BLOCK.search(prefix[-40:]) and (
        chain[0].kind == "country" or not HEAD_OF.search(prefix[-60:])
    ):
        return []  # "attacks on X", "crossed from Niger" (but "militants from X")
    return chain + co


_DATE_SPAN = re.compile(
    r"(?:between|from)\s+(?:the\s+)?(?:night\s+of\s+)?\d{1,2}(?:\s+[A-Z][a-z]+)?\s+(?:and|to)\s+\d{1,2}"
    r"\s+[A-Z][a-z]+(?:\s+\d{4})?\s*,",
    re.IGNORECASE,
)
# A time phrase that opens a clause without a comma: "Later that night", "The next morning".
_TIME_OPENER = re.compile(
    r"^\s*(?:(?:later|earlier|early|late)\s+)?(?:that|the\s+same|the\s+following|the\s+next)"
    r"\s+(?:night|day|morning|afternoon|evening|week)\s+",
    re.IGNORECASE,
)
_COORDINATED = COORDINATION | HEAD_NOUNS
_RESTRICTIVE = re.compile(r"(?<!,)\s(?:that|which|who)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def is_coordination(gap: str) -> bool:
    tokens = tokens_of(gap)
    if not tokens:
        return True
    if "," in tokens and tokens[-1] in {"a", "an"} and not {"and", "or"} & set(tokens):
        return False  # "IRSAD, an al-Qaeda-linked group": an appositive, not a list
    allowed = _COORDINATED
    return all(t in allowed or t.isdigit() for t in tokens) and any(
        t in {",", "and", "or", "&", "("} for t in tokens
    )


def find_objects(sentence: str, ms: list[Candidate], pos: int) -> list[Candidate]:
    """The mentions in the noun phrase that starts at ``pos`` (the victims of a verb)."""
    chain: list[Candidate] = []
    anchor = pos
    for m in ms:
        if m.start < pos:
            continue
        if m.target or m.perpetrator is not None or m.claimant:
            break
        if not object_gap_ok(sentence[anchor : m.start], first=not chain):
            break
        chain.append(m)
        anchor = m.end
    return chain


def mark_targets(sentence: str, chain: list[Candidate]) -> None:
    if not chain:
        return
    has_person = any(m.is_person for m in chain)
    for i, m in enumerate(chain):
        if has_person:
            # "AQIM leader Droukdel": the person is the victim, the organisation an affiliation.
            m.target = m.is_person
            m.modifier = not m.is_person
            continue
        if i + 1 < len(chain):
            gap_tokens = set(tokens_of(sentence[m.end : chain[i + 1].start]))
            if gap_tokens & ROLE_NOUNS:
                m.modifier = True
                continue
        m.target = True


def find_agents(sentence: str, ms: list[Candidate], pos: int) -> list[Candidate]:
    """The mentions named right after ``pos`` ("by X", "to X, Y and Z")."""
    after = [m for m in ms if m.start >= pos]
    if not after:
        return []
    first = after[0]
    tokens = tokens_of(sentence[pos : first.start])
    if len(tokens) > 6 or not all(t in AGENT_WORDS for t in tokens):
        return []
    chain = [first]
    for m in after[1:]:
        gap = sentence[chain[-1].end : m.start]
        if MODIFIER_GAP.match(gap) or not is_coordination(gap):
            break
        if MODIFIER_GAP.match(sentence, m.end):
            m.modifier = True  # "by AQIM and al-Qaeda-linked militants": keep the head only
            break
        chain.append(m)
    return chain


def certainty(prefix: str) -> str:
    return "suspected" if HEDGE.search(prefix) or CLAIM_WORD.search(prefix) else "confirmed"


def sentence_subject(sentence: str, ms: list[Candidate]) -> list[Candidate]:
    """The mentions that open the sentence ("Militants from the CMA (CMA), ..."), if any."""
    first = ms[0]
    prefix = sentence[: first.start]
    tokens = tokens_of(prefix)
    head_of = re.search(
        r"(?:from|of|belonging\s+to|linked\s+to|with\s+links\s+to)\s+(?:the\s+)?$", prefix, re.I
    )
    if head_of:
        tokens = tokens_of(prefix[: head_of.start()])
    if not all(t in SENTENCE_SUBJECT_PREFIX or t in HEAD_NOUNS for t in tokens):
        return []
    chain = [first]
    for m in ms[1:]:
        gap = sentence[chain[-1].end : m.start]
        if is_coordination(gap):
            chain.append(m)
        else:
            break
    return chain


def clause_subject(
    sentence: str, ms: list[Candidate], pos: int, coordinated: bool = False
) -> list[Candidate]:
    """The actor that opens the clause of the verb at ``pos``, when nothing else is closer:
    "militants who arrived by road and by boat overran ...", "On April 7, insurgents
    entered Ménaka district, overran ...". A clause starts after ";", ":" or a
    subordinator ("when about 60 gunmen ... attacked"); a leading adverbial ("On April 7,")
    is skipped; the actor must not be a victim already, and no other actor may stand
    between unless the verb is ``coordinated`` with the clause's first verb ("Benin has lost
    120 soldiers ... and sent 3,000 troops")."""
    start = max(sentence.rfind(";", 0, pos), sentence.rfind(":", 0, pos)) + 1
    for sub in SUBORDINATOR.finditer(sentence, start, pos):
        start = sub.end()
    restrictive = _RESTRICTIVE.search(sentence, max(start, pos - 30), pos)
    if restrictive is not None:
        # "two men accused of orchestrating attacks that targeted foreigners": the noun
        # before "that" is the subject; an actor only when it is named right there.
        named = [m for m in ms if not sentence[m.end : restrictive.start()].strip()]
        return named[-1:] if named and named[-1].end <= restrictive.start() else []
    relative = RELATIVE_BEFORE.search(sentence, start, pos)
    if relative is not None:
        # The antecedent right before ", which" is the subject ("JNIM, which claimed the
        # attacks"); "violence, which reportedly killed": no actor.
        antecedent = [
            m
            for m in ms
            if m.end <= relative.start()
            and m.kind != "country"
            and not sentence[m.end : relative.start()].strip()
        ]
        return antecedent[-1:] if antecedent and not antecedent[-1].target else []
    first = next((m for m in ms if start <= m.start < pos), None)
    if first is None or first.target or first.possessive or first.modifier:
        return []
    prefix = sentence[start : first.start]
    if start == 0 and (dateline := DATELINE.match(prefix)):
        prefix = prefix[dateline.end() :]
    adverbial = re.match(r"^[^,;]{0,80},\s*", prefix)
    if adverbial and (
        not re.search(r"\b(?:and|or)\b", adverbial.group()) or _DATE_SPAN.match(adverbial.group())
    ):  # "Between 29 November and 1 December," is one adverbial
        prefix = prefix[adverbial.end() :]
    prefix = _TIME_OPENER.sub("", prefix)  # "Later that night soldiers ... and killed"
    tokens = [t for t in tokens_of(prefix) if t not in {",", "(", ")"}]
    if not all(
        t in SENTENCE_SUBJECT_PREFIX or t in HEAD_NOUNS or t.isdigit() or t in CLAUSE_OPENERS
        for t in tokens
    ):
        return []
    chain = [first]
    for m in ms[ms.index(first) + 1 :]:
        if m.start >= pos or not is_coordination(sentence[chain[-1].end : m.start]):
            break
        chain.append(m)
    _, skipped = strip_gap(sentence[chain[-1].end : pos])
    hidden = [(chain[-1].end + a, chain[-1].end + b) for a, b, _ in skipped]
    for m in ms if not coordinated else ():
        between = chain[-1].end <= m.start < pos and not m.is_person and m.kind != "country"
        if between and not any(a <= m.start < b for a, b in hidden):
            return []  # another actor stands between: "..., a framework that states set up"
    return chain
