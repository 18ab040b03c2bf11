"""The end-of-run summary that data engineers read in the terminal and in JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class RunSummary:
    """Counts of one pipeline run, layer by layer."""

    documents_read: int = 0
    documents_rejected: int = 0
    duplicate_documents: int = 0
    documents_from_cache: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    bronze_bullets: int = 0
    bronze_narratives: int = 0
    silver_records: int = 0
    silver_bronze_records: int = 0
    silver_context: int = 0
    silver_duplicates: int = 0
    silver_quarantined: int = 0
    silver_quarantined_only: int = 0
    duplicate_candidates: int = 0
    unknown_places: int = 0
    gold_events: int = 0
    gold_actors: int = 0
    gold_event_actors: int = 0
    unresolved_actor_mentions: int = 0
    quality_passed: bool | None = None
    quality_critical_failures: int = 0
    quality_warnings: int = 0
    gold_published: bool = False
    report: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    unchanged: bool = False
    seconds: float = 0.0

    @property
    def succeeded(self) -> bool:
        """A run succeeds when at least one document was processed."""
        return self.documents_read > 0

    def _quality(self) -> str:
        if self.quality_passed is None:
            return "not run"
        verdict = "passed" if self.quality_passed else "FAILED (gold not published)"
        return (
            f"{verdict}: {self.quality_critical_failures} critical failures, "
            f"{self.quality_warnings} warnings"
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def format(self) -> str:
        """A short, aligned text summary."""
        line_total = sum(self.lines.values())
        parts = " + ".join(f"{count} {name}" for name, count in sorted(self.lines.items()))
        out = [
            "eventline run summary",
            f"  documents   {self.documents_read} read, {self.documents_rejected} rejected"
            + (
                f", {self.duplicate_documents} duplicate copies merged"
                if self.duplicate_documents
                else ""
            )
            + (f", {self.documents_from_cache} from cache" if self.documents_from_cache else ""),
        ]
        out += [f"    rejected  {item['path']}: {item['reason']}" for item in self.rejected]
        out += [f"    warning   {warning}" for warning in self.warnings]
        if self.unchanged:
            out.append(
                "  unchanged   inputs and pipeline as for the published gold: nothing rebuilt"
            )
        out += [
            f"  lines       {line_total} non-blank = {parts or '0'}",
            f"  bronze      {self.bronze_bullets} bullets, "
            f"{self.bronze_narratives} dated sentences",
            f"  silver      {self.silver_records} records ({self.silver_context} context,"
            f" {self.silver_duplicates} duplicate tellings linked),"
            f" {self.silver_quarantined} quarantined, {self.duplicate_candidates} candidate"
            f" pairs to review, {self.unknown_places} unknown place names",
            f"  gold        {self.gold_events} events, {self.gold_actors} actors involved,"
            f" {self.gold_event_actors} event-actor links,"
            f" {self.unresolved_actor_mentions} unresolved actor names",
            f"  quality     {self._quality()}",
            f"  report      {self.report or '-'}",
            f"  seconds     {self.seconds:.1f}"
            + (
                " (" + ", ".join(f"{k} {v:.1f}" for k, v in self.timings.items()) + ")"
                if self.timings
                else ""
            ),
        ]
        return "\n".join(out)
