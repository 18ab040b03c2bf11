"""Group a report's lines into headings, paragraphs and bullets, across page breaks.

PDF extraction cuts paragraphs and bullets at page ends and puts a running header
(and sometimes a stranded bullet marker) in between. A block that is still *open*
(no closing citation in a document whose blocks end with one, or a sentence cut
mid-way) continues on the next page. Hard-wrapped text (lines cut at a fixed width, no
blank line between paragraphs) is rejoined: a line continues the one before when that
one stops mid-sentence or is full to the wrap width; a numbered paragraph ("12. On 3
March …"), a dateline ("LOMÉ, Nov. 10, 2021 -") or a short heading line ("August 2019",
"A. Côte d'Ivoire") starts a new block even when no blank line comes first. A run of
key-value field lines that dates an incident ("Date: 14/03/2022", "Location: …") is one
*record* block (:mod:`eventline.bronze.records`). Every non-blank line gets exactly one
class: ``bullet`` (bullets and records), ``narrative``, ``heading`` or ``artifact``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from eventline.bronze.datelines import starts_with_dateline
from eventline.bronze.page_artifacts import (
    BULLET_MARKERS,
    RUNNING_HEADER,
    classify_artifact,
    detect_running_headers,
)
from eventline.bronze.records import record_run
from eventline.bronze.wrapping import fills_line, wrap_width
from eventline.text.citations import find_trailing_citation, is_citation_line
from eventline.text.date_expressions import find_date_expressions

BlockKind = Literal["heading", "paragraph", "bullet", "record"]
LINE_CLASS_OF_BLOCK: dict[str, str] = {
    "heading": "heading",
    "paragraph": "narrative",
    "bullet": "bullet",
    "record": "bullet",
}

_BULLET_LINE = re.compile(rf"^\s*[{re.escape(BULLET_MARKERS)}]\s+\S")
_TERMINAL = re.compile(r"[.!?][\"”’')\]*]*$")
_HEADING_END_FORBIDDEN = tuple('.,;!?"”’)')
_RUN_IN_HEADING = re.compile(r"^(?P<head>[A-Z0-9][^.:!?\[\]()]{1,60}):\s+(?=\S)")
# "II.", "A.", "3.2." before a heading's words
_ENUMERATOR = re.compile(r"^(?:[IVXLC]{1,6}|[A-Z]|\d{1,2}(?:\.\d{1,2})*)\.\s+(?=\S)")
# "12. On 3 March …": a numbered paragraph
NUMBERED_PARAGRAPH = re.compile(r"^(?P<number>\d{1,3})\.\s+(?=[A-Z\d“\"(])")
_CITATION_START = re.compile(r"^\(?\s*Sources?\s*:", re.IGNORECASE)
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^()]{1,80}\)$")
# What a line glued under a heading starts with: a capital, a digit, a marker or markup.
_NEW_UNIT_START = re.compile(rf"^\s*(?:[A-Z0-9À-Þ\"“'‘(\[#*]|[{re.escape(BULLET_MARKERS)}]\s)")
_GLUED_HEADING_SHARE = 0.6
_SENTENCE_BREAK = re.compile(r"\w{2,}[.!?]\s")
# A heading that is only a year ("2022") opens a chapter whose sub-headings omit it
_BARE_YEAR = re.compile(r"^(?:19|20)\d\d$")
_YEAR_IN_NAME = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Date kinds that name no day: "August 2019:" may head a section, "11 December 2020:" dates a note
_DAYLESS_KINDS = frozenset({"month_year", "month", "month_range", "year_range"})
_SMALL_WORDS = frozenset({"and", "of", "the", "in", "on", "for", "to", "a", "an", "with", "by"})
_MIN_LINES_FOR_CITATION_STYLE = 3
# Citations longer than this (about 150 links) are not looked for when deciding whether a
# block continues on the next page.
_CITATION_TAIL = 4000
_CITATION_STYLE_SHARE = 0.3


@dataclass(frozen=True)
class Segment:
    """One physical line of a block: its 1-based number and its text without indentation."""

    line_no: int
    text: str


@dataclass
class Block:
    """A heading, paragraph or bullet reassembled from one or more lines."""

    index: int
    kind: BlockKind
    section: str | None
    segments: list[Segment] = field(default_factory=list)
    list_index: int | None = None
    list_position: int | None = None

    @property
    def text(self) -> str:
        """The block's lines joined with single spaces, as the author wrote them."""
        return " ".join(segment.text for segment in self.segments)

    @property
    def line_start(self) -> int:
        return self.segments[0].line_no

    @property
    def line_end(self) -> int:
        return self.segments[-1].line_no


