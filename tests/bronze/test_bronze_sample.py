"""Figures of the bundled Mali report, each checked by reading the file itself."""

from __future__ import annotations

from collections import Counter

from eventline.bronze.extractor import BronzeExtract
from eventline.quality.conservation import check_line_accounting


def _bullet_at(extract: BronzeExtract, line: int) -> dict:
    return next(b for b in extract.bullets if b["line_start"] == line)


def test_every_timeline_bullet_is_kept(sample_extract: BronzeExtract) -> None:
    # 186 lines open with "- " and text (grep -cE '^\s*- \S'); 179 carry a bold date label.
    assert len(sample_extract.bullets) == 186
    forms = Counter(b["label_form"] for b in sample_extract.bullets)
    assert forms == {"bold": 179, "missing": 6, "lost": 1}


def test_undated_bullets_keep_an_empty_label(sample_extract: BronzeExtract) -> None:
    undated = [b["line_start"] for b in sample_extract.bullets if b["date_text"] == ""]
    assert undated == [153, 216, 305, 307, 309, 317, 324]
    lost = _bullet_at(sample_extract, 305)
    assert lost["text"].startswith("Islamists destroy UNESCO world heritage sites")
    assert lost["sources"] == ["Atlantic"]
    indented = _bullet_at(sample_extract, 153)
    assert indented["text"].startswith("Three IED attacks throughout the month")


def test_range_labels_exactly_as_written(sample_extract: BronzeExtract) -> None:
    ranges = [b["date_text"] for b in sample_extract.bullets if " - " in b["date_text"]]
    assert len(ranges) == 10
    assert "March 27, 2022 - March 31, 2022" in ranges
    assert "January 16, 2013 - January 19, 2013" in ranges


def test_bullets_split_across_pages_are_reassembled(sample_extract: BronzeExtract) -> None:
    treasury = _bullet_at(sample_extract, 121)
    assert (treasury["line_start"], treasury["line_end"]) == (121, 126)
    assert treasury["date_text"] == "July 24, 2023"
    assert "activities in Mali. Colonel Sadio Camara, who is Mali's" in treasury["text"]
    assert treasury["sources"] == ["U.S. Department of the Treasury"]
    trial = _bullet_at(sample_extract, 200)
    assert trial["line_end"] == 204
    assert "as revenge for French satirical magazine" in trial["text"]
    assert trial["sources"] == ["BBC News", "Agence France Presse", "U.S. Department of Justice"]
    mourdiah = _bullet_at(sample_extract, 173)
    assert mourdiah["line_end"] == 178
    assert "Mali: Extremism and Terrorism" not in mourdiah["text"]


def test_source_on_the_next_line(sample_extract: BronzeExtract) -> None:
    bullet = _bullet_at(sample_extract, 303)
    assert bullet["line_end"] == 304
    assert bullet["date_text"] == "November 20, 2012"
    assert bullet["sources"] == ["Agence France-Presse"]
    assert bullet["text"].endswith("in Diema in the Kayes region.")


def test_every_bullet_cites_its_sources(sample_extract: BronzeExtract) -> None:
    assert all(b["sources"] for b in sample_extract.bullets)
    first = _bullet_at(sample_extract, 93)
    assert first["date_text"] == "September 17, 2024"
    assert first["sources"] == ["Defense Post", "France 24"]
    assert "killing 77 and wounding 255 others" in first["text"]


def test_bullets_of_2024(sample_extract: BronzeExtract) -> None:
    # Lines 93-107 hold the 2024 bullets, two on April 29 and three ranges or days in April.
    labels = [b["date_text"] for b in sample_extract.bullets if b["date_text"].endswith("2024")]
    assert len(labels) == 12
    assert labels.count("April 29, 2024") == 2


def test_line_accounting(sample_text: str, sample_extract: BronzeExtract) -> None:
    check_line_accounting(sample_text, (row["line_no"] for row in sample_extract.lines))
    classes = Counter(row["line_class"] for row in sample_extract.lines)
    # 316 non-blank lines: 20 title lines (1 title, 19 page headers), 5 stray "-" lines,
    # 186 bullets + 14 bullet continuation/source lines, 17 headings.
    assert sum(classes.values()) == 316
    assert classes == {"bullet": 200, "narrative": 74, "heading": 18, "artifact": 24}
    details = Counter(row["detail"] for row in sample_extract.lines)
    assert details["running_header"] == 19
    assert details["stray_marker"] == 5


def test_dated_sentences_of_one_paragraph(sample_extract: BronzeExtract) -> None:
    # Line 53 has eight sentences; five carry dates (May 7, 2020; April 17; May 5;
    # May 28; June 4, 2020).
    texts = [n["date_text"] for n in sample_extract.narratives if n["line_start"] == 53]
    assert texts == ["May 7, 2020", "April 17", "May 5", "May 28", "June 4, 2020"]
    # Line 91: April 22, 2016; October 27, 2020; October 29; December 9, 2022; December 10.
    texts = [n["date_text"] for n in sample_extract.narratives if n["line_start"] == 91]
    assert texts == [
        "April 22, 2016",
        "October 27, 2020",
        "October 29",
        "December 9, 2022",
        "December 10",
    ]


def test_narrative_examples(sample_extract: BronzeExtract) -> None:
    by_text = {n["text"][:40]: n for n in sample_extract.narratives}
    first = by_text["On April 29, 2024, Mali's armed forces c"]
    assert first["line_start"] == 5
    assert first["sources"] == ["New York Times", "Rewards for Justice"]
    assert by_text["In June 2017, Mali implemented its first"]["section"] == (
        "National Programs to Counter Extremism"
    )
    later = by_text["Later that month, the Economic Community"]
    assert later["date_expressions"] == ["Later that month"]


def test_sentence_after_a_page_break_keeps_its_line(sample_extract: BronzeExtract) -> None:
    # The paragraph of line 367 continues on line 371 after the page header.
    pact = next(n for n in sample_extract.narratives if n["text"].startswith("On September 16,"))
    assert (pact["line_start"], pact["line_end"]) == (371, 371)
    assert pact["section"] == "Military Endeavors"
    assert pact["sources"] == ["France 24", "Africa News", "Agence France-Presse", "Reuters"]


def test_bullets_keep_their_inner_date_expressions(sample_extract: BronzeExtract) -> None:
    ogossagou = _bullet_at(sample_extract, 245)
    assert ogossagou["date_text"] == "March 23, 2019"
    assert ogossagou["date_expressions"] == ["March 24"]
