"""What one document tells about its actors beyond any single record.

A record is resolved with its document in mind, because reports define names once and use
them after:

* **acronyms defined in the text** -- "Boko Haram (BH)", "African Parks Network (APN)",
  "FDS (Mozambican Defense and Security Forces)": the acronym names that actor in this
  document (only when the catalog does not already give it a meaning in the document's
  country);
* **short names of the persons it names** -- after "President Idriss Déby Itno", "Déby" and
  "Deby" name him, unless the document names two persons who share the word;
* **the dominant group** -- the one non-state armed group (jihadist, separatist or rebel)
  the document names, a group's parents folded into it ("the Islamic State presents it as
  ... ISIS-Mozambique" names one group). A report about one insurgency calls it "the
  militants" and "the insurgents"; the resolver lets such weak words stand for it in events
  of the countries it operates in only: its own and the catalog's ``operates_in`` (a report
  on Kenya is about al-Shabaab; a report on Benin is not about the Mali-based JNIM);
* **paragraphs** -- the text of a record's paragraph before the record, where a weak word
  or a "the Council" finds what it refers to ("Boko Haram remained active. ... fighters
  attacked"). A paragraph ends at a blank line, a bullet, a numbered item ("8. In the Lac
  province"), a heading, or -- in a document whose lines are not hard-wrapped (most of its
  lines end a sentence) -- at every line that ends a sentence (each line of an event-notes
  digest is its own note);
* **its juntas** -- the one junta it names per country ("the CNSP"), which its "the junta"
  and "the military authorities" of that country stand for;
* **the author** -- a report of the UN Secretary-General speaks in the first person
  ("through my Spokesperson, I called on all parties"): "I" is the United Nations.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from eventline.gold.actor_model import Actor
from eventline.gold.actor_vocabulary import INSURGENT_TYPES
from eventline.gold.catalog import COUNTRY, DEMONYM, LEARNED, NAMED, ActorCatalog, Entry, Match
from eventline.gold.role_patterns import NAME_PARTICLES
from eventline.text.fold import fold, fold_key
from eventline.text.names import NameMatcher
from eventline.text.sentences import sentence_spans

CONTEXT_SENTENCES = 3
_ACRONYM = r"[A-Z][A-Za-z0-9&]*(?:-[A-Z0-9&]+)*"
_AFTER_NAME = re.compile(rf"\s*\(\s*(?P<acr>{_ACRONYM})\s*[;,)]")
_BEFORE_NAME = re.compile(rf"(?<![\w\-])(?P<acr>{_ACRONYM})\s*\(\s*$")
_BULLET = re.compile(r"^\s*(?:[•\-–*·▪]\s|\d{1,3}[.)]\s|[IVX]{1,5}\.\s|[A-H]\.\s)")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s*$")
_CLOSING = re.compile(r"\s*\)")
_SG_AUTHOR = re.compile(r"\bReport\s+of\s+the\s+Secretary-General\b", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """One line of the document as bronze keeps it (blank lines may be left out)."""

    line_no: int
    text: str


@dataclass(frozen=True)
class Passage:
    """A stretch of the document and the names matched in it (offsets in ``text``)."""

    start: int
    text: str
    matches: tuple[Match, ...]


NO_PASSAGE = Passage(0, "", ())


@dataclass
class DocumentContext:
    """The document-wide facts of the module docstring."""

    country: str | None = None
    learned: NameMatcher[Entry] | None = None
    dominant: Actor | None = None
    juntas: dict[str, Actor] = field(default_factory=dict)  # ISO2 -> the junta it names
    author: str | None = None
    paragraph_of: dict[int, int] = field(default_factory=dict)  # line_no -> paragraph start
    heading_country: dict[int, str] = field(default_factory=dict)  # line_no -> ISO2
    text: str = ""  # the document's lines, joined by line breaks
    matches: list[Match] = field(default_factory=list)  # in ``text``, in order
    line_offsets: dict[int, int] = field(default_factory=dict)  # line_no -> offset in text

    def paragraph_before(self, record: str, line_start: int | None) -> Passage:
        """The last sentences (at most ``CONTEXT_SENTENCES``) of the record's paragraph
        before the record, with the names matched there: what its references can mean.
        ``NO_PASSAGE`` when no name is matched in the paragraph before the record (then it
        has nothing to refer to, and its sentences need not be split)."""
        if line_start is None or line_start not in self.paragraph_of:
            return NO_PASSAGE
        begin = self.line_offsets[self.paragraph_of[line_start]]
        at = self.line_offsets[line_start]
        head = record[:40].replace("\n", " ")
        found = self._spaced.find(head, at, at + len(record) + 400) if head else -1
        at = found if found >= 0 else at
        first = bisect_left(self.match_starts, begin)
        last = bisect_left(self.match_starts, at)
        if all(m.end > at for m in self.matches[first:last]):
            return NO_PASSAGE
        spans = sentence_spans(self.text[begin:at].replace("\n", " "))  # lines are wrapped
        if len(spans) > CONTEXT_SENTENCES:
            begin += spans[-CONTEXT_SENTENCES][0]
        first = bisect_left(self.match_starts, begin)
        last = bisect_left(self.match_starts, at)
        shifted = tuple(
            Match(m.entry, m.start - begin, m.end - begin)
            for m in self.matches[first:last]
            if m.end <= at
        )
        return Passage(begin, self.text[begin:at], shifted)

    @cached_property
    def match_starts(self) -> list[int]:
        return [m.start for m in self.matches]

    @cached_property
    def _spaced(self) -> str:
        return self.text.replace("\n", " ")

    def record_matches(self, record: str, line_start: int | None) -> list[Match] | None:
        """The document's matches inside a record that is a stretch of it (line breaks
        aside), in the record's offsets; None when the record is not found there (then it
        is matched on its own). One pass over the document serves all its records."""
        if not self.text or not record or line_start not in self.line_offsets:
            return None
        assert line_start is not None
        near = self.line_offsets[line_start]
        at = self._spaced.find(record.replace("\n", " "), near, near + len(record) + 400)
        if at < 0:
            return None
        end = at + len(record)
        first = bisect_left(self.match_starts, at)
        last = bisect_left(self.match_starts, end)
        return [
            Match(m.entry, m.start - at, m.end - at)
            for m in self.matches[first:last]
            if m.end <= end
        ]


def _paragraphs(lines: Sequence[Line]) -> tuple[dict[int, int], dict[int, list[Line]]]:
    """Each line's paragraph (by its first line), by the rules of the module docstring."""
    # Hard-wrapped text: most lines stop mid-sentence (an event-notes list ends each with one).
    texts = [line.text for line in lines if line.text.strip()]
    open_ended = sum(1 for t in texts if not _SENTENCE_END.search(t))
    wrapped = open_ended * 2 > len(texts)
    paragraph_of: dict[int, int] = {}
    groups: dict[int, list[Line]] = {}
    start: int | None = None
    previous: Line | None = None
    for line in lines:
        if not line.text.strip():
            start, previous = None, None
            continue
        breaks = (
            start is None
            or previous is None
            or line.line_no != previous.line_no + 1
            or _BULLET.match(line.text) is not None
            or (not wrapped and _SENTENCE_END.search(previous.text) is not None)
            or (len(previous.text.strip()) < 40 and not _SENTENCE_END.search(previous.text))
        )
        if breaks:
            start = line.line_no
        assert start is not None
        paragraph_of[line.line_no] = start
        groups.setdefault(start, []).append(line)
        previous = line
    return paragraph_of, groups


