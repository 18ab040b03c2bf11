"""Find the places a report's sentence names, as written, and what role each plays.

A place mention is a capitalised name ("Kaïga-Kindjiria", "Mocímboa da Praia", "24 de
Março", "el-Adde") with what the prose says around it, read from general patterns only:

* the **cue** before it: a locative preposition ("in", "at", "on the island of") makes it the
  event's place; "near/outside/around", "120 km south-west of" a reference point near it;
  "from"/"fleeing" an origin, "to/towards/into" a destination, "the border with" a border;
  an attack verb ("raided Tahert") the place attacked; a list ("in A, B and C") shares one;
* the **noun** attached to it ("Lac province", "Zoobe junction", "the road to Blamonga",
  "the village of Xitaxi") says what kind of place it is;
* the **hints** after it: a parenthesis of admin names ("(Kolofata, Mayo-Sava, Far North)",
  "(Lac, Chad)") or of another spelling ("(Boma)", "(also written Kochtrehe)"), an appositive
  (", Kong department", ", in Kpendjal prefecture", ", Niger"), a container ("Bosso town in
  Diffa", "Mogadishu's Zoobe junction") or a reference point ("Soueram near Fotokol");
* a **dateline** ("LOMÉ, Nov. 10, 2021 -") is where the report was filed.

Nothing here knows a place name: whether a name is in the gazetteer is the resolver's
question. The words come from ``schemas/reference/place_vocabulary.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from eventline.silver.place_vocabulary import PlaceVocabulary, default_vocabulary
from eventline.text.markup import inside_spans, link_label_spans

EVENT, NEAR, ORIGIN, DESTINATION, BORDER, REFERENCE = (
    "event", "near", "origin", "destination", "border", "reference",
)  # fmt: skip
MENTION, DATELINE, BASE = "mention", "dateline", "base"
# Roles that place an event; the others only describe.
EVENT_ROLES = frozenset({EVENT, NEAR})

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_TOKEN = rf"[{_UPPER}](?:[^\W_]|['’](?![sS]\b)(?=[^\W\d_])|[\-‐‑](?=[^\W_]))*"
_PREFIX = r"(?:(?:el|al|ad|ed|ag|as|ash|at|az|es|an|ar|d|l)[\-‐‑'’])"
_CONNECTOR = r"(?:da|de|do|das|dos|du|des|di|del|della|la|le|les|el|al|sur|en|wa|bin|ben|ibn)"
_WORD = rf"{_PREFIX}?{_TOKEN}"
_RUN = re.compile(
    rf"(?<![\w'’\-‐‑])(?:\d{{1,2}}[ \t]+de[ \t]+)?{_WORD}"
    rf"(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:{_CONNECTOR}[ \t]+)?{_WORD}"
    rf"|[ \t]+(?:\d{{1,2}}|II|III|IV)(?![\w,.:/\-]))*"
)
_POSSESSIVE = re.compile(r"['’][sS]\b")
_WORDS_BEFORE = re.compile(r"[\w'’\-‐‑]+|[^\w\s]")
_PAREN = re.compile(r"[ \t]*\(([^()]{1,80})\)")
_APPOSITIVE = re.compile(r"[ \t]*,[ \t]*(?:(?P<in>in)[ \t]+)?(?P<words>(?:[a-z\-]+[ \t]+){0,2})")
_NOUN_AFTER = re.compile(r"[ \t]+([a-zé\-]+)\b")
_SUFFIX_AFTER = re.compile(r"-(based|born|held|controlled|led|backed|linked|affiliated)\b")
_LIST_GAP = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)(?:the[ \t]+)?")
_AXIS_DASH = re.compile(r"[ \t]*[–—][ \t]*")
_DATELINE = re.compile(rf"^\s*(?P<name>[{_UPPER}][{_UPPER}'’\-. ]*[{_UPPER}])\s*,")
_NUMBER = re.compile(r"\d[\d,.]*|a|an|about|some|few|several|one|two|three|four|five|ten")
_CLAUSE_END = frozenset(".;:!?")
_SITE_AFTER = re.compile(r"[ \t]+(?:[a-z\-]+[ \t]+){1,2}?(?P<noun>[a-z]+)\b")
_DESCRIBED_AS = re.compile(r"[ \t]*[,—–][ \t]*(?:a|an|the)[ \t]+(?P<words>(?:[\w\-]+[ \t]*){1,4})")
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|\w+['’]s)\s+$")
_NAME_LIST = re.compile(rf"{_RUN.pattern}(?:[ \t]*,[ \t]*{_RUN.pattern})*[ \t]*")


@dataclass(eq=False)
class Mention:
    """One place name as written, with the prose around it (see the module docstring)."""

    start: int
    end: int
    name: str  # the capitalised run as written ("Mékrou", "Cabo Delgado Province")
    written: str  # the place as written: name and its noun ("Mékrou river", "road to Blamonga")
    role: str = MENTION
    cue: str | None = None
    noun: str | None = None  # the attached noun ("province", "junction", "village")
    feature: str | None = None  # its kind: admin settlement site natural linear area event
    direction: bool = False  # a compass word before it ("northern Gao")
    distance: bool = False  # a distance before it ("120 km south-west of")
    hints: list[str] = field(default_factory=list)  # admin names given with it
    strong_hints: list[str] = field(default_factory=list)  # with an admin noun or "in"
    aliases: list[str] = field(default_factory=list)
    near: list[str] = field(default_factory=list)  # reference points ("near Fotokol")
    group: int = 0  # mentions of one list share a group
    apposition_of: Mention | None = None  # the name before ", X": X is a hint or a list item
    consumed: bool = False  # a hint of another mention, not a place of its own
    relative: bool = False  # inside a relative clause (", which lie between ...")
    possessive: bool = False  # "Mogadishu's ...": contains the next mention
    all_caps: bool = False
    bare: bool = False  # admin names in a parenthesis after no name: "(Lac, Chad)"
    initial: bool = False  # the first word of a sentence: its capital proves nothing
    full: str | None = None  # the run before a leading "In"/"At" was dropped ("In Amenas")
    sentence: int = 0  # 0 for the lead sentence


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
        return _cue(words[: i - 1] + ["central"], caps[: i - 1] + [False], vocab, nested)
    if word in (",", "and", "or"):
        return Cue(MENTION, cue=word, direction=direction, list_item=True)
    if word in ("of", "from") and _distance_before(words, i, vocab):
        return Cue(REFERENCE, cue="distance", direction=direction, distance=True)
    if word in ("of", "to", "from", "with", "between", "through"):
        by_noun = _noun_of(words, caps, i, vocab)
        if by_noun is not None:
            return replace(by_noun, direction=direction or by_noun.direction)
        if word == "of" and i >= 1 and words[i - 1] in vocab["directions"]:
            return Cue(NEAR, cue="direction", direction=True)
    role = _preposition(word, vocab)
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
    """A capitalised feature noun ending or opening the name itself ("Cabo Delgado
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


def _runs(text: str) -> list[re.Match[str]]:
    links = link_label_spans(text)
    return [m for m in _RUN.finditer(text) if not inside_spans(m.start(), links)]


def _trimmed(text: str, run: re.Match[str], vocab: PlaceVocabulary) -> re.Match[str] | None:
    """The run without the capitalised function words a sentence starts with ("In Mozogo",
    "On 17 December"): what is left, if it still starts like a name."""
    drop = (
        vocab["not_name_words"] | vocab["opening_words"] | vocab["locative_prepositions"]
        | vocab["near_prepositions"] | vocab["origin_words"] | vocab["destination_words"]
    )  # fmt: skip
    while True:
        first = re.match(r"[^\s]+", run.group())
        if first is None or first.group().casefold() not in drop | vocab["directions"]:
            return run
        rest = _RUN.match(text, run.start() + first.end() + 1)
        if rest is None or rest.start() >= run.end() or not run.group()[first.end() :].strip():
            return None
        run = rest


def _make(text: str, run: re.Match[str], vocab: PlaceVocabulary, sentence: int) -> Mention:
    name = run.group().rstrip()
    start, end = run.start(), run.start() + len(name)
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
    described = _DESCRIBED_AS.match(text, _end_of_noun(text, mention))
    if described is not None and mention.feature is None:
        kinds = [vocab.feature.get(w.casefold()) for w in described.group("words").split()]
        kind = next((k for k in kinds if k), None)
        if kind in ("site", "settlement"):
            mention.feature = kind  # "Le Campement, a luxury hotel outside of Bamako"
    border = _NOUN_AFTER.match(text, end)
    if border is not None and border.group(1) in vocab["border_words"]:
        mention.role = BORDER  # "near the Niger border", "on the Burkina Faso side"
    if mention.feature == "linear" and cue.noun is not None:
        mention.written = _linear_written(text, start, end, cue.noun)
    if _POSSESSIVE.match(text, end):
        mention.possessive = True
    if _event_noun_follows(text, mention, vocab):
        mention.role = EVENT  # "the Bohoma raid", "the Nguétchéwé camp bombing"
    suffix = _SUFFIX_AFTER.match(text, end)
    if suffix is not None:
        mention.role = BASE
    return mention


def _event_noun_follows(text: str, mention: Mention, vocab: PlaceVocabulary) -> bool:
    """ "the Bohoma raid", "last year's Xitaxi massacre" (not "Militants ambush a unit")."""
    match = _NOUN_AFTER.match(text, mention.start + len(mention.written))
    if match is None or match.group(1) not in vocab["event_nouns"]:
        return False
    return bool(_DETERMINER_BEFORE.search(text, max(0, mention.start - 20), mention.start))


def _linear_written(text: str, start: int, end: int, noun: str) -> str:
    """ "road to Blamonga", "road from A to B": the noun and the name(s) as written."""
    at = text.rfind(noun, max(0, start - 40), start)
    return text[at:end] if at >= 0 else text[start:end]


def _sentence_starts(text: str) -> list[int]:
    from eventline.text.sentences import sentence_spans

    return [span[0] for span in sentence_spans(text)] or [0]


def find_mentions(
    text: str,
    vocab: PlaceVocabulary | None = None,
    is_demonym: Callable[[str], bool] = lambda name: False,
) -> list[Mention]:
    """Every capitalised name of ``text`` with its role, noun, hints and relations.

    Names a reader would not take for places (months, acronyms, demonyms, group and
    organisation words) are left out; the rest are kept whether a gazetteer knows them or not.
    """
    vocab = vocab or default_vocabulary()
    starts = _sentence_starts(text)
    mentions: list[Mention] = []
    for raw in _runs(text):
        run = _trimmed(text, raw, vocab)
        if run is None:
            continue
        sentence = max(sum(1 for s in starts if s <= run.start()) - 1, 0)
        mention = _make(text, run, vocab, sentence)
        if run.start() != raw.start():
            mention.full = raw.group().rstrip()
            first = raw.group().split()[0].casefold()
            mention.direction = mention.direction or first in vocab["directions"]
        opening = text[starts[sentence] : run.start()]
        mention.initial = not opening.strip(" \t\n•*-–—\"'“‘(") or opening.rstrip().endswith(":")
        if _is_name(mention, vocab) and not is_demonym(mention.name):
            mentions.append(mention)
    _mark_dateline(text, mentions)
    mentions = [m for m in mentions if not m.all_caps or m.role == DATELINE]
    _relate(text, mentions, vocab)
    return mentions


def is_organisation(name: str, vocab: PlaceVocabulary) -> bool:
    """A name with an organisation or title word that is not a place noun ("Ministry of
    Education", "President Déby"; but "Beach View Hotel" is a site)."""
    words = {w.casefold().strip("'’") for w in name.replace("-", " ").split()}
    return bool(words & (vocab["org_words"] - vocab.feature.keys()))


def _is_name(mention: Mention, vocab: PlaceVocabulary) -> bool:
    words = mention.name.split()
    return bool(words) and words[0].casefold() not in vocab["not_name_words"]


def _mark_dateline(text: str, mentions: list[Mention]) -> None:
    match = _DATELINE.match(text)
    if match is None or not mentions or mentions[0].start != match.start("name"):
        return
    if mentions[0].all_caps:
        mentions[0].role = DATELINE


def _end_of_noun(text: str, mention: Mention) -> int:
    """Where the name and its noun end ("Lac province|")."""
    if mention.written.startswith(mention.name):
        return mention.start + len(mention.written)
    return mention.end


def _parentheses(text: str, mention: Mention) -> list[re.Match[str]]:
    found = []
    match = _PAREN.match(text, _end_of_noun(text, mention))
    while match is not None:
        found.append(match)
        match = _PAREN.match(text, match.end())
    return found


def _end_of(text: str, mention: Mention) -> int:
    """Where the name, its noun and its parentheses end."""
    parens = _parentheses(text, mention)
    return parens[-1].end() if parens else _end_of_noun(text, mention)


def _relate(text: str, mentions: list[Mention], vocab: PlaceVocabulary) -> None:
    """Hints, containers, reference points, lists and relative clauses between mentions."""
    for mention in mentions:
        mention.relative = _in_relative_clause(text, mention.start, vocab)
    _consume_parentheses(text, mentions, vocab)
    _bare_parentheses(text, mentions)
    live = [m for m in mentions if not m.consumed]
    _consume_possessives(text, live, vocab)
    live = [m for m in live if not m.consumed]
    group = 0
    head: Mention | None = None
    tail: Mention | None = None  # the last name of head's chain (head, or its last hint)
    for mention in live:
        if head is None or tail is None or not _pair(text, head, tail, mention, vocab):
            group += 1
        tail = mention
        if not mention.consumed:
            mention.group = group
            head = mention
    _share_group_hints(live)


def _consume_parentheses(text: str, mentions: list[Mention], vocab: PlaceVocabulary) -> None:
    for mention in mentions:
        if mention.consumed:
            continue
        for match in _parentheses(text, mention):
            for inner in mentions:
                if match.start(1) <= inner.start < match.end(1) and inner is not mention:
                    inner.consumed = True
            _read_parenthesis(match.group(1), mention, vocab)


def _bare_parentheses(text: str, mentions: list[Mention]) -> None:
    """ "killed 8 soldiers (Lac, Chad)": a parenthesis of names after no name places the
    event by its admin names alone; the first is the place as written."""
    for i, mention in enumerate(mentions):
        if mention.consumed or not text[: mention.start].rstrip(" \t").endswith("("):
            continue
        close = text.find(")", mention.end)
        if close < 0 or close - mention.start > 80:
            continue
        if not _NAME_LIST.fullmatch(text, mention.start, close):
            continue
        inner = [m for m in mentions[i + 1 :] if m.start < close]
        for other in inner:
            other.consumed = True
        mention.hints.extend(m.name for m in inner)
        mention.bare = True
        if mention.role == MENTION:
            mention.role = EVENT


def _read_parenthesis(content: str, mention: Mention, vocab: PlaceVocabulary) -> None:
    """ "(also written Kochtrehe)" is another spelling; "(Mayo-Sava, Far North)" admin
    names; a single name ("(Boma)") is either, which the resolver decides."""
    words = content.split()
    marker = 0
    while marker < len(words) and words[marker].casefold() in vocab["alias_markers"]:
        marker += 1
    if marker:
        mention.aliases.append(" ".join(words[marker:]))
        return
    parts = [p.strip() for p in content.split(",") if p.strip()]
    if not parts or not all(p[:1].isupper() for p in parts):
        return
    if len(parts) == 1:
        mention.aliases.append(parts[0])
    mention.hints.extend(parts)


def _feature_noun_follows(text: str, end: int, vocab: PlaceVocabulary) -> bool:
    words = re.findall(r"[\w\-]+", text[end : end + 40].lower())[1:4]
    for word in words:
        if vocab.feature.get(word) or vocab.feature.get(word.removesuffix("s")):
            return True
        if word not in vocab["skip_words"] and word not in vocab["directions"]:
            return False
    return False


def _consume_possessives(text: str, mentions: list[Mention], vocab: PlaceVocabulary) -> None:
    """ "Mogadishu's Zoobe junction": Mogadishu is where the junction is; in "Chad's army"
    the name only owns something."""
    for i, container in enumerate(mentions):
        if not container.possessive:
            continue
        inner = mentions[i + 1] if i + 1 < len(mentions) else None
        gap = text[container.end : inner.start] if inner else ""
        if inner is not None and re.fullmatch(r"['’][sS][ \t]+capital[ \t]*,[ \t]*", gap):
            container.consumed = True  # "in Mali's capital, Bamako"
            inner.hints.append(container.name)
            if inner.role == MENTION:
                inner.role, inner.cue = container.role, container.cue
            continue
        if inner is None or not re.fullmatch(r"['’][sS][ \t]+", gap):
            if not _feature_noun_follows(text, container.end, vocab):
                container.role = MENTION  # "Chad's army" only owns; "Mogadishu's prison" is in
            continue
        container.consumed = True
        inner.hints.append(container.name)
        inner.strong_hints.append(container.name)
        if inner.role == MENTION:
            inner.role = container.role


def _in_relative_clause(text: str, start: int, vocab: PlaceVocabulary) -> bool:
    clause = re.split(r"[,;.()]", text[max(0, start - 80) : start])
    if len(clause) < 2:
        return False
    words = clause[-1].split()
    return bool(words) and words[0].casefold() in vocab["relative_words"]


def _list_continues(text: str, mention: Mention) -> bool:
    end = _end_of(text, mention)
    return bool(re.match(rf"[ \t]*,?[ \t]*(?:and|or)\b|[ \t]*,[ \t]*[{_UPPER}]", text[end:]))


def _pair(
    text: str, previous: Mention, tail: Mention, mention: Mention, vocab: PlaceVocabulary
) -> bool:
    """Relate a name to the name before it; True when both are items of one list."""
    gap = text[_end_of(text, tail) : mention.start]
    appositive = _APPOSITIVE.fullmatch(gap)
    if appositive is not None and not set(appositive.group("words").split()) <= (
        vocab["skip_words"] | vocab["directions"]
    ):
        appositive = None
    if previous.feature == "linear" and re.fullmatch(r"[ \t]+to[ \t]+", gap):
        previous.written = text[text.find(previous.written, previous.start - 40) : mention.end]
        mention.consumed = True  # "the road from A to B": B is where the road goes
        previous.near.append(mention.name)
        return False
    if appositive is not None and not _place_like(previous, vocab):
        return False  # "the journalists Dupont and Verlon, in northern Mali"
    if appositive is not None:
        strong = bool(appositive.group("in")) or mention.feature == "admin"
        if strong and not _list_continues(text, mention):
            _hint_of(previous, mention, strong=True)
            return False
        if not _list_continues(text, mention) and mention.cue in (",", None):
            mention.apposition_of = previous
        _inherit(previous, mention)
        return True
    if _AXIS_DASH.fullmatch(gap) and mention.feature == "linear":
        previous.written = text[previous.start : _end_of_noun(text, mention)]
        previous.feature, previous.noun = "linear", mention.noun
        mention.consumed = True  # "the Nassian–Ferkessédougou axis"
        previous.near.append(_without_noun_words(mention.name, mention.noun))
        return False
    if _LIST_GAP.fullmatch(gap) or _AXIS_DASH.fullmatch(gap):
        _inherit(previous, mention)
        return True
    _nest(gap, previous, mention, vocab)
    return False


def _place_like(mention: Mention, vocab: PlaceVocabulary) -> bool:
    """A name that can have hints: where something happens, not a person, a people, a
    group or a force ("the G5 Sahel force camp in Boulikessi": the camp is in Boulikessi)."""
    words = mention.name.replace("-", " ").split()
    coded = any(sum(c.isupper() or c.isdigit() for c in w) >= 2 and w.upper() == w for w in words)
    broad = any(w.casefold() in vocab["broad_regions"] for w in words)
    return (
        mention.role in EVENT_ROLES
        and not mention.possessive
        and not coded
        and not broad
        and not is_organisation(mention.name, vocab)
        and not is_people(mention.name, vocab)
    )


def is_people(name: str, vocab: PlaceVocabulary) -> bool:
    """A name of a people, a creed or a group ("Tuareg camps", "the Dogon village of")."""
    words = {w.casefold().strip("'’") for w in name.replace("-", " ").split()}
    return bool(words & vocab["not_place_words"])


def _without_noun_words(name: str, noun: str | None) -> str:
    words = name.split()
    if noun and len(words) > 1 and words[-1].casefold() == noun:
        return " ".join(words[:-1])
    return name


def _inherit(previous: Mention, mention: Mention) -> None:
    if mention.role == MENTION:
        mention.role, mention.cue = previous.role, previous.cue
    if mention.feature is None and previous.noun is not None and previous.noun.endswith("s"):
        mention.feature = previous.feature  # "the villages of Chai and Litamanda"


def _share_group_hints(mentions: list[Mention]) -> None:
    """ "at Mucojo and Quiterajo, in coastal Macomia district": the list's hint after its
    last item is every item's."""
    by_group: dict[int, list[Mention]] = {}
    for mention in mentions:
        if not mention.consumed:
            by_group.setdefault(mention.group, []).append(mention)
    for items in by_group.values():
        last = items[-1]
        for item in items[:-1]:
            item.hints.extend(h for h in last.strong_hints if h not in item.hints)
            item.strong_hints.extend(h for h in last.strong_hints if h not in item.strong_hints)
    _share_plural_nouns(mentions)


def _share_plural_nouns(mentions: list[Mention]) -> None:
    """ "the Ménaka and Timbuktu regions": the plural noun is every item's."""
    for mention in reversed(mentions):
        if mention.noun and mention.noun.endswith("s") and mention.feature:
            for other in mentions:
                if other.group == mention.group and other.feature is None:
                    other.feature = mention.feature


def _hint_of(head: Mention, mention: Mention, strong: bool) -> None:
    mention.consumed = True
    name = mention.written if mention.feature == "admin" else (mention.full or mention.name)
    head.hints.append(name)  # "Ménaka region" keeps its noun: it is the region
    head.hints.extend(mention.hints)
    if strong:
        head.strong_hints.append(name)


_NEST_FILLER = frozenset({"the", "a", "an", "its", "over", "on", "at", "of", "in"})


def _nest(gap: str, previous: Mention, mention: Mention, vocab: PlaceVocabulary) -> None:
    """ "Bosso town in Diffa", "Soueram near Fotokol": the later name qualifies the earlier."""
    if is_people(previous.name, vocab) and gap.split() == ["of"] and previous.noun:
        previous.consumed = True  # "the Dogon village of Sobane Da": Dogon names the people
        mention.feature, mention.role = previous.feature, previous.role
        return
    if previous.possessive or not _place_like(previous, vocab):
        return  # "Mali's main base in Kati": Kati is the place; a person has no hints
    words = [w.casefold() for w in re.findall(r"[\w'’\-]+|,", gap) if not re.search(r"['’]s$", w)]
    if len(words) >= 2 and words[-2:] == ["outside", "of"]:
        words = words[:-1]
    while words and (words[-1] in vocab["skip_words"] or words[-1] in vocab["directions"]):
        words.pop()
    if words and words[0] == "," and (mention.distance or words[-1] in vocab["near_prepositions"]):
        # "the Top Coffee café in Boondheere district, near Villa Somalia";
        # "Le Campement, a luxury hotel outside of Bamako"
        if len(words) <= 6:
            mention.consumed = True
            previous.near.append(mention.name)
            previous.hints.extend(mention.hints)
        return
    if not words or len(gap) > 45 or any(c in gap for c in ",;.()"):
        return
    allowed = _NEST_FILLER | vocab["skip_words"] | vocab.feature.keys()
    if not set(words[:-1]) <= allowed:
        return
    if mention.role in (ORIGIN, DESTINATION, BORDER):
        return
    if words[-1] in vocab["near_prepositions"] or mention.distance:
        mention.consumed = True
        previous.near.append(mention.name)
        previous.hints.extend(mention.hints)
    elif words[-1] == "at" and previous.feature == "admin" and mention.feature != "admin":
        _hint_of(mention, previous, strong=True)  # "the Muidumbe district headquarters at X"
        if mention.role == MENTION or mention.role == previous.role:
            mention.role = previous.role
    elif words[-1] in ("in", "on", "at", "of", "over"):
        _hint_of(previous, mention, strong=True)
