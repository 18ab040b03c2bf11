"""Decide each actor mention's role in its sentence (the rules are listed in
:mod:`eventline.gold.actors`): claimant, perpetrator, target or mentioned, with a certainty.

Precision over recall: a mention that no rule places is ``mentioned``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from eventline.gold.actor_model import NON_CLAIMANT_TYPES, Actor, ActorMention
from eventline.gold.role_patterns import (
    ACCUSE,
    AGENT_WORDS,
    APPOSITIVE,
    ATTACK_PARTICIPLE,
    ATTACK_WORD,
    ATTRIBUTED,
    AUX_BEFORE,
    BLAME,
    BY_AFTER,
    CLAIM,
    CLAIM_WORD,
    CLAIMED_BY,
    CONJUNCTION,
    COORDINATION,
    FOR,
    HEAD_NOUNS,
    HEAD_OF,
    HEDGE,
    IN_PLACE,
    INTENT_BEFORE,
    LINKED,
    MODIFIER_GAP,
    NOT_AGENT_BEFORE,
    NOUN_AFTER,
    NOUN_OF,
    NOUN_ON,
    OBJECT_STOP,
    OF_SOON,
    PAREN,
    PARTICIPLE,
    PASSIVE_SUBJECT_WORDS,
    POSSESSIVE_AFTER,
    PRE_SUBJECT_BLOCK,
    QUANTITY,
    RESPONSIBLE,
    ROLE_NOUNS,
    SENTENCE_SUBJECT_PREFIX,
    STRONG_HEDGE,
    SUBJECT_CONNECTOR,
    SUBJECT_WORDS,
    TITLE,
    TOKEN,
    VERB,
)
from eventline.text.markup import BULLET_LABEL, LINK_MARKUP, blank
from eventline.text.sentences import sentence_spans


@dataclass
class _Mention:
    actor: Actor
    start: int  # offsets within the sentence
    end: int
    claimant: bool = False
    perpetrator: str | None = None  # certainty
    target: bool = False
    modifier: bool = False
    possessive: bool = False
    co_subjects: list[_Mention] = field(default_factory=list)

    @property
    def is_person(self) -> bool:
        return self.actor.actor_type == "person"

    def set_perpetrator(self, certainty: str) -> None:
        rank = {"confirmed": 0, "claimed": 1, "suspected": 2}
        if self.perpetrator is None or rank[certainty] < rank[self.perpetrator]:
            self.perpetrator = certainty

    def emit(self, text: str, offset: int) -> list[ActorMention]:
        start, end = self.start + offset, self.end + offset

        def make(role: str, certainty: str | None) -> ActorMention:
            return ActorMention(self.actor.actor_id, text[start:end], role, certainty, start, end)

        if self.possessive or self.modifier:
            return [make("mentioned", None)]
        if self.claimant:
            return [make("claimant", "claimed"), make("perpetrator", "claimed")]
        if self.perpetrator is not None:
            return [make("perpetrator", self.perpetrator)]
        if self.target:
            return [make("target", None)]
        return [make("mentioned", None)]


def _tokens(gap: str) -> list[str]:
    return [t.lower().lstrip("-") for t in TOKEN.findall(gap) if t not in "-–"]


def _strip_gap(gap: str) -> tuple[str, list[tuple[int, int, bool]]]:
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
    return gap, removed


def _subject_gap_ok(gap: str, words: frozenset[str] = SUBJECT_WORDS) -> bool:
    stripped = gap.strip()
    stripped = re.sub(r"^\)\s*", "", stripped)
    tokens = _tokens(stripped)
    return all(t in words for t in tokens)


def _object_gap_ok(gap: str, first: bool) -> bool:
    stripped, _ = _strip_gap(gap)
    all_tokens = _tokens(stripped)
    if first and all_tokens and (all_tokens[0] in {",", "from", "by"}):
        return False  # "the attack, the army ...", "attacks from X": X is no victim
    tokens = [t for t in all_tokens if t not in {",", "(", ")", "“", "”", '"'}]
    if len(tokens) > 8:
        return False
    return all(t not in OBJECT_STOP and (t[0].isalnum()) for t in tokens) and not re.search(
        r"[;:—–.!?]", stripped
    )


def _find_subject(
    sentence: str, ms: list[_Mention], pos: int, words: frozenset[str] = SUBJECT_WORDS
) -> list[_Mention]:
    """The mentions that are the grammatical subject of whatever starts at ``pos``."""
    before = [m for m in ms if m.end <= pos]
    head: _Mention | None = None
    co: list[_Mention] = []
    for candidate in reversed(before):
        gap, removed = _strip_gap(sentence[candidate.end : pos])
        if _subject_gap_ok(gap, words):
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
    chain = [head]
    i = ms.index(head)
    while i > 0:
        previous = ms[i - 1]
        gap = sentence[previous.end : chain[0].start]
        if MODIFIER_GAP.match(gap) or POSSESSIVE_AFTER.match(gap):
            previous.modifier = True
            break
        if _is_coordination(gap) or SUBJECT_CONNECTOR.match(gap):
            chain.insert(0, previous)
            i -= 1
            continue
        break
    prefix = sentence[: chain[0].start]
    if PRE_SUBJECT_BLOCK.search(prefix[-40:]) and not HEAD_OF.search(prefix[-60:]):
        return []
    return chain + co


def _is_coordination(gap: str) -> bool:
    tokens = _tokens(gap)
    if not tokens:
        return True
    if "," in tokens and tokens[-1] in {"a", "an"} and not {"and", "or"} & set(tokens):
        return False  # "IRSAD, an al-Qaeda-linked group": an appositive, not a list
    allowed = COORDINATION | HEAD_NOUNS | {str(n) for n in range(1000)}
    return all(t in allowed or t.isdigit() for t in tokens) and any(
        t in {",", "and", "or", "&", "("} for t in tokens
    )


def _find_objects(sentence: str, ms: list[_Mention], pos: int) -> list[_Mention]:
    """The mentions in the noun phrase that starts at ``pos`` (the victims of a verb)."""
    chain: list[_Mention] = []
    anchor = pos
    for m in ms:
        if m.start < pos:
            continue
        if m.target or m.perpetrator is not None or m.claimant:
            break
        if not _object_gap_ok(sentence[anchor : m.start], first=not chain):
            break
        chain.append(m)
        anchor = m.end
    return chain


def _mark_targets(sentence: str, chain: list[_Mention]) -> None:
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
            gap_tokens = set(_tokens(sentence[m.end : chain[i + 1].start]))
            if gap_tokens & ROLE_NOUNS:
                m.modifier = True
                continue
        m.target = True


def _find_agents(sentence: str, ms: list[_Mention], pos: int) -> list[_Mention]:
    """The mentions named right after ``pos`` ("by X", "to X, Y and Z")."""
    after = [m for m in ms if m.start >= pos]
    if not after:
        return []
    first = after[0]
    tokens = _tokens(sentence[pos : first.start])
    if len(tokens) > 4 or not all(t in AGENT_WORDS for t in tokens):
        return []
    chain = [first]
    for m in after[1:]:
        gap = sentence[chain[-1].end : m.start]
        if MODIFIER_GAP.match(gap) or not _is_coordination(gap):
            break
        if MODIFIER_GAP.match(sentence, m.end):
            m.modifier = True  # "by AQIM and al-Qaeda-linked militants": keep the head only
            break
        chain.append(m)
    return chain


def _certainty(prefix: str) -> str:
    return "suspected" if HEDGE.search(prefix) or CLAIM_WORD.search(prefix) else "confirmed"


def _sentence_subject(sentence: str, ms: list[_Mention]) -> list[_Mention]:
    """The mentions that open the sentence ("Militants from the CMA (CMA), ..."), if any."""
    first = ms[0]
    prefix = sentence[: first.start]
    tokens = _tokens(prefix)
    head_of = re.search(
        r"(?:from|of|belonging\s+to|linked\s+to|with\s+links\s+to)\s+(?:the\s+)?$", prefix, re.I
    )
    if head_of:
        tokens = _tokens(prefix[: head_of.start()])
    if not all(t in SENTENCE_SUBJECT_PREFIX or t in HEAD_NOUNS for t in tokens):
        return []
    chain = [first]
    for m in ms[1:]:
        gap = sentence[chain[-1].end : m.start]
        if _is_coordination(gap):
            chain.append(m)
        else:
            break
    return chain


def _assign_roles(sentence: str, ms: list[_Mention]) -> None:
    """Apply the role rules of :mod:`eventline.gold.actors` to one sentence's mentions."""
    for m in ms:
        m.possessive = bool(POSSESSIVE_AFTER.match(sentence, m.end))
    spans = [(m.start, m.end) for m in ms]

    def in_mention(offset: int) -> bool:
        return any(s <= offset < e for s, e in spans)

    # Claims first: a claimant's verbs below must not re-decide its certainty.
    _claims(sentence, ms, in_mention)
    _verbs(sentence, ms, in_mention)
    _nouns(sentence, ms, in_mention)
    _responsibility(sentence, ms)
    _accomplices(sentence, ms)
    for m in ms:
        if m.claimant:
            m.perpetrator = "claimed"


