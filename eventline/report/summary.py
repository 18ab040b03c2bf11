"""The end-of-run summary that data engineers read in the terminal and in JSON."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

#: Fields that differ between two runs on the same inputs: kept out of the gold manifest.
VOLATILE = frozenset(
    {
        "documents_from_cache",
        "report",
        "timings",
        "steps",
        "memory",
        "unchanged",
        "seconds",
        "rebuilt",
        "notes",
    }
)


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
    refused: str | None = None
    report: str | None = None
    rebuilt: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    #: Seconds of the parts of steps (document stages, deduplication), for tuning.
    steps: dict[str, float] = field(default_factory=dict)
    #: Peak resident MB of the flow's process after each step (its workers not included).
    memory: dict[str, float] = field(default_factory=dict)
    unchanged: bool = False
    seconds: float = 0.0

    @classmethod
    def from_steps(
        cls,
        *layer_counts: Mapping[str, Any],
        quality: Mapping[str, Any] | None,
        publishable: bool,
        **extra: Any,
    ) -> RunSummary:
        """Assemble a summary from the counts each layer's step recorded in its manifest."""
        known = {f.name for f in fields(cls)}
        values = {k: v for counts in layer_counts for k, v in counts.items() if k in known}
        if quality is not None:
            values["quality_passed"] = bool(quality["passed"])
            values["quality_critical_failures"] = int(quality["critical_failures"])
            values["quality_warnings"] = int(quality["warnings"])
        return cls(**values, gold_published=publishable, **extra)

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> RunSummary:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})

    @property
    def succeeded(self) -> bool:
        """A run succeeds when at least one document was processed."""
        return self.documents_read > 0

    def _quality(self) -> str:
        if self.quality_passed is None:
            return "not run"
        verdict = "passed" if self.quality_passed else "FAILED (nothing published)"
        return (
            f"{verdict}: {self.quality_critical_failures} critical failures, "
            f"{self.quality_warnings} warnings"
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def stable_dict(self) -> dict[str, Any]:
        """What the same inputs always give: the summary the gold manifest keeps."""
        return {k: v for k, v in self.to_dict().items() if k not in VOLATILE}

    def _documents(self) -> str:
        text = f"  documents   {self.documents_read} read, {self.documents_rejected} rejected"
        if self.duplicate_documents:
            text += f", {self.duplicate_documents} duplicate copies merged"
        if self.documents_from_cache:
            text += f", {self.documents_from_cache} from cache"
        return text

    def _published(self) -> str:
        if self.unchanged:
            return "  published   unchanged: inputs and pipeline as for the published gold"
        if self.gold_published:
            return f"  published   {', '.join(self.rebuilt) or 'nothing'} rebuilt and published"
        return f"  published   nothing: {self.refused or 'the quality gate failed'}"

    def format(self) -> str:
        """A short, aligned text summary."""
        line_total = sum(self.lines.values())
        parts = " + ".join(f"{count} {name}" for name, count in sorted(self.lines.items()))
        out = [
            "eventline run summary",
            self._documents(),
            *(f"    rejected  {item['path']}: {item['reason']}" for item in self.rejected),
            *(f"    warning   {warning}" for warning in self.warnings),
            *(f"  repaired    {note}" for note in self.notes),
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
            self._published(),
            f"  report      {self.report or '-'}",
            f"  seconds     {self.seconds:.1f}"
            + (
                " (" + ", ".join(f"{k} {v:.1f}" for k, v in self.timings.items()) + ")"
                if self.timings
                else ""
            ),
        ]
        return "\n".join(out)
