"""The quality gate's libraries are loaded in the background while a run works."""

from __future__ import annotations

import subprocess
import sys


def test_warming_the_gate_loads_great_expectations_off_the_main_thread() -> None:
    code = (
        "import sys, threading\n"
        "from flows.release import warm_quality_gate\n"
        "before = 'great_expectations' in sys.modules\n"
        "thread = warm_quality_gate()\n"
        "thread.join()\n"
        "after = 'great_expectations' in sys.modules\n"
        "print(before, thread is not threading.main_thread(), after)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    assert done.stdout.split() == ["False", "True", "True"]
