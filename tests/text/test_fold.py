from __future__ import annotations

import pytest

from eventline.text.fold import fold, fold_key


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Ségou", "segou"),
        ("Jama’at Nusrat", "jamaat nusrat"),
        ("al-Qaeda", "al qaeda"),
        ("JNIM's fighters", "jnim s fighters"),
        ("U.N. troops", "un troops"),
        ("l'Azawad", "l azawad"),
        ("N’Djamena", "n djamena"),
        ("  Gao \t Kidal  ", "gao kidal"),
        ("Gao, Mali.", "gao, mali."),
        ("İstanbul ıs", "istanbul is"),
    ],
)
def test_fold_key(text: str, folded: str) -> None:
    assert fold_key(text) == folded


def test_offsets_map_back_to_the_text_as_written() -> None:
    text = "In Ségou, the U.N. said"
    folded = fold(text)
    assert len(folded.offsets) == len(folded.text)
    start = folded.text.index("segou")
    assert text[slice(*folded.span(start, start + 5, text))] == "Ségou"
    un = folded.text.index(" un ") + 1
    # The initialism's last dot is part of the name as written.
    assert text[slice(*folded.span(un, un + 2, text))] == "U.N."
