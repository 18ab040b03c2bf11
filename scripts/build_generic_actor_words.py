"""Derive the English generic-actor words from PETRARCH-2's agents dictionary.

PETRARCH-2 (Open Event Data Alliance, MIT licence) codes generic agents such as soldiers
(MIL), police (COP), gunmen (UAF), insurgents (REB) and villagers (CVL) in
``Phoenix.agents.txt``. This script turns the entries of the codes that
``schemas/reference/generic_actors.csv`` maps (its ``petrarch_codes`` column) into plain
words, singular and plural, and writes ``schemas/reference/generic_actor_words.csv``:

    .venv/bin/python scripts/build_generic_actor_words.py \
        --agents ../shared/reference/petrarch2/Phoenix.agents.txt

Reviewed trigger words (``generic_actors.csv``) win: a derived word already listed there is
left out. Entries that are not a kind of person or group (equipment, buildings, ranks and
titles, abstract nouns, name fragments) are dropped by the rules and the reviewed list
below. The output is sorted, so the same input gives the same bytes. ``--check`` exits 1
when the committed file is not what the dictionary gives (for CI or a reviewer).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventline.gold.actor_vocabulary import WEAK, spelling_key  # noqa: E402
from eventline.gold.generic_actors import (  # noqa: E402
    WORD_COLUMNS,
    GenericActor,
    read_generic_actors,
)

REFERENCE = ROOT / "schemas" / "reference"
DEFAULT_AGENTS = ROOT.parent / "shared" / "reference" / "petrarch2" / "Phoenix.agents.txt"

_ENTRY = re.compile(r"^(?P<phrase>[^\[{#]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]+)\]")
_SUBSTITUTION = re.compile(r"^(?P<name>![A-Z]+!)\s*=\s*(?P<values>.+)$")

# Words that make an entry something other than a kind of person or group.
EQUIPMENT_AND_PLACES = frozenset(
    [
        "aircraft",
        "airliner",
        "apache",
        "artillery",
        "barracks",
        "base",
        "battleship",
        "battlewagon",
        "bomber",
        "bombers",
        "boat",
        "carrier",
        "check",
        "craft",
        "cruiser",
        "corvette",
        "destroyer",
        "district",
        "drone",
        "drones",
        "dragonfly",
        "eurofighter",
        "facility",
        "falcon",
        "frigate",
        "gun",
        "gunship",
        "harrier",
        "helicopter",
        "helicopters",
        "hmmwv",
        "hornet",
        "house",
        "humvee",
        "institution",
        "jail",
        "jet",
        "jetfighter",
        "jetliner",
        "kfir",
        "machine",
        "mig",
        "missile",
        "neighborhood",
        "neighbourhood",
        "orion",
        "osprey",
        "phalanx",
        "plane",
        "planes",
        "position",
        "poseidon",
        "post",
        "predator",
        "prison",
        "raptor",
        "reaper",
        "ship",
        "submarine",
        "sukhoi",
        "system",
        "tank",
        "tomahawk",
        "tomcat",
        "town",
        "trainer",
        "typhoon",
        "uav",
        "vehicle",
        "vessel",
        "warplane",
        "warship",
        "settlement",
        "village",
        "weapons",
        "monastery",
        "school",
        "schoolhouse",
        "college",
        "university",
        "kindergarten",
        "kindergarden",
        "preschool",
        "conservatory",
    ]
)
# Ranks, titles and roles of one person: they do not name a force or a population.
TITLES = frozenset(
    [
        "admiral",
        "adviser",
        "advisor",
        "aide",
        "brigadier",
        "brigaider",
        "captain",
        "chief",
        "chiefs",
        "colonel",
        "commandant",
        "commander",
        "commissioner",
        "corporal",
        "dean",
        "delegation",
        "ensign",
        "general",
        "generals",
        "generalissimo",
        "head",
        "headmaster",
        "leader",
        "leaders",
        "leadership",
        "lieutenant",
        "lieutentant",
        "marshal",
        "representative",
        "sergeant",
        "sublieutenant",
        "spokesman",
        "spokesmen",
        "spokeswoman",
        "spokeswomen",
        "spokesperson",
    ]
)
# Reviewed: entries of mapped codes that are kept out, with the reason.
EXCLUDED: dict[str, str] = {
    # CVL: not a civilian population in conflict reporting, or not people at all
    "adoption group": "an organisation",
    "athlete": "not conflict vocabulary",
    "backpacker": "not conflict vocabulary",
    "chief engineer": "a title",
    "civic group": "an organisation",
    "civil society": "an organisation",
    "colonist": "archaic",
    "community": "a place as often as people",
    "constituent": "electoral vocabulary",
    "customer": "not conflict vocabulary",
    "elector": "electoral vocabulary",
    "electorate": "electoral vocabulary",
    "engineer": "also military engineers",
    "ethnic group": "an identity, not an actor (ACLED: identity militias are their own type)",
    "ethnic minority": "an identity, not an actor",
    "ethnic minority races": "an identity, not an actor",
    "excursionist": "not conflict vocabulary",
    "hiker": "not conflict vocabulary",
    "hunter": "in the Sahel hunters are the Dozo militia (catalog), not civilians",
    "landholder": "not conflict vocabulary",
    "mob": "a rioter (reviewed), not a civilian",
    "naturalized": "an adjective",
    "non-native": "an adjective",
    "non-resident": "an adjective",
    "property owner": "not conflict vocabulary",
    "rabble": "a rioter, not a civilian",
    "repatriate": "not conflict vocabulary",
    "scientist": "not conflict vocabulary",
    "sightseer": "not conflict vocabulary",
    "taxpayers": "not conflict vocabulary",
    "tenant": "not conflict vocabulary",
    "the poor": "not an actor",
    "tourer": "not conflict vocabulary",
    "victim": "victims are soldiers as often as civilians",
    "victims": "victims are soldiers as often as civilians",
    "voter": "electoral vocabulary",
    # COP / MIL: institutions, vague words, mixed or foreign forces
    "central jail authority": "an institution",
    "correctional institution": "an institution",
    "counter drug expert": "a specialist, not a force",
    "counter drugs expert": "a specialist, not a force",
    "deputy": "mostly a parliamentary deputy",
    "drug enforcement": "a function",
    "gendarmery": "gendarmerie is reviewed (police forces)",
    "security force": "PETRARCH-2 has it under both COP and MIL; the plural is reviewed",
    "security officer": "also private security",
    "security official": "an official, not a force",
    "government troops and police": "names two forces",
    "armed force": "UAF's singular clashes with MIL's armed forces",
    "armed professional": "too vague",
    "chief's office": "an institution",
    "control forces": "a fragment",
    "echelon": "not a force",
    "guard command": "an institution",
    "home reserve": "not regional usage",
    "joint chiefs": "a staff, not a force",
    "joint chiefs of staff": "a staff, not a force",
    "military authorities": "the state acting (government), not troops",
    "military authority": "the state acting (government), not troops",
    "military clique": "a junta (government)",
    "military commission": "a court",
    "military group": "too vague",
    "military led": "an adjective",
    "military presence": "not an actor",
    "military reserve": "not an actor",
    "naval": "an adjective",
    "national army detachment": "kept as national army (reviewed)",
    "national army task force": "kept as national army (reviewed)",
    "prisoner of war": "a status of captives, not a force",
    "privateer": "archaic",
    "special operations": "an activity",
    "strategic service": "a fragment",
    "war machine": "not an actor",
    "weekend warrior": "not regional usage",
    "c in c of": "a title",
    "c in cof": "a title",
    "flag officer": "a rank",
    "commanding officer": "a title",
    "officer in command": "a title",
    "army staff": "a staff, not a force",
    "border security": "a function",
    "fuerzas especiales": "Spanish",
    "gendarmerie nationale": "gendarmeries are police forces (ACLED), reviewed",
    "national gendarmerie": "gendarmeries are police forces (ACLED), reviewed",
    "gendermarie": "a misspelling; gendarmeries are police forces (reviewed)",
    "fighting falcon": "an aircraft",
    "fighting position": "a place",
    "joint strike fighter": "an aircraft",
    "stealth fighter": "an aircraft",
    "nighthawk stealth fighter": "an aircraft",
    "military operations control command": "an institution",
    "soldiers and their families": "names soldiers and civilians together",
    "soldiers with their families": "names soldiers and civilians together",
    "prisons department": "an institution",
    "striking worker": "a protester: ACLED codes strikes as protests (reviewed)",
    "liberation army": "a fragment of group names",
    "liberation forces": "a fragment of group names",
    "liberation front": "a fragment of group names",
    "revolutionary front": "a fragment of group names",
    "revolutionary movement": "a fragment of group names",
    "national revolutionary organization": "a fragment of group names",
    # UAF / REB / RAD: named actors, other types, abstract nouns
    "coup d'etat leader": "a person; coups are made by military forces",
    "coup leader": "a person; coups are made by military forces",
    "coup maker": "a person",
    "coup plotter": "a person",
    "death squad": "ACLED codes death squads by who runs them",
    "foreign terrorist organization": "a legal designation",
    "gun for hire": "a mercenary: External/Other forces, not an armed group",
    "hired gun": "a mercenary",
    "janjaweed": "a named Sudanese militia",
    "mercenary": "ACLED codes mercenaries as External/Other forces (8)",
    "military wing": "part of a named organisation",
    "militant wing": "part of a named organisation",
    "party's military wing": "part of a named organisation",
    "private army": "a named organisation's force",
    "private security force": "private security forces are their own generic actor",
    "reactionaries": "a political label",
    "rebel base": "a place",
    "rebel source": "a source",
    "rebellion": "an event, not an actor",
    "revolt": "an event, not an actor",
    "uprising": "an event, not an actor",
    "insurgence": "an event, not an actor",
    "insurgency": "an event, not an actor",
    "armed insurgency": "an event, not an actor",
    "ethnic insurgency": "an event, not an actor",
    "low level insurgency": "an event, not an actor",
    "insurgency movement": "a fragment",
    "soldier of fortune": "a mercenary",
    "student army": "a named organisation",
    "extemist soldier": "a misspelling",
    "self defense force": "self-defence groups are reviewed (communal militia)",
    "self-defense force": "self-defence groups are reviewed (communal militia)",
    "self-defence force": "self-defence groups are reviewed (communal militia)",
    "self defence force": "self-defence groups are reviewed (communal militia)",
    "self-dfense force": "a misspelling",
    "self-defense milita": "a misspelling",
    "self defense militia": "self-defence groups are reviewed (communal militia)",
    "unidentified forces": "unidentified state forces are their own generic actor",
    # EDU / LAB / REL / AGR: institutions and organisations
    "educational institution": "an institution",
    "research institution": "an institution",
    "science congress": "an event",
    "high school": "an institution",
    "middle school": "an institution",
    "state university": "an institution",
    "company union": "an organisation",
    "labor union": "an organisation",
    "organized labor": "an organisation",
    "trade union": "an organisation",
    "trades union": "an organisation",
    "workers' action council": "an organisation",
    "workers action council": "an organisation",
    "workers' federation": "an organisation",
    "workers federation": "an organisation",
    "workers organization": "an organisation",
    "worker organization": "an organisation",
    "religion": "not an actor",
    "religious group": "an organisation",
    "religious organization": "an organisation",
    "leading religious authority": "a title",
    "mills association": "an organisation",
}
# Words that already are plural or have no plural.
UNCOUNTABLE = frozenset(
    [
        "artillery",
        "children",
        "clergy",
        "enforcement",
        "infantry",
        "intelligence",
        "military",
        "people",
        "personnel",
        "police",
        "population",
        "security",
        "society",
        "soldiery",
        "townspeople",
    ]
)


@dataclass(frozen=True)
class AgentEntry:
    """One dictionary line: its words (``_`` joined), explicit plural, code and line."""

    phrase: str
    plural: str | None  # None: regular plural; "": no plural; else the irregular plural
    code: str
    line: int


def parse_agents(text: str) -> tuple[list[AgentEntry], dict[str, list[str]]]:
    """Entries and substitution sets (``!PERSON! = MAN, MEN, ...``) of a TABARI agents file."""
    entries: list[AgentEntry] = []
    substitutions: dict[str, list[str]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        found = _SUBSTITUTION.match(line)
        if found:
            values = [value.strip() for value in found["values"].split(",")]
            substitutions[found["name"]] = values
            continue
        entry = _ENTRY.match(line)
        if entry is None:
            continue
        code = entry["code"].strip().lstrip("~").rstrip("~")
        phrase = "_".join(entry["phrase"].split())
        plural = entry["plural"]
        entries.append(AgentEntry(phrase, None if plural is None else plural.strip(), code, number))
    return entries, substitutions


def _plural(word: str) -> str:
    if word == "child":
        return "children"
    if word.endswith("man"):
        return word[:-3] + "men"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    return word + "s"


def _words(phrase: str) -> str:
    return " ".join(phrase.strip("_").replace("_", " ").lower().split())


def forms(entry: AgentEntry, substitutions: dict[str, list[str]]) -> list[str]:
    """The plain words of an entry: substitution sets expanded, singular and plural."""
    expanded = [entry.phrase]
    for name, values in substitutions.items():
        if name in entry.phrase:
            expanded = [phrase.replace(name, value) for phrase in expanded for value in values]
    has_set = len(expanded) > 1
    words = [_words(phrase) for phrase in expanded]
    if entry.plural:
        words.append(_words(entry.plural))
    elif entry.plural is None and not has_set:
        last = words[0].split()[-1]
        if not re.search(r"(s|men|children|people)$", last) and last not in UNCOUNTABLE:
            words.append(words[0][: -len(last)] + _plural(last))
    return list(dict.fromkeys(word for word in words if word))


def keep(phrase_words: str) -> bool:
    """False for an entry that is not a kind of person or group (see the module docstring);
    decided on the entry's singular words, so that its plural goes with it."""
    if re.search(r"[0-9/.(),!]", phrase_words) or phrase_words in EXCLUDED:
        return False
    tokens = phrase_words.split()
    if tokens[-1] in {"of", "for", "the", "and", "in", "liberation"}:
        return False
    return not any(t in EQUIPMENT_AND_PLACES or t in TITLES for t in tokens)


