"""Where the tests' inputs live: one definition for every test module and fixture."""

from __future__ import annotations

from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw" / "mali_extremism_and_terrorism.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE_DOC_ID = "doc_0123456789abcdef"
# Later than every date of the sample (its last bullet is September 17, 2024).
SAMPLE_KNOWN_UNTIL = date(2025, 6, 1)
