"""Resolve actor mentions in report prose against the reviewed actor catalog.

Events need their perpetrators, claimants and targets as stable ids, and curators need to see
the organisations the catalog does not know yet. The names live in
``schemas/reference/actors.csv`` so that reviewers change data, not code; this module holds
the matching and role rules only (see ``schemas/reference/README.md``).

Matching ignores case, diacritics, hyphens and apostrophes ("Jama’at" = "Jamaat", "JNIM's"
ends in JNIM), drops the dots of initialisms ("U.N." = "UN") and takes whole words, longest
first ("al-Qaeda in the Islamic Maghreb" is AQIM, not al-Qaeda). Acronyms keep their case
("IS Sahel" and "WHO" match; "is Sahel" and "who" do not). Mentions inside a ``Source(s): [..](#)``
citation are not actors; link labels in running prose ("[Amadou Kouffa](#)") are.

Roles are decided per mention on its sentence, by these rules (precision over recall: a
mention that no rule places is ``mentioned``):

* claimant (certainty ``claimed``): subject of "claims responsibility", "claims (that) it
  carried out", "claims to (have) <attack verb>", "takes credit", or agent of "claimed by".
  State actors, missions, organisations and courts are never claimants. Every claimant is
  also emitted as a perpetrator with certainty ``claimed``.
* perpetrator: subject of an attack verb (attack, ambush, kill, kidnap, abduct, storm,
  detonate, launch, seize, raid, shell, execute, massacre, besiege, target, carry out ...),
  including "militants from X", "insurgents belonging to X", "X-linked militants"; agent of a
  passive ("carried out by X", "kidnapped by X"); "X attack"; "X was responsible/behind/
  involved"; "attributed to X"; "blame X for"; "accuse X of"; "in conjunction with X"; and,
  when hedged, "attackers linked to X". Certainty: ``suspected`` when a hedge ("suspected",
  "believed", "allegedly", "reportedly", "attributed", "blame", third-party "claim" ...) comes
  before the verb or agent in the sentence, ``claimed`` for claimants, else ``confirmed``.
* target: object of an attack verb within a short noun phrase ("ambush a MINUSMA convoy",
  "kills two U.N. peacekeepers", "kidnap three soldiers from the Malian army"), after
  "attack(s)/ambush/raid on|against" or "killing/kidnapping/murder of", or subject of a
  passive attack verb ("Dubois was kidnapped"). When a person is in that phrase, organisations
  beside it are affiliations and stay ``mentioned`` ("kill AQIM leader Droukdel").
* mentioned: everything else; possessives ("Goita's chief of staff") always.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from eventline.reference import reference_rows
from eventline.silver.places import default_gazetteer

ACTORS_CSV = Path(__file__).resolve().parents[2] / "schemas" / "reference" / "actors.csv"

COLUMNS = (
    "actor_id",
    "name",
    "actor_type",
    "country",
    "parent_ids",
    "successor_ids",
    "aliases",
    "note",
)
ACTOR_TYPES: tuple[str, ...] = (
    "jihadist group",
    "separatist group",
    "militia",
    "state force",
    "foreign state force",
    "peacekeeping mission",
    "private military company",
    "government",
    "intergovernmental organization",
    "court",
    "person",
    "other",
)
ROLES = ("perpetrator", "claimant", "target", "mentioned")
CERTAINTIES = ("claimed", "confirmed", "suspected")
# States and institutions report operations; they do not "claim responsibility".
_NON_CLAIMANT_TYPES = frozenset(
    {
        "state force",
        "foreign state force",
        "peacekeeping mission",
        "government",
        "intergovernmental organization",
        "court",
    }
)
# "~Platform": an alias that is also an English word; see ActorCatalog._accepts.
GUARD = "~"
_ACTOR_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# --- folding ------------------------------------------------------------------------------

_HYPHENS = frozenset("-\u2010\u2011\u2012\u2013")
_APOSTROPHES = frozenset("'\u2018\u2019`\u00b4\u02bc")


def fold(text: str) -> tuple[str, list[int]]:
    """Case-, diacritic-, hyphen- and apostrophe-insensitive form of ``text``, with each folded
    character's offset in ``text`` so that a match is reported exactly as written.

    Whitespace and hyphens become one space; an apostrophe joins ("Jama'at" -> "jamaat")
    except in a possessive, which splits off ("JNIM's" -> "jnim s"); the dots of initialisms
    go ("U.N." -> "un"). Other punctuation stays and so stops a multi-word match.
    """
    chars: list[str] = []
    offsets: list[int] = []
    pending_space = False
    n = len(text)
    for i, char in enumerate(text):
        if char.isspace() or char in _HYPHENS:
            pending_space = bool(chars)
            continue
        if char in _APOSTROPHES:
            possessive = (
                i + 1 < n
                and text[i + 1] in "sS"
                and (i + 2 == n or not text[i + 2].isalnum())
                and i > 0
                and text[i - 1].isalnum()
            )
            if possessive:
                pending_space = True
            continue
        if char == "." and _initialism_dot(text, i):
            continue
        if pending_space:
            chars.append(" ")
            offsets.append(i)
            pending_space = False
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            for folded in part.casefold():
                chars.append(folded)
                offsets.append(i)
    return "".join(chars), offsets


def _initialism_dot(text: str, i: int) -> bool:
    """A dot after a lone letter ("U.N.", "U.S.", "J. Riddering")."""
    if i == 0 or not text[i - 1].isalpha():
        return False
    return i == 1 or not text[i - 2].isalnum()


def _fold_name(name: str) -> str:
    return fold(name)[0]


# --- data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    """One reviewed catalog row."""

    actor_id: str
    name: str
    actor_type: str
    country: str | None
    parent_ids: tuple[str, ...]
    successor_ids: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ActorMention:
    """One occurrence of a catalog actor in a text, with its role in that sentence."""

    actor_id: str
    mention_text: str
    role: str
    certainty: str | None
    start: int
    end: int


@dataclass(frozen=True)
class UnresolvedMention:
    """An organisation-like name the catalog does not know: the curators' queue."""

    mention_text: str
    start: int
    end: int
    pattern: str


