from __future__ import annotations

import random
from datetime import date

from eventline.silver.dedup_text import spelling_variants, text_similarity
from eventline.silver.deduplication import DedupRecord, deduplicate


def _record(
    record_id: str,
    text: str,
    day: date,
    kind: str = "bullet",
    doc_id: str = "doc_a",
    line: int = 1,
    place: str | None = None,
    precision: str = "day",
    end: date | None = None,
) -> DedupRecord:
    return DedupRecord(record_id, kind, doc_id, text, day, end or day, precision, place, line)


RADISSON_BULLET = (
    "Two gunmen storm the Radisson Blu Hotel in Mali's capital, Bamako, killing 20 people and "
    "taking as many as 170 hostages."
)
RADISSON_SENTENCE = (
    "On November 20, 2015, heavily armed gunmen shouting “Allahu akhbar” stormed the Radisson "
    "Blu Hotel in Bamako."
)
OTHER_SAME_DAY = (
    "Suspected jihadists ambush the town of Kadji, northern Mali, killing 10 militiamen."
)
DAY = date(2015, 11, 20)


def test_identical_text_and_date_merge_into_the_canonical_record() -> None:
    a = _record("rec_b", RADISSON_BULLET, DAY, doc_id="doc_b")
    b = _record("rec_a", RADISSON_BULLET, DAY, doc_id="doc_a", line=9)
    merges, candidates = deduplicate([a, b])
    assert [(m.merged_id, m.into_id, m.reason) for m in merges] == [
        ("rec_b", "rec_a", "identical text and date")
    ]
    assert candidates == []


def test_narrative_restating_a_bullet_merges_into_the_best_match() -> None:
    bullet = _record("rec_1", RADISSON_BULLET, DAY, line=282)
    other = _record("rec_2", OTHER_SAME_DAY, DAY, line=99)
    sentence = _record("rec_3", RADISSON_SENTENCE, DAY, kind="narrative", line=89)
    merges, _ = deduplicate([sentence, other, bullet])
    assert [(m.merged_id, m.into_id, m.reason) for m in merges] == [
        ("rec_3", "rec_1", "narrative restates")
    ]


def test_narrative_of_another_day_does_not_merge() -> None:
    bullet = _record("rec_1", RADISSON_BULLET, DAY)
    sentence = _record("rec_3", RADISSON_SENTENCE, date(2015, 11, 21), kind="narrative")
    assert deduplicate([bullet, sentence])[0] == []


def test_two_events_on_one_day_stay_two() -> None:
    a = _record(
        "rec_1",
        "Unidentified gunmen ambush a convoy in central Mali. "
        "The attack kills at least 24 soldiers.",
        date(2020, 6, 13),
        place="ml-central",
    )
    b = _record(
        "rec_2",
        "Unidentified gunmen ambush a U.N. convoy traveling between Tessalit and Gao. "
        "The attack kills two U.N. peacekeepers.",
        date(2020, 6, 13),
        place="ml-tessalit",
    )
    merges, candidates = deduplicate([a, b])
    assert merges == [] and candidates == []


def test_near_duplicates_are_candidates_with_a_reason() -> None:
    a = _record(
        "rec_1",
        "Insurgents attack Gaganfani and Yono, two ethnic Dogon villages. The attack kills 38.",
        date(2019, 6, 17),
        place="ml-gangafani",
    )
    b = _record(
        "rec_2",
        "Unidentified gunmen attack the villages of Yoro and Gangafani 2. The attacks kill 41.",
        date(2019, 6, 18),
        place="ml-gangafani",
    )
    merges, candidates = deduplicate([a, b])
    assert merges == []
    (candidate,) = candidates
    assert (candidate.record_id_a, candidate.record_id_b) == ("rec_1", "rec_2")
    assert candidate.reason.startswith("1 day apart; same place (ml-gangafani)")
    assert "gaganfani/gangafani" in candidate.reason
    assert 0 < candidate.score < 1


