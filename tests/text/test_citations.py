from __future__ import annotations

from eventline.text.citations import find_trailing_citation, is_citation_line


def test_linked_citation_names_unescaped() -> None:
    text = "Attack kills five. Sources: [U.S. News & World Report](#), [Al \\(AQ\\) Post](#)"
    citation = find_trailing_citation(text)
    assert citation is not None
    assert citation.names == ("U.S. News & World Report", "Al (AQ) Post")
    assert text[: citation.start].rstrip() == "Attack kills five."


def test_parenthesised_paragraph_citation() -> None:
    text = "Mali withdrew. (Sources: [Associated Press](#), [Reuters](#), [Reuters](#))"
    citation = find_trailing_citation(text)
    assert citation is not None
    assert citation.names == ("Associated Press", "Reuters", "Reuters")
    assert citation.text.startswith("(Sources:")


def test_plain_citation_after_a_sentence() -> None:
    citation = find_trailing_citation("Gunmen attack a post. Source: Reuters, AFP")
    assert citation is not None and citation.names == ("Reuters", "AFP")


def test_no_citation() -> None:
    assert find_trailing_citation("Gunmen attack a post near Gao.") is None
    assert find_trailing_citation("The report cites no Source: for this") is None


def test_citation_line() -> None:
    assert is_citation_line("Source: [Agence France-Presse](#)")
    assert not is_citation_line("Sources of funding remain unclear.")
