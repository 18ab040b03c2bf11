"""Silver drafts of fixed reports, compared with a reviewed snapshot: a speed-up must not move
a single place, figure, type or date.

The snapshot (``tests/fixtures/snapshots/silver_drafts.csv``) holds, for every drafted
record of the sample, the fixture reports and the two held-out reports, the columns the
per-document pass computes. When a change is meant to alter them, rewrite it with
``.venv/bin/python -m tests.silver.test_silver_snapshot`` and review the diff like code.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from eventline.bronze.decoder import DecodedDocument, decode_document
from eventline.bronze.extractor import extract_bronze
from eventline.silver.builder import draft_document
from eventline.silver.event_types import default_classifier
from eventline.silver.places import default_gazetteer
from tests.paths import FIXTURES, SAMPLE, SAMPLE_KNOWN_UNTIL

SNAPSHOT = FIXTURES / "snapshots" / "silver_drafts.csv"
REPORTS = (
    SAMPLE,
    FIXTURES / "crt_mali_2021.txt",
    FIXTURES / "prose_report.txt",
    *sorted((FIXTURES / "heldout").glob("*.txt")),
)
COLUMNS = (
    "record_id", "line_start", "part", "kind", "date_start", "date_end", "date_precision",
    "record_class", "class_reason", "killed", "killed_low", "killed_high", "injured",
    "kidnapped", "assailants_killed", "fatalities", "location_text", "location", "place_id",
    "location_precision", "admin1", "admin2", "country_code", "geo_precision", "where_prec",
    "places_text", "unknown_places", "event_type", "sub_event_type", "event_rule",
)  # fmt: skip


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "|".join(str(v) for v in value)
    return str(value)


def _rows() -> Iterator[list[str]]:
    for index, path in enumerate(REPORTS):
        decoded = decode_document(path.read_bytes())
        assert isinstance(decoded, DecodedDocument)
        doc_id = f"doc_{index:016x}"
        extract = extract_bronze(doc_id, decoded.text)
        draft = draft_document(
            {"doc_id": doc_id, "title": extract.title},
            extract.bullets,
            extract.narratives,
            SAMPLE_KNOWN_UNTIL,
            default_gazetteer(),
            default_classifier(),
        )
        for record in draft.records:
            yield [path.name, *(_cell(record.get(column)) for column in COLUMNS)]
        for row in draft.quarantine:
            yield [path.name, _cell(row.get("record_id")), _cell(row.get("line_start"))]


def render() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["report", *COLUMNS])
    writer.writerows(_rows())
    return out.getvalue()


def test_silver_drafts_match_the_snapshot() -> None:
    expected = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    actual = render().splitlines()
    changed = [(e, a) for e, a in zip(expected, actual, strict=False) if e != a]
    assert not changed, f"{len(changed)} rows differ, first:\n- {changed[0][0]}\n+ {changed[0][1]}"
    assert len(actual) == len(expected)
    # The sample drafts 357 records (see test_silver_sample); every report drafts some.
    reports = [line.split(",", 1)[0] for line in actual[1:]]
    assert reports.count(SAMPLE.name) == 357
    assert set(reports) == {path.name for path in REPORTS}


if __name__ == "__main__":
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(render(), encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
