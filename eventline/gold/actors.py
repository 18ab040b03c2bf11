"""Resolve actor mentions in report prose against the reviewed actor catalog.

Events need their perpetrators, claimants and targets as stable ids, and curators need to see
the organisations the catalog does not know yet. The names live in
``schemas/reference/actors.csv`` so that reviewers change data, not code; this module holds
the matching and role rules only (see ``schemas/reference/README.md``).

Matching (:mod:`eventline.gold.catalog`) follows :mod:`eventline.text.names`: case,
diacritics, hyphens and apostrophes do not matter, whole words, longest first; acronyms keep
their case. Mentions inside a ``Source(s): [..](#)`` citation are not actors.

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

from eventline.gold.actor_model import (
    ACTOR_TYPES,
    CERTAINTIES,
    NON_CLAIMANT_TYPES,
    ROLES,
    Actor,
    ActorMention,
    UnresolvedMention,
)
from eventline.gold.catalog import ACTORS_CSV, COLUMNS, ActorCatalog, default_catalog
from eventline.text.names import GUARD

__all__ = [
    "ACTORS_CSV",
    "ACTOR_TYPES",
    "CERTAINTIES",
    "COLUMNS",
    "GUARD",
    "NON_CLAIMANT_TYPES",
    "ROLES",
    "Actor",
    "ActorCatalog",
    "ActorMention",
    "UnresolvedMention",
    "default_catalog",
]
