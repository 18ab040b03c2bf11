from __future__ import annotations

from eventline.text.markup import (
    BULLET_LABEL,
    LINK,
    blank,
    citation_spans,
    inside_spans,
    link_label_spans,
    strip_links,
)


def test_links_and_labels() -> None:
    text = "Militants attack Gao [Reuters](#) and [AFP\\]x](http://a)."
    assert [text[s:e] for s, e in link_label_spans(text)] == ["Reuters", "AFP\\]x"]
    assert strip_links(text) == "Militants attack Gao Reuters and AFP\\]x."


def test_blanking_keeps_offsets() -> None:
    text = "- **May 5, 2021:** Gunmen kill 3 [News 24](#)"
    masked = blank(text, (BULLET_LABEL, LINK))
    assert len(masked) == len(text)
    assert masked.split() == ["Gunmen", "kill", "3"]


def test_citation_spans() -> None:
    text = "Five are killed. Sources: [BBC](#), [CNN](#) Then more."
    (span,) = citation_spans(text)
    assert text[span[0] : span[1]].rstrip() == "Sources: [BBC](#), [CNN](#)"
    assert inside_spans(text.index("BBC"), [span]) and not inside_spans(0, [span])


def test_an_unclosed_bracket_costs_a_bounded_look_ahead() -> None:
    text = "[" * 50_000 + "x"
    assert link_label_spans(text + "](#)") and not LINK.search(text)