def _claims(sentence: str, ms: list[_Mention], in_mention: Callable[[int], bool]) -> None:
    for claim in CLAIM.finditer(sentence):
        if in_mention(claim.start()):
            continue
        for m in _find_subject(sentence, ms, claim.start()):
            if m.actor.actor_type not in NON_CLAIMANT_TYPES:
                m.claimant = True
    for claim in CLAIMED_BY.finditer(sentence):
        for m in _find_agents(sentence, ms, claim.end()):
            if m.actor.actor_type not in NON_CLAIMANT_TYPES:
                m.claimant = True


def _passive_victims(sentence: str, ms: list[_Mention], pos: int) -> None:
    for m in _find_subject(sentence, ms, pos, PASSIVE_SUBJECT_WORDS):
        if not m.claimant and m.perpetrator is None:
            m.target = True


def _verbs(sentence: str, ms: list[_Mention], in_mention: Callable[[int], bool]) -> None:
    sentence_subject: list[_Mention] | None = None
    for verb in VERB.finditer(sentence):
        v_start, v_end = verb.span()
        before = sentence[:v_start]
        if (
            in_mention(v_start)
            or re.match(r"\s+of\b", sentence[v_end:], re.IGNORECASE)  # "the killing of X"
            or INTENT_BEFORE.search(before[-60:])  # "claiming they intended to target ..."
        ):
            continue
        word = verb.group()
        agent = BY_AFTER.match(sentence, v_end)
        aux = AUX_BEFORE.search(before[-30:])
        pos = v_start - len(aux.group()) if aux else v_start
        if agent is not None and PARTICIPLE.search(word):
            if not NOT_AGENT_BEFORE.search(before[-30:]):
                for m in _find_agents(sentence, ms, agent.end()):
                    m.set_perpetrator(_certainty(sentence[: m.start]))
            # The victim precedes: "Algerian diplomats kidnapped by MUJAO", "X was killed by".
            if verb.group("transitive"):
                _passive_victims(sentence, ms, pos)
            continue
        if aux is not None and PARTICIPLE.search(word):
            if verb.group("transitive"):
                _passive_victims(sentence, ms, pos)
            continue
        subjects = _find_subject(sentence, ms, v_start)
        if not subjects and ATTACK_PARTICIPLE.search(sentence[:v_end]):
            # "Militants from the CMA ..., launching an attack": the sentence's subject acts.
            if sentence_subject is None:
                sentence_subject = _sentence_subject(sentence, ms)
            if sentence_subject and all(
                not (sentence_subject[-1].end < m.start < v_start) for m in ms
            ):
                subjects = sentence_subject
        for m in subjects:
            m.set_perpetrator(_certainty(sentence[:v_start]))
        if verb.group("transitive"):
            _mark_targets(sentence, _find_objects(sentence, ms, v_end))


