"""Extract bronze records from one decoded report: bullets, dated sentences, line classes.

Bronze is exact: labels and text as written, sources as cited, and the lines each
record came from. Nothing here interprets a date; that is silver's job.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from eventline.bronze.blocks import Block, Layout, split_blocks
from eventline.bronze.bullets import parse_bullet
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


def _narrative_rows(doc_id: str, block: Block) -> list[Row]:
    text = block.text
    citation = find_trailing_citation(text)
    body = text[: citation.start].rstrip() if citation else text
    if not has_date_expression(body):
        return []  # skip undated paragraphs before splitting them
    rows: list[Row] = []
    starts = _segment_starts(block)
    for index, sentence in enumerate(split_sentences(body)):
        expressions = find_date_expressions(sentence.text)
        if not expressions:
            continue
        rows.append(
            {
                "record_id": stable_id(
                    "rec", doc_id, "narrative", block.line_start, sentence.start
                ),
                "doc_id": doc_id,
                "kind": "narrative",
                "date_text": expressions[0].text,
                "date_expressions": [e.text for e in expressions],
                "text": sentence.text,
                "sources": list(citation.names) if citation else [],
                "source_text": citation.text if citation else None,
                "section": block.section,
                "line_start": _line_at(block, starts, sentence.start),
                "line_end": _line_at(block, starts, sentence.end - 1),
                "block_index": block.index,
                "sentence_index": index,
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
        elif block.kind == "paragraph":
            extract.narratives.extend(_narrative_rows(doc_id, block))
    return extract