@dataclass(frozen=True)
class DerivedWord:
    generic_id: str
    word: str
    strength: str
    petrarch_code: str
    petrarch_entry: str


def derive(
    entries: Iterable[AgentEntry],
    substitutions: dict[str, list[str]],
    generic: dict[str, GenericActor],
) -> tuple[list[DerivedWord], list[str]]:
    """Derived words (sorted) and the words dropped because two generic actors claim them."""
    code_map: dict[str, tuple[str, str]] = {}
    for actor in generic.values():
        for code in actor.petrarch_codes:
            strength = "weak" if code.startswith(WEAK) else "strong"
            code_map[code.removeprefix(WEAK)] = (actor.generic_id, strength)
    reviewed = {spelling_key(t.text) for a in generic.values() for t in a.triggers}
    found: dict[str, list[DerivedWord]] = {}
    for entry in entries:
        if entry.code not in code_map:
            continue
        generic_id, strength = code_map[entry.code]
        words = forms(entry, substitutions)
        # An entry any of whose forms is reviewed is the reviewers' (they list the forms).
        if not keep(words[0]) or any(spelling_key(w) in reviewed for w in words):
            continue
        for word in words:
            derived = DerivedWord(generic_id, word, strength, entry.code, entry.phrase)
            found.setdefault(spelling_key(word), []).append(derived)
    kept: list[DerivedWord] = []
    conflicts: list[str] = []
    for candidates in found.values():
        if len({c.generic_id for c in candidates}) > 1:
            conflicts.append(candidates[0].word)
            continue
        kept.append(min(candidates, key=lambda c: (c.strength != "weak", c.petrarch_code)))
    kept.sort(key=lambda d: (d.generic_id, d.word))
    return kept, sorted(conflicts)


def render(words: Iterable[DerivedWord]) -> str:
    """The CSV text of the derived file (LF line ends, fixed column order)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(WORD_COLUMNS)
    for w in words:
        writer.writerow([w.generic_id, w.word, w.strength, w.petrarch_code, w.petrarch_entry])
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agents", type=Path, default=DEFAULT_AGENTS)
    parser.add_argument("--generic", type=Path, default=REFERENCE / "generic_actors.csv")
    parser.add_argument("--out", type=Path, default=REFERENCE / "generic_actor_words.csv")
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    if not args.agents.is_file():
        print(f"error: {args.agents}: PETRARCH-2 agents file not found", file=sys.stderr)
        return 2
    entries, substitutions = parse_agents(args.agents.read_text(encoding="utf-8", errors="replace"))
    generic, _ = read_generic_actors(args.generic)
    words, conflicts = derive(entries, substitutions, generic)
    text = render(words)
    for word in conflicts:
        print(f"note: {word!r} left out: PETRARCH-2 codes map it to two generic actors")
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out.name}: {'up to date' if same else 'differs from the dictionary'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(words)} words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
