"""The regional actor reference: the bundled files load, say what they should, and bad files
are rejected with their line.

Every expected actor, word and figure below was read off ``schemas/reference/actor_catalog.csv``,
``generic_actors.csv`` or ``generic_actor_words.csv`` by hand (the row is named in a comment).
"""

from __future__ import annotations

import csv
import io
import re
import runpy
from pathlib import Path

import pycountry
import pytest

from eventline.gold.actor_reference import (
    CATALOG_COLUMNS,
    GENERIC_COLUMNS,
    INTER_CODES,
    INTER_CODES_BY_TYPE,
    WORD_COLUMNS,
    ActorReference,
    ActorReferenceError,
    GenericActor,
    TriggerWord,
    build_reference,
    load_actor_reference,
    spelling_key,
)
from tests.paths import FIXTURES, ROOT

REFERENCE = ROOT / "schemas" / "reference"
SCRIPT = runpy.run_path(str(ROOT / "scripts" / "build_generic_actor_words.py"))


@pytest.fixture(scope="module")
def ref() -> ActorReference:
    return load_actor_reference()


def named(ref: ActorReference, spelling: str, country: str | None = None) -> str | None:
    actor = ref.actor_for(spelling, country)
    return actor.actor_id if actor else None


# --- the bundled reference -------------------------------------------------------------------


def test_jnim_and_gsim_name_the_same_actor(ref: ActorReference) -> None:
    # Row jnim: aliases JNIM, GSIM and the French "Groupe de soutien à l'islam et aux musulmans".
    assert named(ref, "JNIM") == named(ref, "GSIM") == "jnim"
    assert named(ref, "Groupe de soutien a l'Islam et aux musulmans") == "jnim"  # accents folded


def test_isis_gs_and_eigs_name_isgs(ref: ActorReference) -> None:
    # Row isgs: ISIS-GS, EIGS, "État islamique au Grand Sahara", IS Sahel, ISSP.
    for spelling in ("ISIS-GS", "EIGS", "Etat islamique au Grand Sahara", "IS Sahel", "ISSP"):
        assert named(ref, spelling) == "isgs", spelling
    assert named(ref, "ISIS") == "islamic-state"  # the shorter name is another actor


def test_al_shabaab_in_mozambique_is_the_islamic_state_province(ref: ActorReference) -> None:
    # Row is-mozambique: aliases_by_country MZ:al-Shabaab, MZ:ASWJ, MZ:ISCAP; row al-shabaab
    # holds al-Shabaab everywhere; row adf holds ISCAP everywhere.
    assert named(ref, "al-Shabaab", "MZ") == "is-mozambique"
    assert named(ref, "al-Shabaab", "SO") == "al-shabaab"
    assert named(ref, "al-Shabaab", "KE") == "al-shabaab"
    assert named(ref, "al-Shabaab") == "al-shabaab"
    assert named(ref, "ISCAP", "MZ") == "is-mozambique"
    assert named(ref, "ISCAP", "CD") == "adf"
    assert named(ref, "ASWJ", "MZ") == "is-mozambique"
    assert named(ref, "ASWJ", "SO") == "aswj-somalia"
    assert named(ref, "ASWJ") is None  # ambiguous without a country


def test_ambiguous_acronyms_need_their_country(ref: ActorReference) -> None:
    # Rows cnsp (ML:CNSP), niger-cnsp (NE:CNSP), burkina-faso-armed-forces (BF:FAN, BF:BIR),
    # niger-armed-forces (NE:FAN), cameroon-bir (CM:BIR), mozambique-fds (MZ:FDS).
    assert named(ref, "CNSP", "ML") == "cnsp"
    assert named(ref, "CNSP", "NE") == "niger-cnsp"
    assert named(ref, "CNSP") is None
    assert named(ref, "FAN", "BF") == "burkina-faso-armed-forces"
    assert named(ref, "FAN", "NE") == "niger-armed-forces"
    assert named(ref, "BIR", "CM") == "cameroon-bir"
    assert named(ref, "BIR", "BF") == "burkina-faso-armed-forces"
    assert named(ref, "FDS", "MZ") == "mozambique-fds"
    assert named(ref, "FDS", "ML") is None  # in the Sahel FDS is a generic word, below
    assert ref.generic_for("FDS")[0].generic_id == "military-forces"  # type: ignore[index]