def _nouns(sentence: str, ms: list[_Mention], in_mention: Callable[[int], bool]) -> None:
    for noun in (*NOUN_ON.finditer(sentence), *NOUN_OF.finditer(sentence)):
        if in_mention(noun.start()) or INTENT_BEFORE.search(sentence[: noun.start()][-60:]):
            continue
        chain = _find_objects(sentence, ms, noun.end())
        _mark_targets(sentence, chain)
        if chain and (agent := BY_AFTER.match(sentence, chain[-1].end)) is not None:
            # "the killing of al-Tilemsi by French troops"
            for m in _find_agents(sentence, ms, agent.end()):
                m.set_perpetrator(_certainty(sentence[: m.start]))
    for m in ms:
        if NOUN_AFTER.match(sentence, m.end) and not PRE_SUBJECT_BLOCK.search(
            sentence[: m.start][-40:]
        ):
            m.set_perpetrator(_certainty(sentence[: m.start]))  # "the IS Sahel attack"


def _responsibility(sentence: str, ms: list[_Mention]) -> None:
    for rule in RESPONSIBLE.finditer(sentence):
        for m in _find_subject(sentence, ms, rule.start()):
            m.set_perpetrator(_certainty(sentence[: rule.end()]))
    for rule in ATTRIBUTED.finditer(sentence):
        for m in _find_agents(sentence, ms, rule.end()):
            m.set_perpetrator("suspected")
    for rule in BLAME.finditer(sentence):
        stop = FOR.search(sentence, rule.end())
        if stop is not None:
            inside = [m for m in ms if rule.end() <= m.start and m.end <= stop.start()]
            for m in _find_subject(sentence, inside, stop.start()):
                m.set_perpetrator("suspected")
    for rule in ACCUSE.finditer(sentence):
        chain = _find_agents(sentence, ms, rule.end())
        if chain and OF_SOON.match(sentence[chain[-1].end :]):
            for m in chain:
                if not m.possessive:
                    m.set_perpetrator("suspected")


