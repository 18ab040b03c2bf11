"""One way for the silver tests to draft a little report (bronze extraction, then the
per-document silver pass with the bundled gazetteer and classifier)."""

from __future__ import annotations

from datetime import date

from eventline.bronze.extractor import BronzeExtract, extract_bronze
from eventline.silver.builder import SilverDraft, draft_document
from eventline.silver.event_types import default_classifier
from eventline.silver.places import default_gazetteer


def draft_report(
    doc_id: str, text: str, known_until: date = date(2026, 1, 1)
) -> tuple[SilverDraft, BronzeExtract]:
    """The silver draft of *text* as document *doc_id*, with its bronze extract."""
    extract = extract_bronze(doc_id, text)
    draft = draft_document(
        {"doc_id": doc_id, "title": extract.title},
        extract.bullets,
        extract.narratives,
        known_until,
        default_gazetteer(),
        default_classifier(),
    )
    return draft, extract