def test_pakistani_factions_air_force_and_niger_presidential_guard(ref: ActorReference) -> None:
    # Rows tehreek-e-jihad-pakistan, jamaat-ul-ahrar, hafiz-gul-bahadur-group,
    # pakistan-air-force (PK:PAF) and niger-presidential-guard (NE:Presidential Guard).
    assert named(ref, "Tehreek-e-Jihad Pakistan") == "tehreek-e-jihad-pakistan"
    assert named(ref, "TJP") == "tehreek-e-jihad-pakistan"
    assert named(ref, "Jamaat-ul-Ahrar") == "jamaat-ul-ahrar"
    assert named(ref, "Hafiz Gul Bahadur") == "hafiz-gul-bahadur-group"
    assert named(ref, "Pakistani aircraft") == "pakistan-air-force"
    assert named(ref, "PAF", "PK") == "pakistan-air-force"
    assert named(ref, "PAF") is None
    assert named(ref, "Presidential Guard", "NE") == "niger-presidential-guard"
    assert named(ref, "Presidential Guard", "ML") is None


def test_gendarmes_are_police_forces_as_in_acled(ref: ActorReference) -> None:
    # generic_actors.csv row police-forces lists gendarme, gendarmes, gendarmerie (EN and FR):
    # ACLED files gendarmeries under "Police Forces of <country>".
    actor, word = ref.generic_for("gendarmes")  # type: ignore[misc]
    assert actor.generic_id == "police-forces"
    assert (actor.inter_code, actor.name_for("Burkina Faso")) == (
        1,
        "Police Forces of Burkina Faso",
    )
    assert word.languages == ("en", "fr") and word.source == "reviewed"


def test_trigger_words_in_english_and_french_with_their_strength(ref: ActorReference) -> None:
    cases = {
        "gunmen": ("unidentified-armed-group", "strong"),
        "hommes armés": ("unidentified-armed-group", "strong"),
        "HANI": ("unidentified-armed-group", "strong"),
        "militants": ("unidentified-armed-group", "weak"),  # "?militants" in the row
        "terroristes": ("unidentified-armed-group", "weak"),
        "villageois": ("civilians", "strong"),
        "worshippers": ("civilians", "strong"),
        "militaires": ("military-forces", "strong"),
        "manifestants": ("protesters", "strong"),
        "émeutiers": ("rioters", "strong"),
        "gouvernement": ("government", "weak"),
    }
    for word, expected in cases.items():
        actor, trigger = ref.generic_for(word)  # type: ignore[misc]
        assert (actor.generic_id, trigger.strength) == expected, word


def test_petrarch_words_are_appended_to_the_reviewed_ones(ref: ActorReference) -> None:
    # generic_actor_words.csv: "guerrillas" (REB, weak), "paratroops" (MIL), "constables" (COP).
    for word, generic_id, strength in (
        ("guerrillas", "unidentified-armed-group", "weak"),
        ("paratroops", "military-forces", "strong"),
        ("constables", "police-forces", "strong"),
    ):
        actor, trigger = ref.generic_for(word)  # type: ignore[misc]
        assert (actor.generic_id, trigger.strength, trigger.source) == (
            generic_id,
            strength,
            "petrarch",
        )


def test_generic_names_per_country(ref: ActorReference) -> None:
    civilians = ref.generic_actors["civilians"]
    assert civilians.name_for("Mali") == "Civilians (Mali)"
    assert civilians.name_for(None) is None  # unknown country: no invented name
    unidentified_state = ref.generic_actors["unidentified-military-forces"]
    assert unidentified_state.name_for(None) == "Unidentified Military Forces"


