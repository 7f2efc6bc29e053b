"""Backup and open figures for a big profile, each beside its floor.

    .venv/bin/python benchmarks/backups.py [--answers 100000] [--runs 3]

Builds a synthetic profile (benchmarks/symptom_profile.py), then alternates:
- a verified backup (SQLite's backup API, integrity check, fsync, rename) against its floor,
  a plain file copy with fsync;
- Store.open (read-only revision and quick_check, then the engine) against its floor, a raw
  sqlite3 connection counting the answers.
Prints sizes, medians and ratios. The machine is shared: compare ratios, not seconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from companion.store import Store
from companion.store.backup import backup_database


def plain_copy(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


def raw_open(database: Path) -> None:
    with sqlite3.connect(database) as db:
        db.execute("SELECT count(*) FROM symptom_answer").fetchone()
    db.close()


def timed(work) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="companion-bench-") as folder:
        profile = Path(folder) / "profile"
        here = Path(__file__).parent
        subprocess.run(
            [
                sys.executable,
                str(here / "symptom_profile.py"),
                str(profile),
                "--answers",
                str(args.answers),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        database = profile / "profile.sqlite"
        Store.open(profile).close()  # folds the WAL in: both sides copy the same bytes
        backups: list[float] = []
        copies: list[float] = []
        opens: list[float] = []
        raws: list[float] = []
        for run in range(args.runs):
            target = Path(folder) / f"backup-{run}.sqlite"
            backups.append(timed(lambda t=target: backup_database(database, t)))
            copies.append(timed(lambda r=run: plain_copy(database, Path(folder) / f"c{r}")))
            opens.append(timed(lambda: Store.open(profile).close()))
            raws.append(timed(lambda: raw_open(database)))
        with sqlite3.connect(database) as db:
            answers = db.execute("SELECT count(*) FROM symptom_answer").fetchone()[0]
        db.close()
        size = database.stat().st_size
        backup_size = (Path(folder) / "backup-0.sqlite").stat().st_size
    b, c = statistics.median(backups), statistics.median(copies)
    o, r = statistics.median(opens), statistics.median(raws)
    print(f"answers in the profile:       {answers}")
    print(
        f"profile size:                 {size / 1e6:.1f} MB; backup size {backup_size / 1e6:.1f} MB"
    )
    print(
        f"verified backup (median):     {b * 1000:.0f} ms; plain copy+fsync {c * 1000:.0f} ms "
        f"(ratio {b / c:.1f})"
    )
    print(
        f"Store.open with quick_check:  {o * 1000:.0f} ms; raw sqlite3 count {r * 1000:.0f} ms "
        f"(ratio {o / r:.1f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
