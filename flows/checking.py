"""``eventline validate``: are the published layers sound, without rebuilding anything?

Every layer is verified against its manifest (sizes and SHA-256), then the quality gate
runs on the published silver and gold with the counts their manifests recorded. No
Prefect API is needed: this is a reviewer's check, and it costs only the gate's time.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from eventline import cli
from flows.files import write_json
from flows.layers import LAYERS, verify
from flows.locking import data_folder_lock
from flows.storage import read_frame

GOLD_TABLES = ("actors", "event_actors", "unresolved_actor_mentions")


def read_gold(folder: Path) -> dict[str, pd.DataFrame]:
    """The published gold tables as the pipeline built them (``year`` back to Int64)."""
    events = read_frame(folder / "events")
    events["year"] = events["year"].astype("int64").astype("Int64")
    return {"events": events, **{n: read_frame(folder / f"{n}.parquet") for n in GOLD_TABLES}}


def _say(message: str) -> None:
    print(f"eventline: {message}", file=sys.stderr)


def validate_published(root: Path, quiet: bool, lock_timeout: float | None) -> int:
    """Exit status: 0 passed, 3 a layer is missing or does not verify, 4 the gate failed."""
    from eventline.quality.gate import run_quality_checks

    with data_folder_lock(root, lock_timeout, _say):
        checks = {layer: verify(root / layer, layer) for layer in LAYERS}
        bad = [check for check in checks.values() if not check.ok]
        for check in bad:
            _say(check.describe() if check.exists else f"no published {check.layer} in {root}")
        if bad:
            _say("run `eventline run` to rebuild what does not verify")
            return cli.EXIT_FAILED
        bronze, silver = (checks[layer].manifest or {} for layer in ("bronze", "silver"))
        counts = {**bronze["counts"], **silver["counts"]}
        report = run_quality_checks(
            {
                "silver_records": read_frame(root / "silver" / "records.parquet"),
                "silver_quarantine": read_frame(root / "silver" / "quarantine.parquet"),
                **read_gold(root / "gold"),
            },
            {
                "known_until": pd.Timestamp(silver["known_until"]).date(),
                "bronze_records": counts["bronze_bullets"] + counts["bronze_narratives"],
                "silver_quarantined": counts["silver_quarantined"],
            },
            root / "reports" / "gx",
        )
        write_json(report.to_dict(), root / "reports" / "quality_report.json")
    if not quiet:
        print(report.format())
        print(f"  layers      bronze, silver and gold verify against their manifests ({root})")
    if not report.passed:
        _say(f"quality gate failed: {len(report.critical_failures)} critical expectations")
        return cli.EXIT_QUALITY_GATE
    return cli.EXIT_OK