def test_a_generic_actor_has_its_national_instance(ref: ActorReference) -> None:
    # Row fama: instance_of military-forces; row mozambique-fds: instance_of military-forces.
    assert ref.instance("military-forces", "ML").actor_id == "fama"  # type: ignore[union-attr]
    assert ref.instance("military-forces", "MZ").actor_id == "mozambique-fds"  # type: ignore[union-attr]
    assert ref.instance("military-forces", "FR") is None  # French forces act abroad here


def test_ancestors_follow_parents_nearest_first(ref: ActorReference) -> None:
    # katiba-serma -> jnim -> aqim | ansar-al-dine | al-mourabitoun | macina-liberation-front;
    # aqim -> al-qaeda.
    ancestors = ref.ancestors("katiba-serma")
    assert ancestors[0] == "jnim"
    assert {"aqim", "ansar-al-dine", "al-mourabitoun", "al-qaeda"} <= set(ancestors)
    assert ancestors.index("aqim") < ancestors.index("al-qaeda")


def test_al_shabaab_operates_in_kenya_too(ref: ActorReference) -> None:
    # Row al-shabaab: home SO, operates_in KE (its attacks in Kenya since 2011).
    assert ref.actors["al-shabaab"].country == "SO"
    assert ref.actors["al-shabaab"].operates_in == ("KE",)
    # Only insurgent groups operate elsewhere: no state force or person has the column.
    assert all(
        a.actor_type in {"jihadist group", "separatist group", "rebel group"}
        for a in ref.actors.values()
        if a.operates_in
    )


def test_country_codes_are_iso_3166_alpha_2(ref: ActorReference) -> None:
    codes = {a.country for a in ref.actors.values() if a.country}
    codes |= {code for a in ref.actors.values() for code, _ in a.aliases_by_country}
    assert codes and all(pycountry.countries.get(alpha_2=code) for code in codes), sorted(codes)


def test_inter_codes_are_acleds_and_fit_the_type(ref: ActorReference) -> None:
    assert sorted(INTER_CODES) == list(range(1, 9))
    for actor in ref.actors.values():
        allowed = INTER_CODES_BY_TYPE[actor.actor_type]
        assert (actor.inter_code in allowed) if allowed else actor.inter_code is None


