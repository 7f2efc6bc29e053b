"""Random SIGKILLs over every write path: after each kill the profile opens, SQLite's
integrity check passes, every save that was reported is there, and imports, restores and
backups are all-or-nothing. A few rounds per path run in the suite; set
COMPANION_KILL_ROUNDS=1000 for a campaign (benchmarks/README: the figures in the report)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from companion.paths import ProfilePaths
from companion.services import Services
from companion.store.backup import integrity_problems
from tests.safety.kill_harness import rounds

SAVES = """
import sys
from datetime import date, timedelta
from companion.services import Services
services = Services.open(sys.argv[1])
print("ready", flush=True)
for i in range(100000):
    day = date(2020, 1, 1) + timedelta(days=i // 4)
    services.symptoms.set_answer(day, "fatigue", "severity", i % 4)
    print(f"saved {i}", flush=True)
"""
CLI = """
import sys
print("ready", flush=True)
from companion.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _killed(code: str, args: list[str], delay: float) -> list[str]:
    """Run code, SIGKILL it delay seconds after it says "ready"; its output lines."""
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert process.stdout is not None
    lines = [process.stdout.readline().strip()]
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    lines += [line.strip() for line in process.stdout]
    process.stdout.close()
    process.wait()
    return lines


def _sound(folder: Path) -> None:
    Services.open(folder).close()  # the profile opens
    assert integrity_problems(ProfilePaths(folder).database) == []


def test_killed_answer_saves_lose_nothing_that_was_reported(tmp_path: Path) -> None:
    chooser = random.Random()
    for round_ in range(rounds(2)):
        folder = tmp_path / f"r{round_}"
        Services.open(folder).close()
        lines = _killed(SAVES, [str(folder)], chooser.uniform(0.2, 1.5))
        reported = [int(line.split()[1]) for line in lines if line.startswith("saved")]
        _sound(folder)
        services = Services.open(folder)
        try:
            for i in reported:
                day = date(2020, 1, 1) + timedelta(days=i // 4)
                # the newest reported value of that day is stored (later saves overwrite)
                last = max(j for j in reported if j // 4 == i // 4)
                stored = services.symptoms.day_state(day).values()[("fatigue", "severity")]
                assert stored in (last % 4, (last + 1) % 4)  # (+1: done but not yet printed)
        finally:
            services.close()


def _entries(folder: Path) -> int:
    with sqlite3.connect(ProfilePaths(folder).database) as db:
        count = db.execute("SELECT count(*) FROM symptom_answer").fetchone()[0]
    db.close()
    return int(count)


def test_a_killed_import_is_all_or_nothing(demo_template: Path, tmp_path: Path) -> None:
    from companion.cli import main

    csv = tmp_path / "all.csv"
    assert main(["--data-dir", str(demo_template), "export", "symptoms", "-o", str(csv)]) == 0
    chooser = random.Random()
    outcomes = {"nothing": 0, "all": 0}
    for round_ in range(rounds(2)):
        folder = tmp_path / f"i{round_}"
        Services.open(folder).close()
        _killed(
            CLI,
            ["--data-dir", str(folder), "import", "symptoms", str(csv)],
            chooser.uniform(0.0, 3.0),
        )
        _sound(folder)
        count = _entries(folder)
        assert count in (0, _entries(demo_template))
        outcomes["all" if count else "nothing"] += 1
    assert sum(outcomes.values()) == rounds(2)


def test_a_killed_restore_leaves_the_old_or_the_new_profile(
    demo_template: Path, tmp_path: Path
) -> None:
    from companion.cli import main

    backup = tmp_path / "b.sqlite"
    assert main(["--data-dir", str(demo_template), "backup", "-o", str(backup)]) == 0
    chooser = random.Random()
    for round_ in range(rounds(2)):
        folder = tmp_path / f"s{round_}"
        services = Services.open(folder)
        services.symptoms.set_note(date(2020, 1, 1), "the profile before the restore")
        services.close()
        _killed(CLI, ["--data-dir", str(folder), "restore", str(backup)], chooser.uniform(0, 3))
        _sound(folder)
        services = Services.open(folder)
        try:
            old = services.symptoms.day_state(date(2020, 1, 1)).note != ""
        finally:
            services.close()
        assert old or _entries(folder) == _entries(demo_template)


def test_a_killed_backup_is_whole_or_absent(demo_template: Path, tmp_path: Path) -> None:
    import shutil

    from companion.store.backup_shelf import list_backups
    from companion.store.creation import leftovers, tidy_leftovers

    chooser = random.Random()
    for round_ in range(rounds(2)):
        folder = tmp_path / f"b{round_}"
        shutil.copytree(demo_template, folder)
        _killed(CLI, ["--data-dir", str(folder), "backup"], chooser.uniform(0, 2.5))
        paths = ProfilePaths(folder)
        for entry in list_backups(paths):  # a listed backup is always a whole one
            assert integrity_problems(entry.path) == []
        tidy_leftovers(paths)
        assert leftovers(paths) == []
        _sound(folder)
