"""What a record's event keeps of its actors' roles, and ACLED's sides and inter codes.

The sentence rules (:mod:`eventline.gold.roles`, :mod:`eventline.gold.acting`) say what each
actor did in each clause; an event has one acting party (ACLED ``actor1``, with its
associates) and one side acted upon (``actor2``). For the whole record:

* **The first acting clause decides.** The acting parties found by a verb are those of the
  first clause that has one; later clauses tell the aftermath ("The army launched a search
  and rescue operation", "security forces later buried the bodies") and their subjects stay
  ``mentioned``. Claims, attributions and agents ("an attack by X") are kept wherever they
  are: they name the author of the same event.
* **A person acts for an organisation**: a person's acting role goes to the nearest
  organisation they belong to (``parent_ids``: President Déby -> the Government of Chad);
  the person is ``mentioned``.
* **A country acts as its state**: "Rwanda began deploying troops" is Rwanda's forces when it
  deploys abroad, else its government; a country that attacks abroad ("India struck nine
  sites in Pakistan") is its forces.
* **A named group stands for unidentified attackers**: when a named non-state armed group
  acts, the "gunmen" of the same event are it, not an Unidentified Armed Group.
* **A claim names the author**: forces of a state are no co-perpetrators of an attack that
  a non-state group claims ("a soldier who had defected ... opens fire; al-Shabaab claims").
* **Defenders are the side attacked**: "beat back an attack", "killed one of them".
* **Government-initiated fighting has two acting sides**: state forces attacking an armed
  group, or regaining ground from one, make both acting parties (side 1 the forces, side 2
  the group); when the group is not named, the group the record's paragraph or the
  document ties the event to (see :mod:`eventline.gold.mentions`).
* **Demonstrators who attack are rioters.**
* A weak word tied to a group in the same record ("militants" when the record says
  "attributed to Boko Haram") carries that attribution's certainty.

Inter codes: the actor's own, a person's organisation's; 8 (External/Other forces) for a
state force or government acting outside its country.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eventline.gold.actor_model import ARMED_GROUP_TYPES, STATE_TYPES, Actor, ActorMention
from eventline.gold.catalog import ActorCatalog
from eventline.gold.mentions import Candidate

_PRIMARY = frozenset({"verb", "acting", "regain", "noun", "protest", "passive-state"})
_RANK = {"confirmed": 0, "claimed": 1, "suspected": 2}
NAMED_ARMED = ARMED_GROUP_TYPES - {"unidentified armed group"}


def _is_acting(c: Candidate) -> bool:
    return c.perpetrator is not None or c.claimant


def _demote(c: Candidate) -> None:
    c.perpetrator, c.claimant, c.how, c.clash = None, False, "", False


def _countries(c: Candidate, catalog: ActorCatalog, country: str | None) -> None:
    """A country acting militarily abroad is its forces (else its government)."""
    home = c.actor.country
    if c.verb_class != "military" or not home or home == country:
        return
    for word in ("troops", "forces", "army", "soldiers"):
        forces = catalog.instance("military-forces", home, word)
        if forces is not None and not forces.is_generic:
            c.actor = forces
            return
    forces = catalog.instance("military-forces", home)
    if forces is not None:
        c.actor = forces


def _beside_its_state(c: Candidate, cs: Sequence[Candidate]) -> bool:
    """ "Chad launched Operation X": the operation, a named actor of Chad, acts; the bare
    country adds nothing."""
    return any(
        other is not c
        and other.kind != "country"
        and _is_acting(other)
        and other.clause == c.clause
        and other.actor.country == c.actor.country
        for other in cs
    )


def _organisation(catalog: ActorCatalog, person: Actor) -> Actor | None:
    for actor_id in catalog.reference.ancestors(person.actor_id):
        actor = catalog.actors[actor_id]
        if actor.inter_code is not None:
            return actor
    return None


def _persons(cs: list[Candidate], catalog: ActorCatalog) -> list[Candidate]:
    """A person's acting role goes to their organisation (module docstring)."""
    out = list(cs)
    for c in cs:
        if not c.is_person or not _is_acting(c):
            continue
        organisation = _organisation(catalog, c.actor)
        if organisation is None:
            continue
        stand_in = Candidate(organisation, c.start, c.end, kind="reference")
        stand_in.perpetrator, stand_in.claimant = c.perpetrator, c.claimant
        stand_in.how, stand_in.clause, stand_in.verb_class = c.how, c.clause, c.verb_class
        out.append(stand_in)
        _demote(c)
    return out


def _first_clause(cs: Sequence[Candidate], events: Sequence[tuple[int, int]]) -> None:
    primary = [c for c in cs if _is_acting(c) and c.how in _PRIMARY | {"clash"}]
    if not primary:
        return
    first = min(c.clause for c in primary)
    if events and min(events)[0] < first[0]:
        # "An army escort is ambushed ... The Malian army arrests two suspects": the event
        # is the ambush (its agent unnamed); a later sentence's actor is the aftermath.
        first = min(events)
    actors = {c.actor.actor_id for c in primary if c.clause == first}
    for c in primary:
        if c.clause != first and c.actor.actor_id not in actors and not c.claimant:
            _demote(c)


