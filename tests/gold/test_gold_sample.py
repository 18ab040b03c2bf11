"""Gold on the bundled sample: actors, links and ids, checked against the report itself."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pandas as pd
import pytest

from eventline.bronze.extractor import BronzeExtract, extract_bronze
from eventline.gold.actors import ActorCatalog, default_catalog
from eventline.gold.builder import (
    GoldTables,
    IntegrityError,
    build_gold_tables,
    check_referential_integrity,
    resolve_texts,
)
from eventline.silver.builder import SilverTables, build_silver_tables
from eventline.silver.event_types import default_classifier
from eventline.silver.places import default_gazetteer
from eventline.silver.segments import build_segments
from schemas.gold import GOLD_MODELS
from tests.paths import FIXTURES, SAMPLE, SAMPLE_DOC_ID, SAMPLE_KNOWN_UNTIL

COLUMNS = {name: list(model.to_schema().columns) for name, model in GOLD_MODELS.items()}


def _gold(silver: SilverTables, extracts: list[BronzeExtract]) -> GoldTables:
    segments = [
        s for e in extracts for s in build_segments(e.bullets, e.narratives, SAMPLE_KNOWN_UNTIL)
    ]
    texts = {segment.record_id: segment.text for segment in segments}
    findings = resolve_texts(texts, default_catalog())
    return build_gold_tables(silver.records, findings, default_catalog(), COLUMNS)


@pytest.fixture(scope="module")
def gold(sample_silver: SilverTables, sample_extract: BronzeExtract) -> GoldTables:
    tables = _gold(sample_silver, [sample_extract])
    for name, frame in tables.as_dict().items():
        GOLD_MODELS[name].validate(frame)
    return tables


@lru_cache(maxsize=1)
def _bullet_ids() -> frozenset[str]:
    text = (SAMPLE).read_text()
    return frozenset(row["record_id"] for row in extract_bronze(SAMPLE_DOC_ID, text).bullets)


def _event_at(gold: GoldTables, line: int) -> str:
    """The event whose telling starts at *line* (a timeline bullet's first incident)."""
    events = gold.events

    def tells(mentions: list) -> bool:
        return any(m["line_start"] == line and m["record_id"] in _bullet_ids() for m in mentions)

    (event_id,) = events[events["mentions"].map(tells)]["event_id"]
    return event_id


def _links(gold: GoldTables, line: int) -> set[tuple[str, str, str | None]]:
    links = gold.event_actors[gold.event_actors["event_id"] == _event_at(gold, line)]
    return {
        (row.actor_id, row.role, None if pd.isna(row.certainty) else row.certainty)
        for row in links.itertuples()
        if row.role != "mentioned"
    }


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # "JNIM militants carry out attacks in Bamako… JNIM later releases a statement
        # claiming the attacks…": a claim, so the link's attribution is the claim.
        (93, {("jnim", "claimant", "claimed"), ("jnim", "perpetrator", "claimed")}),
        # "Suspected JNIM militants ambush a wedding ceremony in Djiguibombo…"
        (97, {("jnim", "perpetrator", "suspected")}),
        # "…it is suspected that jihadist Group to Support Islam and Muslims (JNIM) was behind…"
        (218, {("jnim", "perpetrator", "suspected")}),
        # "The U.N. reports that JNIM claims responsibility for the attack."
        (265, {("jnim", "claimant", "claimed"), ("jnim", "perpetrator", "claimed")}),
        # "Al-Mourabitoun claims that it carried out the attack in conjunction with AQIM."
        (
            282,
            {
                ("al-mourabitoun", "claimant", "claimed"),
                ("al-mourabitoun", "perpetrator", "claimed"),
                # AQIM's part is itself part of the claim.
                ("aqim", "perpetrator", "claimed"),
            },
        ),
        # "…is believed to have been carried out by AQIM and MNLA."
        (311, {("aqim", "perpetrator", "suspected"), ("mnla", "perpetrator", "suspected")}),
    ],
)
def test_perpetrators_and_claimants_of_bullets(
    gold: GoldTables, line: int, expected: set[tuple[str, str, str | None]]
) -> None:
    assert {link for link in _links(gold, line) if link[1] != "target"} == expected


def test_claimed_and_perpetrator_ids_on_the_event(gold: GoldTables) -> None:
    events = gold.events.set_index("event_id")
    radisson = events.loc[_event_at(gold, 282)]
    assert list(radisson["perpetrator_ids"]) == ["al-mourabitoun", "aqim"]
    assert radisson["claimed"]
    assert not events.loc[_event_at(gold, 97), "claimed"]


def test_jnim_activity(gold: GoldTables) -> None:
    jnim = gold.actors.set_index("actor_id").loc["jnim"]
    # 51 records name JNIM under one of its spellings: the bullets at lines 93 … 265
    # (35 of them, by grep), 8 told only in the narrative, 2 second incidents of a bullet
    # ("That same day, JNIM militants …" at 134, "About a year later, he was … sold to JNIM"
    # at 109), and 6 narrative records whose following sentences name JNIM (lines 29, 51,
    # 53 twice, 341 and 399: a record's text runs to the next dated sentence). 5 of them are
    # context, not events: "2019 was the deadliest year … since … 2012" (29), "As of
    # September 2018, JNIM reportedly has … fighters" (49), "JNIM has amped up attacks since
    # April 17" (53), "As of 2023, IS Sahel and JNIM maintain a violent rivalry" (61), "As of
    # June 2021, there are 5,100 French troops deployed" (341).
    assert jnim["event_count"] == 46
    # "In March 2017, AQIM, AAD, and al-Mourabitoun merged to form … (JNIM)" (line 49), and
    # the newest bullet of the timeline, September 17, 2024 (line 93).
    assert jnim["first_event_date"] == date(2017, 3, 1)
    assert jnim["last_event_date"] == date(2024, 9, 17)
    assert list(jnim["parent_ids"]) == [
        "aqim",
        "ansar-al-dine",
        "al-mourabitoun",
        "macina-liberation-front",
    ]


