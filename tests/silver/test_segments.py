"""Segments and their dates, report format by report format.

Each fixture is written for these tests (facts from public reporting on the events named;
the sentences are our own). Every figure asserted was read off the fixture text.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventline.bronze.extractor import extract_bronze
from eventline.silver.dates import ResolvedDate
from eventline.silver.record_dates import DateFailure, date_records, infer_numeric_order
from eventline.silver.segments import Segment, build_segments

KNOWN_UNTIL = date(2026, 11, 1)


def _segments(text: str, order: str | None = None) -> list[Segment]:
    extract = extract_bronze("doc_00000000000000aa", text)
    return build_segments(extract.bullets, extract.narratives, KNOWN_UNTIL, order)


def _dated(segment: Segment) -> tuple[date, date, str]:
    assert isinstance(segment.outcome, ResolvedDate), segment.outcome
    interval = segment.outcome.interval
    return interval.start, interval.end, interval.precision


def _at(segments: list[Segment], line: int, part: int = 0, starts: str = "") -> Segment:
    found = [
        s for s in segments if s.line_start == line and s.part == part and s.text.startswith(starts)
    ]
    assert len(found) == 1, [(s.line_start, s.part, s.text[:40]) for s in segments]
    return found[0]


# --- State Department style: run-in year headings, "•" bullets, narrative paragraphs -------

CRT = "\n".join(
    [
        "Country Reports on Terrorism 2019: Kenya",
        "",
        "Overview: Al-Shabaab kept up attacks in the border counties, which it has targeted"
        " since 2011.",
        "",
        "2019 Terrorist Incidents: Notable incidents included:",
        "• On January 15, al-Shabaab gunmen and a suicide bomber attacked the DusitD2 hotel"
        " complex in Nairobi, killing 21 people.",
        "• Less than 24 hours later, security forces declared the siege over.",
        "• On February 6th, suspected militants killed two teachers in Wajir County; the county"
        " had closed two schools on January 30.",
        "",
        "Militants also struck in Lamu County. On June 15, an IED killed police officers near"
        " the border. On October 12 and 13, raiders burned a school. Two teachers were hurt.",
        "",
    ]
)


def test_state_department_bullets_and_paragraphs_take_the_heading_year() -> None:
    segments = _segments(CRT)
    dusit = _at(segments, 6)
    assert _dated(dusit) == (date(2019, 1, 15), date(2019, 1, 15), "day")
    assert dusit.outcome.anchor == "2019 Terrorist Incidents"
    # read against the bullet before it
    siege = _at(segments, 7)
    assert siege.date_text == "Less than 24 hours later"
    assert _dated(siege) == (date(2019, 1, 15), date(2019, 1, 16), "range")
    # an ordinal, and a second incident after ";" in the pluperfect
    wajir, schools = _at(segments, 8), _at(segments, 8, part=1)
    assert _dated(wajir)[0] == date(2019, 2, 6)
    assert schools.text == "the county had closed two schools on January 30."
    assert (_dated(schools)[0], schools.split) == (date(2019, 1, 30), "clause")
    assert wajir.text.endswith("in Wajir County;")
    # the paragraph after the bullets is still in the 2019 section
    lamu = [s for s in segments if s.line_start == 10]
    assert [_dated(s)[:2] for s in lamu] == [
        (date(2019, 6, 15), date(2019, 6, 15)),
        (date(2019, 10, 12), date(2019, 10, 13)),
    ]
    assert lamu[1].text == "On October 12 and 13, raiders burned a school. Two teachers were hurt."


def test_run_in_heading_is_kept_out_of_the_text() -> None:
    overview = _at(_segments(CRT), 3)
    assert overview.text.startswith("Al-Shabaab kept up attacks")
    assert (overview.date_role, _dated(overview)[0]) == ("since", date(2011, 1, 1))
    assert overview.record["section"] == "Overview"


# --- event notes under month headings glued to the first note -----------------------------

NOTES = "\n".join(
    [
        "LAKE REGION: EVENT NOTES (TEST SAMPLE)",
        "April 2014",
        "On the night of 14 to 15 April, gunmen abducted 276 schoolgirls from the secondary"
        " school in Chibok (Borno). 57 escaped within days.",
        "February 2018",
        "Around 19 February, militants abducted 110 schoolgirls in Dapchi (Yobe). Five of them"
        " died, one of her injuries two days later. Other reports date the raid to 20 February.",
        "The same night, the group looted shops in a nearby village. No casualties reported.",
        "",
    ]
)


def test_notes_take_the_month_heading_and_keep_their_tolls() -> None:
    segments = _segments(NOTES)
    chibok = _at(segments, 3)
    assert _dated(chibok) == (date(2014, 4, 14), date(2014, 4, 15), "range")
    assert chibok.outcome.anchor == "April 2014"
    assert chibok.text.endswith("57 escaped within days.")
    dapchi = _at(segments, 5, starts="Around 19 February")
    assert _dated(dapchi) == (date(2018, 2, 19), date(2018, 2, 19), "day")
    assert dapchi.outcome.approximate
    # The sentences whose dates only lean on this one add to its text (the toll) and are
    # segments of their own that say so.
    assert "Five of them died" in dapchi.text and "Other reports date" in dapchi.text
    toll = _at(segments, 5, starts="Five of them died")
    other = _at(segments, 5, starts="Other reports")
    assert toll.continues == other.continues == dapchi.record_id
    assert _dated(toll)[0] == date(2018, 2, 21)
    assert (other.date_role, _dated(other)[0]) == ("alternative", date(2018, 2, 20))
    # "The same night" is the night of the note before, not of what was added to it.
    looting = _at(segments, 6)
    assert _dated(looting)[:2] == (date(2018, 2, 19), date(2018, 2, 19))
    assert looting.continues is None


# --- wire digest: datelines, weekdays, numeric dates, hard-wrapped at ~78 characters ------

WIRE = """SAHEL WIRE DIGEST (TEST SAMPLE)

