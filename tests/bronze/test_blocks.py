from __future__ import annotations

from eventline.bronze.blocks import looks_like_heading, run_in_heading, split_blocks

HEADER = "Country X: Extremism and Terrorism"


def _layout(text: str):
    return split_blocks(text.split("\n"))


def _classes(layout) -> dict[int, tuple[str, str]]:
    return {c.line_no: (c.line_class, c.detail) for c in layout.lines}


CITED_DOC = f"""
{HEADER}

Armed groups operate in the north of the country since the war began and still do. (Source: [A](#))

Incidents

- **May 2, 2020:** Gunmen attack a post near the border and kill several soldiers. Source: [B](#)
  - **May 1, 2020:** Militants ambush a convoy on the main road and flee north.
-

{HEADER}

The army later reports four soldiers were killed in that ambush. Source: [C](#)
- **April 9, 2020:** Insurgents attack a camp in the north and burn vehicles.
Source: [D](#)
- - : Islamists destroy shrines in the old city, witnesses and officials say. Source: [E](#)
- Rebels kidnap seven diplomats in the regional capital. Source: [F](#)

{HEADER}

-
Background

The conflict began in 2012 and the state lost control of the north in
"""


def test_title_and_running_headers() -> None:
    layout = _layout(CITED_DOC)
    classes = _classes(layout)
    assert layout.title == HEADER
    assert classes[2] == ("heading", "title")
    assert [n for n, c in classes.items() if c == ("artifact", "running_header")] == [12, 20]


def test_stray_markers_are_artifacts() -> None:
    classes = _classes(_layout(CITED_DOC))
    assert classes[10] == ("artifact", "stray_marker")
    assert classes[22] == ("artifact", "stray_marker")


def test_bullet_reassembled_across_a_page_break() -> None:
    layout = _layout(CITED_DOC)
    bullet = next(b for b in layout.blocks if b.line_start == 9)
    assert [s.line_no for s in bullet.segments] == [9, 14]
    assert bullet.text.endswith(
        "flee north. The army later reports four soldiers were killed in"
        " that ambush. Source: [C](#)"
    )
    assert _classes(layout)[14] == ("bullet", "continuation")


def test_indented_bullets_and_wrapped_source_line() -> None:
    layout = _layout(CITED_DOC)
    bullets = [b for b in layout.blocks if b.kind == "bullet"]
    assert [(b.line_start, b.line_end) for b in bullets] == [
        (8, 8),
        (9, 14),
        (15, 16),
        (17, 17),
        (18, 18),
    ]
    assert [b.list_position for b in bullets] == [0, 1, 2, 3, 4]
    assert {b.list_index for b in bullets} == {0}


def test_sections_follow_headings() -> None:
    layout = _layout(CITED_DOC)
    by_start = {b.line_start: b for b in layout.blocks}
    assert by_start[4].section == HEADER
    assert by_start[8].section == "Incidents"
    assert by_start[23].kind == "heading"
    assert by_start[25].section == "Background"


def test_every_nonblank_line_classified_once() -> None:
    layout = _layout(CITED_DOC)
    numbers = [c.line_no for c in layout.lines]
    expected = [n for n, line in enumerate(CITED_DOC.split("\n"), 1) if line.strip()]
    assert numbers == expected


def test_paragraph_cut_mid_sentence_continues_after_header() -> None:
    text = (
        "Title Of Report\n\nThe mission was extended into 2019. In\n\nTitle Of Report\n\n"
        "addition, the country received training.\n\nTitle Of Report\n\nNext paragraph here."
    )
    layout = _layout(text)
    paragraphs = [b for b in layout.blocks if b.kind == "paragraph"]
    assert [(p.line_start, p.line_end) for p in paragraphs] == [(3, 7), (11, 11)]
    assert paragraphs[0].text == (
        "The mission was extended into 2019. In addition, the country received training."
    )


def test_complete_paragraph_after_header_starts_a_new_block_without_citations() -> None:
    text = "Report\n\nFirst paragraph ends here.\n\nReport\n\nReport\n\nSecond paragraph starts."
    layout = _layout(text)
    assert [b.line_start for b in layout.blocks if b.kind == "paragraph"] == [3, 9]


def test_hard_wrapped_lines_join() -> None:
    layout = _layout("Attacks continued in the region\nthroughout the year.\n")
    assert len(layout.blocks) == 1
    assert layout.blocks[0].text == "Attacks continued in the region throughout the year."


def test_heading_rules() -> None:
    assert looks_like_heading("Major Extremist and Terrorist Incidents")
    assert looks_like_heading("2021 Terrorist Incidents:")
    assert not looks_like_heading("The ambush kills two and injures three.")
    assert not looks_like_heading("addition, Mali has received training")
    assert run_in_heading("2021 Terrorist Incidents: Terrorists conducted attacks") == (
        "2021 Terrorist Incidents"
    )
    assert run_in_heading("Sources: [Reuters](#)") is None
    assert run_in_heading("According to officials: the attack failed") is None


# --- other layouts: hard-wrapped text, glued headings, numbered paragraphs, datelines -----

