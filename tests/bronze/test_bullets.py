from __future__ import annotations

from eventline.bronze.bullets import parse_bullet


def test_bold_label_kept_exactly() -> None:
    parsed = parse_bullet(
        "- **March 27, 2022 - March 31, 2022:** The Wagner Group launch an operation in Moura."
        " Sources: [The Guardian](#), [United Nations](#)"
    )
    assert parsed.date_text == "March 27, 2022 - March 31, 2022"
    assert parsed.label_form == "bold"
    assert parsed.body == "The Wagner Group launch an operation in Moura."
    assert parsed.sources == ("The Guardian", "United Nations")


def test_lost_label_remnant_gives_empty_label() -> None:
    parsed = parse_bullet("- - : Islamists destroy UNESCO sites in Timbuktu. Source: [Atlantic](#)")
    assert parsed.date_text == ""
    assert parsed.label_form == "lost"
    assert parsed.body == "Islamists destroy UNESCO sites in Timbuktu."


def test_bullet_without_label() -> None:
    parsed = parse_bullet(" - Three IED attacks throughout the month kill nine soldiers.")
    assert (parsed.date_text, parsed.label_form) == ("", "missing")
    assert parsed.body == "Three IED attacks throughout the month kill nine soldiers."
    assert parsed.sources == ()


def test_inline_date_of_state_department_bullets() -> None:
    parsed = parse_bullet("• On January 2, terrorists attacked two villages.")
    assert (parsed.date_text, parsed.label_form) == ("January 2", "inline")
    assert parsed.body == "On January 2, terrorists attacked two villages."


def test_plain_label() -> None:
    parsed = parse_bullet("* 5 September 2019: Gunmen attack a post.")
    assert (parsed.date_text, parsed.label_form, parsed.body) == (
        "5 September 2019",
        "plain",
        "Gunmen attack a post.",
    )
