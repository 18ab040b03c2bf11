"""Silver on the bundled sample: figures checked by reading the report itself."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from eventline.bronze.extractor import BronzeExtract
from eventline.silver.builder import SilverTables, build_silver_tables
from eventline.silver.event_types import default_classifier
from eventline.silver.places import default_gazetteer
from tests.paths import SAMPLE_DOC_ID


def _bullet(silver: SilverTables, line: int, part: int = 0) -> pd.Series:
    records = silver.records
    (row,) = records[
        (records["kind"] == "bullet") & (records["line_start"] == line) & (records["part"] == part)
    ].itertuples()
    return pd.Series(row._asdict())


def _tellings(silver: SilverTables, record: pd.Series) -> list[tuple[str, int]]:
    """(kind, line) of every telling of *record*'s event, in line order."""
    records = silver.records
    tellings = records[records["event_id"] == record["event_id"]]
    return sorted(zip(tellings["kind"], tellings["line_start"], strict=True), key=lambda t: t[1])


def test_every_bronze_record_is_told_in_silver(
    sample_extract: BronzeExtract, sample_silver: SilverTables, sample_segment_texts: dict
) -> None:
    bronze = [row["record_id"] for row in [*sample_extract.bullets, *sample_extract.narratives]]
    records = sample_silver.records
    assert set(records["bronze_record_id"]) == set(bronze)
    # 186 bullets + 152 dated sentences; the sample has no date it cannot know.
    assert len(bronze) == 338
    assert sample_silver.quarantine.empty
    # 17 bullets tell a second incident in a sentence that opens with its own date ("That
    # same day, …" at lines 134, 171, 178, 186; "The same day, …" at 165, 169, 189, 218;
    # "On April 24, …" at 104, "Also on July 25, …" at 96, "On December 4, …" at 146, …);
    # line 109 tells two ("On November 3, 2017, …", "About a year later, …"): 355 segments.
    # Line 191 gives three tolls for three villages ("four in Gorey, four in Djamnati, and
    # one in Simikanda"): three records of one segment, so 357 records.
    assert len(sample_segment_texts) == 355
    assert len(records) == 357
    first_parts = records[records["part"] == 0]
    assert (first_parts["record_id"] == first_parts["bronze_record_id"]).all()
    linked = records.loc[records["duplicate_of"].notna(), "record_id"]
    assert sorted(linked) == sorted(m.merged_id for m in sample_silver.merges)


def test_the_three_villages_of_line_191_are_three_events(sample_silver: SilverTables) -> None:
    records = sample_silver.records
    rows = records[records["line_start"] == 191].sort_values("part")
    assert list(rows["location"]) == ["Gorey", "Djamnati", "Simikanda"]
    assert list(rows["killed"]) == [4, 4, 1]
    assert rows["event_id"].nunique() == 3


def test_radisson_blu_is_one_event_with_every_telling(sample_silver: SilverTables) -> None:
    # Told in the overview (line 15), in "Islamist groups" (line 47), in its own section
    # (line 89) and in the timeline (line 282): four tellings, the bullet canonical.
    radisson = _bullet(sample_silver, 282)
    assert pd.isna(radisson["duplicate_of"])
    assert _tellings(sample_silver, radisson) == [
        ("narrative", 15),
        ("narrative", 47),
        ("narrative", 89),
        ("bullet", 282),
    ]
    tellings = sample_silver.records[sample_silver.records["event_id"] == radisson["event_id"]]
    assert set(tellings["duplicate_of"].dropna()) == {radisson["record_id"]}
    assert {s for sources in tellings["sources"] for s in sources} == {
        "BBC News",
        "Reuters",
        "Garda",
        "Long War Journal",
        "Stanford University",
        "Washington Institute for Near East Policy",
        "U.S. Department of State",
        "New York Times",
        "CNN",
    }
    assert radisson["date_start"] == radisson["date_end"] == date(2015, 11, 20)
    assert radisson["killed"] == 20


def test_april_29_2024_sentence_joins_the_abu_huzeifa_bullet_not_kadji(
    sample_silver: SilverTables,
) -> None:
    abu_huzeifa, kadji = _bullet(sample_silver, 100), _bullet(sample_silver, 99)
    assert _tellings(sample_silver, abu_huzeifa) == [("narrative", 5), ("bullet", 100)]
    assert _tellings(sample_silver, kadji) == [("bullet", 99)]


