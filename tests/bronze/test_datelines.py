from __future__ import annotations

import pytest

from eventline.bronze.datelines import find_dateline
from eventline.bronze.extractor import extract_bronze


@pytest.mark.parametrize(
    ("text", "dateline", "date_text"),
    [
        (
            "NIAMEY, March 9, 2021 (Test Wire) - Gunmen",
            "NIAMEY, March 9, 2021 (Test Wire) -",
            "March 9, 2021",
        ),
        ("N'DJAMENA, 10 May 2021 - The army", "N'DJAMENA, 10 May 2021 -", "10 May 2021"),
        ("ABIDJAN, 11/06/2021 (Test) — Gunmen", "ABIDJAN, 11/06/2021 (Test) —", "11/06/2021"),
        ("GAROWE, Somalia, Sept. 3 (Test) - A car", "GAROWE, Somalia, Sept. 3 (Test) -", "Sept. 3"),
    ],
)
def test_datelines(text: str, dateline: str, date_text: str) -> None:
    found = find_dateline(text)
    assert found is not None
    assert (found.text, found.date_text) == (dateline, date_text)
    assert text[found.end :][:1].isupper()


@pytest.mark.parametrize(
    "text",
    [
        "MALI, the army said on Monday - nothing else",  # no date after the place
        "On March 9, 2021, gunmen attacked",  # a sentence, not a dateline
        "UN, March 9, 2021 - two letters are not a place",
        "NIAMEY, March 9, 2021, gunmen attacked",  # no dash after the date
    ],
)
def test_not_datelines(text: str) -> None:
    assert find_dateline(text) is None


def test_the_dateline_is_kept_beside_the_records_not_in_their_text() -> None:
    text = (
        "Digest\n\nNIAMEY, March 9, 2021 (Test Wire) - Gunmen raided three villages on Monday."
        " The toll was not known.\n"
    )
    (row,) = extract_bronze("doc_00000000000000d1", text).narratives
    assert row["dateline"] == "NIAMEY, March 9, 2021 (Test Wire) -"
    assert row["text"] == "Gunmen raided three villages on Monday."
    assert row["passage"] == "Gunmen raided three villages on Monday. The toll was not known."
    assert row["line_offsets"] == [0] and row["line_numbers"] == [3]
