"""The README's "Reading the outputs" examples run against a real gold folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.conftest import CliRun
from tests.paths import ROOT


def _examples() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Reading the outputs", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


def test_the_section_has_pandas_pyarrow_and_duckdb_examples() -> None:
    code = "\n".join(_examples())
    for library in ("import pandas", "import pyarrow", "import duckdb"):
        assert library in code


@pytest.mark.parametrize("index", range(3))
def test_example_runs(
    index: int, mixed_run: CliRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "data").symlink_to(mixed_run.data_dir)
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        exec(compile(_examples()[index], f"README example {index + 1}", "exec"), {})
    finally:
        os.chdir(cwd)
    printed = capsys.readouterr().out
    assert printed.strip()
    if index == 2:
        assert "2024" in printed  # JNIM's September 17, 2024 attacks in Bamako
