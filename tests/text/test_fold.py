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


def test_a_letter_that_folds_to_several_or_none_keeps_the_offsets() -> None:
    """ "ß" folds to "ss" (both from its offset), "ﬁ" to "fi"; a combining mark to nothing."""
    text = "Straße ﬁeld"
    folded = fold(text)
    assert folded.text == "strasse field"
    assert folded.offsets == [0, 1, 2, 3, 4, 4, 5, 6, 7, 7, 8, 9, 10]
    assert fold("Se\u0301gou").text == "segou"


def test_keys_are_folded_without_an_offset_map_and_letters_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Building a gazetteer index folds hundreds of thousands of names: a plain ASCII name is
    keyed without building its offset map, and an accented letter is decomposed once."""
    import eventline.text.fold as folding

    calls: list[str] = []
    full = folding.fold
    monkeypatch.setattr(folding, "fold", lambda text: calls.append(text) or full(text))
    folding.fold_key.cache_clear()
    assert fold_key("Tin Hama") == "tin hama"
    assert calls == []
    assert fold_key("Ségou-Kéniéba") == "segou kenieba"
    assert calls == ["Ségou-Kéniéba"]
    hits = folding._folded_char.cache_info().hits
    assert fold_key("Kéniéba Ségou") == "kenieba segou"
    assert folding._folded_char.cache_info().hits >= hits + 3