@dataclass(frozen=True)
class _Key:
    """What one folded alias means and how strictly it must be written."""

    actor: Actor
    upper: frozenset[int]  # folded positions that must be capitals in the text
    guarded: bool


class ActorCatalog:
    """Reviewed actors, compiled once into a single longest-first pattern."""

    def __init__(self, actors: Iterable[Actor], guarded: Iterable[tuple[str, str]] = ()) -> None:
        self.actors: dict[str, Actor] = {}
        for actor in actors:
            if actor.actor_id in self.actors:
                raise ValueError(f"duplicate actor_id {actor.actor_id!r}")
            self.actors[actor.actor_id] = actor
        guarded_set = {(actor_id, _fold_name(alias)) for actor_id, alias in guarded}
        self._keys: dict[str, _Key] = {}
        for actor in self.actors.values():
            for spelling in (actor.name, *actor.aliases):
                self._add_key(actor, spelling, guarded_set)
        alternatives = sorted(self._keys, key=lambda key: (-len(key), key))
        self._pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(key) for key in alternatives) + r")(?!\w)"
        )

    def _add_key(self, actor: Actor, spelling: str, guarded: set[tuple[str, str]]) -> None:
        key, offsets = fold(spelling)
        if not key.strip():
            raise ValueError(f"{actor.actor_id}: alias {spelling!r} is empty once folded")
        is_guarded = (actor.actor_id, key) in guarded
        upper = frozenset(_required_capitals(spelling, offsets, everything=is_guarded))
        other = self._keys.get(key)
        if other is not None:
            if other.actor.actor_id != actor.actor_id:
                raise ValueError(
                    f"{spelling!r} names both {other.actor.actor_id} and {actor.actor_id}"
                )
            # Two spellings of one actor that fold alike: the looser one decides.
            upper = upper & other.upper
            is_guarded = is_guarded and other.guarded
        self._keys[key] = _Key(actor, upper, is_guarded)

    @classmethod
    def from_csv(cls, path: Path) -> ActorCatalog:
        """Load and validate actors.csv; a bad row fails loudly rather than mislabel events."""
        actors: list[Actor] = []
        guarded: list[tuple[str, str]] = []
        lines: dict[str, str] = {}
        for where, row in reference_rows(path, COLUMNS):
            actor_id = row["actor_id"].strip()
            if not _ACTOR_ID.fullmatch(actor_id):
                raise ValueError(f"{where}: bad actor_id {actor_id!r}")
            if actor_id in lines:
                raise ValueError(f"{where}: duplicate actor_id {actor_id!r}")
            lines[actor_id] = where
            name = row["name"].strip()
            if not name:
                raise ValueError(f"{where}: name is required")
            actor_type = row["actor_type"].strip()
            if actor_type not in ACTOR_TYPES:
                raise ValueError(f"{where}: unknown actor_type {actor_type!r}")
            aliases: list[str] = []
            for raw in _split(row["aliases"]):
                alias = raw
                if alias.startswith(GUARD):
                    alias = alias[len(GUARD) :].strip()
                    guarded.append((actor_id, alias))
                if not alias:
                    raise ValueError(f"{where}: empty alias")
                aliases.append(alias)
            actors.append(
                Actor(
                    actor_id=actor_id,
                    name=name,
                    actor_type=actor_type,
                    country=row["country"].strip() or None,
                    parent_ids=tuple(_split(row["parent_ids"])),
                    successor_ids=tuple(_split(row["successor_ids"])),
                    aliases=tuple(aliases),
                )
            )
        for actor in actors:
            where = lines[actor.actor_id]
            for column, linked in (
                ("parent_ids", actor.parent_ids),
                ("successor_ids", actor.successor_ids),
            ):
                for other in linked:
                    if other == actor.actor_id:
                        raise ValueError(f"{where}: {column} names the actor itself")
                    if other not in lines:
                        raise ValueError(f"{where}: {column} names unknown actor {other!r}")
        _check_acyclic(actors, lines)
        try:
            return cls(actors, guarded)
        except ValueError as error:
            raise ValueError(f"{path.name}: {error}") from None

    # --- matching -----------------------------------------------------------------------

    def find(self, text: str) -> list[tuple[Actor, int, int]]:
        """Every catalog actor in ``text`` as (actor, start, end), in text order.

        Longest alias first, non-overlapping; names inside a ``Source(s):`` citation are not
        matched.
        """
        folded, offsets = fold(text)
        cited = _citation_spans(text)
        found: list[tuple[Actor, int, int]] = []
        pos = 0
        while (m := self._pattern.search(folded, pos)) is not None:
            start = offsets[m.start()]
            end = offsets[m.end() - 1] + 1
            if end < len(text) and text[end] == "." and _initialism_dot(text, end):
                end += 1  # "U.N." as written, not "U.N"
            key = self._keys[m.group()]
            if not _inside(start, cited) and _accepts(key, text, offsets, m.start(), start):
                found.append((key.actor, start, end))
                pos = m.end()
            else:
                pos = m.start() + 1
        return found

    def resolve(self, text: str) -> tuple[list[ActorMention], list[UnresolvedMention]]:
        """Every actor mention of ``text`` with its role, and the names left unresolved."""
        found = self.find(text)
        work = _working_copy(text)
        mentions: list[ActorMention] = []
        index = 0
        for s_start, s_end in _sentences(work):
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
        return mentions, _unresolved(text, found, self._keys)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _check_acyclic(actors: list[Actor], lines: dict[str, str]) -> None:
    """Parents must form a hierarchy: a cycle means a row was linked the wrong way round."""
    parents = {actor.actor_id: actor.parent_ids for actor in actors}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(actor_id: str, path: list[str]) -> None:
        if state.get(actor_id) == 2:
            return
        if state.get(actor_id) == 1:
            cycle = " -> ".join([*path[path.index(actor_id) :], actor_id])
            raise ValueError(f"{lines[actor_id]}: parent_ids form a cycle: {cycle}")
        state[actor_id] = 1
        for parent in parents[actor_id]:
            visit(parent, [*path, actor_id])
        state[actor_id] = 2

    for actor_id in parents:
        visit(actor_id, [])


