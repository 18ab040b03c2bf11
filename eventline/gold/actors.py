"""Who did what to whom: the actors of each record of a document, with their roles.

The entry point is :func:`resolve_document`: the tellings (silver records) of one document,
each with its text, its event's country and its first line, and optionally the document's
lines (bronze ``lines``), which give paragraphs and the report's own definitions. For each
record it returns the actor mentions -- role (``perpetrator``, ``claimant``, ``target``,
``mentioned``), certainty (``claimed``, ``confirmed``, ``suspected``), ACLED side and inter
code -- and the organisation-like names the catalog does not know (the curators' queue).

The steps, each in its module:

1. :mod:`eventline.gold.catalog` -- the reference as matchers: named actors (country-scoped
   spellings win in their country: "al-Shabaab" in Mozambique is ISIS-Mozambique), generic
   actors' words, country names and demonyms;
2. :mod:`eventline.gold.document_context` -- what the document defines: acronyms ("Boko
   Haram (BH)"), persons' short names, its dominant group, paragraphs, its author;
3. :mod:`eventline.gold.mentions` -- what each name or word stands for ("Boko Haram
   fighters" is Boko Haram; "soldiers" in Chad are the Chadian Armed Forces; "the
   militants" of a report on one insurgency are that group);
4. :mod:`eventline.gold.roles` and :mod:`eventline.gold.acting` -- what each actor did,
   sentence by sentence;
5. :mod:`eventline.gold.event_roles` -- what the event keeps: one acting side and the side
   acted upon, as ACLED's ``actor1``/``actor2``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from eventline.gold.acting import acting_rules
from eventline.gold.actor_model import (
    ACTOR_TYPES,
    CERTAINTIES,
    INTER_CODES,
    NON_CLAIMANT_TYPES,
    ROLES,
    Actor,
    ActorMention,
    UnresolvedMention,
)
from eventline.gold.catalog import NAMED, ActorCatalog, Match, default_catalog
from eventline.gold.document_context import (
    NO_PASSAGE,
    DocumentContext,
    Line,
    Passage,
    build_context,
    document_lines,
    named_country,
)
from eventline.gold.event_roles import decide, inter_code
from eventline.gold.mentions import Candidate, MentionResolver
from eventline.gold.role_patterns import REFERRING_TYPES
from eventline.gold.roles import assign_roles
from eventline.gold.unresolved import unresolved_names
from eventline.text.fold import fold_key
from eventline.text.sentences import sentence_spans

__all__ = [
    "ACTOR_TYPES",
    "CERTAINTIES",
    "INTER_CODES",
    "NON_CLAIMANT_TYPES",
    "ROLES",
    "Actor",
    "ActorCatalog",
    "ActorFindings",
    "ActorMention",
    "Line",
    "Telling",
    "UnresolvedMention",
    "default_catalog",
    "document_lines",
    "document_tellings",
    "inter_code",
    "resolve_document",
    "resolve_texts",
]

ActorFindings = tuple[list[ActorMention], list[UnresolvedMention]]


@dataclass(frozen=True)
class Telling:
    """One record to resolve: its text, its event's country (name, ISO2 or ISO3 code), and
    the line it starts on (to find its paragraph)."""

    record_id: str
    text: str
    country: str | None = None
    line_start: int | None = None


def document_tellings(records: Iterable[Mapping[str, object]]) -> dict[str, list[Telling]]:
    """Every telling of every silver event, grouped by document.

    *records* are silver's event records (``record_id``, ``doc_id``, ``text``, ``country``,
    ``line_start``, optionally ``continues_record_id`` and ``event_id``): every telling of an
    event is one of them, with its own country.
    """
    rows = list(records)
    texts = _own_texts(rows)
    out: dict[str, list[Telling]] = {}
    for row in rows:
        row = {**row, "text": texts.get(str(row["record_id"]), row["text"])}
        out.setdefault(str(row["doc_id"]), []).append(_telling(row, _country(row.get("country"))))
    return out


def _own_texts(rows: Sequence[Mapping[str, object]]) -> dict[str, str]:
    """Texts without the sentences that tell another event.

    Silver adds a sentence whose date leans on the one before ("The curfew follows the raid
    on X last month, which Y has claimed") to that record's text too; when deduplication
    makes it a telling of another event (``event_id``), its claims and agents are that
    event's, not those of the record it follows.
    """
    by_id = {str(r["record_id"]): r for r in rows}
    texts: dict[str, str] = {}
    for row in rows:
        parent = by_id.get(str(row.get("continues_record_id") or ""))
        if parent is None or row.get("event_id") in (None, parent.get("event_id")):
            continue
        parent_id = str(parent["record_id"])
        text = texts.get(parent_id, str(parent["text"]))
        if str(row["text"]) in text and str(row["text"]) != text:
            texts[parent_id] = " ".join(text.replace(str(row["text"]), " ").split())
    return texts


def _country(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _telling(row: Mapping[str, object], country: str | None) -> Telling:
    start = row.get("line_start")
    line = start.__index__() if hasattr(start, "__index__") else None  # int or numpy int; not NA
    return Telling(str(row["record_id"]), str(row["text"]), country, line)


class _Lazy:
    """A record's paragraph, found when first asked for (most records never need it)."""

    def __init__(self, make: Callable[[], Passage]) -> None:
        self._make: Callable[[], Passage] | None = make
        self._passage = NO_PASSAGE

    def __call__(self) -> Passage:
        if self._make is not None:
            self._passage, self._make = self._make(), None
        return self._passage


class _Record:
    """One record being resolved: what its references ("he", "the Council") can mean."""

    def __init__(
        self,
        resolver: MentionResolver,
        telling: Telling,
        country: str | None,
        paragraph: _Lazy,
    ) -> None:
        self.resolver = resolver
        self.text = telling.text
        self.country = country
        self.paragraph = paragraph
        self.candidates: list[Candidate] = []

    def _earlier(self, start: int) -> list[Actor]:
        actors = self.resolver._paragraph_actors(self.paragraph(), self.country)
        actors += [c.actor for c in self.candidates if c.end <= start]
        return actors

    def refer(self, ref: str, start: int, end: int) -> Actor | None:
        word = fold_key(ref)
        context = self.resolver.context
        if not word:  # the subject the record's sentence began with, before the record
            return self._opening_subject()
        if word in ("i", "we"):
            return self.resolver.catalog.actors.get(context.author or "")
        earlier = self._earlier(start)
        if word in ("he", "she", "the president", "the prime minister"):
            persons = [a for a in earlier if a.is_person]
            return persons[-1] if persons else None
        head = word.removeprefix("the ").strip()
        types = REFERRING_TYPES.get(head)
        for actor in reversed(earlier):
            if actor.is_person or actor.is_generic:
                continue
            if types is not None and actor.actor_type in types:
                return actor
            if ref[4:5].isupper() and head in fold_key(actor.name).split():
                return actor  # "the Council": the Transitional Military Council
        return None

    def _opening_subject(self) -> Actor | None:
        """The actor that opens the paragraph's last sentence before the record, when the
        record continues that sentence (its first words are its verb)."""
        passage = self.paragraph()
        if not passage.matches:
            return None
        last = sentence_spans(passage.text.replace("\n", " "))[-1]
        if passage.text[last[1] :].strip() or passage.text.rstrip()[-1:] in ".!?":
            return None  # the record starts a sentence of its own
        found = self.resolver.candidates(
            passage.text, self.country, matches=[m for m in passage.matches if m.start >= last[0]]
        )
        named = [c.actor for c in found if c.kind != "country"]
        return named[0] if named else None

    def implied(self) -> Actor | None:
        """The group an event of government-regained ground was fought against."""
        tied = self.resolver._tie(
            "unidentified-armed-group", "insurgents", [], lambda: self._earlier(0), self.country
        )
        return tied[0] if tied else None


def resolve_document(
    tellings: Sequence[Telling],
    lines: Sequence[Line] | None = None,
    catalog: ActorCatalog | None = None,
) -> dict[str, ActorFindings]:
    """The actor mentions and unresolved names of every telling of one document."""
    catalog = catalog or default_catalog()
    countries = [catalog.country_code(t.country) for t in tellings]
    context = build_context(catalog, [t.text for t in tellings], countries, lines)
    resolver = MentionResolver(catalog, context)
    unscoped = [t.text for t, c in zip(tellings, countries, strict=True) if c is None]
    named = dict(zip(unscoped, catalog.matches_many(unscoped, None), strict=True))
    # the country the record names (a name, not a demonym: "a South African contractor" is no
    # place), else its section heading's ("B. Mauritania"), else the document's
    scoped = [
        c
        or named_country(named[t.text], demonyms=False)
        or context.heading_country.get(t.line_start or 0)
        or context.country
        for t, c in zip(tellings, countries, strict=True)
    ]
    # The document's own matches serve the records of its scope; the rest are matched
    # together, one pass per country scope.
    found: dict[str, list[Match] | None] = {}
    groups: dict[str | None, list[str]] = {}
    for telling, country in zip(tellings, scoped, strict=True):
        scope = catalog.scope(country)
        mine = scope == catalog.scope(context.country)
        found[telling.record_id] = (
            context.record_matches(telling.text, telling.line_start) if mine else None
        )
        if found[telling.record_id] is None:
            groups.setdefault(scope, []).append(telling.text)
    for scope, texts in groups.items():
        resolver.prime(texts, scope)
    out: dict[str, ActorFindings] = {}
    for telling, country in zip(tellings, scoped, strict=True):
        matches = found[telling.record_id]
        out[telling.record_id] = _resolve(resolver, telling, country, context, matches)
    return out


def _resolve(
    resolver: MentionResolver,
    telling: Telling,
    country: str | None,
    context: DocumentContext,
    matches: list[Match] | None,
) -> ActorFindings:
    catalog = resolver.catalog
    paragraph = _Lazy(lambda: context.paragraph_before(telling.text, telling.line_start))
    record = _Record(resolver, telling, country, paragraph)
    record.candidates = resolver.candidates(telling.text, country, paragraph, matches)

    def make(generic_id: str) -> Actor | None:
        return catalog.instance(generic_id, country) if generic_id in catalog.generic else None

    events: list[tuple[int, int]] = []
    rules = acting_rules(make)
    assigned = assign_roles(
        telling.text, record.candidates, record.refer, rules, events, catalog.actor
    )
    mentions = decide(telling.text, assigned, catalog, country, record.implied, events)
    named = [
        (c.actor, c.start, c.end)
        for c in record.candidates
        if c.kind == NAMED and not c.actor.is_generic
    ]
    unresolved = unresolved_names(telling.text, named, catalog.matcher(country))
    return mentions, unresolved


def resolve_texts(
    texts: Mapping[str, str],
    catalog: ActorCatalog | None = None,
    countries: Mapping[str, str | None] | None = None,
    lines: Sequence[Line] | None = None,
) -> dict[str, ActorFindings]:
    """Actor mentions of the records of one document, by ``record_id`` (texts alone)."""
    countries = countries or {}
    tellings = [Telling(rid, text, countries.get(rid)) for rid, text in texts.items()]
    return resolve_document(tellings, lines, catalog)


def resolve(text: str, country: str | None = None) -> ActorFindings:
    """One text on its own (a document of one record): for tests and the bench."""
    return resolve_document([Telling("_", text, country)])["_"]