OUAGADOUGOU, 07/06/2021 (Test Wire) - Gunmen killed at least 132 villagers in
Solhan, in Yagha province near the border with Niger, during the night of
Friday to Saturday, the government said. The toll was raised on 14/06/2021.

OUAGADOUGOU, Nov. 16, 2021 (Test Wire) - Gunmen killed 49 military police
officers and four civilians when they attacked a gendarmerie post at Inata
early on Sunday, the government said on Tuesday. Two days earlier, on
Friday, an army convoy was ambushed near Djibo, in the Soum province.

OUAGADOUGOU, Nov. 20 (Test Wire) - Hundreds marched in the capital to protest
against the attack on the post last week. Last month, a patrol was ambushed.
"""


def test_wire_items_count_from_their_dateline() -> None:
    segments = _segments(WIRE)
    solhan = _at(segments, 3)
    # "07/06/2021" is day-first: the digest also writes "14/06/2021".
    assert _dated(solhan) == (date(2021, 6, 4), date(2021, 6, 5), "range")
    assert solhan.record["dateline"] == "OUAGADOUGOU, 07/06/2021 (Test Wire) -"
    assert solhan.text.startswith("Gunmen killed at least 132 villagers")
    assert _dated(_at(segments, 5, starts="The toll was raised"))[0] == date(2021, 6, 14)
    inata = _at(segments, 7)
    assert (inata.date_text, _dated(inata)[0]) == ("Sunday", date(2021, 11, 14))
    assert inata.outcome.anchor == "dateline 2021-11-16"
    djibo = _at(segments, 9, starts="Two days earlier")
    assert _dated(djibo)[0] == date(2021, 11, 12)  # the Friday, read from the dateline
    # a dateline without a year takes the year of the item before
    march = _at(segments, 12)
    assert _dated(march) == (date(2021, 11, 8), date(2021, 11, 14), "range")
    assert _dated(_at(segments, 13, starts="Last month"))[:2] == (
        date(2021, 10, 1),
        date(2021, 10, 31),
    )


def test_reported_date_is_not_the_event_date() -> None:
    inata = _at(_segments(WIRE), 7)
    assert "said on Tuesday" in inata.text
    assert inata.date_role == "event"


# --- UN report: numbered paragraphs, a reporting period, letter headings, wrapped ---------

UN = """United Nations - Security Council
Report of the Secretary-General on a test region (development sample; not an official document)

I. Introduction
1. The present report covers the period from 1 January to 30 June 2016 and describes security
developments in the coastal States and in the central Sahel, with events that followed it.

