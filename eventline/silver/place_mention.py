"""One place name as written, and what the words around it make of it.

A name is a capitalised run ("Tin-Essako", "Bandiagara Escarpment", "24 de Setembro",
"el-Moustarat"), without the capitalised function words a sentence may open with ("In Tessit").
Its **cue** is read from the words before it: a locative preposition ("in", "at", "on the
island of") makes it the event's place; "near/outside/around" or "120 km south-west of" a
reference near it; "from"/"fleeing" an origin, "to/towards/into" a destination, "the border
with" a border; an attack verb ("raided Dioura") the place attacked. Its **noun** ("Lac
province", "Sogoniko junction", "the road to Bourem", "the village of Ogossagou") says what kind
of place it is. How names relate to each other is :mod:`eventline.silver.place_mentions`'.

Nothing here knows a place name; the words come from
``schemas/reference/place_vocabulary.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from eventline.silver.place_vocabulary import PlaceVocabulary, default_vocabulary
from eventline.text.markup import inside_spans, link_label_spans

EVENT, NEAR, ORIGIN, DESTINATION, BORDER, REFERENCE = (
    "event", "near", "origin", "destination", "border", "reference",
)  # fmt: skip
MENTION, DATELINE, BASE = "mention", "dateline", "base"
# Roles that place an event; the others only describe.
EVENT_ROLES = frozenset({EVENT, NEAR})

UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_TOKEN = rf"[{UPPER}](?:[^\W_]|['’](?![sS]\b)(?=[^\W\d_])|[\-‐‑](?=[^\W_]))*"
_PREFIX = r"(?:(?:el|al|ad|ed|ag|as|ash|at|az|es|an|ar|d|l)[\-‐‑'’])"
_CONNECTOR = r"(?:da|de|do|das|dos|du|des|di|del|della|la|le|les|el|al|sur|en|wa|bin|ben|ibn)"
_WORD = rf"{_PREFIX}?{_TOKEN}"
NAME_RUN = re.compile(
    rf"(?<![\w'’\-‐‑])(?:\d{{1,2}}[ \t]+de[ \t]+)?{_WORD}"
    # A run goes on across a line break (hard-wrapped text), not into a record's next
    # field line ("Abuja, Nigeria" / "Actor: …").
    rf"(?:(?:[ \t]+|[ \t]*\n[ \t]*(?![^\n:]{{1,40}}:\s))(?:{_CONNECTOR}[ \t]+)?{_WORD}"
    rf"|[ \t]+(?:\d{{1,2}}|II|III|IV)(?![\w,:/\-]|\.\w))*"
)
_FIRST_WORD = re.compile(r"[^\s]+")
_POSSESSIVE = re.compile(r"['’][sS]\b")
_WORDS_BEFORE = re.compile(r"[\w'’\-‐‑]+|[^\w\s]")
_NOUN_AFTER = re.compile(r"[ \t]+([a-zé\-]+)\b")
_SUFFIX_AFTER = re.compile(r"-(based|born|held|controlled|led|backed|linked|affiliated)\b")
_BASED = re.compile(r"[\-‐‑](?:based|born|held|controlled|led|backed|linked|affiliated)$")
_NUMBER = re.compile(r"\d[\d,.]*|a|an|about|some|few|several|one|two|three|four|five|ten")
_CLAUSE_END = frozenset(".;:!?")
_SITE_AFTER = re.compile(r"[ \t]+(?:[a-z\-]+[ \t]+){1,2}?(?P<noun>[a-z]+)\b")
_DESCRIBED_AS = re.compile(r"[ \t]*[,—–][ \t]*(?:a|an|the)[ \t]+(?P<words>(?:[\w\-]+[ \t]*){1,4})")
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|\w+['’]s)\s+$")


@dataclass(eq=False)
class Mention:
    """One place name as written, with the prose around it (see the module docstring)."""

    start: int
    end: int
    name: str  # the capitalised run as written ("Niger", "Gao region Province")
    written: str  # the place as written: name and its noun ("Niger river", "road to Bourem")
    role: str = MENTION
    cue: str | None = None
    noun: str | None = None  # the attached noun ("province", "junction", "village")
    feature: str | None = None  # its kind: admin settlement site natural linear area event
    direction: bool = False  # a compass word before it ("northern Gao")
    distance: bool = False  # a distance before it ("120 km south-west of")
    hints: list[str] = field(default_factory=list)  # admin names given with it
    strong_hints: list[str] = field(default_factory=list)  # with an admin noun or "in"
    aliases: list[str] = field(default_factory=list)
    near: list[str] = field(default_factory=list)  # reference points ("near Ansongo")
    group: int = 0  # mentions of one list share a group
    apposition_of: Mention | None = None  # the name before ", X": X is a hint or a list item
    consumed: bool = False  # a hint of another mention, not a place of its own
    relative: bool = False  # inside a relative clause (", which lie between ...")
    possessive: bool = False  # "Bamako's ...": contains the next mention
    all_caps: bool = False
    bare: bool = False  # admin names in a parenthesis after no name: "(Lac, Chad)"
    initial: bool = False  # the first word of a sentence: its capital proves nothing
    full: str | None = None  # the run before a leading "In"/"At" was dropped ("In Amenas")
    full_role: str | None = None  # the role of the full run ("near In Salah": near)
    sentence: int = 0  # 0 for the lead sentence


def copy_mentions(mentions: Iterable[Mention]) -> list[Mention]:
    """Fresh copies of one text's mentions (their lists too, and ``apposition_of`` pointing
    into the copies): resolving a mention rewrites it, so a text read once can be resolved
    again from the same reading."""
    copies: dict[int, Mention] = {}
    for mention in mentions:
        copy = object.__new__(Mention)  # a plain dataclass: its fields are its __dict__
        copy.__dict__.update(mention.__dict__)
        copy.hints, copy.strong_hints = list(mention.hints), list(mention.strong_hints)
        copy.aliases, copy.near = list(mention.aliases), list(mention.near)
        copies[id(mention)] = copy
    for copy in copies.values():
        head = copy.apposition_of
        if head is not None:
            copy.apposition_of = copies.get(id(head), head)
    return list(copies.values())


def _words_before(text: str, start: int) -> tuple[list[str], list[bool]]:
    """The words before ``start`` folded to lower case, and which were written with a
    capital (so that "the Department of State" is not "the department of")."""
    found = _WORDS_BEFORE.findall(text[max(0, start - 90) : start])
    return [w.casefold() for w in found], [w[:1].isupper() for w in found]


@dataclass(frozen=True)
class Cue:
    role: str
    cue: str | None = None
    noun: str | None = None
    feature: str | None = None
    direction: bool = False
    distance: bool = False
    list_item: bool = False


def _distance_before(words: list[str], i: int, vocab: PlaceVocabulary) -> bool:
    """words[i] is "of"/"from": is it "<number> <unit> [direction] of"?"""
    j = i - 1
    if j >= 0 and words[j] in vocab["directions"]:
        j -= 1
    return j >= 1 and words[j] in vocab["distance_units"] and bool(_NUMBER.fullmatch(words[j - 1]))


def _noun_of(words: list[str], caps: list[bool], i: int, vocab: PlaceVocabulary) -> Cue | None:
    """words[i] is "of"/"to"/"from"/"with": a noun before it decides ("village of")."""
    if i == 0 or caps[i - 1]:
        return None
    noun = words[i - 1]
    if noun in vocab["event_of_nouns"] and words[i] == "of":
        return Cue(EVENT, cue=noun)
    if noun == "out" and words[i] == "of":
        return Cue(EVENT, cue="out of")
    if noun in ("close", "next") and words[i] == "to":
        return Cue(NEAR, cue=f"{noun} to")
    if noun == "far" and words[i] == "from":
        return Cue(REFERENCE, cue="far from")
    singular = noun.removesuffix("s") if noun.endswith("s") and len(noun) > 3 else noun
    kind = vocab.feature.get(noun) or vocab.feature.get(singular)
    if noun in vocab["border_words"] or singular in vocab["border_words"]:
        return Cue(BORDER, cue=noun)
    if kind is None:
        return None
    if noun in ("outskirts", "vicinity", "surroundings"):
        return Cue(NEAR, cue=noun, feature="area")
    before = _cue(words[: i - 1], caps[: i - 1], vocab, nested=True)
    role = before.role if before.role != MENTION else EVENT
    return replace(before, role=role, noun=noun, feature=kind)


def _after_destination(words: list[str], vocab: PlaceVocabulary) -> bool:
    """ "taken to hospital in Dapaong": the place a noun after "to" is in is a destination."""
    i = len(words) - 1
    while i >= 0 and words[i] in vocab["skip_words"]:
        i -= 1
    if i < 1 or vocab.feature.get(words[i]) not in ("site", "settlement"):
        return False
    i -= 1
    while i >= 0 and words[i] in vocab["skip_words"]:
        i -= 1
    return i >= 0 and words[i] in ("to", "towards", "toward")


def _preposition(word: str, vocab: PlaceVocabulary) -> str | None:
    if word in vocab["locative_prepositions"]:
        return EVENT
    if word in vocab["near_prepositions"]:
        return NEAR
    if word in vocab["origin_words"]:
        return ORIGIN
    if word in vocab["destination_words"]:
        return DESTINATION
    return None


def _cue(words: list[str], caps: list[bool], vocab: PlaceVocabulary, nested: bool = False) -> Cue:
    """What the words before a name make of it (read backwards, skipping adjectives)."""
    direction = False
    i = len(words) - 1
    while i >= 0 and (
        words[i] in vocab["skip_words"]
        or words[i] in vocab["directions"]
        or words[i].endswith(("'s", "’s"))
        or words[i] in ("capital", "seat")
        or (not nested and vocab.feature.get(words[i]) in ("settlement", "admin"))
    ):
        direction = direction or words[i] in vocab["directions"]
        i -= 1
    if i < 0:
        return Cue(MENTION, direction=direction)
    word = words[i]
    if word in ("and", "or", ",") and direction and i > 0 and words[i - 1] in vocab["directions"]:
        # "in southern and central Mali": both adjectives qualify the name
        return _cue([*words[: i - 1], "central"], [*caps[: i - 1], False], vocab, nested)
    if word in (",", "and", "or"):
        return Cue(MENTION, cue=word, direction=direction, list_item=True)
    if word == ":" and i >= 1 and words[i - 1] in vocab["location_labels"]:
        return Cue(EVENT, cue="field", direction=direction)  # "Location: Fooville"
    if word in ("of", "from") and _distance_before(words, i, vocab):
        return Cue(REFERENCE, cue="distance", direction=direction, distance=True)
    if word in ("of", "to", "from", "with", "between", "through"):
        by_noun = _noun_of(words, caps, i, vocab)
        if by_noun is not None:
            return replace(by_noun, direction=direction or by_noun.direction)
        if word == "of" and i >= 1 and words[i - 1] in vocab["directions"]:
            return Cue(NEAR, cue="direction", direction=True)
    role = _preposition(word, vocab)
    if word == "at" and i > 0 and words[i - 1] in vocab["aim_words"]:
        return Cue(MENTION, cue=word, direction=direction)  # "aimed at X": a target only
    if role == EVENT and _after_destination(words[:i], vocab):
        return Cue(DESTINATION, cue=word, direction=direction)
    if role is not None:
        return Cue(role, cue=word, direction=direction)
    if word in vocab["event_verbs"]:
        return Cue(EVENT, cue=word, direction=direction)
    return Cue(MENTION, cue=word if word.isalpha() else None, direction=direction)


def _noun_after(text: str, end: int, vocab: PlaceVocabulary) -> tuple[str, str, int] | None:
    """A lower-case feature noun right after a name ("Lac province"), or a site noun after
    one or two modifiers ("the Tigantourine gas facility"): noun, kind, end."""
    site = _SITE_AFTER.match(text, end)
    if site is not None and vocab.feature.get(site.group("noun")) == "site":
        return site.group("noun"), "site", site.end()
    match = _NOUN_AFTER.match(text, end)
    if match is None:
        return None
    noun = match.group(1)
    kind = vocab.feature.get(noun) or vocab.feature.get(noun.removesuffix("s"))
    if kind is None:
        if noun in vocab["event_nouns"]:
            return noun, "event", match.end()
        return None
    return noun, kind, match.end()


def _trailing_noun(name: str, vocab: PlaceVocabulary) -> tuple[str, str] | None:
    """A capitalised feature noun ending or opening the name itself ("Gao region
    Province", "Hotel Nord Sud", "Lake Chad")."""
    words = name.split()
    if len(words) < 2:
        return None
    for word in (words[-1], words[0]):
        noun = word.casefold()
        kind = vocab.feature.get(noun) or vocab.feature.get(noun.removesuffix("s"))
        if kind:
            return noun, kind
    return None


def name_runs(text: str, vocab: PlaceVocabulary | None = None) -> list[re.Match[str]]:
    """The capitalised runs of ``text`` outside link labels; a run is cut before a
    capitalised determiner inside it ("Comment The Boulkessi raid": a heading glued on)."""
    vocab = vocab or default_vocabulary()
    links = link_label_spans(text)
    runs: list[re.Match[str]] = []
    for match in NAME_RUN.finditer(text):
        if inside_spans(match.start(), links):
            continue
        runs += _cut_at_determiners(text, match, vocab)
    return runs


_RUN_WORD = re.compile(r"\S+")


def _cut_at_determiners(
    text: str, match: re.Match[str], vocab: PlaceVocabulary
) -> list[re.Match[str]]:
    words = list(_RUN_WORD.finditer(match.group()))
    cuts = [w.start() for w in words[1:] if w.group() in ("The", "A", "An", "This", "These")]
    if not cuts:
        return [match]
    pieces: list[re.Match[str]] = []
    starts = [0, *cuts]
    for start, end in zip(starts, [*cuts, len(match.group())], strict=True):
        piece = NAME_RUN.match(text, match.start() + start, match.start() + end)
        if piece is not None:
            pieces.append(piece)
    return pieces


def trimmed(text: str, run: re.Match[str], vocab: PlaceVocabulary) -> re.Match[str] | None:
    """The run without the capitalised function words a sentence starts with ("In Tessit",
    "On 17 December"): what is left, if it still starts like a name."""
    drop = vocab.openers
    while True:
        first = _FIRST_WORD.match(run.group())
        if first is None or first.group().casefold() not in drop:
            return run
        rest = NAME_RUN.match(text, run.start() + first.end() + 1)
        if rest is None or rest.start() >= run.end() or not run.group()[first.end() :].strip():
            return None
        run = rest


def read_mention(text: str, run: re.Match[str], vocab: PlaceVocabulary, sentence: int) -> Mention:
    name = run.group().rstrip()
    start, end = run.start(), run.start() + len(name)
    based = _BASED.search(name)
    if based is not None:  # "the Mali-based group": where it is based, not the event's place
        name, end = name[: based.start()], start + based.start()
    cue = _cue(*_words_before(text, start), vocab)
    mention = Mention(
        start, end, name, name, role=cue.role, cue=cue.cue, noun=cue.noun,
        feature=cue.feature, direction=cue.direction, distance=cue.distance,
        all_caps=name.isupper() and len(name) > 1, sentence=sentence,
    )  # fmt: skip
    trailing = _trailing_noun(name, vocab)
    if trailing is not None:
        mention.noun, mention.feature = trailing
    after = _noun_after(text, end, vocab)
    if after is not None:
        noun, kind, noun_end = after
        mention.noun, mention.feature = noun, kind
        mention.written = text[start:noun_end]
    described = _DESCRIBED_AS.match(text, end_of_noun(text, mention))
    if described is not None and mention.feature is None:
        kinds = [vocab.feature.get(w.casefold()) for w in described.group("words").split()]
        kind = next((k for k in kinds if k), None)
        if kind in ("site", "settlement"):
            mention.feature = kind  # "Le Campement, a luxury hotel outside of Bamako"
    border = _NOUN_AFTER.match(text, end)
    if border is not None and border.group(1) in vocab["border_words"]:
        mention.role = BORDER  # "near the Niger border", "on the Burkina Faso side"
    elif (
        border is not None
        and mention.feature is None
        and mention.role in EVENT_ROLES
        and border.group(1) in vocab["not_place_after"]
    ):
        # "ambushed a Kilo Star bus", "attacked the Kolo militia": what was hit is a firm's
        # or a group's name, not the place (a name merely mentioned is left as it was)
        mention.role = BASE
    if mention.feature == "linear" and cue.noun is not None:
        mention.written = _linear_written(text, start, end, cue.noun)
    if _POSSESSIVE.match(text, end):
        mention.possessive = True
    if _event_noun_follows(text, mention, vocab):
        mention.role = EVENT  # "the Boulkessi raid", "the Nampala camp bombing"
    if _SUFFIX_AFTER.match(text, end):
        mention.role = BASE
    return mention


def end_of_noun(text: str, mention: Mention) -> int:
    """Where the name and its noun end ("Lac province|")."""
    if mention.written.startswith(mention.name):
        return mention.start + len(mention.written)
    return mention.end


def _event_noun_follows(text: str, mention: Mention, vocab: PlaceVocabulary) -> bool:
    """ "the Boulkessi raid", "last year's Ogossagou massacre", "the Nampala camp bombing" (not
    "Militants ambush a unit")."""
    match = _NOUN_AFTER.match(text, mention.start + len(mention.written))
    named = mention.feature == "event" or (
        match is not None and match.group(1) in vocab["event_nouns"]
    )
    return named and bool(
        _DETERMINER_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    )


def _linear_written(text: str, start: int, end: int, noun: str) -> str:
    """ "road to Bourem", "road from A to B": the noun and the name(s) as written."""
    at = text.rfind(noun, max(0, start - 40), start)
    return text[at:end] if at >= 0 else text[start:end]


def is_organisation(name: str, vocab: PlaceVocabulary) -> bool:
    """A name with an organisation or title word that is not a place noun ("Ministry of
    Education", "President Déby"; but "Radisson Blu Hotel" is a site)."""
    words = {w.casefold().strip("'’") for w in name.replace("-", " ").split()}
    return not words.isdisjoint(vocab.organisation_words)


def is_name(mention: Mention, vocab: PlaceVocabulary) -> bool:
    words = mention.name.split()
    return bool(words) and words[0].casefold() not in vocab["not_name_words"]


def is_people(name: str, vocab: PlaceVocabulary) -> bool:
    """A name of a people, a creed or a group ("Tuareg camps", "the Dogon village of")."""
    words = {w.casefold().strip("'’") for w in name.replace("-", " ").split()}
    return bool(words & vocab["not_place_words"])