def _required_capitals(spelling: str, offsets: list[int], everything: bool) -> set[int]:
    """Folded positions whose letter must be a capital in the text: the capitals of every
    acronym-like word ("JNIM", "U.N.", "FAMa", "IS" in "IS Sahel"), or of the whole spelling
    for a guarded alias."""
    required: set[int] = set()
    for word in re.finditer(r"[^\s\-]+", spelling):
        capitals = sum(c.isupper() for c in word.group())
        if not everything and capitals < 2:
            continue
        for position, offset in enumerate(offsets):
            if word.start() <= offset < word.end() and spelling[offset].isupper():
                required.add(position)
    return required


def _accepts(key: _Key, text: str, offsets: list[int], folded_start: int, start: int) -> bool:
    for position in key.upper:
        if not text[offsets[folded_start + position]].isupper():
            return False
    if key.guarded:
        # An English word ("Platform") counts only mid-sentence, where its capital is telling.
        before = text[max(0, start - 4) : start]
        if not before.strip() or re.search(r"[.!?:;\"“(*\-–—•\n]\s*$", before):
            return False
    return True


_CITATION = re.compile(
    r"\(?\bSources?\s*:\s*(?:(?:\[(?:[^\]\\\n]|\\.)*\]\([^)\s]*\)\s*[,;]?\s*)+\)?|[^\n]*)"
)


