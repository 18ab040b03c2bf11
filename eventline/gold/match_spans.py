"""Which of a record's catalog matches stand for themselves, read off the text between them.

A trigger word right after a named group is its head noun ("Boko Haram fighters"), a name
in parentheses after its parent is the more specific one ("Boko Haram (JAS)"), and demonyms
qualify the word after them ("Rwandan and Mozambican forces"): the rules of
:mod:`eventline.gold.mentions`, kept here as functions of the matches alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventline.gold.catalog import DEMONYM, LEARNED, NAMED, TRIGGER, ActorCatalog, Match
from eventline.gold.role_patterns import ABSORB_AFTER, ABSORB_BEFORE, IDENTIFIED_AS, NAME_SEPARATOR


def absorbed_triggers(text: str, matches: Sequence[Match], catalog: ActorCatalog) -> set[int]:
    """Indexes of trigger words that are a named group's head noun or description."""
    dropped: set[int] = set()
    for i, match in enumerate(matches):
        if match.entry.kind != TRIGGER:
            continue
        before = matches[i - 1] if i else None
        after = matches[i + 1] if i + 1 < len(matches) else None
        if (
            after is not None
            and after.entry.kind == TRIGGER
            and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[match.end : after.start])
        ):
            dropped.add(i)  # "a group of armed men": the men
            continue
        head = before is not None and before.entry.kind in (NAMED, LEARNED)
        if head and ABSORB_BEFORE.fullmatch(text[before.end : match.start]):
            dropped.add(i)
        named = after is not None and after.entry.kind in (NAMED, LEARNED)
        gap = text[match.end : after.start] if after is not None else ""
        if named and (ABSORB_AFTER.fullmatch(gap) or IDENTIFIED_AS.fullmatch(gap)):
            dropped.add(i)
    return dropped


def specified_names(text: str, matches: Sequence[Match], catalog: ActorCatalog) -> set[int]:
    """Indexes of names made more specific by a name in parentheses ("Boko Haram (JAS)")."""
    dropped: set[int] = set()
    for i in range(len(matches) - 1):
        first, second = matches[i], matches[i + 1]
        if first.entry.kind not in (NAMED, LEARNED) or second.entry.kind not in (NAMED, LEARNED):
            continue
        if not re.fullmatch(r"\s*\(\s*", text[first.end : second.start]):
            continue
        a, b = first.entry.key, second.entry.key
        if a in catalog.reference.ancestors(b):
            dropped.add(i)
        elif b in catalog.reference.ancestors(a):
            dropped.add(i + 1)
    return dropped


def name_span(text: str, matches: Sequence[Match], i: int, specified: set[int]) -> tuple[int, int]:
    """A name specified in parentheses spans the whole phrase, "Boko Haram (JAS)", so that
    the grammar reads "attributed to Boko Haram (JAS)" as naming it."""
    match = matches[i]
    if i == 0 or i - 1 not in specified:
        return match.start, match.end
    head = matches[i - 1]
    if not re.fullmatch(r"\s*\(\s*", text[head.end : match.start]):
        return match.start, match.end
    close = re.match(r"\s*\)", text[match.end :])
    return head.start, match.end + (close.end() if close else 0)


def demonym_qualifiers(text: str, matches: Sequence[Match]) -> dict[int, list[Match]]:
    """Trigger/named index -> the demonyms that qualify it ("Rwandan and Mozambican")."""
    qualified: dict[int, list[Match]] = {}
    pending: list[Match] = []
    for i, match in enumerate(matches):
        if match.entry.kind == DEMONYM:
            gap = text[matches[i - 1].end : match.start] if i and pending else ""
            if pending and not NAME_SEPARATOR.fullmatch(gap):
                pending = []
            pending.append(match)
            continue
        if pending:
            gap = text[matches[i - 1].end : match.start]
            if match.entry.kind == TRIGGER and gap.strip() == "":
                qualified[i] = pending
            elif match.entry.kind == NAMED and NAME_SEPARATOR.fullmatch(gap):
                qualified[i] = pending  # "Rwandan and Mozambican forces"
        pending = []
    return qualified
