"""The actor catalog's records and what resolution returns: actors, mentions, unresolved names.

Kept apart from the matching and the role rules so that both can use them without importing
each other.
"""

from __future__ import annotations

from dataclasses import dataclass

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
NON_CLAIMANT_TYPES = frozenset(
    {
        "state force",
        "foreign state force",
        "peacekeeping mission",
        "government",
        "intergovernmental organization",
        "court",
    }
)


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