def _citation_spans(text: str) -> list[tuple[int, int]]:
    """``Source: [Reuters](#)`` tails: outlets cited there are not actors in the event."""
    return [m.span() for m in _CITATION.finditer(text)]


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``offset`` falls in one of ``spans`` (sorted, non-overlapping)."""
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


# --- sentences ----------------------------------------------------------------------------

_LINK_MARKUP = re.compile(r"\[|\]\([^)\s]*\)")
_BULLET_LABEL = re.compile(r"(?m)^[ \t]*-[ \t]*(?:\*\*[^*\n]{0,80}?\*\*)?")


def _working_copy(text: str) -> str:
    """``text`` with Markdown markup and bullet labels ("- **May 5, 2021:**") blanked, same
    length, so offsets stay valid."""
    work = _LINK_MARKUP.sub(lambda m: " " * len(m.group()), text)
    work = _BULLET_LABEL.sub(lambda m: " " * len(m.group()), work)
    return work.replace("\\", " ").replace("*", " ")


_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]\.)+$|\b(?:Dr|Mr|Mrs|Ms|St|Col|Gen|Lt|Sgt|Capt|Jr|Sr|No|vs|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co)\.$"
)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: cheap rules, good enough to scope a role rule, and fast."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if "\n" not in m.group() and _ABBREVIATION.search(text, max(0, m.start() - 12), m.start()):
            continue
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


# --- role rules ---------------------------------------------------------------------------


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _forms(*groups: str) -> str:
    return "|".join(groups)


_TRANSITIVE = _forms(
    r"attack(?:s|ed|ing)?",
    r"ambush(?:es|ed|ing)?",
    r"kill(?:s|ed|ing)?",
    r"kidnap(?:s|ped|ping)?",
    r"abduct(?:s|ed|ing)?",
    r"storm(?:s|ed|ing)?",
    r"seiz(?:e|es|ed|ing)",
    r"raid(?:s|ed|ing)?",
    r"shell(?:s|ed|ing)?",
    r"execut(?:e|es|ed|ing)",
    r"massacr(?:e|es|ed|ing)",
    r"besieg(?:e|es|ed|ing)",
    r"target(?:s|ed|ing|ted|ting)?",
    r"assassinat(?:e|es|ed|ing)",
    r"bomb(?:s|ed|ing)?",
    r"shoot(?:s|ing)?|shot",
    r"murder(?:s|ed|ing)?",
    r"captur(?:e|es|ed|ing)",
    r"neutrali[sz](?:e|es|ed|ing)",
    r"destroy(?:s|ed|ing)?",
    r"burn(?:s|ed|t|ing)?",
    r"torch(?:es|ed|ing)?",
    r"invad(?:e|es|ed|ing)",
    r"wound(?:s|ed|ing)?",
    r"injur(?:e|es|ed|ing)",
    r"hurt(?:s|ing)?",
    r"behead(?:s|ed|ing)?",
    r"booby[- ]trap(?:s|ped|ping)?",
    r"overr(?:un|uns|an|unning)",
    r"(?:open(?:s|ed|ing)?\s+)?fir(?:e|es|ed|ing)\s+(?:on|at)",
    r"set(?:s|ting)?\s+fire\s+to",
)
# Verbs whose object is the weapon or the operation, not the victim.
_AGENT_ONLY = _forms(
    r"launch(?:es|ed|ing)?",
    r"carr(?:y|ies|ied|ying)\s+out",
    r"conduct(?:s|ed|ing)?",
    r"stag(?:e|es|ed|ing)",
    r"mount(?:s|ed|ing)?",
    r"detonat(?:e|es|ed|ing)",
    r"perpetrat(?:e|es|ed|ing)",
    r"orchestrat(?:e|es|ed|ing)",
    r"mastermind(?:s|ed|ing)?",
)
_VERB = re.compile(
    rf"(?<![\w\-])(?:(?P<transitive>{_TRANSITIVE})|(?P<agent>{_AGENT_ONLY}))(?![\w\-])",
    re.IGNORECASE,
)
_ATTACK_WORD = re.compile(rf"\b(?:{_TRANSITIVE}|{_AGENT_ONLY}|assaults?|offensives?)\b", re.I)
_PARTICIPLE = re.compile(r"(?:ed|en|shot|hurt|burnt|overrun|out|to|on|at)$", re.IGNORECASE)
_AUX_BEFORE = re.compile(
    r"\b(?:is|are|was|were|been|being|be|gets?|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
_BY_AFTER = re.compile(r"\s+by\s+", re.IGNORECASE)
_INTENT_BEFORE = re.compile(
    r"\b(?:intend(?:s|ed)?|plan(?:s|ned)?|threaten(?:s|ed)?|vow(?:s|ed)?|aim(?:s|ed)?"
    r"|want(?:s|ed)?|prepar(?:e|es|ed|ing)|plott?(?:s|ed|ing)?)\s+(?:to\s+(?:have\s+)?)?"
    r"(?:(?:an?|the)\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
_NOT_AGENT_BEFORE = re.compile(r"\b(?:those|similar\s+to|like)\s+(?:\w+\s+)?$", re.IGNORECASE)
_NOUN_ON = re.compile(
    r"\b(?:attacks?|ambush(?:es)?|assaults?|raids?|strikes?|offensives?|operations?|bombings?"
    r"|campaigns?)\s+(?:on|against|targeting)\s",
    re.IGNORECASE,
)
_NOUN_OF = re.compile(
    r"\b(?:kidnappings?|abductions?|murders?|killings?|assassinations?|executions?|capture"
    r"|deaths?)\s+of\s",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(
    r"\s+(?:suicide\s+|mortar\s+|rocket\s+|drone\s+)?(?:attacks?|ambush(?:es)?|bombings?|raids?"
    r"|assaults?|offensive)\b",
    re.IGNORECASE,
)
_ATTACK_PARTICIPLE = re.compile(rf",\s+(?:(?:{_TRANSITIVE}|{_AGENT_ONLY}))$", re.IGNORECASE)

_CLAIM = re.compile(
    r"\b(?:claim(?:s|ed|ing)?\s+(?:full\s+)?(?:responsibility|credit)"
    r"|claim(?:s|ed)?\s+(?:that\s+)?(?:it|they|the\s+group)\s+(?:had\s+|has\s+|have\s+)?"
    rf"(?:was\s+behind|were\s+behind|{_TRANSITIVE}|{_AGENT_ONLY})\b"
    rf"|claim(?:s|ed)?\s+to\s+(?:have\s+)?(?:{_TRANSITIVE}|{_AGENT_ONLY}|carry\s+out)\b"
    r"|(?:takes?|took|taken|taking)\s+credit)",
    re.IGNORECASE,
)
_CLAIMED_BY = re.compile(r"\bclaimed\s+by\s", re.IGNORECASE)
_RESPONSIBLE = re.compile(
    r"\b(?:is|was|are|were)\s+(?:\w+ly\s+)?(?:responsible|behind"
    # "involved" only in an attack: "suspect AQIM and AMB are involved." (not "in efforts")
    r"|involved(?=\s*(?:$|[.;,]|in\s+(?:the|this|these|an?)\s+(?:\w+\s+)?(?:attacks?|ambush"
    r"|bombings?|kidnappings?|killings?|assaults?|raids?)\b))"
    r"|the\s+(?:\w+\s+)?(?:perpetrators?|culprits?)\b)",
    re.IGNORECASE,
)
_ATTRIBUTED = re.compile(
    r"\battribut(?:e|es|ed|ing)\s+(?:(?:the|this|these|an?)\s+\w+\s+)?to\s", re.IGNORECASE
)
_BLAME = re.compile(r"\bblam(?:e|es|ed|ing)\s", re.IGNORECASE)
_FOR = re.compile(r"\s+for\b", re.IGNORECASE)
_ACCUSE = re.compile(r"\baccus(?:e|es|ed|ing)\s", re.IGNORECASE)
_OF_SOON = re.compile(r"^(?:\s+[\w’'\-]+){0,5}?\s+of\b", re.IGNORECASE)
_CONJUNCTION = re.compile(
    r"\b(?:in\s+conjunction\s+with|together\s+with|jointly\s+with|in\s+cooperation\s+with"
    r"|with\s+the\s+help\s+of|carried\s+out\s+with)\s",
    re.IGNORECASE,
)
_LINKED = re.compile(
    r"\b(?:attackers|assailants|perpetrators|gunmen|militants|insurgents|fighters)\s+"
    r"(?:(?:were|was|are|is)\s+)?(?:\w+ly\s+)?(?:linked|affiliated|tied|connected)\s+"
    r"(?:to|with)\s",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(?:suspect\w*|alleged\w*|believ\w*|presum\w*|reportedly|likely|probably|possibly"
    r"|apparently|attribut\w*|blam\w*|accus\w*|thought\s+to|may\s+have|might\s+have)\b",
    re.IGNORECASE,
)
_CLAIM_WORD = re.compile(r"\bclaim\w*", re.IGNORECASE)
_STRONG_HEDGE = re.compile(r"\b(?:suspect\w*|believ\w*|alleged\w*)", re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")

# Gap vocabulary. A subject is "[hedge] X [militants|insurgents ...] [reportedly] <verb>".
_HEAD_NOUNS = _words(
    "militants militant insurgents insurgent fighters fighter gunmen gunman members member"
    " militia militias militiamen forces force troops troop soldiers soldier jihadists"
    " jihadist extremists extremist terrorists terrorist rebels rebel separatists assailants"
    " attackers bombers bomber suicide units unit cell cells operatives men elements"
    " commandos helicopters aircraft drones jets ground air special group groups affiliate"
    " affiliates army military personnel police officials spokesman insurgent mercenaries"
    " contingent contingents foreign allied islamist islamists armed heavily peacekeepers"
    " peacekeeper civilians"
)
_SUBJECT_WORDS = _HEAD_NOUNS | _words(
    "linked affiliated backed aligned based loyal and reportedly allegedly also later then"
    " again jointly simultaneously successfully subsequently immediately first briefly"
    " presumably likely have has had will would reportedly apparently"
)
_PASSIVE_SUBJECT_WORDS = _SUBJECT_WORDS | _words(", who which that all both several")
_AGENT_WORDS = _words(
    "the a an suspected alleged presumed jihadist jihadists militants members of fighters"
    " elements local"
)
# Words that end a victim noun phrase: prepositions of place and time, clause words, verbs.
_OBJECT_STOP = _words(
    "in at near on by with without outside inside between into onto toward towards for during"
    " after before while when where whereas which who whom whose that as because since until"
    " but is are was were be been has have had will would could can may might said says say"
    " claims claim claimed claiming according not no despite under via across through"
    " amid within throughout if so then it they he she we"
)
_ROLE_NOUNS = _words(
    "leader leaders commander commanders emir chief head spokesman spokesperson preacher"
    " official officer founder deputy associate number second militant member members"
    " linked affiliated backed aligned affiliate led based s"
)
_COORDINATION = _words(", and or the a an & ( )")
_IN_PLACE = re.compile(
    r"\bin\s+(?:the\s+)?(?:(?:north|south|east|west)(?:-?(?:east|west))?ern\s+|central\s+)?"
    r"[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*(?:\s+(?:region|district|area|town|village|city"
    r"|cercle))?"
)
_TITLE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Col|Gen|Lt|Capt)\.")
_QUANTITY = re.compile(
    r"\b(?:at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|up\s+to|as\s+many\s+as)\b",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(
    r",\s*(?:(?P<co>in\s+coordinat\w+\s+with|alongside|together\s+with|along\s+with"
    r"|accompanied\s+by|jointly\s+with)|a|an|the|which|who|whose|its|one)\b[^,;:]*,"
)
_PAREN = re.compile(r"\([^()]*\)")
_TOKEN = re.compile(r"\w[\w’'\-.]*|[^\w\s]")
_PRE_SUBJECT_BLOCK = re.compile(
    r"\b(?:on|against|of|to|at|by|for|with|between|targeting|target|targets|including|from"
    r"|into|towards?|near|under|among|in|over|and\s+kill\w*)\s+(?:(?:the|a|an)\s+)?$",
    re.IGNORECASE,
)
_HEAD_OF = re.compile(
    r"\b(?:[\w’'\-]+)\s+(?:from|of|belonging\s+to|with\s+links\s+to|linked\s+to|affiliated\s+with"
    r"|loyal\s+to|associated\s+with|tied\s+to)\s+(?:(?:the|a|an)\s+)?$",
    re.IGNORECASE,
)
_SUBJECT_CONNECTOR = re.compile(
    r"^\s+(?:deployed\s+under|under|of|from|belonging\s+to|in\s+coordination\s+with|alongside)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_MODIFIER_GAP = re.compile(
    r"^\s*-?\s*(?:linked|affiliated|backed|aligned|allied|affiliate|led|based)\b", re.IGNORECASE
)
_SENTENCE_SUBJECT_PREFIX = _words(
    "the a an suspected alleged heavily armed unidentified two three four several more than"
    " dozens of hundreds some many local islamist jihadist tuareg separatist"
)


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
    return [t.lower().lstrip("-") for t in _TOKEN.findall(gap) if t not in "-–"]


def _strip_gap(gap: str) -> tuple[str, list[tuple[int, int, bool]]]:
    """Blank appositives, parentheses and "in <Place>" in a gap; report blanked spans (with
    whether each is a co-actor phrase such as "in coordinating with X")."""
    removed: list[tuple[int, int, bool]] = []

    def blank(m: re.Match[str], co: bool = False) -> str:
        removed.append((m.start(), m.end(), co))
        return " " * (m.end() - m.start())

    gap = _PAREN.sub(blank, gap)
    gap = _APPOSITIVE.sub(lambda m: blank(m, bool(m.group("co"))), gap)
    gap = _IN_PLACE.sub(blank, gap)
    gap = _TITLE.sub(blank, gap)
    gap = _QUANTITY.sub(blank, gap)
    return gap, removed


def _subject_gap_ok(gap: str, words: frozenset[str] = _SUBJECT_WORDS) -> bool:
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
    return all(t not in _OBJECT_STOP and (t[0].isalnum()) for t in tokens) and not re.search(
        r"[;:—–.!?]", stripped
    )


def _find_subject(
    sentence: str, ms: list[_Mention], pos: int, words: frozenset[str] = _SUBJECT_WORDS
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
        if _MODIFIER_GAP.match(gap) or _POSSESSIVE_AFTER.match(gap):
            previous.modifier = True
            break
        if _is_coordination(gap) or _SUBJECT_CONNECTOR.match(gap):
            chain.insert(0, previous)
            i -= 1
            continue
        break
    prefix = sentence[: chain[0].start]
    if _PRE_SUBJECT_BLOCK.search(prefix[-40:]) and not _HEAD_OF.search(prefix[-60:]):
        return []
    return chain + co


def _is_coordination(gap: str) -> bool:
    tokens = _tokens(gap)
    if not tokens:
        return True
    if "," in tokens and tokens[-1] in {"a", "an"} and not {"and", "or"} & set(tokens):
        return False  # "IRSAD, an al-Qaeda-linked group": an appositive, not a list
    allowed = _COORDINATION | _HEAD_NOUNS | {str(n) for n in range(1000)}
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
            if gap_tokens & _ROLE_NOUNS:
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
    if len(tokens) > 4 or not all(t in _AGENT_WORDS for t in tokens):
        return []
    chain = [first]
    for m in after[1:]:
        gap = sentence[chain[-1].end : m.start]
        if _MODIFIER_GAP.match(gap) or not _is_coordination(gap):
            break
        if _MODIFIER_GAP.match(sentence, m.end):
            m.modifier = True  # "by AQIM and al-Qaeda-linked militants": keep the head only
            break
        chain.append(m)
    return chain


def _certainty(prefix: str) -> str:
    return "suspected" if _HEDGE.search(prefix) or _CLAIM_WORD.search(prefix) else "confirmed"


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
    if not all(t in _SENTENCE_SUBJECT_PREFIX or t in _HEAD_NOUNS for t in tokens):
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
    """Apply the role rules of the module docstring to one sentence's mentions."""
    for m in ms:
        m.possessive = bool(_POSSESSIVE_AFTER.match(sentence, m.end))
    spans = [(m.start, m.end) for m in ms]

    def in_mention(offset: int) -> bool:
        return any(s <= offset < e for s, e in spans)

    # Claims first: a claimant's verbs below must not re-decide its certainty.
    for claim in _CLAIM.finditer(sentence):
        if in_mention(claim.start()):
            continue
        for m in _find_subject(sentence, ms, claim.start()):
            if m.actor.actor_type not in _NON_CLAIMANT_TYPES:
                m.claimant = True
    for claim in _CLAIMED_BY.finditer(sentence):
        for m in _find_agents(sentence, ms, claim.end()):
            if m.actor.actor_type not in _NON_CLAIMANT_TYPES:
                m.claimant = True

    sentence_subject: list[_Mention] | None = None
    for verb in _VERB.finditer(sentence):
        v_start, v_end = verb.span()
        if in_mention(v_start):
            continue
        before = sentence[:v_start]
        word = verb.group()
        if re.match(r"\s+of\b", sentence[v_end:], re.IGNORECASE):
            continue  # "the killing of X": a noun, handled by _NOUN_OF
        if _INTENT_BEFORE.search(before[-60:]):
            continue  # "claiming they intended to target French troops"
        agent = _BY_AFTER.match(sentence, v_end)
        aux = _AUX_BEFORE.search(before[-30:])
        passive = aux is not None and bool(_PARTICIPLE.search(word))
        if agent is not None and _PARTICIPLE.search(word):
            if not _NOT_AGENT_BEFORE.search(before[-30:]):
                for m in _find_agents(sentence, ms, agent.end()):
                    m.set_perpetrator(_certainty(sentence[: m.start]))
            # The victim precedes: "Algerian diplomats kidnapped by MUJAO", "X was killed by".
            pos = v_start - len(aux.group()) if aux else v_start
            if verb.group("transitive"):
                victims = _find_subject(sentence, ms, pos, _PASSIVE_SUBJECT_WORDS)
                for m in victims:
                    if not m.claimant and m.perpetrator is None:
                        m.target = True
            continue
        if passive:
            pos = v_start - len(aux.group()) if aux else v_start
            if verb.group("transitive"):
                for m in _find_subject(sentence, ms, pos, _PASSIVE_SUBJECT_WORDS):
                    if not m.claimant and m.perpetrator is None:
                        m.target = True
            continue
        subjects = _find_subject(sentence, ms, v_start)
        if not subjects and _ATTACK_PARTICIPLE.search(sentence[:v_end]):
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

    for noun in (*_NOUN_ON.finditer(sentence), *_NOUN_OF.finditer(sentence)):
        if in_mention(noun.start()) or _INTENT_BEFORE.search(sentence[: noun.start()][-60:]):
            continue
        chain = _find_objects(sentence, ms, noun.end())
        _mark_targets(sentence, chain)
        if chain and (agent := _BY_AFTER.match(sentence, chain[-1].end)) is not None:
            # "the killing of al-Tilemsi by French troops"
            for m in _find_agents(sentence, ms, agent.end()):
                m.set_perpetrator(_certainty(sentence[: m.start]))
    for m in ms:
        if _NOUN_AFTER.match(sentence, m.end) and not _PRE_SUBJECT_BLOCK.search(
            sentence[: m.start][-40:]
        ):
            m.set_perpetrator(_certainty(sentence[: m.start]))  # "the IS Sahel attack"

    for rule in _RESPONSIBLE.finditer(sentence):
        for m in _find_subject(sentence, ms, rule.start()):
            m.set_perpetrator(_certainty(sentence[: rule.end()]))
    for rule in _ATTRIBUTED.finditer(sentence):
        for m in _find_agents(sentence, ms, rule.end()):
            m.set_perpetrator("suspected")
    for rule in _BLAME.finditer(sentence):
        stop = _FOR.search(sentence, rule.end())
        if stop is not None:
            inside = [m for m in ms if rule.end() <= m.start and m.end <= stop.start()]
            for m in _find_subject(sentence, inside, stop.start()):
                m.set_perpetrator("suspected")
    for rule in _ACCUSE.finditer(sentence):
        chain = _find_agents(sentence, ms, rule.end())
        if chain and _OF_SOON.match(sentence[chain[-1].end :]):
            for m in chain:
                if not m.possessive:
                    m.set_perpetrator("suspected")
    if _ATTACK_WORD.search(sentence):
        claimed = any(m.claimant for m in ms)
        for rule in _CONJUNCTION.finditer(sentence):
            prefix = sentence[: rule.start()]
            if claimed:
                certainty = "claimed"
            elif _HEDGE.search(prefix):
                certainty = "suspected"
            elif _CLAIM_WORD.search(prefix):
                certainty = "claimed"
            else:
                certainty = "confirmed"
            for m in _find_agents(sentence, ms, rule.end()):
                m.set_perpetrator(certainty)
    for rule in _LINKED.finditer(sentence):
        if _STRONG_HEDGE.search(sentence[: rule.start()]):
            for m in _find_objects(sentence, ms, rule.end()):
                m.set_perpetrator("suspected")

    for m in ms:
        if m.claimant:
            m.perpetrator = "claimed"


