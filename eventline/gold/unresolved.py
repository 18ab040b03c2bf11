"""Organisation-like names that the actor catalog does not know: the curators' queue.

Acronyms in parentheses, "Katiba ...", "Jama'at ...", "Ansar ..." and "... Group/Front/
Movement" names that are neither catalog actors nor gazetteer places are reported with the
pattern that found them, so that curators can add them to ``actors.csv``.
"""

from __future__ import annotations

import re
from collections.abc import Container

from eventline.gold.actor_model import Actor, UnresolvedMention
from eventline.silver.places import default_gazetteer
from eventline.text.fold import fold_key
from eventline.text.markup import citation_spans, inside_spans
from eventline.text.words import word_set

_NAME_WORD = r"[A-Z][\w’'\-]*"
_CONNECTOR = r"(?:of|for|the|in|de|du|des|la|le|al|wal|el|d['’]|l['’])"
_SUFFIX = (
    r"(?:Group|Front|Movement|Brigade|Battalion|Coalition|Organization|Organisation|Alliance|Army)"
)
_UNRESOLVED_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "acronym in parentheses",
        re.compile(r"\\?\(\s*(?P<name>[A-Z][A-Z0-9&]*(?:-[A-Z0-9&]+)*)\s*\\?\)"),
    ),
    ("katiba", re.compile(rf"(?<![\w\-])(?P<name>Katiba[ht]?(?:\s+{_NAME_WORD})+)")),
    (
        "jama'at",
        re.compile(
            rf"(?<![\w\-])(?P<name>Jama['’]?a(?:t|h|tu)?(?:[\s\-]+(?:al|ul|el|wal|lil"
            rf"|{_NAME_WORD}))*[\s\-]+{_NAME_WORD})"
        ),
    ),
    (
        "ansar",
        re.compile(
            rf"(?<![\w\-])(?P<name>Ansar\w*(?:[\s\-]+(?:al|ul|el|ud|wal|lil|ad|{_NAME_WORD}))*"
            rf"[\s\-]+{_NAME_WORD})"
        ),
    ),
    (
        "group/front name",
        re.compile(
            rf"(?<![\w\-])(?P<name>(?:{_NAME_WORD}\s+(?:{_CONNECTOR}\s+)*)+{_SUFFIX}"
            rf"|{_SUFFIX}\s+(?:of|for)\s+(?:the\s+)?{_NAME_WORD}"
            rf"(?:\s+(?:{_CONNECTOR}\s+)*{_NAME_WORD})*)(?![\w\-])"
        ),
    ),
)
# What each pattern's match must contain, as written: a text without it is not scanned
# (most records name no "Group", "Front" ...; the full patterns are the costly part).
_NEEDED = {
    "acronym in parentheses": re.compile(r"\("),
    "katiba": re.compile("Katiba"),
    "jama'at": re.compile("Jama"),
    "ansar": re.compile("Ansar"),
    "group/front name": re.compile(_SUFFIX),
}
# Acronyms that name things, not actors.
_NOT_ACTOR_ACRONYMS = word_set(
    "IED IEDS VBIED VBIEDS IDP IDPS CVE SDN SDNS IOC FOC RPG UAV NGO NGOS WWII GDP HQ PVE CT"
)
# Legal designations that look like organisation names.
_NOT_ACTOR_NAMES = frozenset(
    {"foreign terrorist organization", "specially designated global terrorist"}
)
_LEADING_NOISE = re.compile(r"(?:(?:The|A|An|In|On|At|By|Of|For|And|This|Its|Their|the)\s+)*")


def unresolved_names(
    text: str, found: list[tuple[Actor, int, int]], known: Container[str]
) -> list[UnresolvedMention]:
    """Organisation-like names that are neither catalog actors nor gazetteer places."""
    occupied = [(start, end) for _, start, end in found]
    cited = citation_spans(text)
    result: list[UnresolvedMention] = []
    for pattern_name, pattern in _UNRESOLVED_PATTERNS:
        if _NEEDED[pattern_name].search(text) is None:
            continue
        for m in pattern.finditer(text):
            if pattern_name == "acronym in parentheses":
                if not _acronym_is_candidate(text, m.group("name"), m.start()):
                    continue
                start = text.index("(", m.start())
                end = text.index(")", m.end("name")) + 1
            else:
                start, end = m.span("name")
                for s, e in sorted(occupied):
                    if s <= start < e:
                        # "Katibat Serma and the Azawad Liberation Front": keep the tail.
                        start = e + len(re.match(r"[\s,]*(?:(?:and|or)\s+)?", text[e:end]).group())
                start += len(_LEADING_NOISE.match(text, start).group())
            name = text[start:end]
            if pattern_name == "group/front name" and (
                len(name.split()) < 2 or fold_key(name) in _NOT_ACTOR_NAMES
            ):
                continue
            if (
                start >= end
                or fold_key(name) in known
                or any(s < end and start < e for s, e in occupied)
                or inside_spans(start, cited)
                or _is_place(name)
            ):
                continue
            occupied.append((start, end))
            result.append(UnresolvedMention(name, start, end, pattern_name))
    result.sort(key=lambda u: u.start)
    return result


def _acronym_is_candidate(text: str, acronym: str, paren_start: int) -> bool:
    capitals = sum(c.isupper() for c in acronym)
    if not 2 <= capitals <= 8 or acronym.upper() in _NOT_ACTOR_ACRONYMS:
        return False
    # "improvised explosive device (IED)": an acronym of lowercase words is a term, not a name.
    words = re.findall(r"[\w’'\-]+", text[max(0, paren_start - 60) : paren_start])[-3:]
    return not words or any(w[0].isupper() for w in words)


def _is_place(name: str) -> bool:
    matches = default_gazetteer().find_all(name)
    return any(written == name for _, written, _ in matches)