@dataclass(frozen=True)
class LineClass:
    """The class of one non-blank input line, and the block or artifact it belongs to."""

    line_no: int
    line_class: str
    detail: str
    block_index: int | None


@dataclass
class Layout:
    """Everything the block splitter learned about one document."""

    title: str | None
    blocks: list[Block]
    lines: list[LineClass]
    citation_style: bool


def looks_like_heading(stripped: str) -> bool:
    """Short, capitalised, unpunctuated lines are headings ("Overview", "2021 Incidents:",
    "II. Security developments")."""
    text = _ENUMERATOR.sub("", stripped.lstrip("#").strip())
    if not text or len(text) > 100 or len(text.split()) > 14:
        return False
    if text.endswith(_HEADING_END_FORBIDDEN) or "](" in text or text.startswith("("):
        return False
    words = text.rstrip(":").split()
    if not words or _SENTENCE_BREAK.search(text) or words[-1].lower() in _SMALL_WORDS:
        return False  # "…into 2019. In" is a sentence cut by a page break
    return text[0].isupper() or text[0].isdigit()


def heading_name(stripped: str) -> str:
    """The section name a heading line stands for (Markdown hashes and colon removed; of
    "2019 Terrorist Incidents: Notable incidents included:", its run-in head)."""
    name = stripped.lstrip("#").strip()
    run_in = run_in_heading_span(name) if name.endswith(":") else None
    return (run_in[0] if run_in else name.rstrip(":")).strip()


def run_in_heading(text: str) -> str | None:
    """A heading written at the start of a paragraph ("2021 Terrorist Incidents: …")."""
    span = run_in_heading_span(text)
    return span[0] if span else None


def run_in_heading_span(text: str) -> tuple[str, int] | None:
    """The run-in heading of a paragraph and where the paragraph's own text starts."""
    match = _RUN_IN_HEADING.match(text)
    if match is None:
        return None
    head = match.group("head").strip()
    words = head.split()
    if head.lower() in {"source", "sources", "note"} or len(words) > 8 or _is_day_label(head):
        return None
    if all(word[0].isupper() or word[0].isdigit() or word in _SMALL_WORDS for word in words):
        return head, match.end()
    return None


def _is_day_label(head: str) -> bool:
    """Whether a would-be run-in heading is only a date with a day ("11 December 2020: gunmen
    stormed …"): that is the note's date label, and the note its event, not a section."""
    expressions = find_date_expressions(head)
    return (
        len(expressions) == 1
        and expressions[0].text == head
        and expressions[0].kind not in _DAYLESS_KINDS
    )


def paragraph_number(text: str) -> int | None:
    """The number of a numbered paragraph ("12. On 3 March …"), if it is one."""
    match = NUMBERED_PARAGRAPH.match(text)
    return int(match.group("number")) if match else None


def _tail(block: Block) -> str:
    """The end of a block's text (its last lines, at least ``_CITATION_TAIL`` characters): a
    trailing citation is found there without rejoining a block that grows over many pages."""
    parts: list[str] = []
    size = 0
    for segment in reversed(block.segments):
        parts.append(segment.text)
        size += len(segment.text) + 1
        if size > _CITATION_TAIL:
            break
    return " ".join(reversed(parts))


def _ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text.rstrip()))


def _uses_citation_style(lines: Sequence[str]) -> bool:
    """Whether this document closes its paragraphs and bullets with a source citation."""
    long_lines = [line for line in lines if len(line.strip()) > 60]
    cited = sum(1 for line in long_lines if find_trailing_citation(line.strip()) is not None)
    return cited >= _MIN_LINES_FOR_CITATION_STYLE and cited >= _CITATION_STYLE_SHARE * len(
        long_lines
    )


