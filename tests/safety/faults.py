"""Real faults for tests: a full disk (SQLite's own limit or a tiny tmpfs), a held lock."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event


@contextmanager
def on_every_connection(engine: Engine, setup: Callable[[Any], None]) -> Iterator[None]:
    """Run setup(dbapi_connection) on each new connection of engine while the block runs."""

    def listener(dbapi_connection: Any, _record: Any) -> None:
        setup(dbapi_connection)

    engine.dispose()
    event.listen(engine, "connect", listener)
    try:
        yield
    finally:
        event.remove(engine, "connect", listener)
        engine.dispose()


def _cap_growth(connection: Any) -> None:
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count={pages}")


def sqlite_disk_full(engine: Engine) -> AbstractContextManager[None]:
    """The file may not grow: SQLite's real "database or disk is full" (SQLITE_FULL)."""
    return on_every_connection(engine, _cap_growth)


def refusing_writes(engine: Engine) -> AbstractContextManager[None]:
    """SQLite's real "attempt to write a readonly database" on every write."""
    return on_every_connection(engine, lambda c: c.execute("PRAGMA query_only=ON"))


@contextmanager
def tiny_disk(where: Path, size_kb: int = 64) -> Iterator[Path]:
    """A real, small file system (tmpfs) mounted at where: writes past size_kb get ENOSPC.
    Needs root (CI runs as root); skipped otherwise."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tiny file system needs root")
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(where)],
        capture_output=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here: {done.stderr.decode(errors='replace')}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path) -> None:
    """Fill the file system holding folder to the last byte."""
    with open(folder / "filler", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 1024)
        except OSError:
            pass


@contextmanager
def lock_held_by_another_process(root: Path) -> Iterator[subprocess.Popen[str]]:
    """A separate process (as the app would be) holding the profile lock."""
    code = (
        "import sys, time\n"
        "from companion.profile_lock import ProfileLock\n"
        "lock = ProfileLock(sys.argv[1]); lock.acquire()\n"
        "print('held', flush=True)\n"
        "time.sleep(120)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(root)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        yield process
    finally:
        process.kill()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()
