"""What actor resolution works with and returns: actors, mentions, unresolved names.

Kept apart from the matching and the role rules so that both can use them without importing
each other. The vocabulary (actor types, ACLED inter codes) is the reference's
(:mod:`eventline.gold.actor_vocabulary`), so the gold schema, the loader and the resolver
agree on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventline.gold.actor_vocabulary import ACTOR_TYPES, INTER_CODES

__all__ = [
    "ACTOR_TYPES",
    "ARMED_GROUP_TYPES",
    "CERTAINTIES",
    "INTER_CODES",
    "NON_CLAIMANT_TYPES",
    "ROLES",
    "STATE_TYPES",
    "Actor",
    "ActorMention",
    "UnresolvedMention",
]

ROLES = ("perpetrator", "claimant", "target", "mentioned")
CERTAINTIES = ("claimed", "confirmed", "suspected")
# States and institutions report operations; they do not "claim responsibility".
NON_CLAIMANT_TYPES = frozenset(
    {
        "state force",
        "foreign state force",
        "multinational force",
        "peacekeeping mission",
        "government",
        "intergovernmental organization",
        "court",
    }
)
# Forces of a state or of states together: the side of "government-initiated fighting".
STATE_TYPES = frozenset(
    {
        "state force",
        "foreign state force",
        "multinational force",
        "peacekeeping mission",
        "private military company",
    }
)
# Non-state armed actors: the other side of government-initiated fighting, and what weak
# words ("the militants") may stand for.
ARMED_GROUP_TYPES = frozenset(
    {
        "jihadist group",
        "separatist group",
        "rebel group",
        "militia",
        "unidentified armed group",
    }
)


@dataclass(frozen=True)
class Actor:
    """A named actor of the catalog, or a generic actor in one country ("Civilians (Togo)").

    ``country`` is an ISO 3166-1 alpha-2 code; ``inter_code`` the ACLED code in the actor's
    own country (None for persons: theirs is their organisation's); ``generic_id`` names the
    generic actor an instance was made from (None for catalog actors).
    """

    actor_id: str
    name: str
    actor_type: str
    inter_code: int | None
    country: str | None
    parent_ids: tuple[str, ...] = ()
    successor_ids: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    generic_id: str | None = None

    @property
    def is_person(self) -> bool:
        return self.actor_type == "person"

    @property
    def is_generic(self) -> bool:
        return self.generic_id is not None


@dataclass(frozen=True)
class ActorMention:
    """One occurrence of an actor in a text, with its role in the event the text tells.

    ``inter_code`` is the actor's ACLED code in this event (8 for a state force outside its
    country); ``side`` is ACLED's column: 1 (``actor1``: the acting side) or 2 (``actor2``:
    the side acted upon, which in a clash is the other fighting side), None when mentioned;
    ``basis`` the rule that made it an acting party (not stored in gold).
    """

    actor_id: str
    mention_text: str
    role: str
    certainty: str | None
    start: int
    end: int
    inter_code: int | None = None
    side: int | None = None
    basis: str | None = None  # what made it act: "verb", "claim", "acting", "clash", ...


@dataclass(frozen=True)
class UnresolvedMention:
    """An organisation-like name the catalog does not know: the curators' queue."""

    mention_text: str
    start: int
    end: int
    pattern: str