def _conjunction_certainty(prefix: str, claimed: bool) -> str:
    if claimed:
        return "claimed"
    if HEDGE.search(prefix):
        return "suspected"
    return "claimed" if CLAIM_WORD.search(prefix) else "confirmed"


def _accomplices(sentence: str, ms: list[_Mention]) -> None:
    if ATTACK_WORD.search(sentence):
        claimed = any(m.claimant for m in ms)
        for rule in CONJUNCTION.finditer(sentence):
            certainty = _conjunction_certainty(sentence[: rule.start()], claimed)
            for m in _find_agents(sentence, ms, rule.end()):
                m.set_perpetrator(certainty)
    for rule in LINKED.finditer(sentence):
        if STRONG_HEDGE.search(sentence[: rule.start()]):
            for m in _find_objects(sentence, ms, rule.end()):
                m.set_perpetrator("suspected")


def working_copy(text: str) -> str:
    """``text`` with Markdown markup and bullet labels ("- **May 5, 2021:**") blanked, same
    length, so offsets stay valid."""
    work = blank(text, (LINK_MARKUP, BULLET_LABEL))
    return work.replace("\\", " ").replace("*", " ")


def mentions_with_roles(text: str, found: list[tuple[Actor, int, int]]) -> list[ActorMention]:
    """Each found (actor, start, end) of ``text`` as mentions with their roles, sentence by
    sentence (a claimant is also emitted as a perpetrator)."""
    work = working_copy(text)
    mentions: list[ActorMention] = []
    index = 0
    for s_start, s_end in sentence_spans(work, within_quotes=True):
        in_sentence: list[_Mention] = []
        while index < len(found) and found[index][1] < s_end:
            actor, start, end = found[index]
            if start >= s_start:
                in_sentence.append(_Mention(actor, start - s_start, end - s_start))
            index += 1
        if not in_sentence:
            continue
        sentence = work[s_start:s_end]
        _assign_roles(sentence, in_sentence)
        for m in in_sentence:
            mentions.extend(m.emit(text, s_start))
    return mentions
