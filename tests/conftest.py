"""Shared fixtures: the bundled sample, its bronze extract, one real CLI run per session,
and one temporary Prefect API for the flows run inside the test process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from eventline.bronze.decoder import DecodedDocument, decode_document
from eventline.bronze.extractor import BronzeExtract, extract_bronze
from eventline.report.browser_check import BrowserUnavailable, HeadlessChromium, unavailable_reason
from eventline.silver.builder import SilverTables, build_silver_tables
from eventline.silver.event_types import default_classifier
from eventline.silver.places import default_gazetteer
from eventline.silver.segments import build_segments
from flows import prefect_env
from tests.paths import FIXTURES, ROOT, SAMPLE, SAMPLE_DOC_ID, SAMPLE_KNOWN_UNTIL

LATIN1_REPORT = (
    "Rapport: Mali\n\n"
    "- **March 1, 2021:** Gunmen attack a checkpoint near Ménaka, killing four. "
    "Source: [Reuters](#)\n"
).encode("latin-1")


@pytest.fixture(scope="session")
def sample_text() -> str:
    decoded = decode_document(SAMPLE.read_bytes())
    assert isinstance(decoded, DecodedDocument)
    return decoded.text


@pytest.fixture(scope="session")
def sample_extract(sample_text: str) -> BronzeExtract:
    return extract_bronze(SAMPLE_DOC_ID, sample_text)


@pytest.fixture(scope="session")
def sample_segment_texts(sample_extract: BronzeExtract) -> dict[str, str]:
    """The text of every silver segment of the sample (kept, quarantined or merged), by id:
    gold resolves actors per silver record."""
    segments = build_segments(sample_extract.bullets, sample_extract.narratives, SAMPLE_KNOWN_UNTIL)
    return {segment.record_id: segment.text for segment in segments}


@pytest.fixture(scope="session")
def sample_silver(sample_extract: BronzeExtract) -> SilverTables:
    """Silver of the sample, built by the pure core (no Prefect)."""
    return build_silver_tables(
        [{"doc_id": SAMPLE_DOC_ID, "title": sample_extract.title}],
        sample_extract.bullets,
        sample_extract.narratives,
        SAMPLE_KNOWN_UNTIL,
        default_gazetteer(),
        default_classifier(),
    )


@dataclass
class CliRun:
    """A finished ``eventline run`` subprocess and where it wrote."""

    returncode: int
    stdout: str
    stderr: str
    data_dir: Path
    inputs: Path


def cli_env(prefect_home: Path, api_url: str | None = None) -> dict[str, str]:
    """The environment of an ``eventline`` subprocess: its own temporary API, or *api_url*."""
    env = {**os.environ, "PREFECT_HOME": str(prefect_home)}
    env.pop("PREFECT_API_URL", None)
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


def run_cli(
    args: list[str], prefect_home: Path, cwd: Path, api_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = cli_env(prefect_home, api_url)
    return subprocess.run(
        [sys.executable, "-m", "eventline.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="session")
def prefect_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("prefect-home")


@pytest.fixture(scope="session")
def mixed_run(tmp_path_factory: pytest.TempPathFactory, prefect_home: Path) -> CliRun:
    """The sample plus every kind of awkward input, run once through the real CLI."""
    inputs = tmp_path_factory.mktemp("inputs")
    (inputs / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    crlf = SAMPLE.read_bytes().replace(b"\n", b"\r\n")
    (inputs / "sample_copy_crlf.txt").write_bytes(crlf)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "blank.txt").write_bytes(b"  \n\t\n\n")
    (inputs / "scan.pdf").write_bytes(b"%PDF-1.4\n\x00\x01\x02\x03binary\x00stream")
    (inputs / "latin1_report.txt").write_bytes(LATIN1_REPORT)
    (inputs / "crt_mali_2021.txt").write_bytes((FIXTURES / "crt_mali_2021.txt").read_bytes())
    (inputs / "prose_report.txt").write_bytes((FIXTURES / "prose_report.txt").read_bytes())
    data_dir = tmp_path_factory.mktemp("data")
    done = run_cli(["run", str(inputs), "--data-dir", str(data_dir)], prefect_home, inputs)
    return CliRun(done.returncode, done.stdout, done.stderr, data_dir, inputs)


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One temporary Prefect API for the flows run inside the test process (≈ 20 s once).

    Yields its URL, so that ``eventline`` subprocesses can use it too instead of starting
    a temporary API of their own (12-15 s each).
    """
    os.environ["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect-harness"))
    prefect_env.configure(ROOT)
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield str(PREFECT_API_URL.value())


@dataclass
class FlowRun:
    """A finished in-process run of the flow on the sample alone."""

    data_dir: Path
    summary: dict


@pytest.fixture(scope="session")
def sample_run(prefect_harness: str, tmp_path_factory: pytest.TempPathFactory) -> FlowRun:
    """The flow, in this process, on the bundled sample alone."""
    from flows.pipeline import eventline_pipeline

    data_dir = tmp_path_factory.mktemp("sample-run") / "data"
    summary = eventline_pipeline(
        inputs=[str(SAMPLE)], data_dir=str(data_dir), known_until=SAMPLE_KNOWN_UNTIL.isoformat()
    )
    return FlowRun(data_dir, summary)


@pytest.fixture(scope="session")
def browser() -> Iterator[HeadlessChromium]:
    """One headless Chromium (Playwright, network refused) for every browser test.

    Skipped, with the reason, only where Chromium or Playwright is not installed; installed
    but unable to start is a failure.
    """
    reason = unavailable_reason()
    if reason:
        pytest.skip(f"browser checks skipped: {reason}")
    try:
        with HeadlessChromium() as chromium:
            yield chromium
    except BrowserUnavailable as error:
        pytest.fail(f"Chromium is installed but could not be driven: {error}")