II. Security developments
A. Coastal States
2. On 13 March, gunmen attacked three hotels at the beach resort of Grand-Bassam, killing 19
people. That day, the Government declared three days of national mourning for the victims.
B. Central Sahel
3. On 15 January, gunmen attacked a hotel and a café in Ouagadougou; 30 people were killed. He
was placed under arrest on 3 February and on 9 February was charged with complicity.
4. On 2 July, after the end of the reporting period, a patrol was ambushed near the border.
"""


def test_reporting_period_gives_the_year() -> None:
    segments = _segments(UN)
    bassam = _at(segments, 10)
    assert bassam.text.startswith("On 13 March, gunmen attacked")  # the number is not text
    assert _dated(bassam)[0] == date(2016, 3, 13)
    assert bassam.outcome.anchor == "reporting period 1 January to 30 June 2016"
    assert _dated(_at(segments, 11, starts="That day"))[0] == date(2016, 3, 13)
    assert _dated(_at(segments, 13, starts="On 15 January"))[0] == date(2016, 1, 15)
    arrest, charge = _at(segments, 13, part=0, starts="He"), _at(segments, 14, part=1)
    assert arrest.text == "He was placed under arrest on 3 February"
    assert charge.text == "and on 9 February was charged with complicity."
    assert (_dated(arrest)[0], _dated(charge)[0]) == (date(2016, 2, 3), date(2016, 2, 9))
    # after the period: the nearest year
    assert _dated(_at(segments, 15))[0] == date(2016, 7, 2)


# --- timelines with numeric and ISO labels ------------------------------------------------

LABELS = """Test timeline

