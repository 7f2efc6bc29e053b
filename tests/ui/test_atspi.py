"""A screen reader's view, from another process: under Xvfb and a private D-Bus session the
app runs with Qt's AT-SPI bridge on, and Debian's pyatspi (system Python) walks its
accessibility tree on every page and dialog (tests/atspi/). It fails on an unnamed control,
a red flag without an alert, or a status line whose name is not its text. .ci/run installs
xvfb, at-spi2-core, dbus and python3-pyatspi."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[1] / "atspi"
SYSTEM_PYTHON = "/usr/bin/python3"


def _missing() -> str | None:
    for tool in ("Xvfb", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not Path(SYSTEM_PYTHON).exists():
        return "no system Python"
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False
    )
    return "python3-pyatspi is not installed" if probe.returncode else None


@pytest.mark.skipif(_missing() is not None, reason=str(_missing()))
def test_a_screen_reader_finds_every_control_named(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            "dbus-run-session",
            "--",
            SYSTEM_PYTHON,
            str(HERE / "session.py"),
            sys.executable,
            str(HERE / "driver.py"),
            str(tmp_path / "profile"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    steps = set(report)
    pages = {"today", "symptoms", "treatments", "visits", "library", "settings"}
    assert {f"page {p}" for p in pages} <= steps
    assert {"red flag", "status line", "new visit dialog", "new line dialog"} <= steps
    # the reader catches a control without a name (so a pass means something)
    caught = report.pop("self-check")
    assert len(caught) == 1 and caught[0].startswith("unnamed push_button"), caught
    problems = {step: found for step, found in report.items() if found}
    assert not problems, json.dumps(problems, indent=1)