def test_far_apart_records_are_not_compared() -> None:
    a = _record("rec_1", RADISSON_BULLET, DAY, place="ml-bamako")
    b = _record("rec_2", RADISSON_BULLET + " Again.", date(2016, 1, 1), place="ml-bamako")
    assert deduplicate([a, b]) == ([], [])


def test_result_does_not_depend_on_input_order() -> None:
    records = [
        _record("rec_1", RADISSON_BULLET, DAY, line=282),
        _record("rec_2", OTHER_SAME_DAY, DAY, line=99),
        _record("rec_3", RADISSON_SENTENCE, DAY, kind="narrative", line=89),
        _record("rec_4", RADISSON_SENTENCE, DAY, kind="narrative", line=47, doc_id="doc_b"),
    ]
    expected = deduplicate(records)
    for seed in range(5):
        shuffled = records[:]
        random.Random(seed).shuffle(shuffled)
        assert deduplicate(shuffled) == expected


def test_similarity_weights_names() -> None:
    assert text_similarity(RADISSON_SENTENCE, RADISSON_BULLET) > text_similarity(
        RADISSON_SENTENCE, OTHER_SAME_DAY
    )
    assert spelling_variants("Troops killed Droukdel", "Troops killed Droukdal") == [
        ("droukdel", "droukdal")
    ]


CEP_BULLET = (
    "JNIM militants attack military bases in Boulikessi and Mondoro, both in central Mali. "
    "The attacks kill at least 38 with dozens of other soldiers missing."
)
CRT_BULLET = (
    "On September 30, JNIM militants attacked the military bases of Boulikessi and Mondoro in "
    "central Mali, killing at least 38 soldiers."
)


def test_two_reports_of_one_event_are_one_record() -> None:
    cep = _record("rec_cep", CEP_BULLET, date(2019, 9, 30), doc_id="doc_cep", place="ml-b")
    crt = _record("rec_crt", CRT_BULLET, date(2019, 9, 30), doc_id="doc_crt", place="ml-b")
    merges, _ = deduplicate([crt, cep])
    (merge,) = merges
    assert merge.reason == "another document tells it"
    # The canonical first (by document id, not by input order) survives.
    assert (merge.into_id, merge.merged_id) == ("rec_cep", "rec_crt")
    assert merges == deduplicate([cep, crt])[0]


def test_one_report_never_merges_two_of_its_own_bullets_by_similarity() -> None:
    cep = _record("rec_cep", CEP_BULLET, date(2019, 9, 30), place="ml-b")
    crt = _record("rec_crt", CRT_BULLET, date(2019, 9, 30), line=2, place="ml-b")
    merges, candidates = deduplicate([cep, crt])
    assert merges == []
    assert [(c.record_id_a, c.record_id_b) for c in candidates] == [("rec_cep", "rec_crt")]


def test_reports_of_other_towns_or_days_are_not_merged() -> None:
    cep = _record("rec_cep", CEP_BULLET, date(2019, 9, 30), doc_id="doc_cep", place="ml-b")
    elsewhere = _record("rec_x", CRT_BULLET, date(2019, 9, 30), doc_id="doc_crt", place="ml-m")
    next_day = _record("rec_y", CRT_BULLET, date(2019, 10, 1), doc_id="doc_crt", place="ml-b")
    merges, _ = deduplicate([cep, elsewhere, next_day])
    assert merges == []


# Retellings whose dates are coarser than the record they restate (own sentences).
KOUTOUGOU = (
    "Gunmen attacked the army post at Koutougou before dawn, killing 24 soldiers, and"
    " withdrew towards the border."
)
KOUTOUGOU_LATER = (
    "The attack on the Koutougou army post in August 2019, which killed 24 soldiers, remains"
    " the army's worst loss."
)
OTHER_AUGUST = (
    "The attack on an army post in August 2019, which killed 24 soldiers, remains the army's"
    " worst loss."
)