def _ties(cs: Sequence[Candidate]) -> None:
    """A weak word tied in its record takes the tie's (least sure) attribution."""
    sure: dict[str, str] = {}
    for c in cs:
        if c.kind != "weak" and c.perpetrator is not None:
            sure[c.actor.actor_id] = min(
                c.perpetrator, sure.get(c.actor.actor_id, c.perpetrator), key=_RANK.__getitem__
            )
    for c in cs:
        if c.kind == "weak" and c.tie == "record" and c.perpetrator is not None:
            tied = sure.get(c.actor.actor_id)
            if tied is not None and _RANK[tied] > _RANK[c.perpetrator]:
                c.perpetrator = tied


def _subsume(cs: Sequence[Candidate]) -> None:
    named = [c for c in cs if _is_acting(c) and c.actor.actor_type in NAMED_ARMED]
    claimed = [c for c in named if c.claimant]
    for c in cs:
        if not _is_acting(c):
            continue
        unidentified = named and c.actor.actor_type == "unidentified armed group"
        overridden = claimed and c.actor.actor_type in STATE_TYPES and c.how == "verb"
        if unidentified or overridden:
            _demote(c)


def _fighting(cs: list[Candidate], implied: Callable[[], Actor | None]) -> list[Candidate]:
    """Government-initiated fighting: the group the forces fought acts too (side 2)."""
    acting = [c for c in cs if _is_acting(c) and c.how in ("verb", "noun", "regain")]
    if not acting or not all(c.actor.actor_type in STATE_TYPES for c in acting):
        return cs
    regain = any(c.verb_class == "regain" for c in acting)
    groups = [c for c in cs if c.actor.actor_type in NAMED_ARMED or c.kind == "weak"]
    groups = [c for c in groups if c.actor.actor_type in ARMED_GROUP_TYPES]
    if regain and not any(_is_acting(c) for c in groups):
        targets = [c for c in groups if not c.is_person]
        if not targets:
            adversary = implied()
            if adversary is None:
                return cs
            anchor = next(c for c in acting if c.verb_class == "regain")
            extra = Candidate(adversary, anchor.start, anchor.end, kind="reference")
            cs = [*cs, extra]
            targets = [extra]
        for c in targets:
            c.clash = True
            c.possessive = c.modifier = False
            c.perpetrator, c.how = "confirmed", "clash"
        return cs
    for c in groups:
        if c.target and not c.is_person:
            c.target, c.clash = False, True
            c.perpetrator, c.how = "confirmed", "clash"
    return cs


def _sides(cs: Sequence[Candidate]) -> None:
    acting = [c for c in cs if _is_acting(c) and not c.possessive and not c.modifier]
    leaders = [c for c in acting if c.how != "clash"] or acting[:1]
    first = {c.actor.actor_id for c in leaders}
    for c in cs:
        if c in acting:
            c.side = 1 if c.actor.actor_id in first else 2
        elif c.target or c.defender:
            c.side = 2


def inter_code(catalog: ActorCatalog, actor: Actor, country: str | None) -> int | None:
    """The actor's ACLED inter code in an event of ``country`` (module docstring)."""
    code, home = actor.inter_code, actor.country
    if actor.is_person:
        organisation = _organisation(catalog, actor)
        if organisation is None:
            return None
        code, home = organisation.inter_code, organisation.country
    if code == 1 and country and home and home != country:
        return 8
    return code


def decide(
    text: str,
    cs: list[Candidate],
    catalog: ActorCatalog,
    country: str | None,
    implied: Callable[[], Actor | None],
    events: Sequence[tuple[int, int]] = (),
) -> list[ActorMention]:
    """The record's mentions with their roles, sides and inter codes (module docstring)."""
    kept: list[Candidate] = []
    for c in cs:
        if c.kind == "country":
            # "India struck nine sites in Pakistan": a country attacking abroad is its forces.
            strikes = c.how == "verb" and c.actor.country not in (None, country)
            acts = _is_acting(c) and (c.how in ("acting", "regain") or strikes)
            if not acts or _beside_its_state(c, cs):
                continue  # a country named, accused or blamed is not an actor
            if strikes:
                c.verb_class = "military"
            _countries(c, catalog, country)
        if c.defender:
            _demote(c)
            c.target = True
        if c.kind == "weak" and c.tie is None and not _is_acting(c) and c.target:
            c.target = False  # "the assailants also capture seven fighters": nobody named
        if c.actor.generic_id == "protesters" and c.how in ("verb", "agent"):
            rioters = catalog.instance("rioters", c.actor.country)
            if rioters is not None:
                c.actor = rioters
        kept.append(c)
    kept = _persons(kept, catalog)
    _first_clause(kept, events)
    _ties(kept)
    _subsume(kept)
    kept = _fighting(kept, implied)
    _sides(kept)
    return [m for c in kept for m in _emit(text, c, catalog, country)]


def _emit(
    text: str, c: Candidate, catalog: ActorCatalog, country: str | None
) -> list[ActorMention]:
    code = inter_code(catalog, c.actor, country)

    def make(role: str, certainty: str | None, side: int | None) -> ActorMention:
        wording = text[c.start : c.end] or c.actor.name
        basis = c.how or None if role in ("perpetrator", "claimant") else None
        return ActorMention(
            c.actor.actor_id, wording, role, certainty, c.start, c.end, code, side, basis
        )

    if (c.possessive or c.modifier) and not _is_acting(c):
        return [make("mentioned", None, None)]
    if c.claimant:
        return [make("claimant", "claimed", c.side), make("perpetrator", "claimed", c.side)]
    if c.perpetrator is not None:
        return [make("perpetrator", c.perpetrator, c.side)]
    if c.target:
        return [make("target", None, c.side)]
    return [make("mentioned", None, None)]