# --- unresolved names ---------------------------------------------------------------------

_NAME_WORD = r"[A-Z][\w’'\-]*"
_CONNECTOR = r"(?:of|for|the|in|de|du|des|la|le|al|wal|el|d['’]|l['’])"
_SUFFIX = (
    r"(?:Group|Front|Movement|Brigade|Battalion|Coalition|Organization|Organisation|Alliance|Army)"
)
_UNRESOLVED_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "acronym in parentheses",
        re.compile(r"\\?\(\s*(?P<name>[A-Z][A-Z0-9&]*(?:-[A-Z0-9&]+)*)\s*\\?\)"),
    ),
    ("katiba", re.compile(rf"(?<![\w\-])(?P<name>Katiba[ht]?(?:\s+{_NAME_WORD})+)")),
    (
        "jama'at",
        re.compile(
            rf"(?<![\w\-])(?P<name>Jama['’]?a(?:t|h|tu)?(?:[\s\-]+(?:al|ul|el|wal|lil"
            rf"|{_NAME_WORD}))*[\s\-]+{_NAME_WORD})"
        ),
    ),
    (
        "ansar",
        re.compile(
            rf"(?<![\w\-])(?P<name>Ansar\w*(?:[\s\-]+(?:al|ul|el|ud|wal|lil|ad|{_NAME_WORD}))*"
            rf"[\s\-]+{_NAME_WORD})"
        ),
    ),
    (
        "group/front name",
        re.compile(
            rf"(?<![\w\-])(?P<name>(?:{_NAME_WORD}\s+(?:{_CONNECTOR}\s+)*)+{_SUFFIX}"
            rf"|{_SUFFIX}\s+(?:of|for)\s+(?:the\s+)?{_NAME_WORD}"
            rf"(?:\s+(?:{_CONNECTOR}\s+)*{_NAME_WORD})*)(?![\w\-])"
        ),
    ),
)
# Acronyms that name things, not actors.
_NOT_ACTOR_ACRONYMS = _words(
    "IED IEDS VBIED VBIEDS IDP IDPS CVE SDN SDNS IOC FOC RPG UAV NGO NGOS WWII GDP HQ PVE CT"
)
# Legal designations that look like organisation names.
_NOT_ACTOR_NAMES = frozenset(
    {"foreign terrorist organization", "specially designated global terrorist"}
)
_LEADING_NOISE = re.compile(r"(?:(?:The|A|An|In|On|At|By|Of|For|And|This|Its|Their|the)\s+)*")


