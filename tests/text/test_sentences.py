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
