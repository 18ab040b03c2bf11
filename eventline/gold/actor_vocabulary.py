"""The vocabulary both actor reference files share, and the checks of one field.

ACLED's ``inter`` codes and the actor types that may take each, the spelling marks (``~``
guarded, ``?`` weak), the one comparison key of spellings (the project's folding), and the
field parsers that fail with ``file:line``. Used by ``actor_reference`` (named actors) and
``generic_actors`` (word-resolved actors); documented in ``schemas/reference/actor_catalog.md``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from eventline.text.fold import fold_key

# ACLED's actor types ("inter" codes), ACLED Codebook (2023 and 2024 editions).
INTER_CODES: Mapping[int, str] = {
    1: "State Forces",
    2: "Rebel Groups",
    3: "Political Militias",
    4: "Identity Militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other Forces",
}
# The inter codes each actor_type may take; persons take none (it depends on whom they act for).
INTER_CODES_BY_TYPE: Mapping[str, frozenset[int]] = {
    "jihadist group": frozenset({2}),
    "separatist group": frozenset({2}),
    "rebel group": frozenset({2}),
    "militia": frozenset({3, 4}),
    "state force": frozenset({1}),
    "foreign state force": frozenset({8}),
    "multinational force": frozenset({8}),
    "peacekeeping mission": frozenset({8}),
    "private military company": frozenset({8}),
    "government": frozenset({1}),
    "intergovernmental organization": frozenset({8}),
    "court": frozenset({1, 8}),
    "person": frozenset(),
    "other": frozenset({7, 8}),
    "unidentified armed group": frozenset({3}),
    "civilians": frozenset({7}),
    "protesters": frozenset({6}),
    "rioters": frozenset({5}),
}
ACTOR_TYPES: tuple[str, ...] = tuple(INTER_CODES_BY_TYPE)
# Types that only generic actors take: a named actor is never "civilians".
# Non-state armed groups that wage an insurgency: a report may call one "the militants".
INSURGENT_TYPES = frozenset({"jihadist group", "separatist group", "rebel group"})
GENERIC_ONLY_TYPES = frozenset({"unidentified armed group", "civilians", "protesters", "rioters"})
GUARD = "~"  # a spelling that is also a common word ("~Platform"): match it strictly
WEAK = "?"  # a trigger word that often stands for the report's dominant named group
STRENGTHS = ("strong", "weak")
LANGUAGES = ("en", "fr")
YEARS = range(1900, 2101)

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ISO2 = re.compile(r"[A-Z]{2}")
PETRARCH_CODE = re.compile(r"[A-Z]{3,9}")


class ActorReferenceError(ValueError):
    """A reference file that cannot be trusted; the message starts with ``file:line``."""


def spelling_key(text: str) -> str:
    """The form spellings are compared in: the project's one folding, guard mark removed."""
    return fold_key(text.strip().removeprefix(GUARD).strip())


# --- field parsers (each fails with file:line) -------------------------------------------


def fail(where: str, message: str) -> ActorReferenceError:
    return ActorReferenceError(f"{where}: {message}")


def items(value: str) -> list[str]:
    return [item.strip() for item in value.split("|")] if value.strip() else []


def parse_inter_code(where: str, actor_type: str, value: str) -> int | None:
    allowed = INTER_CODES_BY_TYPE[actor_type]
    if not value.strip():
        if allowed:
            raise fail(where, f"inter_code is required for a {actor_type}")
        return None
    if not value.strip().isdigit() or int(value) not in INTER_CODES:
        raise fail(where, f"inter_code {value!r} is not an ACLED inter code (1-8)")
    if int(value) not in allowed:
        raise fail(where, f"inter_code {value} is not allowed for a {actor_type} {sorted(allowed)}")
    return int(value)


def parse_actor_type(where: str, value: str, generic: bool) -> str:
    actor_type = value.strip()
    if actor_type not in INTER_CODES_BY_TYPE:
        raise fail(where, f"unknown actor_type {actor_type!r}")
    if not generic and actor_type in GENERIC_ONLY_TYPES:
        raise fail(where, f"actor_type {actor_type!r} is for generic actors only")
    return actor_type
