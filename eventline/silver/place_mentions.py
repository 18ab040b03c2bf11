"""All the place names of a text, as written, and how they relate to each other.

After each name is read (:mod:`eventline.silver.place_mention`), the names are related:

* the **hints** after a name: a parenthesis of admin names ("(Kolofata, Mayo-Sava, Far
  North)", "(Lac, Chad)") or of another spelling ("(Boma)", "(also written Boulkési)"), an
  appositive (", Kong department", ", in Bankass cercle", ", Niger"), a container
  ("Bosso town in Diffa", "Bamako's Sogoniko junction") or a reference point ("Fafa near
  Ansongo") become that name's hints, not places of their own;
* **lists** ("in A, B and C", "the villages of Dioura and Nampala") share one cue, a plural
  noun ("the Ménaka and Timbuktu regions") and the hint after their last item;
* names in a **relative clause** (", which lie between A and B") only describe;
* a **dateline** ("LOMÉ, Nov. 10, 2021 -") is where the report was filed;
* a parenthesis of admin names after no name ("killed 8 soldiers (Lac, Chad)") places the
  event by itself.

Whether a name is in the gazetteer is the resolver's question, not this module's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from eventline.silver.place_mention import (
    BORDER,
    DATELINE,
    DESTINATION,
    EVENT,
    EVENT_ROLES,
    MENTION,
    NAME_RUN,
    ORIGIN,
    UPPER,
    Mention,
    end_of_noun,
    is_name,
    is_organisation,
    is_people,
    name_runs,
    read_mention,
    trimmed,
)
from eventline.silver.place_vocabulary import PlaceVocabulary, default_vocabulary

_APPOSITIVE = re.compile(r"[ \t]*,[ \t]*(?:(?P<in>in)[ \t]+)?(?P<words>(?:[a-z\-]+[ \t]+){0,2})")
_AXIS_DASH = re.compile(r"[ \t]*[–—][ \t]*")
_DATELINE = re.compile(rf"^\s*(?P<name>[{UPPER}][{UPPER}'’\-. ]*[{UPPER}])\s*,")
_LIST_GAP = re.compile(
    r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)(?:the[ \t]+)?"
)
_PAREN = re.compile(r"[ \t]*\(([^()]{1,80})\)")
_LIST_GOES_ON = re.compile(rf"[ \t]*,?[ \t]*(?:and|or)\b|[ \t]*,[ \t]*[{UPPER}]")
_NAME_LIST = re.compile(rf"{NAME_RUN.pattern}(?:[ \t]*,[ \t]*{NAME_RUN.pattern})*[ \t]*")
_CLAUSE_MARKS = re.compile(r"[,;.()]")
_GAP_WORD = re.compile(r"[\w'’\-]+|,")
_POSSESSIVE_END = re.compile(r"['’]s$")


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
    for raw in name_runs(text):
        run = trimmed(text, raw, vocab)
        if run is None:
            continue
        sentence = max(bisect_right(starts, run.start()) - 1, 0)
        mention = read_mention(text, run, vocab, sentence)
        if run.start() != raw.start():
            mention.full = raw.group().rstrip()
            mention.full_role = read_mention(text, raw, vocab, sentence).role
            first = raw.group().split()[0].casefold()
            mention.direction = mention.direction or first in vocab["directions"]
        opening = text[starts[sentence] : run.start()]
        mention.initial = not opening.strip(" \t\n•*-–—\"'“‘(") or opening.rstrip().endswith(":")
        if is_name(mention, vocab) and not is_demonym(mention.name):
            mentions.append(mention)
    _mark_dateline(text, mentions)
    # Names in capitals stay (a dateline, "MENAKA"); the resolver takes only well-known
    # ones, so that an acronym is never a village.
    _relate(text, mentions, vocab)
    return mentions


def _mark_dateline(text: str, mentions: list[Mention]) -> None:
    match = _DATELINE.match(text)
    if match is None or not mentions or mentions[0].start != match.start("name"):
        return
    if mentions[0].all_caps:
        mentions[0].role = DATELINE


def _parentheses(text: str, mention: Mention) -> list[re.Match[str]]:
    found = []
    match = _PAREN.match(text, end_of_noun(text, mention))
    while match is not None:
        found.append(match)
        match = _PAREN.match(text, match.end())
    return found


def _end_of(text: str, mention: Mention) -> int:
    """Where the name, its noun and its parentheses end."""
    parens = _parentheses(text, mention)
    return parens[-1].end() if parens else end_of_noun(text, mention)


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
    """ "(also written Boulkési)" is another spelling; "(Mayo-Sava, Far North)" admin
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
    """ "Bamako's Sogoniko junction": Bamako is where the junction is; in "Chad's army"
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
                container.role = MENTION  # "Chad's army" only owns; "Bamako's prison" is in
            continue
        container.consumed = True
        inner.hints.append(container.name)
        inner.strong_hints.append(container.name)
        if inner.role == MENTION:
            inner.role = container.role


def _in_relative_clause(text: str, start: int, vocab: PlaceVocabulary) -> bool:
    clause = _CLAUSE_MARKS.split(text[max(0, start - 80) : start])
    if len(clause) < 2:
        return False
    words = clause[-1].split()
    return bool(words) and words[0].casefold() in vocab["relative_words"]


def _list_continues(text: str, mention: Mention) -> bool:
    return _LIST_GOES_ON.match(text, _end_of(text, mention)) is not None


def _pair(
    text: str, previous: Mention, tail: Mention, mention: Mention, vocab: PlaceVocabulary
) -> bool:
    """Relate a name to the name before it; True when both are items of one list."""
    if mention.relative and not previous.relative:
        return False  # ", which lie off Bourem": a description, not a hint
    gap = text[_end_of(text, tail) : mention.start]
    appositive = _APPOSITIVE.fullmatch(gap)
    if appositive is not None and not set(appositive.group("words").split()) <= (
        vocab["skip_words"] | vocab["directions"]
    ):
        appositive = None
    if previous.feature == "linear" and re.fullmatch(r"[ \t]+to[ \t]+", gap):
        start = text.find(previous.written, max(0, previous.start - 40))
        previous.written = text[start : mention.end]
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
        previous.written = text[previous.start : end_of_noun(text, mention)]
        previous.feature, previous.noun = "linear", mention.noun
        mention.consumed = True  # "the Gao–Ansongo axis"
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


def _without_noun_words(name: str, noun: str | None) -> str:
    words = name.split()
    if noun and len(words) > 1 and words[-1].casefold() == noun:
        return " ".join(words[:-1])
    return name


def _inherit(previous: Mention, mention: Mention) -> None:
    if mention.role == MENTION:
        mention.role, mention.cue = previous.role, previous.cue
    if mention.feature is None and previous.noun is not None and previous.noun.endswith("s"):
        mention.feature = previous.feature  # "the villages of Dioura and Nampala"


def _share_group_hints(mentions: list[Mention]) -> None:
    """ "at Tessit and Tin Hama, in the Ansongo cercle": the list's hint after its
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
    """ "Bosso town in Diffa", "Fafa near Ansongo": the later name qualifies the earlier."""
    if gap.split() == ["of"] and previous.noun and is_people(previous.name, vocab):
        previous.consumed = True  # "the Dogon village of Sobane Da": Dogon names the people
        mention.feature, mention.role = previous.feature, previous.role
        return
    if "," not in gap and (len(gap) > 45 or any(c in gap for c in ";.()")):
        return  # neither "X, near Y" nor "X town in Y": nothing below applies
    if previous.possessive or not _place_like(previous, vocab):
        return  # "Mali's main base in Kati": Kati is the place; a person has no hints
    words = [w.casefold() for w in _GAP_WORD.findall(gap) if not _POSSESSIVE_END.search(w)]
    if len(words) >= 2 and words[-2:] == ["outside", "of"]:
        words = words[:-1]
    while words and (words[-1] in vocab["skip_words"] or words[-1] in vocab["directions"]):
        words.pop()
    if words and words[0] == "," and (mention.distance or words[-1] in vocab["near_prepositions"]):
        # "the Terrasse café in Hippodrome district, near Koulouba";
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
        _hint_of(mention, previous, strong=True)  # "the Ménaka district headquarters at X"
        if mention.role == MENTION or mention.role == previous.role:
            mention.role = previous.role
    elif words[-1] in ("in", "on", "at", "of", "over"):
        _hint_of(previous, mention, strong=True)