def _named(catalog: ActorCatalog, matches: Sequence[Match]) -> list[tuple[Actor, Match]]:
    return [(catalog.actors[m.entry.key], m) for m in matches if m.entry.kind == NAMED]


def _acronyms(text: str, catalog: ActorCatalog, matches: Sequence[Match]) -> dict[str, str]:
    """Acronym -> actor_id for "Name (ACR)" and "ACR (Name)" the document writes."""
    starts = [m.start for m in matches]  # matches are in text order, not overlapping
    learned: dict[str, str] = {}

    def unknown(start: int, end: int) -> bool:
        i = bisect_left(starts, end) - 1
        return i < 0 or matches[i].end <= start

    for actor, match in _named(catalog, matches):
        after = _AFTER_NAME.match(text, match.end)
        if after and unknown(*after.span("acr")):
            acronym = after.group("acr")
            if sum(c.isupper() for c in acronym) >= 2:
                learned.setdefault(acronym, actor.actor_id)
        before = _BEFORE_NAME.search(text, max(0, match.start - 14), match.start)
        if before and unknown(*before.span("acr")) and _CLOSING.match(text, match.end):
            acronym = before.group("acr")
            if sum(c.isupper() for c in acronym) >= 2:
                learned.setdefault(acronym, actor.actor_id)
    return learned


def _short_names(catalog: ActorCatalog, matches: Sequence[Match], text: str) -> dict[str, str]:
    """A named person's other words ("Déby" of "Idriss Déby Itno"), when only one person of
    the document has that word and it means nothing else."""
    owners: dict[str, set[str]] = {}
    spelled: dict[str, str] = {}
    for actor, match in _named(catalog, matches):
        if not actor.is_person:
            continue
        words = re.findall(r"[\w’'\-]+", text[match.start : match.end])
        for word in words[1:]:
            key = fold_key(word)
            if len(key) < 3 or key in NAME_PARTICLES or not word[0].isupper():
                continue
            owners.setdefault(key, set()).add(actor.actor_id)
            spelled.setdefault(key, word)
    base = catalog.matcher(None)
    return {
        spelled[key]: ids.pop() for key, ids in owners.items() if len(ids) == 1 and key not in base
    }


def _dominant(catalog: ActorCatalog, matches: Sequence[Match]) -> Actor | None:
    """The document's one non-state armed group, its parents folded into it."""
    groups = {
        actor.actor_id
        for actor, _ in _named(catalog, matches)
        if actor.actor_type in INSURGENT_TYPES
    }
    ancestors = {a for g in groups for a in catalog.reference.ancestors(g)}
    leaves = groups - ancestors
    if len(leaves) == 1:
        return catalog.actors[leaves.pop()]
    return _movement_of(catalog, leaves)