WRAPPED = """WEEKLY SECURITY DIGEST (TEST SAMPLE)
I. Overview
1. Armed groups expanded their operations in the border region during the week, officials said.
They counted eleven attacks, against seven the week before, and two more in the capital.
2. On 3 March, gunmen attacked a police post in the north of the country. Two officers were
killed. The army sent reinforcements on 4 March and reopened the road to the market town.
A. Outlook
3. The next assessment is due in April.

NIAMEY, March 9, 2021 (Test Wire) - Gunmen on motorcycles raided three villages near the
border, the interior ministry said.
TAHOUA, 10 March 2021 (Test Wire) - A convoy struck a mine.
"""


def test_hard_wrapped_paragraphs_and_glued_headings() -> None:
    layout = _layout(WRAPPED)
    classes = _classes(layout)
    assert layout.title == "WEEKLY SECURITY DIGEST (TEST SAMPLE)"
    # Headings right under the title or a paragraph; numbered paragraphs and datelines right
    # under another paragraph; line 3 ends a sentence but is full to the wrap width (about
    # 91 characters), so line 4 still belongs to paragraph 1.
    assert {n: c for n, c in classes.items() if c[0] == "heading"} == {
        1: ("heading", "title"),
        2: ("heading", "heading"),
        7: ("heading", "heading"),
    }
    paragraphs = [(b.line_start, b.line_end) for b in layout.blocks if b.kind == "paragraph"]
    assert paragraphs == [(3, 4), (5, 6), (8, 8), (10, 11), (12, 12)]
    by_start = {b.line_start: b for b in layout.blocks}
    assert by_start[5].section == "I. Overview"
    assert by_start[8].section == "A. Outlook"
    assert by_start[5].text.startswith("2. On 3 March, gunmen attacked")
    assert "Two officers were killed. The army sent" in by_start[5].text


def test_one_line_per_note_is_not_rejoined() -> None:
    notes = (
        "Event notes\n"
        "March 2021\n"
        + "On 3 March, gunmen attacked a post near the border; two soldiers were killed. "
        "Reinforcements arrived the next day and the road was reopened to traffic.\n"
        + "On 9 March, a convoy struck a mine on the road to the market town. "
        "No casualties were reported by the authorities or by local sources.\n"
        + "On 12 March, herders clashed with farmers in the valley. Three people died.\n"
    )
    layout = _layout(notes)
    assert [b.kind for b in layout.blocks] == [
        "heading",
        "heading",
        "paragraph",
        "paragraph",
        "paragraph",
    ]
    assert layout.blocks[2].section == "March 2021"


def test_running_header_right_after_a_page_number() -> None:
    text = (
        "Report: Test Country\n"
        "- **May 2, 2020:** Gunmen attack a post near the border and kill\n"
        "1\n"
        "Report: Test Country\n"
        "three soldiers. Source: [A](#)\n"
        "- **May 1, 2020:** Militants ambush a convoy. Source: [B](#)\n"
        "2\n"
        "Report: Test Country\n"
        "- **April 9, 2020:** Insurgents attack a camp. Source: [C](#)\n"
    )
    layout = _layout(text)
    classes = _classes(layout)
    assert classes[1] == ("heading", "title")
    assert [n for n, c in classes.items() if c == ("artifact", "running_header")] == [4, 8]
    bullet = next(b for b in layout.blocks if b.line_start == 2)
    assert [s.line_no for s in bullet.segments] == [2, 5]
    assert bullet.text.endswith("and kill three soldiers. Source: [A](#)")


def test_sub_headings_stay_under_a_bare_year_heading() -> None:
    """A chapter headed only "2022" keeps its year for the "Terrorist Incidents:" list
    and the run-in "Designations:" paragraph under it; "2023" replaces it and a heading
    in capitals (a new country chapter) drops it."""
    text = (
        "REPORT\n\nNARNIA\n\n2022\n\nTerrorist Incidents:\n• On March 4, a bomb exploded in"
        " Cair Paravel.\n\nDesignations: On May 2, the ministry listed the group.\n\n2023\n\n"
        "Terrorist Incidents:\n• On June 1, gunmen attacked Beruna.\n\nARCHENLAND\n\n"
        "Overview: Quiet since 2019.\n"
    )
    sections = [b.section for b in _layout(text).blocks if b.kind != "heading"]
    assert sections == [
        "2022 / Terrorist Incidents",
        "2022 / Designations",
        "2023 / Terrorist Incidents",
        "Overview",
    ]


def test_a_day_before_a_colon_is_a_date_label_not_a_run_in_heading() -> None:
    """ "11 December 2020: bandits stormed …" is a dated note; a month or a titled year
    before a colon still heads a section."""
    assert run_in_heading("11 December 2020: bandits stormed a school in Narnia.") is None
    assert run_in_heading("Dec. 2: gunmen attacked a post.") is None
    assert run_in_heading("August 2019: Attacks continued") == "August 2019"
    assert run_in_heading("2021 Terrorist Incidents: Terrorists attacked") == (
        "2021 Terrorist Incidents"
    )