def test_a_month_restates_an_earlier_sentence_of_that_day_that_shares_a_name() -> None:
    day = _record("rec_1", KOUTOUGOU, date(2019, 8, 19), kind="narrative", line=3)
    month = _record(
        "rec_2",
        KOUTOUGOU_LATER,
        date(2019, 8, 1),
        kind="narrative",
        line=40,
        precision="month",
        end=date(2019, 8, 31),
    )
    (link,) = deduplicate([day, month])[0]
    assert (link.merged_id, link.into_id, link.reason) == ("rec_2", "rec_1", "narrative restates")


def test_a_month_without_a_shared_name_restates_no_sentence() -> None:
    day = _record("rec_1", KOUTOUGOU, date(2019, 8, 19), kind="narrative", line=3)
    month = _record(
        "rec_2",
        OTHER_AUGUST,
        date(2019, 8, 1),
        kind="narrative",
        line=40,
        precision="month",
        end=date(2019, 8, 31),
    )
    assert deduplicate([day, month])[0] == []


def test_a_day_restates_an_undated_bullet_whose_bounds_hold_it() -> None:
    bullet = _record(
        "rec_1",
        "The transition mission formally takes over from the earlier mission in Mogadishu.",
        date(2022, 3, 23),
        precision="bounded",
        end=date(2022, 5, 3),
        line=30,
    )
    sentence = _record(
        "rec_2",
        "On April 1, 2022, the transition mission took over from the earlier mission in Mogadishu.",
        date(2022, 4, 1),
        kind="narrative",
        line=7,
    )
    (link,) = deduplicate([bullet, sentence])[0]
    assert (link.merged_id, link.into_id) == ("rec_2", "rec_1")


def test_parts_of_one_bronze_record_are_never_linked() -> None:
    text = "Gunmen killed eight people in Tera, three in Bankilare and ten in Ayorou."
    parts = [
        DedupRecord(f"rec_{n}", "bullet", "doc_a", text, DAY, DAY, "day", None, 5, "rec_0")
        for n in range(3)
    ]
    assert deduplicate(parts) == ([], [])


def test_notes_that_share_only_the_document_s_admin_names_stay_apart() -> None:
    # Event notes name the district and region every time: those names say nothing.
    notes = [
        _record(
            f"rec_{n}",
            f"On 3 May, militants raided {village} (Diffa district, Diffa region), {act}.",
            date(2021, 5, 3),
            kind="narrative",
            line=n,
        )
        for n, (village, act) in enumerate(
            [
                ("Toumour", "killing four herders"),
                ("Kindjandi", "stealing cattle"),
                ("Gueskerou", "burning shops"),
                ("Bosso", "abducting two women"),
                ("Chetimari", "shooting a trader"),
                ("Maine-Soroa", "looting a market"),
            ],
            start=1,
        )
    ]
    assert deduplicate(notes)[0] == []


def test_two_records_of_one_passage_are_not_two_tellings() -> None:
    passage = _record(
        "rec_1",
        "That day, a woman was killed when rioters attacked a bus. In an address the same day,"
        " the president pledged a national dialogue.",
        date(2021, 4, 27),
        kind="narrative",
        line=46,
    )
    sentence = _record(
        "rec_2",
        "In an address the same day, the president pledged a national dialogue.",
        date(2021, 4, 27),
        kind="narrative",
        line=47,
    )
    assert deduplicate([passage, sentence])[0] == []


def test_a_follow_up_pointing_back_at_the_attack_needs_less_overlap() -> None:
    first = _record(
        "rec_1",
        "Eight soldiers were killed when about 60 gunmen attacked a forward post at Kalimbi,"
        " in the north, at around 3 a.m., the government said in a statement.",
        date(2022, 5, 11),
        kind="narrative",
        line=38,
    )
    follow_up = _record(
        "rec_2",
        "About fifteen assailants died in Wednesday's attack on the Kalimbi post; their"
        " comrades carried the bodies back across the border for burial.",
        date(2022, 5, 11),
        kind="narrative",
        line=45,
    )
    score = text_similarity(follow_up.text, first.text)
    assert 0.25 <= score < 0.35  # below the day score, above it less the bonus
    (link,) = deduplicate([first, follow_up])[0]
    assert (link.merged_id, link.into_id) == ("rec_2", "rec_1")


