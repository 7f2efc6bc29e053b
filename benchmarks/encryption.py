"""Open time of a password-protected (SQLCipher) profile beside the same profile unprotected.

    .venv/bin/python benchmarks/encryption.py [--answers 100000] [--repeats 7]

Also part of benchmarks/run.py (key encrypted_open_100k_ratio_vs_plain). The cached
synthetic profile (benchmarks/run.py) is copied twice; one copy is protected through the
app's own path (companion.store.protection.change_key: backup, verified encrypted copy,
swap). Then, alternating: Store.open (read-only revision and quick_check of every page,
the engine) plus a count of the answers through a session, on the plain copy and on the
encrypted one; a raw sqlite3 count on the plain file is the floor. Each encrypted open
starts from a new key, as every start of the app does, so it includes the key derivation
(PBKDF2-HMAC-SHA512, 256,000 iterations: once per open, kept for its connections).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
PASSWORD = "benchmark password"


def open_and_count(paths: object) -> int:
    from sqlalchemy import func, select

    from companion.store import Store
    from companion.store.models import SymptomAnswer

    store = Store.open(paths)  # type: ignore[arg-type]
    try:
        with store.session() as session:
            return int(session.scalar(select(func.count()).select_from(SymptomAnswer)) or 0)
    finally:
        store.close()


def raw_count(database: Path) -> int:
    db = sqlite3.connect(database)
    try:
        return int(db.execute("SELECT count(*) FROM symptom_answer").fetchone()[0])
    finally:
        db.close()


def measure_encryption(repeats: int, profile: Path, scratch: Path) -> dict[str, object]:
    """Series of seconds: plain_open, encrypted_open, raw_count (alternating), and sizes."""
    from run import Series, copy_profile  # benchmarks/run.py

    from companion.clock import default_clock
    from companion.paths import ProfilePaths
    from companion.store import Store
    from companion.store.cipher import ProfileKey
    from companion.store.protection import change_key

    plain = ProfilePaths(copy_profile(profile, scratch / "enc-plain"))
    Store.open(plain).close()  # folds the WAL in, as the encrypted copy has it
    encrypted_root = copy_profile(profile, scratch / "enc-protected")
    start = time.perf_counter()
    encrypted = change_key(
        ProfilePaths(encrypted_root), ProfileKey(PASSWORD), default_clock().now()
    )
    protect_seconds = time.perf_counter() - start
    encrypted = replace(encrypted, key=ProfileKey(PASSWORD))
    series = {"plain_open": Series(), "encrypted_open": Series(), "raw_count": Series()}
    counts = set()
    for _ in range(repeats):
        for name, work in (
            ("plain_open", lambda: open_and_count(plain)),
            # a new key each time, as at every start: the key derivation is counted
            (
                "encrypted_open",
                lambda: open_and_count(replace(encrypted, key=ProfileKey(PASSWORD))),
            ),
            ("raw_count", lambda: raw_count(plain.database)),
        ):
            began = time.perf_counter()
            counts.add(work())
            series[name].add(time.perf_counter() - began)
    assert len(counts) == 1, counts  # all three read the same answers
    return {
        **series,
        "answers": counts.pop(),
        "protect_seconds": protect_seconds,
        "plain_bytes": plain.database.stat().st_size,
        "encrypted_bytes": encrypted.database.stat().st_size,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    from run import cached_profile, ratio_series

    profile = cached_profile(args.answers)
    with tempfile.TemporaryDirectory(prefix="companion-bench-enc-") as folder:
        figures = measure_encryption(args.repeats, profile, Path(folder))
    plain, encrypted, raw = (figures[k] for k in ("plain_open", "encrypted_open", "raw_count"))
    print(f"answers: {figures['answers']}, repeats: {args.repeats} (alternating)")
    print(
        f"database: plain {figures['plain_bytes'] / 1e6:.1f} MB, "
        f"encrypted {figures['encrypted_bytes'] / 1e6:.1f} MB; "
        f"protecting it took {figures['protect_seconds']:.2f} s"
    )
    for name, series in (("plain open", plain), ("encrypted open", encrypted), ("raw count", raw)):
        spread = series.spread(1000)  # type: ignore[attr-defined]
        print(
            f"{name:<16} min {spread['min']:>8.1f}  median {spread['median']:>8.1f}  "
            f"max {spread['max']:>8.1f} ms"
        )
    ratio = ratio_series(encrypted, plain)  # type: ignore[arg-type]
    print(
        f"encrypted / plain open, run by run: median {ratio.median:.2f}× "
        f"(min {min(ratio.values):.2f}, max {max(ratio.values):.2f})"
    )
    print(f"load average: {[round(x, 2) for x in os.getloadavg()]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
