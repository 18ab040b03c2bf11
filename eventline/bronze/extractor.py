"""Extract bronze records from one decoded report: bullets, dated sentences, line classes.

Bronze is exact: labels and text as written, sources as cited, and the lines each
record came from. Nothing here interprets a date; that is silver's job. A narrative
record is a dated sentence; it also keeps, as written, the *passage* it opens (itself
and the undated sentences after it, up to the next dated sentence of its paragraph),
the paragraph's undated lead (for its first record) and the item's dateline; with the
map of where each input line starts in it, silver can cut and rejoin the text exactly.
Structural labels are kept out of the text: a paragraph's number ("12."), its run-in
heading ("2021 Terrorist Incidents:", kept as the section) and its dateline.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from eventline.bronze.blocks import (
    NUMBERED_PARAGRAPH,
    Block,
    Layout,
    run_in_heading_span,
    split_blocks,
)
from eventline.bronze.bullets import parse_bullet
from eventline.bronze.datelines import find_dateline
from eventline.bronze.records import parse_record
from eventline.ids import stable_id
from eventline.text.citations import find_trailing_citation
from eventline.text.date_expressions import find_date_expressions, has_date_expression
from eventline.text.sentences import split_sentences

Row = dict[str, Any]


@dataclass
class BronzeExtract:
    """The bronze rows of one document."""

    title: str | None
    bullets: list[Row] = field(default_factory=list)
    narratives: list[Row] = field(default_factory=list)
    lines: list[Row] = field(default_factory=list)


def _bullet_row(doc_id: str, block: Block, lines: Sequence[str]) -> Row:
    parsed = parse_bullet(block.text)
    starts = _segment_starts(block)
    body_end = parsed.body_start + len(parsed.body)
    offsets, numbers = _line_map(block, starts, parsed.body_start, body_end)
    return {
        "record_id": stable_id("rec", doc_id, "bullet", block.line_start),
        "doc_id": doc_id,
        "kind": "bullet",
        "date_text": parsed.date_text,
        "label_form": parsed.label_form,
        "date_expressions": [e.text for e in find_date_expressions(parsed.body)],
        "text": parsed.body,
        "raw_text": "\n".join(lines[s.line_no - 1] for s in block.segments),
        "sources": list(parsed.sources),
        "source_text": parsed.citation_text,
        "section": block.section,
        "line_start": block.line_start,
        "line_end": block.line_end,
        "block_index": block.index,
        "list_index": block.list_index,
        "list_position": block.list_position,
        "line_offsets": offsets,
        "line_numbers": numbers,
    }


def _record_row(doc_id: str, block: Block, lines: Sequence[str]) -> Row:
    """A key-value record as a bullet: its date field's value is the label, found in the
    body (``inline``); the body is its date field and other descriptive field lines, as
    written, one line each (a field's hard-wrapped lines go on it after a space)."""
    parsed = parse_record([(s.line_no, s.text) for s in block.segments])
    body = ""
    offsets: list[int] = []
    for line_no, text in parsed.body:
        if body:
            body += " " if line_no in parsed.wrapped else "\n"
        offsets.append(len(body))
        body += text
    numbers = [line_no for line_no, _ in parsed.body]
    return {
        "record_id": stable_id("rec", doc_id, "bullet", block.line_start),
        "doc_id": doc_id,
        "kind": "bullet",
        "date_text": parsed.date_text,
        "label_form": "inline",
        "date_expressions": [e.text for e in find_date_expressions(body)],
        "text": body,
        "raw_text": "\n".join(lines[s.line_no - 1] for s in block.segments),
        "sources": [],
        "source_text": None,
        "section": block.section,
        "line_start": block.line_start,
        "line_end": block.line_end,
        "block_index": block.index,
        "list_index": block.index,
        "list_position": 0,
        "line_offsets": offsets or [0],
        "line_numbers": numbers or [block.line_start],
    }


def _segment_starts(block: Block) -> list[int]:
    """Where each line of the block starts in its joined text (lines are joined by a space)."""
    starts: list[int] = []
    position = 0
    for segment in block.segments:
        starts.append(position)
        position += len(segment.text) + 1
    return starts


def _line_at(block: Block, starts: list[int], offset: int) -> int:
    """The input line holding character *offset* of the block's joined text."""
    return block.segments[max(0, bisect_right(starts, offset) - 1)].line_no


def _line_map(block: Block, starts: list[int], start: int, end: int) -> tuple[list[int], list[int]]:
    """Where each input line begins in the block text's span [start, end): offsets in the
    span and line numbers (the first entry is the span's own start)."""
    first = bisect_right(starts, start)
    last = bisect_left(starts, end)
    offsets = [0] + [starts[i] - start for i in range(first, last)]
    numbers = [_line_at(block, starts, start)]
    numbers += [block.segments[i].line_no for i in range(first, last)]
    return offsets, numbers


def _body_start(text: str) -> tuple[int, str | None]:
    """Where a paragraph's own text starts (after its number, run-in heading and dateline),
    and the dateline as written."""
    start = 0
    number = NUMBERED_PARAGRAPH.match(text)
    if number is not None:
        start = number.end()
    heading = run_in_heading_span(text[start:])
    if heading is not None:
        start += heading[1]
    dateline = find_dateline(text[start:])
    if dateline is not None:
        return start + dateline.end, dateline.text
    return start, None


def _narrative_rows(doc_id: str, block: Block) -> list[Row]:
    text = block.text
    citation = find_trailing_citation(text)
    end = citation.start if citation else len(text)
    start, dateline = _body_start(text[:end])
    body = text[start:end].rstrip()
    if not has_date_expression(body):
        return []  # skip undated paragraphs before splitting them
    sentences = split_sentences(body)
    dated = [(i, s, e) for i, s in enumerate(sentences) if (e := find_date_expressions(s.text))]
    rows: list[Row] = []
    starts = _segment_starts(block)
    for position, (index, sentence, expressions) in enumerate(dated):
        at = start + sentence.start
        following = dated[position + 1][1].start if position + 1 < len(dated) else len(body)
        passage = body[sentence.start : following].rstrip()
        offsets, numbers = _line_map(block, starts, at, at + len(passage))
        lead = body[: sentence.start].strip() if position == 0 else ""
        rows.append(
            {
                "record_id": stable_id("rec", doc_id, "narrative", block.line_start, at),
                "doc_id": doc_id,
                "kind": "narrative",
                "date_text": expressions[0].text,
                "date_expressions": [e.text for e in expressions],
                "text": sentence.text,
                "sources": list(citation.names) if citation else [],
                "source_text": citation.text if citation else None,
                "section": block.section,
                "line_start": _line_at(block, starts, at),
                "line_end": _line_at(block, starts, start + sentence.end - 1),
                "block_index": block.index,
                "sentence_index": index,
                "dateline": dateline,
                "lead_text": lead or None,
                "passage": passage,
                "line_offsets": offsets,
                "line_numbers": numbers,
            }
        )
    return rows


def _line_rows(doc_id: str, layout: Layout, lines: Sequence[str]) -> list[Row]:
    return [
        {
            "doc_id": doc_id,
            "line_no": entry.line_no,
            "line_class": entry.line_class,
            "detail": entry.detail,
            "block_index": entry.block_index,
            "text": lines[entry.line_no - 1],
        }
        for entry in layout.lines
    ]


def extract_bronze(doc_id: str, text: str) -> BronzeExtract:
    """Bronze rows for a document's normalised text."""
    lines = text.split("\n")
    layout = split_blocks(lines)
    extract = BronzeExtract(title=layout.title, lines=_line_rows(doc_id, layout, lines))
    for block in layout.blocks:
        if block.kind == "bullet":
            extract.bullets.append(_bullet_row(doc_id, block, lines))
        elif block.kind == "record":
            extract.bullets.append(_record_row(doc_id, block, lines))
        elif block.kind == "paragraph":
            extract.narratives.extend(_narrative_rows(doc_id, block))
    return extract