def test_old_ids_carry_over_except_the_documented_ones(ref: ActorReference) -> None:
    # The ids of the retired actors.csv, kept as a fixture so that gold ids stay stable.
    listed = (FIXTURES / "actors_csv_ids.txt").read_text(encoding="utf-8").splitlines()
    old_ids = {line for line in listed if line and not line.startswith("#")}
    assert len(old_ids) == 128
    readme = (REFERENCE / "actor_catalog.md").read_text(encoding="utf-8")
    section = readme.split("## Not carried over", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", section, flags=re.M))
    assert old_ids - set(ref.actors) == documented
    assert documented and not documented & set(ref.actors)


# --- malformed files -------------------------------------------------------------------------

GOOD_ACTORS = [
    {
        "actor_id": "alpha",
        "name": "Alpha Front",
        "aliases": "AF|~Alpha",
        "actor_type": "rebel group",
        "inter_code": "2",
        "country": "ML",
        "note": "test row",
    },
    {
        "actor_id": "beta",
        "name": "Beta Army",
        "aliases": "Betan army",
        "aliases_by_country": "ML:AF2",
        "actor_type": "state force",
        "inter_code": "1",
        "country": "ML",
        "parent_ids": "",
        "instance_of": "soldiery",
        "note": "test row",
    },
]
GOOD_GENERIC = [
    {
        "generic_id": "soldiery",
        "name_template": "Military Forces of {country}",
        "actor_type": "state force",
        "inter_code": "1",
        "petrarch_codes": "MIL",
        "triggers_en": "soldiers|?fighters",
        "triggers_fr": "soldats",
        "note": "test row",
    },
]
GOOD_WORDS = [
    {
        "generic_id": "soldiery",
        "word": "paratroops",
        "strength": "strong",
        "petrarch_code": "MIL",
        "petrarch_entry": "PARATROOPS",
    },
]


def write(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({column: row.get(column, "") for column in columns} for row in rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def build(
    tmp_path: Path, actors=GOOD_ACTORS, generic=GOOD_GENERIC, words=GOOD_WORDS
) -> ActorReference:
    return build_reference(
        write(tmp_path / "actor_catalog.csv", CATALOG_COLUMNS, actors),
        write(tmp_path / "generic_actors.csv", GENERIC_COLUMNS, generic),
        write(tmp_path / "generic_actor_words.csv", WORD_COLUMNS, words),
    )


def test_a_good_small_reference_loads(tmp_path: Path) -> None:
    small = build(tmp_path)
    assert named(small, "AF") == "alpha" and named(small, "AF2", "ML") == "beta"
    assert small.actors["alpha"].aliases[1].guarded
    assert [t.text for t in small.generic_actors["soldiery"].triggers] == [
        "soldiers",
        "fighters",
        "soldats",
        "paratroops",
    ]


def changed(rows: list[dict[str, str]], index: int, **values: str) -> list[dict[str, str]]:
    return [({**row, **values} if i == index else row) for i, row in enumerate(rows)]


BAD_CATALOGS = [
    ("actor_catalog.csv:3: duplicate actor_id 'alpha'", changed(GOOD_ACTORS, 1, actor_id="alpha")),
    (
        "actor_catalog.csv:2: actor_id 'Alpha' is not a slug",
        changed(GOOD_ACTORS, 0, actor_id="Alpha"),
    ),
    (
        "actor_catalog.csv:2: unknown actor_type 'jihadists'",
        changed(GOOD_ACTORS, 0, actor_type="jihadists"),
    ),
    (
        "actor_catalog.csv:2: inter_code 1 is not allowed for a rebel group",
        changed(GOOD_ACTORS, 0, inter_code="1"),
    ),
    (
        "actor_catalog.csv:2: inter_code '9' is not an ACLED inter code",
        changed(GOOD_ACTORS, 0, inter_code="9"),
    ),
    ("actor_catalog.csv:2: inter_code is required", changed(GOOD_ACTORS, 0, inter_code="")),
    (
        "actor_catalog.csv:2: country 'Mali' is not an ISO 3166-1",
        changed(GOOD_ACTORS, 0, country="Mali"),
    ),
    (
        "actor_catalog.csv:2: parent_ids: unknown actor 'gamma'",
        changed(GOOD_ACTORS, 0, parent_ids="gamma"),
    ),
    (
        "actor_catalog.csv:2: parent_ids: 'alpha' links to itself",
        changed(GOOD_ACTORS, 0, parent_ids="alpha"),
    ),
    (
        "parent_ids form a cycle",
        changed(changed(GOOD_ACTORS, 0, parent_ids="beta"), 1, parent_ids="alpha"),
    ),
    (
        "actor_catalog.csv:3: 'A.F.' names both alpha and beta",
        changed(GOOD_ACTORS, 1, aliases="A.F."),
    ),
    (
        "actor_catalog.csv:2: 'Alpha front' repeats another spelling",
        changed(GOOD_ACTORS, 0, aliases="Alpha front"),
    ),
    (
        "actor_catalog.csv:2: aliases_by_country: 'Mali-AF' is not CC:spelling",
        changed(GOOD_ACTORS, 0, aliases_by_country="Mali-AF"),
    ),
    (
        "actor_catalog.csv:2: 'ML:AF' repeats a spelling that holds everywhere",
        changed(GOOD_ACTORS, 0, aliases_by_country="ML:AF"),
    ),
    (
        "actor_catalog.csv:3: 'ML:AF2' names both alpha and beta",
        changed(GOOD_ACTORS, 0, aliases_by_country="ML:AF2"),
    ),
    (
        "actor_catalog.csv:2: active_from: '15' is not a year",
        changed(GOOD_ACTORS, 0, active_from="15"),
    ),
    (
        "actor_catalog.csv:2: active_from 2020 is after active_to 2019",
        changed(GOOD_ACTORS, 0, active_from="2020", active_to="2019"),
    ),
    ("actor_catalog.csv:2: note is required", changed(GOOD_ACTORS, 0, note="")),
    ("actor_catalog.csv:2: empty spelling '~'", changed(GOOD_ACTORS, 0, aliases="AF|~")),
    (
        "actor_catalog.csv:2: actor_type 'civilians' is for generic actors only",
        changed(GOOD_ACTORS, 0, actor_type="civilians", inter_code="7"),
    ),
    ("actor_catalog.csv:3: instance_of needs a country", changed(GOOD_ACTORS, 1, country="")),
    (
        "actor_catalog.csv:3: operates_in is for non-state armed groups, not a state force",
        changed(GOOD_ACTORS, 1, operates_in="NE"),
    ),
    (
        "actor_catalog.csv:2: operates_in 'ML' is not another ISO 3166-1 alpha-2 code",
        changed(GOOD_ACTORS, 0, operates_in="NE|ML"),
    ),
    (
        "actor_catalog.csv:2: operates_in 'Niger' is not another ISO 3166-1 alpha-2 code",
        changed(GOOD_ACTORS, 0, operates_in="Niger"),
    ),
    (
        "actor_catalog.csv:2: instance_of: a rebel group cannot be a state force",
        changed(GOOD_ACTORS, 0, instance_of="soldiery"),
    ),
    # "soldiery-ml" is the id resolution gives the generic actor soldiery in Mali.
    (
        "actor_catalog.csv:3: actor_id 'soldiery-ml' is the id of a generic actor",
        changed(GOOD_ACTORS, 1, actor_id="soldiery-ml"),
    ),
]


@pytest.mark.parametrize(("message", "actors"), BAD_CATALOGS, ids=[m for m, _ in BAD_CATALOGS])
def test_a_bad_catalog_is_rejected_with_its_line(tmp_path: Path, message: str, actors) -> None:
    with pytest.raises(ActorReferenceError, match=re.escape(message)):
        build(tmp_path, actors=actors)


BAD_GENERIC = [
    (
        "generic_actors.csv:2: name_template 'Army of {state}'",
        changed(GOOD_GENERIC, 0, name_template="Army of {state}"),
    ),
    (
        "generic_actors.csv:2: trigger 'Soldiers' is listed twice",
        changed(GOOD_GENERIC, 0, triggers_en="soldiers|Soldiers"),
    ),
    (
        "generic_actors.csv:2: trigger 'Betan army' is a spelling of the named actor beta",
        changed(GOOD_GENERIC, 0, triggers_en="Betan army"),
    ),
    (
        "generic_actors.csv:2: petrarch_codes: bad code 'mil'",
        changed(GOOD_GENERIC, 0, petrarch_codes="mil"),
    ),
    (
        "generic_actors.csv:2: inter_code 8 is not allowed for a state force",
        changed(GOOD_GENERIC, 0, inter_code="8"),
    ),
]


@pytest.mark.parametrize(("message", "generic"), BAD_GENERIC, ids=[m for m, _ in BAD_GENERIC])
def test_a_bad_generic_file_is_rejected_with_its_line(
    tmp_path: Path, message: str, generic
) -> None:
    with pytest.raises(ActorReferenceError, match=re.escape(message)):
        build(tmp_path, generic=generic)


BAD_WORDS = [
    (
        "generic_actor_words.csv:2: unknown generic_id 'army'",
        changed(GOOD_WORDS, 0, generic_id="army"),
    ),
    (
        "generic_actor_words.csv:2: MIL is not a weak code of soldiery",
        changed(GOOD_WORDS, 0, strength="weak"),
    ),
    (
        "generic_actor_words.csv:2: COP is not a strong code of soldiery",
        changed(GOOD_WORDS, 0, petrarch_code="COP"),
    ),
    (
        "generic_actors.csv:2: trigger 'soldiers' (petrarch) is also a trigger of soldiery",
        changed(GOOD_WORDS, 0, word="soldiers"),
    ),
]


@pytest.mark.parametrize(("message", "words"), BAD_WORDS, ids=[m for m, _ in BAD_WORDS])
def test_a_bad_derived_file_is_rejected_with_its_line(tmp_path: Path, message: str, words) -> None:
    with pytest.raises(ActorReferenceError, match=re.escape(message)):
        build(tmp_path, words=words)


def test_a_wrong_header_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "actor_catalog.csv"
    path.write_text("actor_id,name\nalpha,Alpha\n", encoding="utf-8")
    generic = write(tmp_path / "g.csv", GENERIC_COLUMNS, GOOD_GENERIC)
    words = write(tmp_path / "w.csv", WORD_COLUMNS, GOOD_WORDS)
    with pytest.raises(ValueError, match=r"actor_catalog\.csv: header"):
        build_reference(path, generic, words)


# --- the PETRARCH-2 derivation ---------------------------------------------------------------

AGENTS = """# a made-up file in PETRARCH-2's TABARI format
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
SOLDIER [~MIL]
PARATROOP [~MIL]
FIGHTER_JET [~MIL]
COLONEL [~MIL]
RIVER!PERSON! [~CVL]
GUNMAN {} [~UAF]
GUERRILLA [~REB]
THIEF {THIEVES} [~CRM]
"""


def test_petrarch_entries_become_words_singular_and_plural() -> None:
    entries, substitutions = SCRIPT["parse_agents"](AGENTS)
    assert [(e.phrase, e.code) for e in entries][:2] == [("SOLDIER", "MIL"), ("PARATROOP", "MIL")]
    forms = {e.phrase: SCRIPT["forms"](e, substitutions) for e in entries}
    assert forms["PARATROOP"] == ["paratroop", "paratroops"]
    assert forms["GUNMAN"] == ["gunman"]  # {} : no plural
    assert forms["THIEF"] == ["thief", "thieves"]
    assert forms["RIVER!PERSON!"] == [
        "riverman",
        "rivermen",
        "riverwoman",
        "riverwomen",
        "riverperson",
    ]


def test_derivation_keeps_people_and_leaves_reviewed_words_to_the_reviewers() -> None:
    entries, substitutions = SCRIPT["parse_agents"](AGENTS)
    generic = {
        "soldiery": build_generic("soldiery", "MIL", "soldiers"),
        "armed": build_generic("armed", "UAF|?REB", ""),
    }
    words, conflicts = SCRIPT["derive"](entries, substitutions, generic)
    got = [(w.generic_id, w.word, w.strength) for w in words]
    # SOLDIER is reviewed (soldiers), FIGHTER_JET equipment, COLONEL a rank, CVL and CRM unmapped.
    assert got == [
        ("armed", "guerrilla", "weak"),
        ("armed", "guerrillas", "weak"),
        ("armed", "gunman", "strong"),
        ("soldiery", "paratroop", "strong"),
        ("soldiery", "paratroops", "strong"),
    ]
    assert conflicts == []


def build_generic(generic_id: str, codes: str, triggers: str) -> GenericActor:
    reviewed = tuple(
        TriggerWord(t, ("en",), "strong", "reviewed") for t in triggers.split("|") if t
    )
    return GenericActor(
        generic_id, "X of {country}", "state force", 1, tuple(codes.split("|")), reviewed, "test"
    )


def test_the_committed_derived_file_is_in_canonical_form() -> None:
    text = (REFERENCE / "generic_actor_words.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    words = [SCRIPT["DerivedWord"](**row) for row in rows]
    assert SCRIPT["render"](words) == text  # sorted, LF, fixed columns: same input, same bytes
    assert [(w.generic_id, w.word) for w in words] == sorted((w.generic_id, w.word) for w in words)
    assert len({spelling_key(w.word) for w in words}) == len(words)