- **2021-06-15:** Gunmen attack a market. Source: [A](#)
- 14/06/2021: Militants ambush a convoy.
- **06/05/2021:** Soldiers repel an attack on a post.
- 2021/06/01: An explosive device strikes a truck.
"""


def test_numeric_labels_follow_the_documents_order() -> None:
    segments = {s.line_start: s for s in _segments(LABELS)}
    assert _dated(segments[3])[0] == date(2021, 6, 15)
    assert _dated(segments[4])[0] == date(2021, 6, 14)
    assert _dated(segments[5])[0] == date(2021, 5, 6)  # day-first, as 14/06/2021 shows
    unread = segments[6].outcome
    assert isinstance(unread, DateFailure)
    assert unread.reason == "date label not understood: '2021/06/01'"


def test_ambiguous_numeric_dates_are_quarantined_with_that_reason() -> None:
    text = "Test timeline\n\n- **06/05/2021:** Soldiers repel an attack on a post.\n"
    (segment,) = _segments(text)
    assert isinstance(segment.outcome, DateFailure)
    assert segment.outcome.reason.startswith("ambiguous numeric date '06/05/2021'")
    # a configured order settles it
    (configured,) = _segments(text, order="mdy")
    assert _dated(configured)[0] == date(2021, 6, 5)


def test_a_stated_convention_wins() -> None:
    rows = [{"text": "All dates are written dd/mm/yyyy.", "kind": "narrative"}]
    assert infer_numeric_order(rows) == "dmy"
    both = [{"text": "on 14/06/2021 and on 06/14/2021", "kind": "narrative"}]
    assert infer_numeric_order(both) is None


def test_date_records_gives_each_bronze_record_its_first_segment() -> None:
    extract = extract_bronze("doc_00000000000000ab", CRT)
    outcomes = date_records(extract.bullets, extract.narratives, KNOWN_UNTIL)
    assert set(outcomes) == {r["record_id"] for r in [*extract.bullets, *extract.narratives]}


@pytest.mark.parametrize("fixture", [CRT, NOTES, WIRE, UN, LABELS])
def test_every_record_is_a_segment_and_ids_are_stable(fixture: str) -> None:
    extract = extract_bronze("doc_00000000000000ac", fixture)
    records = {r["record_id"]: r for r in [*extract.bullets, *extract.narratives]}
    segments = build_segments(extract.bullets, extract.narratives, KNOWN_UNTIL)
    assert {s.bronze_record_id for s in segments} == set(records)
    assert len({s.record_id for s in segments}) == len(segments)
    for segment in segments:
        record = records[segment.bronze_record_id]
        assert (segment.part == 0) == (segment.record_id == segment.bronze_record_id)
        assert record["line_start"] <= segment.line_start <= segment.line_end
        assert segment.text.strip()
    again = build_segments(extract.bullets, extract.narratives, KNOWN_UNTIL)
    assert [(s.record_id, s.text, s.outcome) for s in again] == [
        (s.record_id, s.text, s.outcome) for s in segments
    ]


# --- prose under year headings that stand alone on their line -----------------------------

YEARS = """Burkina Faso: Attacks on Civilians

2021

In the early hours of 5 June, gunmen killed at least 132 people in Solhan. Two days later, survivors reached Sebba.
On Sunday, November 14, militants overran the gendarmerie post at Inata. Fifty-three people were killed.

2022

On the night of 11 to 12 June, gunmen killed dozens of civilians in Seytenga. In a second attack on the same day, militants burned a market near Dori.
"""  # noqa: E501


def test_year_headings_date_the_paragraphs_under_them() -> None:
    extract = extract_bronze("doc_00000000000000ad", YEARS)
    headings = [row["line_no"] for row in extract.lines if row["line_class"] == "heading"]
    assert headings == [1, 3, 8]  # the years are headings, not page numbers
    segments = _segments(YEARS)
    assert [(_dated(s)[:2], s.date_text) for s in segments] == [
        ((date(2021, 6, 5), date(2021, 6, 5)), "5 June"),
        ((date(2021, 6, 7), date(2021, 6, 7)), "Two days later"),
        ((date(2021, 11, 14), date(2021, 11, 14)), "November 14"),  # the date, not the weekday
        ((date(2022, 6, 11), date(2022, 6, 12)), "11 to 12 June"),
        ((date(2022, 6, 11), date(2022, 6, 12)), "the same day"),
    ]


def test_an_unreadable_dateline_is_named_in_the_reason() -> None:
    text = (
        "Niger briefs\n\nNIAMEY, 03/01/2021 - Gunmen killed about 100 villagers in Tchoma Bangou"
        " on Saturday, the prime minister said.\n"
    )
    (segment,) = _segments(text)
    assert isinstance(segment.outcome, DateFailure)
    assert "dateline 'NIAMEY, 03/01/2021 -': ambiguous numeric date" in segment.outcome.reason
    (configured,) = _segments(text, order="dmy")
    assert _dated(configured)[0] == date(2021, 1, 2)


def test_a_weekday_naming_a_thing_is_no_incident_of_its_own() -> None:
    # "a Sunday service" is not "Saturday's attack": the sentence tells one incident.
    text = (
        "2019\n\nOn 1 December, armed men opened fire on worshippers during a Sunday service"
        " at a church in a village and killed 14 people.\n"
    )
    (segment,) = _segments(text)
    assert _dated(segment) == (date(2019, 12, 1), date(2019, 12, 1), "day")
    assert segment.text.endswith("killed 14 people.")


def test_a_later_sentence_opening_with_a_place_then_its_date_is_another_incident() -> None:
    text = (
        "2023 Terrorist Incidents:\n\n• On June 13, an IED killed four soldiers in one county."
        " In Lamu County on that day, another IED killed two soldiers.\n"
    )
    segments = _segments(text)
    assert [(s.part, _dated(s)[:2]) for s in segments] == [
        (0, (date(2023, 6, 13), date(2023, 6, 13))),
        (1, (date(2023, 6, 13), date(2023, 6, 13))),
    ]
    assert segments[1].text.startswith("In Lamu County on that day")


# --- A monitor's monthly entries: the month is named only in the title ---------------------

MONITOR = "\n".join(
    [
        "CONFLICT MONITOR — SAHEL, MARCH 2023",
        "",
        "Mali",
        "On 3 March, gunmen ambushed a convoy near Douentza, killing eight soldiers. Two days"
        " later, militants abducted four traders near Boni.",
        "",
        "Niger",
        "Authorities on 10 March extended the state of emergency in two regions.",
        "",
    ]
)


def test_a_titles_month_dates_sections_whose_headings_name_none() -> None:
    extract = extract_bronze("doc_00000000000000ab", MONITOR)
    assert extract.title == "CONFLICT MONITOR — SAHEL, MARCH 2023"
    dated = build_segments(
        extract.bullets,
        extract.narratives,
        KNOWN_UNTIL,
        titles={"doc_00000000000000ab": extract.title},
    )
    ambush, abduction = _at(dated, 4, starts="On 3 March"), _at(dated, 4, starts="Two days")
    assert _dated(ambush) == (date(2023, 3, 3), date(2023, 3, 3), "day")
    assert ambush.outcome.anchor == "title CONFLICT MONITOR — SAHEL, MARCH 2023"
    assert _dated(abduction) == (date(2023, 3, 5), date(2023, 3, 5), "day")
    assert _dated(_at(dated, 7)) == (date(2023, 3, 10), date(2023, 3, 10), "day")
    # Without the title nothing gives these dates a year: they are quarantined.
    undated = build_segments(extract.bullets, extract.narratives, KNOWN_UNTIL)
    (emergency,) = [s.outcome for s in undated if s.line_start == 7]
    assert isinstance(emergency, DateFailure)


# --- Two dated predicates in one sentence -----------------------------------------------

TWO_PREDICATES = (
    "2025\n\nRebels took Abaville on 21 January and entered Betatown on 27 January after days"
    " of fighting. The fighting between 14 and 16 March killed five people. Gunmen attacked"
    " Cetown on 5 May, in an offensive which began on 3 May. Soldiers arrested five men on"
    " 2 June and released them on 9 June.\n"
)


def test_two_predicates_with_their_own_dates_are_two_incidents() -> None:
    segments = _segments(TWO_PREDICATES)
    took, entered = [s for s in segments if "Abaville" in s.text or "Betatown" in s.text]
    assert took.text == "Rebels took Abaville on 21 January"
    assert _dated(took) == (date(2025, 1, 21), date(2025, 1, 21), "day")
    assert entered.text.startswith("and entered Betatown on 27 January")
    assert (entered.part, entered.split) == (1, "clause")
    assert _dated(entered) == (date(2025, 1, 27), date(2025, 1, 27), "day")


def test_a_range_a_reference_or_a_second_verb_of_no_event_stay_one() -> None:
    segments = _segments(TWO_PREDICATES)
    # "between 14 and 16 March" is one range; "which began on 3 May" dates the offensive;
    # "released them on 9 June" opens with no verb of violence or control.
    rest = [s for s in segments if not ("Abaville" in s.text or "Betatown" in s.text)]
    assert [(s.part, _dated(s)[:2]) for s in rest] == [
        (0, (date(2025, 3, 14), date(2025, 3, 16))),
        (0, (date(2025, 5, 5), date(2025, 5, 5))),
        (0, (date(2025, 6, 2), date(2025, 6, 2))),
    ]


# --- A second predicate dated relative to the first ----------------------------------------

RELATIVE_PREDICATES = (
    "2024\n\nThe foreign contingent pulled out of Abaville on 21 October and out of Betatown"
    " two days later. Rebels raided Cetown on 3 May and attacked Deeville the next day."
    " Police detained a journalist on 8 June and freed him two days later.\n"
)


def test_a_second_predicate_dated_relative_to_the_first_is_its_own_incident() -> None:
    segments = _segments(RELATIVE_PREDICATES)
    first, second = [s for s in segments if "Abaville" in s.text or "Betatown" in s.text]
    assert first.text == "The foreign contingent pulled out of Abaville on 21 October"
    assert second.text.startswith("and out of Betatown two days later")
    # The verb of "out of Betatown" is the first clause's: it says which clause that is.
    assert (second.split, second.elides) == ("elided", first.record_id)
    assert first.elides is None
    assert _dated(first) == (date(2024, 10, 21), date(2024, 10, 21), "day")
    assert _dated(second) == (date(2024, 10, 23), date(2024, 10, 23), "day")
    raided, attacked = [s for s in segments if "Cetown" in s.text or "Deeville" in s.text]
    assert raided.text == "Rebels raided Cetown on 3 May"
    assert attacked.text.startswith("and attacked Deeville the next day")
    assert (attacked.split, attacked.elides) == ("clause", None)
    assert _dated(attacked) == (date(2024, 5, 4), date(2024, 5, 4), "day")
    # "freed him" is no verb of violence or control and names no other place: one incident.
    (detained,) = [s for s in segments if "journalist" in s.text]
    assert detained.part == 0
    assert _dated(detained) == (date(2024, 6, 8), date(2024, 6, 8), "day")