def _glued_heading(stripped: str, following: str, width: int | None) -> bool:
    """Whether a heading-like line is a heading although the next line follows without a
    blank line: that line starts a new unit, and this one is far from the wrap width."""
    if not _NEW_UNIT_START.match(following):
        return False
    return width is None or len(stripped) <= _GLUED_HEADING_SHARE * width


def _title(lines: Sequence[str], width: int | None) -> str | None:
    """The first line, when it reads like a heading (a closing parenthesis allowed:
    "WIRE DIGEST (test sample)") and stands alone or above a new unit."""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped:
            following = lines[index + 1] if index + 1 < len(lines) else ""
            bare = _TRAILING_PARENTHESIS.sub("", stripped)
            if not (
                looks_like_heading(stripped) or (bare != stripped and looks_like_heading(bare))
            ):
                return None
            shouted = bare.upper() == bare and sum(c.isalpha() for c in bare) >= 3
            if not following.strip() or shouted or _glued_heading(bare, following, width):
                return stripped
            return None
    return None


class _Splitter:
    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = [line.replace("\f", "") for line in lines]
        self.form_feeds = {number for number, line in enumerate(lines, 1) if "\f" in line}
        self.width = wrap_width(self.lines)
        title_line = _title(self.lines, self.width)
        self.title = heading_name(title_line) if title_line else None
        self.headers = detect_running_headers(self.lines, title_line)
        self.citation_style = _uses_citation_style(self.lines)
        self.blocks: list[Block] = []
        self.classes: list[LineClass] = []
        self.section: str | None = self.title
        self.year_heading: str | None = None
        self.current: Block | None = None
        self.gap = False
        self.page_break = False
        self.list_index: int | None = None
        self.lists_seen = 0
        self.list_position = 0
        self.title_seen = False
        self.last_number = 0
        self.line_no = 0
        self.record_end = 0

    def run(self) -> Layout:
        for line_no, line in enumerate(self.lines, 1):
            if line_no in self.form_feeds:
                self.page_break = True
            stripped = line.strip()
            if not stripped:
                self.gap = True
                continue
            self.line_no = line_no
            self._take(line_no, line, stripped)
        return Layout(self.title, self.blocks, self.classes, self.citation_style)

    def _take(self, line_no: int, line: str, stripped: str) -> None:
        if not self.title_seen and self.title is not None:
            self.title_seen = True
            self._start("heading", line_no, stripped, detail="title")
            return
        artifact = classify_artifact(stripped, self.headers)
        if artifact is not None:
            self.classes.append(LineClass(line_no, "artifact", artifact, None))
            if artifact != "stray_marker":
                self.page_break = True
            return
        if line_no <= self.record_end:
            self._append(line_no, stripped, detail="field")
        elif fields := record_run(self.lines, line_no - 1):
            self.record_end = line_no + fields - 1
            self.list_index = None
            self._start("record", line_no, stripped, detail="field")
        elif _BULLET_LINE.match(line):
            self._start_bullet(line_no, stripped)
        elif self._continues(line_no, stripped):
            self._append(line_no, stripped, detail="continuation")
        elif (
            looks_like_heading(stripped)
            and not self._numbered_in_sequence(stripped)
            and self._heading_position(line_no, stripped)
        ):
            self._start("heading", line_no, stripped, detail="heading")
            self.section = self._under_year(heading_name(stripped))
            self.list_index = None
        else:
            number = paragraph_number(stripped)
            if number is not None and self._numbered_in_sequence(stripped):
                self.last_number = number
            heading = run_in_heading(_without_number(stripped))
            if heading is not None:
                self.section = self._under_year(heading)
            self.list_index = None
            self._start("paragraph", line_no, stripped, detail="paragraph")

    def _under_year(self, name: str) -> str:
        """The section a heading names, kept under the bare year heading above it ("2022",
        then "Terrorist Incidents:" -> "2022 / Terrorist Incidents") so that its year-less
        dates still have their year. A new year heading replaces the year; a heading in
        capitals ("KENYA") opens another chapter and drops it."""
        if _BARE_YEAR.match(name):
            self.year_heading = name
            return name
        letters = [c for c in name if c.isalpha()]
        if letters and name.upper() == name:
            self.year_heading = None
        if self.year_heading is None or _YEAR_IN_NAME.search(name):
            return name
        return f"{self.year_heading} / {name}"

    def _heading_position(self, line_no: int, stripped: str) -> bool:
        """A heading stands alone: a blank line (or the end) follows unless it ends with ':',
        or the next line starts a new unit right under it."""
        if stripped.endswith(":"):
            return True
        if line_no >= len(self.lines) or not self.lines[line_no].strip():
            return True
        return _glued_heading(stripped, self.lines[line_no], self.width)

    def _numbered_in_sequence(self, stripped: str) -> bool:
        """A numbered paragraph that follows the document's last number (or opens with 1)."""
        number = paragraph_number(stripped)
        return number is not None and number in (self.last_number + 1, 1)

    def _starts_unit(self, stripped: str) -> bool:
        """A line that opens a new block even right under another one."""
        return self._numbered_in_sequence(stripped) or starts_with_dateline(stripped)

    def _wrapped_on(self, block: Block, stripped: str) -> bool:
        """Whether *stripped*, right under the block's last line, goes on with its text."""
        last = block.segments[-1].text
        if _CITATION_START.match(stripped):
            return True  # "Source:" on a line of its own
        if self._starts_unit(stripped):
            return False
        if not _ends_sentence(last):
            return True  # cut mid-sentence: a hard wrap or a page break
        if self.width is None:
            return False
        if looks_like_heading(stripped) and _glued_heading(stripped, self._next(), self.width):
            return False  # "B. Central Sahel" under a full last line of a paragraph
        if run_in_heading(_without_number(stripped)) is not None:
            return False  # "Date: 14 November 2021 | …" opens the next record
        return fills_line(last, stripped, self.width)

    def _next(self) -> str:
        """The line after the one being read."""
        return self.lines[self.line_no] if self.line_no < len(self.lines) else ""

    def _continues(self, line_no: int, stripped: str) -> bool:
        block = self.current
        if block is None or block.kind == "heading":
            return False
        if not self.gap:
            return self._wrapped_on(block, stripped)
        has_citation = find_trailing_citation(_tail(block)) is not None
        if is_citation_line(stripped) and not has_citation:
            return True  # "Source:" wrapped onto a line of its own
        if not self.page_break:
            return False
        cut_mid_sentence = not _ends_sentence(block.segments[-1].text) and not has_citation
        starts_lower = stripped[0].islower()
        if starts_lower or cut_mid_sentence:
            return True
        awaiting_citation = self.citation_style and not has_citation
        return awaiting_citation and not looks_like_heading(stripped)

    def _start_bullet(self, line_no: int, stripped: str) -> None:
        if self.list_index is None:
            self.list_index = self.lists_seen
            self.lists_seen += 1
            self.list_position = 0
        else:
            self.list_position += 1
        self._start("bullet", line_no, stripped, detail="bullet")
        assert self.current is not None
        self.current.list_index = self.list_index
        self.current.list_position = self.list_position

    def _start(self, kind: BlockKind, line_no: int, stripped: str, detail: str) -> None:
        block = Block(index=len(self.blocks), kind=kind, section=self.section)
        self.blocks.append(block)
        self.current = block
        self._append(line_no, stripped, detail)
        if kind == "heading":
            block.section = heading_name(stripped)

    def _append(self, line_no: int, stripped: str, detail: str) -> None:
        assert self.current is not None
        self.current.segments.append(Segment(line_no, stripped))
        self.classes.append(
            LineClass(line_no, LINE_CLASS_OF_BLOCK[self.current.kind], detail, self.current.index)
        )
        self.gap = False
        self.page_break = False


def _without_number(stripped: str) -> str:
    match = NUMBERED_PARAGRAPH.match(stripped)
    return stripped[match.end() :] if match else stripped


def split_blocks(lines: Sequence[str]) -> Layout:
    """Split a document's lines (without newline characters) into blocks."""
    return _Splitter(lines).run()


__all__ = [
    "RUNNING_HEADER",
    "Block",
    "Layout",
    "LineClass",
    "Segment",
    "heading_name",
    "looks_like_heading",
    "paragraph_number",
    "run_in_heading",
    "run_in_heading_span",
    "split_blocks",
]