def _movement_of(catalog: ActorCatalog, leaves: set[str]) -> Actor | None:
    """The one national movement that several named factions all belong to (the Tigers of
    Ambazonia, the Bui Unity Warriors and the ADF are Ambazonian Separatists): a common
    parent of the same type and country as every faction. A transnational parent (the
    Islamic State of ISWAP and IS Sahel) is no movement: those stay apart."""
    if not leaves:
        return None
    factions = [catalog.actors[a] for a in sorted(leaves)]
    common = set.intersection(*(set(catalog.reference.ancestors(a.actor_id)) for a in factions))
    fitting = {
        p
        for p in common
        if all(
            catalog.actors[p].actor_type == a.actor_type and catalog.actors[p].country == a.country
            for a in factions
        )
    }
    lowest = fitting - {a for p in fitting for a in catalog.reference.ancestors(p)}
    return catalog.actors[lowest.pop()] if len(lowest) == 1 else None


def _juntas(catalog: ActorCatalog, matches: Sequence[Match]) -> dict[str, Actor]:
    """Per country, the one junta the document names (a government row the catalog calls a
    junta: "Niger's junta" is the CNSP), which "the junta" and "the military authorities"
    of that country then mean."""
    named: dict[str, set[str]] = {}
    for actor, _ in _named(catalog, matches):
        is_junta = any("junta" in fold_key(a).split() for a in actor.aliases)
        if actor.actor_type == "government" and actor.country and is_junta:
            named.setdefault(actor.country, set()).add(actor.actor_id)
    return {c: catalog.actors[ids.pop()] for c, ids in named.items() if len(ids) == 1}


def named_country(matches: Sequence[Match], demonyms: bool = True) -> str | None:
    """The country a text names most (by name, or also by demonym), when one is named most."""
    kinds = (COUNTRY, DEMONYM) if demonyms else (COUNTRY,)
    counted = Counter(m.entry.key for m in matches if m.entry.kind in kinds)
    ranked = counted.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def build_context(
    catalog: ActorCatalog,
    texts: Sequence[str],
    countries: Sequence[str | None],
    lines: Sequence[Line] | None = None,
) -> DocumentContext:
    """The context of one document from its lines (when known) or its records' texts."""
    counted = Counter(c for c in countries if c)
    country = counted.most_common(1)[0][0] if counted else None
    text = "\n".join(line.text for line in lines) if lines else "\n".join(texts)
    folded = fold(text)
    if country is None:
        country = named_country(catalog.matches(text, None, folded=folded))
    matches = catalog.matches(text, country, folded=folded)
    learned_names = {**_short_names(catalog, matches, text), **_acronyms(text, catalog, matches)}
    learned: NameMatcher[Entry] | None = None
    if learned_names:
        learned = NameMatcher("acronyms", ident=lambda e: (NAMED, e.key))
        for spelling, actor_id in sorted(learned_names.items()):
            learned.add(spelling, Entry(LEARNED, actor_id))
    context = DocumentContext(country=country, learned=learned, dominant=None)
    context.dominant = _dominant(catalog, matches)
    context.juntas = _juntas(catalog, matches)
    if lines:
        context.text = text
        context.matches = (
            catalog.merged(matches, text, learned, folded) if learned is not None else matches
        )
        offset = 0
        for line in lines:
            context.line_offsets[line.line_no] = offset
            offset += len(line.text) + 1
    head = "\n".join(line.text for line in lines[:12]) if lines else ""
    if _SG_AUTHOR.search(head):
        context.author = "un"
    if lines:
        context.paragraph_of, _ = _paragraphs(lines)
        context.heading_country = _heading_countries(catalog, lines, context.matches)
    return context


def _heading_countries(
    catalog: ActorCatalog, lines: Sequence[Line], matches: Sequence[Match]
) -> dict[int, str]:
    """Each line's country as its section heading names it ("B. Mauritania" above a
    paragraph on Mauritania): a short line that ends no sentence and names one country."""
    countries: dict[int, str] = {}
    current: str | None = None
    index = 0
    offset = 0
    for line in lines:
        end = offset + len(line.text)
        named: set[str] = set()
        while index < len(matches) and matches[index].start < end:
            if matches[index].start >= offset and matches[index].entry.kind == COUNTRY:
                named.add(matches[index].entry.key)
            index += 1
        text = line.text.strip()
        if text and len(text) <= 60 and not _SENTENCE_END.search(text) and len(named) == 1:
            current = named.pop()
        if current is not None:
            countries[line.line_no] = current
        offset = end + 1
    return countries


def document_lines(rows: Sequence[Mapping[str, object]]) -> list[Line]:
    """Bronze ``lines`` rows of one document (``line_no``, ``text``) as :class:`Line`, in order."""
    return sorted(
        (Line(int(str(row["line_no"])), str(row["text"])) for row in rows),
        key=lambda line: line.line_no,
    )