def _telling(record_id: str, text: str, day: date, line: int, **fields: object) -> DedupRecord:
    return DedupRecord(record_id, "narrative", "doc_a", text, day, day, "day", None, line, **fields)


def test_a_sentence_that_continues_a_record_tells_its_incident() -> None:
    note = _telling(
        "rec_b",
        "Overnight on 13 September, gunmen attacked a military post near Fotokol.",
        date(2019, 9, 13),
        18,
        event_type="Battles",
    )
    toll = _telling(
        "rec_a",
        "6 soldiers killed, one of his wounds two days later.",
        date(2019, 9, 15),
        18,
        continues="rec_b",
        event_type="Battles",
    )
    report = _telling(
        "rec_c",
        "The army announced on 20 September that six soldiers had died.",
        date(2019, 9, 20),
        18,
        continues="rec_b",
        date_role="report",
        event_type="Battles",
    )
    links = deduplicate([toll, note, report])[0]
    # The continued record is the event's canonical telling, whatever the ids' order.
    assert sorted((m.merged_id, m.into_id, m.reason) for m in links) == [
        ("rec_a", "rec_b", "continues its record"),
        ("rec_c", "rec_b", "continues its record"),
    ]


def test_a_sentence_that_continues_a_record_with_another_incident_stays_apart() -> None:
    riot = _telling(
        "rec_1",
        "A woman was killed when rioters attacked a bus.",
        date(2021, 4, 27),
        46,
        event_type="Riots",
    )
    pledge = _telling(
        "rec_2",
        "In an address the same day, the president pledged a dialogue.",
        date(2021, 4, 27),
        47,
        continues="rec_1",
        event_type="Strategic developments",
    )
    later = _telling(
        "rec_3",
        "The post had already been hit two years earlier.",
        date(2017, 1, 1),
        47,
        continues="rec_1",
        event_type="Riots",
    )
    assert deduplicate([riot, pledge, later])[0] == []


def test_a_reference_back_to_an_earlier_raid_at_the_same_place_links_to_it() -> None:
    # An invented digest: the raid is told on its day, then a month later only as the
    # "raid on Varrow last month" that a group claimed; then as a post "hit" a year on.
    raid = DedupRecord(
        "rec_raid",
        "narrative",
        "doc_a",
        "Gunmen on motorbikes stormed a gendarmerie post at Varrow before dawn on Friday, "
        "killing four gendarmes.",
        date(2023, 3, 10),
        date(2023, 3, 10),
        "day",
        None,
        5,
        place_text="Varrow",
    )
    claim = DedupRecord(
        "rec_claim",
        "narrative",
        "doc_a",
        "The curfew follows the bloody raid on Varrow last month, which the Ostmark Front "
        "has claimed.",
        date(2023, 3, 1),
        date(2023, 3, 31),
        "month",
        None,
        12,
        place_text="Varrow",
    )
    again = DedupRecord(
        "rec_again",
        "narrative",
        "doc_a",
        "The post at Varrow had already been hit the year before.",
        date(2023, 1, 1),
        date(2023, 12, 31),
        "year",
        None,
        30,
        place_text="Varrow post",
    )
    elsewhere = DedupRecord(
        "rec_other",
        "narrative",
        "doc_a",
        "The curfew follows the bloody raid on Kessel last month.",
        date(2023, 3, 1),
        date(2023, 3, 31),
        "month",
        None,
        40,
        place_text="Kessel",
    )
    merges, _ = deduplicate([raid, claim, again, elsewhere])
    assert sorted((m.merged_id, m.into_id) for m in merges) == [
        ("rec_again", "rec_raid"),
        ("rec_claim", "rec_raid"),
    ]