def _unresolved(
    text: str, found: list[tuple[Actor, int, int]], keys: dict[str, _Key]
) -> list[UnresolvedMention]:
    """Organisation-like names that are neither catalog actors nor gazetteer places."""
    occupied = [(start, end) for _, start, end in found]
    cited = _citation_spans(text)
    result: list[UnresolvedMention] = []
    for pattern_name, pattern in _UNRESOLVED_PATTERNS:
        for m in pattern.finditer(text):
            if pattern_name == "acronym in parentheses":
                if not _acronym_is_candidate(text, m.group("name"), m.start()):
                    continue
                start = text.index("(", m.start())
                end = text.index(")", m.end("name")) + 1
            else:
                start, end = m.span("name")
                for s, e in sorted(occupied):
                    if s <= start < e:
                        # "Katibat Serma and the Azawad Liberation Front": keep the tail.
                        start = e + len(re.match(r"[\s,]*(?:(?:and|or)\s+)?", text[e:end]).group())
                start += len(_LEADING_NOISE.match(text, start).group())
            name = text[start:end]
            if pattern_name == "group/front name" and (
                len(name.split()) < 2 or _fold_name(name) in _NOT_ACTOR_NAMES
            ):
                continue
            if (
                start >= end
                or _fold_name(name) in keys
                or any(s < end and start < e for s, e in occupied)
                or _inside(start, cited)
                or _is_place(name)
            ):
                continue
            occupied.append((start, end))
            result.append(UnresolvedMention(name, start, end, pattern_name))
    result.sort(key=lambda u: u.start)
    return result


def _acronym_is_candidate(text: str, acronym: str, paren_start: int) -> bool:
    capitals = sum(c.isupper() for c in acronym)
    if not 2 <= capitals <= 8 or acronym.upper() in _NOT_ACTOR_ACRONYMS:
        return False
    # "improvised explosive device (IED)": an acronym of lowercase words is a term, not a name.
    words = re.findall(r"[\w’'\-]+", text[max(0, paren_start - 60) : paren_start])[-3:]
    return not words or any(w[0].isupper() for w in words)


def _is_place(name: str) -> bool:
    matches = default_gazetteer().find_all(name)
    return any(written == name for _, written, _ in matches)


@cache
def default_catalog() -> ActorCatalog:
    """The repository's reviewed actor catalog, loaded once per process."""
    return ActorCatalog.from_csv(ACTORS_CSV)
