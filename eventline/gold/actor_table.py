"""The gold ``actors`` and ``event_actors`` rows, from the mentions of each event's tellings.

An event is told by one or more records; each record's mentions (:mod:`eventline.gold.
actors`) become one link per (actor, role): the first wording, the most certain attribution
(claimed, then confirmed, then suspected), the actor's ACLED side and inter code in that
event. The actors table lists every catalog actor (with its activity in this gold, zero when
none) and every generic actor in a country that an event names ("Civilians (Togo)"), so
that gold ids never dangle.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pandas as pd

from eventline.gold.actor_model import ActorMention
from eventline.gold.catalog import ActorCatalog
from eventline.gold.event_roles import NAMED_ARMED

Row = dict[str, Any]
_CERTAINTY_RANK = {"claimed": 0, "confirmed": 1, "suspected": 2, None: 3}
_UNIDENTIFIED = "unidentified-armed-group"
_VIOLENT = frozenset(
    {"verb", "noun", "agent", "claim", "attribution", "clash", "regain", "protest"}
)
_ACTS = frozenset({"acting", "passive-state"})


def _violent(m: ActorMention, after: ActorMention | None = None) -> bool:
    """An acting role told by violence; ground a state's forces retook after *after* (an act
    of state of the same sentence: "sent troops to back them, and the army retook ...") is
    that act's outcome, not another event's violence."""
    if m.role not in ("perpetrator", "claimant") or m.basis not in _VIOLENT:
        return False
    return not (after is not None and m.basis == "regain" and m.start > after.start)


def _across_tellings(
    tellings: Sequence[Sequence[ActorMention]], catalog: ActorCatalog | None
) -> list[ActorMention]:
    """The tellings' mentions as one event's: an Unidentified Armed Group's acting roles go
    when a named armed group acts in the event (one telling says "gunmen", another names
    them), and an act of state ("declared a state of emergency after the attack") goes when
    a telling tells violence (the event is the attack), unless it is ground retaken after
    that act in its own telling."""
    found = [m for told in tellings for m in told]
    if catalog is None:
        return found
    acting = [m for m in found if m.role in ("perpetrator", "claimant")]
    named = any(catalog.actor(m.actor_id).actor_type in NAMED_ARMED for m in acting)
    kept = []
    for index, told in enumerate(tellings):
        elsewhere = any(_violent(m) for i, t in enumerate(tellings) if i != index for m in t)
        for m in told:
            if m.role in ("perpetrator", "claimant") and (
                (named and m.actor_id.startswith(_UNIDENTIFIED))
                or (m.basis in _ACTS and (elsewhere or any(_violent(v, m) for v in told)))
            ):
                m = replace(m, role="mentioned", certainty=None, side=None, basis=None)
            kept.append(m)
    return kept


def link_rows(
    event_id: str,
    tellings: Sequence[Sequence[ActorMention]],
    catalog: ActorCatalog | None = None,
) -> list[Row]:
    """One row per (actor, role) of an event, from each telling's mentions (module
    docstring)."""
    first: dict[tuple[str, str], ActorMention] = {}
    best: dict[tuple[str, str], ActorMention] = {}
    for mention in _across_tellings(tellings, catalog):
        key = (mention.actor_id, mention.role)
        first.setdefault(key, mention)
        if key not in best or (
            _CERTAINTY_RANK[mention.certainty] < _CERTAINTY_RANK[best[key].certainty]
        ):
            best[key] = mention
    rows = []
    for actor_id, role in sorted(first):
        chosen = best[(actor_id, role)]
        rows.append(
            {
                "event_id": event_id,
                "actor_id": actor_id,
                "role": role,
                "certainty": chosen.certainty,
                "mention_text": first[(actor_id, role)].mention_text,
                "side": chosen.side,
                "inter_code": chosen.inter_code,
            }
        )
    return rows


def actor_rows(
    catalog: ActorCatalog, events: pd.DataFrame, event_actors: pd.DataFrame
) -> list[Row]:
    """Every catalog actor and every generic actor the links name, with their activity."""
    # Columns as lists: iterating pandas' Arrow-backed strings costs 5x more per value.
    starts = dict(zip(events["event_id"].tolist(), events["date_start"].tolist(), strict=True))
    ends = dict(zip(events["event_id"].tolist(), events["date_end"].tolist(), strict=True))
    involved: dict[str, set[str]] = defaultdict(set)
    perpetrated: dict[str, set[str]] = defaultdict(set)
    links = zip(*(event_actors[c].tolist() for c in ("actor_id", "event_id", "role")), strict=True)
    for actor_id, event_id, role in links:
        involved[actor_id].add(event_id)
        if role == "perpetrator":
            perpetrated[actor_id].add(event_id)
    rows = []
    for actor_id in sorted(set(catalog.actors) | set(involved)):
        actor = catalog.actor(actor_id)
        event_ids = sorted(involved.get(actor_id, ()))
        country = catalog.countries.get(actor.country or "")
        rows.append(
            {
                "actor_id": actor_id,
                "name": actor.name,
                "aliases": list(actor.aliases),
                "actor_type": actor.actor_type,
                "inter_code": actor.inter_code,
                "generic_id": actor.generic_id,
                "country": country.name if country else None,
                "country_code": country.iso3 if country else None,
                "parent_ids": list(actor.parent_ids),
                "successor_ids": list(actor.successor_ids),
                "first_event_date": min(starts[e] for e in event_ids) if event_ids else None,
                "last_event_date": max(ends[e] for e in event_ids) if event_ids else None,
                "event_count": len(event_ids),
                "perpetrator_event_count": len(perpetrated.get(actor_id, ())),
            }
        )
    return rows