@pytest.mark.parametrize(
    ("spelling", "actor_id"),
    [
        ("JNIM", "jnim"),
        ("Jama'at Nusrat al-Islam wal-Muslimin", "jnim"),
        ("Jamaat Nusrat al-Islam wal Muslimeen", "jnim"),
        ("GSIM", "jnim"),
        ("Group to Support Islam and Muslims", "jnim"),
        ("al-Qaeda in the Islamic Maghreb", "aqim"),
        ("Droukdel", "abdelmalek-droukdel"),
        ("Droukdal", "abdelmalek-droukdel"),
        ("Koufa", "amadou-koufa"),
        ("Kouffa", "amadou-koufa"),
        ("ISGS", "isgs"),
        ("Islamic State in the Greater Sahara", "isgs"),
        ("IS Sahel", "isgs"),
        ("Wagner Group", "wagner-group"),
    ],
)
def test_aliases_resolve_to_their_group(spelling: str, actor_id: str) -> None:
    ((actor, _, _),) = default_catalog().find(f"Fighters of {spelling} attacked.")
    assert actor.actor_id == actor_id


def test_every_alias_of_the_actors_table_resolves_back(gold: GoldTables) -> None:
    catalog: ActorCatalog = default_catalog()
    for row in gold.actors.itertuples():
        if isinstance(row.generic_id, str):
            continue  # a generic actor's "Malian villagers": test_actor_resolution.py
        scoped = dict(
            (spelling.text, code)
            for code, spelling in catalog.reference.actors[row.actor_id].aliases_by_country
        )
        for alias in [row.name, *row.aliases]:
            # A country-scoped spelling ("MZ:al-Shabaab") resolves in its country.
            found = catalog.find(f"Fighters of {alias} attacked.", scoped.get(alias))
            assert found and found[0][0].actor_id == row.actor_id, (alias, row.actor_id)


def test_referential_integrity(gold: GoldTables) -> None:
    check_referential_integrity(gold)
    assert set(gold.event_actors["event_id"]) <= set(gold.events["event_id"])
    assert set(gold.event_actors["actor_id"]) <= set(gold.actors["actor_id"])
    broken = GoldTables(
        gold.events,
        gold.actors,
        pd.concat([gold.event_actors, gold.event_actors.head(1).assign(actor_id="nobody")]),
        gold.unresolved_actor_mentions,
    )
    with pytest.raises(IntegrityError, match="unknown actor ids"):
        check_referential_integrity(broken)


def _with(
    other_id: str, other: BronzeExtract, sample: BronzeExtract
) -> tuple[SilverTables, list[BronzeExtract]]:
    documents = [
        {"doc_id": other_id, "title": other.title},
        {"doc_id": SAMPLE_DOC_ID, "title": sample.title},
    ]
    silver = build_silver_tables(
        documents,
        [*other.bullets, *sample.bullets],
        [*sample.narratives, *other.narratives],
        SAMPLE_KNOWN_UNTIL,
        default_gazetteer(),
        default_classifier(),
    )
    return silver, [other, sample]


def test_ids_do_not_depend_on_other_documents_or_their_order(
    sample_extract: BronzeExtract, gold: GoldTables
) -> None:
    prose_id = "doc_00000000000000a1"  # sorts before the sample's id
    prose = extract_bronze(prose_id, (FIXTURES / "prose_report.txt").read_text())
    both = _gold(*_with(prose_id, prose, sample_extract))
    of_sample = both.events[both.events["doc_ids"].map(lambda ids: SAMPLE_DOC_ID in ids)]
    assert sorted(of_sample["event_id"]) == sorted(gold.events["event_id"])
    assert len(both.events) == len(gold.events) + 3  # the prose report's three events
    links = both.event_actors[both.event_actors["event_id"].isin(gold.events["event_id"])]
    pd.testing.assert_frame_equal(
        links.reset_index(drop=True), gold.event_actors.reset_index(drop=True)
    )


def test_two_reports_of_one_event_make_one_gold_event(sample_extract: BronzeExtract) -> None:
    # The State Department fixture tells two of the sample's 2021 incidents: the IED near
    # Tessalit on October 3 (sample line 182) and the ambush of March 15 (line 190). The
    # second names another town (Tessit, not Asongo), so it is left to a reviewer.
    crt_id = "doc_00000000000000c7"
    crt = extract_bronze(crt_id, (FIXTURES / "crt_mali_2021.txt").read_text())
    silver, extracts = _with(crt_id, crt, sample_extract)
    both = _gold(silver, extracts)
    shared = both.events[both.events["doc_ids"].map(len) == 2]
    assert list(shared["date_start"]) == [date(2021, 10, 3)]
    pairs = silver.candidates
    march = pairs[(pairs["date_a"] == date(2021, 3, 15)) & (pairs["date_b"] == date(2021, 3, 15))]
    assert sorted([*march["line_a"], *march["line_b"]]) == [8, 190]
    for event in shared.itertuples():
        assert sorted(event.doc_ids) == sorted([crt_id, SAMPLE_DOC_ID])
        assert {m["doc_id"] for m in event.mentions} == {crt_id, SAMPLE_DOC_ID}
    tessalit = shared[shared["date_start"] == date(2021, 10, 3)].iloc[0]
    assert sorted(m["line_start"] for m in tessalit["mentions"]) == [9, 182]