def test_two_ambushes_on_june_13_2020_stay_two(sample_silver: SilverTables) -> None:
    central, tessalit = _bullet(sample_silver, 212), _bullet(sample_silver, 213)
    assert central["date_start"] == tessalit["date_start"] == date(2020, 6, 13)
    assert _tellings(sample_silver, central) == [("bullet", 212)]
    assert _tellings(sample_silver, tessalit) == [("bullet", 213)]
    assert (central["killed"], tessalit["killed"]) == (24, 2)


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        ((236, 237), "3 days apart; same place (ml-boulkessi)"),
        ((240, 241), "1 day apart; spelled differently: gaganfani/gangafani, yono/yoro"),
    ],
)
def test_near_duplicates_are_listed_not_merged(
    sample_silver: SilverTables, lines: tuple[int, int], reason: str
) -> None:
    a, b = (_bullet(sample_silver, line)["record_id"] for line in lines)
    pairs = sample_silver.candidates
    (pair,) = pairs[
        ((pairs["record_id_a"] == a) & (pairs["record_id_b"] == b))
        | ((pairs["record_id_a"] == b) & (pairs["record_id_b"] == a))
    ].itertuples()
    assert pair.reason == reason
    assert 0 < pair.score < 1
    records = set(sample_silver.records["record_id"])
    assert {a, b} <= records


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        # "Three IED attacks throughout the month…", between November 6 and October 17, 2022.
        (153, date(2022, 10, 17), date(2022, 11, 6)),
        # Three bullets whose label was lost, between November 20 and January 24, 2012.
        (305, date(2012, 1, 24), date(2012, 11, 20)),
        (309, date(2012, 1, 24), date(2012, 11, 20)),
    ],
)
def test_undated_bullets_are_bounded_by_neighbours(
    sample_silver: SilverTables, line: int, start: date, end: date
) -> None:
    row = _bullet(sample_silver, line)
    assert (row["date_start"], row["date_end"]) == (start, end)
    assert row["date_precision"] == "bounded"
    assert row["date_method"] == "bounded_by_neighbours"
    assert row["date_imputed"]
    assert row["date_label"] == ""


def test_date_ranges_keep_both_ends(sample_silver: SilverTables) -> None:
    row = _bullet(sample_silver, 96)
    assert row["date_label"] == "July 25, 2024 - July 27, 2024"
    assert (row["date_start"], row["date_end"]) == (date(2024, 7, 25), date(2024, 7, 27))
    assert row["date_precision"] == "range"
    assert not row["date_imputed"]
    ranges = sample_silver.records[sample_silver.records["date_precision"] == "range"]
    assert len(ranges[ranges["kind"] == "bullet"]) == 10


@pytest.mark.parametrize(
    ("line", "column", "best", "low", "high"),
    [
        (93, "killed", 77, 77, 77),  # "killing 77 and wounding 255 others"
        (93, "injured", 255, 255, 255),
        (95, "killed", 26, 26, None),  # "killing at least 26"
        (156, "killed", 45, 45, None),  # "kills more than 45 civilians"
        (311, "killed", None, None, 100),  # "claims the lives of up to 100 people"
        (118, "killed", 10, 10, 97),  # CMA claims 97, the army 10: the lower is best
        (118, "assailants_killed", 47, 47, 47),  # "47 CMA terrorists were neutralized"
        (269, "killed", 0, 0, 0),  # "leaving no casualties"
        (212, "injured", None, None, None),  # not stated: unknown, not 0
    ],
)
def test_casualties_of_sample_bullets(
    sample_silver: SilverTables,
    line: int,
    column: str,
    best: int | None,
    low: int | None,
    high: int | None,
) -> None:
    row = _bullet(sample_silver, line)
    got = tuple(
        None if pd.isna(row[c]) else row[c] for c in (column, f"{column}_low", f"{column}_high")
    )
    assert got == (best, low, high)


@pytest.mark.parametrize(
    ("line", "location", "precision", "admin1", "event_type", "sub_event_type"),
    [
        (134, "Sévaré", "town", "Mopti", "Explosions/Remote violence", "Suicide bomb"),
        # "ambush Burkinabe peacekeepers … involved both IEDs and small arms": one Battles event
        (130, "Timbuktu", "town", "Timbuktu", "Battles", None),
        (112, "Koro", "town", "Mopti", "Violence against civilians", None),
        (155, "Bandiagara Region", "admin2", "Mopti", "Explosions/Remote violence", None),
        (104, "Mali", "country", None, "Violence against civilians", None),
    ],
)
def test_places_and_event_types(
    sample_silver: SilverTables,
    line: int,
    location: str,
    precision: str,
    admin1: str | None,
    event_type: str,
    sub_event_type: str | None,
) -> None:
    row = _bullet(sample_silver, line)
    assert (row["location"], row["location_precision"]) == (location, precision)
    assert (None if pd.isna(row["admin1"]) else row["admin1"]) == admin1
    assert row["country"] == "Mali"
    assert row["event_type"] == event_type
    if sub_event_type is not None:
        assert row["sub_event_type"] == sub_event_type


def test_dates_later_than_the_document_can_know_are_quarantined(
    sample_extract: BronzeExtract,
) -> None:
    silver = build_silver_tables(
        [{"doc_id": SAMPLE_DOC_ID, "title": sample_extract.title}],
        sample_extract.bullets,
        sample_extract.narratives,
        date(2024, 9, 1),
        default_gazetteer(),
        default_classifier(),
    )
    # Only the September 17, 2024 bullet (line 93) is later than September 1, 2024.
    (row,) = silver.quarantine.itertuples()
    assert (row.kind, row.line_start) == ("bullet", 93)
    assert row.reasons[0].startswith("date: date later than the document can know")
