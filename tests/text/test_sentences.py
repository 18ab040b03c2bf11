from __future__ import annotations

from eventline.text.sentences import split_sentences


def test_abbreviations_do_not_end_sentences() -> None:
    text = (
        "The U.S. Department of State offered a bounty. Mohamed Toure, the U.N. High "
        "Commissioner, spoke on Sept. 5, 2019 in Bamako. Dr. Diawara was kidnapped."
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "The U.S. Department of State offered a bounty.",
        "Mohamed Toure, the U.N. High Commissioner, spoke on Sept. 5, 2019 in Bamako.",
        "Dr. Diawara was kidnapped.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_titles_initials_and_numbers() -> None:
    text = "Gen. Smith met Michael J. Riddering at 5 p.m. on Monday. No. 5 was hit. Then we left."
    assert [s.text for s in split_sentences(text)] == [
        "Gen. Smith met Michael J. Riddering at 5 p.m. on Monday.",
        "No. 5 was hit.",
        "Then we left.",
    ]


def test_dotted_abbreviation_ends_a_sentence_before_a_sentence_starter() -> None:
    assert [s.text for s in split_sentences("Troops left the U.S. The army stayed.")] == [
        "Troops left the U.S.",
        "The army stayed.",
    ]
    assert len(split_sentences("Troops of the U.S. Army stayed.")) == 1


def test_quotations_stay_whole_unless_asked() -> None:
    text = "He said: “Mali is a front. People go there.” Then he left."
    assert [s.text for s in split_sentences(text)] == [
        "He said: “Mali is a front. People go there.”",
        "Then he left.",
    ]
    lead = split_sentences(text, within_quotes=True)[0]
    assert lead.text == "He said: “Mali is a front."


def test_a_closing_quote_before_a_bracket_does_not_end_the_sentence() -> None:
    text = "They cited “poverty.” (Sources: [AFP](#)) Mali is a member."
    assert [s.text for s in split_sentences(text)] == [text]


def test_numbered_items_open_sentences() -> None:
    text = "B. Chad 6. On 20 April, the army spoke. 7. On 27 April, crowds marched."
    assert [s.text for s in split_sentences(text)] == [
        "B. Chad",
        "6. On 20 April, the army spoke.",
        "7. On 27 April, crowds marched.",
    ]
    # A lone number after a lower-case word is a count, not an item.
    assert [s.text for s in split_sentences("Gunmen kill 6. Police arrive.")] == [
        "Gunmen kill 6.",
        "Police arrive.",
    ]


def test_exclamation_before_lower_case_and_line_breaks() -> None:
    assert len(split_sentences("Done! the end")) == 1
    assert [s.text for s in split_sentences("first line\nsecond line")] == [
        "first line",
        "second line",
    ]


def test_a_lone_quote_in_a_long_text_is_bounded() -> None:
    """A stray opening quote cannot glue the rest of a long paragraph into one sentence."""
    text = "He said “no. " + "Troops left. " * 200
    assert len(split_sentences(text)) > 150
