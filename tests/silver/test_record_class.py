"""Events and context: the reviewed rules on sentences of our own."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, cast

import pytest

from eventline.silver.record_class import (
    CONTEXT,
    EVENT,
    RULES_COLUMNS,
    ClassRule,
    RecordClassifier,
    default_record_classifier,
    grain_of,
    marked_sentence,
)
from tests.counting import CountingPattern


@pytest.mark.parametrize(
    ("text", "date_text", "grain", "rule_id"),
    [
        # The document's own dates.
        (
            "The present report covers the period from 1 March to 31 August 2023.",
            "1 March to 31 August 2023",
            "long",
            "document-meta",
        ),
        ("These notes were last revised in June 2023.", "June 2023", "month", "document-meta"),
        # Plans, deadlines, requests.
        ("The mission is due to leave by December 2024.", "December 2024", "month", "planned"),
        ("The bloc asked the junta to hand over power from 1 July.", "1 July", "day", "planned"),
        # Durations: since, as of, until, onwards, by (a state).
        ("The group has fought the army since 2012.", "since 2012", "year", "durative"),
        (
            "As of March 2023, the group has about 2,000 fighters.",
            "March 2023",
            "month",
            "durative",
        ),
        ("Attacks spread east from 2016 onwards.", "2016", "year", "durative"),
        ("By May 2021, up to 500 fighters were in the camps.", "May 2021", "month", "by-state"),
        # Commemorations, elections, polls, tallies.
        (
            "At the anniversary on 5 May, the minister decorated 20 soldiers.",
            "5 May",
            "day",
            "commemoration",
        ),
        (
            "Jane Doe, elected president in March 2021, vowed to end the war.",
            "March 2021",
            "month",
            "election",
        ),
        ("The referendum of June 2023 was boycotted.", "June 2023", "month", "election"),
        (
            "A June 2022 poll found that 61 percent backed the talks.",
            "June 2022",
            "month",
            "poll-statistics",
        ),
        (
            "A May 2023 report recorded 412 incidents across the region.",
            "May 2023",
            "month",
            "tally",
        ),
        # Coarse dates: a summary of a year, background, or a concrete incident.
        (
            "In 2020, militants carried out hundreds of attacks in the north.",
            "2020",
            "year",
            "summary",
        ),
        (
            "In 2019, the country joined a regional counterterrorism framework.",
            "2019",
            "year",
            "coarse-date",
        ),
        (
            "In 2019, gunmen kidnapped two aid workers near the border.",
            "2019",
            "year",
            "coarse-incident",
        ),
        # Background dates of laws, plans, parties and terms of office.
        ("The region was created by a 2018 decree.", "2018", "year", "background-origin"),
        (
            "The initiative, launched in March 2017, has six members.",
            "March 2017",
            "month",
            "background-origin",
        ),
        (
            "In May, the former minister joined a small opposition party.",
            "May",
            "month",
            "party-politics",
        ),
        (
            "In June 2021, the ministry adopted a national strategy against radicalisation.",
            "June 2021",
            "month",
            "policy",
        ),
        ("Violence escalated in March 2022 across the province.", "March 2022", "month", "trend"),
        # A state dated by the event it runs from; an example of a summary of attacks.
        (
            "Zarda has been a target of the group since the army entered the valley in October"
            " 2011.",
            "October 2011",
            "month",
            "since-clause",
        ),
        (
            "The group has struck the capital several times, most notoriously at a mall in"
            " September 2013, where 67 people died.",
            "September 2013",
            "month",
            "repeated-example",
        ),
        (
            "The rebels claimed the ambush the following day.",
            "the following day",
            "day",
            "claim-after-incident",
        ),
        (
            "The militia, which claimed the raid three days later, said it had killed 40.",
            "three days later",
            "day",
            "claim-after-incident",
        ),
        (
            "The ministry confirmed the death toll in a communiqué two days later.",
            "two days later",
            "day",
            "claim-after-incident",
        ),
    ],
)
def test_context_and_event_rules(text: str, date_text: str, grain: str, rule_id: str) -> None:
    decision = default_record_classifier().classify(text, date_text, grain)
    assert decision.rule_id == rule_id, decision
    expected = EVENT if rule_id == "coarse-incident" else CONTEXT
    assert decision.record_class == expected


@pytest.mark.parametrize(
    ("text", "date_text"),
    [
        ("On 12 June, gunmen ambushed a patrol near Tera.", "12 June"),
        (
            "The insurgency began in October 2017, when militants attacked police posts.",
            "October 2017",
        ),
        ("Benin had seen no attack since 2019, when two tourists were kidnapped.", "since 2019"),
        ("On 3 March, the opposition leader was arrested in Dakar.", "3 March"),
        ("On 9 April, the president said troops would leave the coalition.", "9 April"),
        ("The next day, the bloc's envoys met the junta.", "The next day"),
        # A claim told with its own date is the only record of the incident it names.
        ("On 14 May, the group claimed responsibility for a blast in Mopti.", "14 May"),
        ("Fighters attacked the convoy the next day, killing three drivers.", "the next day"),
    ],
)
def test_dated_incidents_and_statements_are_events(text: str, date_text: str) -> None:
    grain = "year" if date_text.endswith("2019") else "day"
    decision = default_record_classifier().classify(text, date_text, grain)
    assert decision.record_class == EVENT, decision


def test_the_rules_read_the_date_s_own_clause() -> None:
    # "since 2021" is context, but the record's date is the deployment's.
    text = "Benin has lost 120 soldiers since 2021 and sent 3,000 troops north in January 2022."
    classifier = default_record_classifier()
    assert classifier.classify(text, "since 2021", "year").record_class == CONTEXT
    assert classifier.classify(text, "in January 2022", "month").record_class == EVENT
    assert marked_sentence(text, "in January 2022").endswith("sent 3,000 troops north in @DATE@.")


@pytest.mark.parametrize(
    ("precision", "start", "end", "grain"),
    [
        ("day", date(2022, 1, 1), date(2022, 1, 1), "day"),
        ("range", date(2022, 1, 1), date(2022, 1, 20), "day"),
        ("range", date(2022, 1, 1), date(2022, 2, 15), "month"),
        ("range", date(2022, 1, 1), date(2022, 6, 30), "long"),
        ("month", date(2022, 1, 1), date(2022, 1, 31), "month"),
        ("year", date(2022, 1, 1), date(2022, 12, 31), "year"),
        ("bounded", date(2022, 1, 1), date(2022, 9, 30), "day"),
    ],
)
def test_grain_of_a_date(precision: str, start: date, end: date, grain: str) -> None:
    assert grain_of(precision, start, end) == grain


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "rules.csv"
    path.write_text(",".join(RULES_COLUMNS) + "\n" + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("10,x,ctx,,,a,r\n", "record_class must be one of"),
        ("10,x,context,week,,a,r\n", "grains must be among"),
        ("10,x,context,,sometimes,a,r\n", "roles must be among"),
        ("10,x,context,,,,r\n", "a rule without a pattern must name its grains or roles"),
        ("10,x,context,,,a,\n", "the reason is required"),
        ("10,x,context,,,(a,r\n", "invalid pattern"),
        ("10,x,context,,,.*,r\n", "matches empty text"),
        ("10,x,context,,,a,r\n10,y,event,,,b,r\n", "priority 10 already used by 'x'"),
    ],
)
def test_a_bad_rule_table_is_refused(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        RecordClassifier.from_csv(_write(tmp_path, body))


def test_a_valid_table_decides_by_priority_and_defaults_to_event(tmp_path: Path) -> None:
    classifier = RecordClassifier.from_csv(
        _write(
            tmp_path,
            "20,b,context,,,\\bsince\\b,durative\n10,a,event,year,,\\bkilled\\b,x\n"
            "30,c,context,,planned,,a plan\n",
        )
    )
    assert classifier.classify("Killed since 2019.", "2019", "year").rule_id == "a"
    assert classifier.classify("Killed since 2019.", "2019", "day").rule_id == "b"
    default = classifier.classify("Gunmen attacked.", None, "day")
    assert (default.record_class, default.rule_id) == (EVENT, None)
    assert classifier.classify("Gunmen attacked.", None, "day", "planned").rule_id == "c"


@pytest.mark.parametrize(
    ("text", "date_text", "role", "rule_id"),
    [
        (
            "Elections are due in December 2025 across the region.",
            "December 2025",
            "planned",
            "planned",
        ),
        ("The mission's mandate runs from July 2021.", "July 2021", "from", "since-role"),
        (
            "Jane Doe, sworn in in June 2021, named a cabinet.",
            "June 2021",
            "appositive",
            "appositive-role",
        ),
    ],
)
def test_the_segmenter_s_date_roles_decide_too(
    text: str, date_text: str, role: str, rule_id: str
) -> None:
    decision = default_record_classifier().classify(text, date_text, "month", role)
    assert (decision.record_class, decision.rule_id) == (CONTEXT, rule_id)


def test_a_rule_is_searched_only_where_its_words_are() -> None:
    """A pattern's required words are tested first: "a plan to" is not searched for in a
    sentence without "plan", and is searched (and decides) in one with it."""
    plan = CountingPattern(r"\bplans? to\b")
    classifier = RecordClassifier(
        [ClassRule(10, "plan", CONTEXT, frozenset(), cast(Any, plan), "r")]
    )
    assert classifier.classify("Gunmen attacked Kati on 3 May.", "3 May").rule_id is None
    assert plan.searches == 0
    assert (
        classifier.classify("On 3 May the army announced plans to leave.", "3 May").rule_id
        == "plan"
    )
    assert plan.searches == 1
