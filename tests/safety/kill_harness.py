"""Kill a write in progress, on purpose: at the Nth call of a system call (strace's fault
injection) or after a random delay (SIGKILL), then check what is left.

A fast few rounds run in the suite; COMPANION_KILL_ROUNDS=1000 runs a real campaign.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

STRACE = shutil.which("strace")
WRITE_CALLS = ("pwrite64", "write", "fsync", "fdatasync", "rename", "unlink")


def rounds(default: int) -> int:
    return int(os.environ.get("COMPANION_KILL_ROUNDS", default))


def python_command(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def kill_at_syscall(command: list[str], syscall: str, nth: int, timeout: float = 120) -> int:
    """Run command; the nth call of syscall (counted over all its threads) gets SIGKILL.
    Returns the exit status (-9 when the kill happened)."""
    if STRACE is None:
        pytest.skip("strace is not installed")
    done = subprocess.run(
        [
            STRACE,
            "-f",
            "-qq",
            "-o",
            "/dev/null",
            "-e",
            f"trace={syscall}",
            "-e",
            f"inject={syscall}:signal=SIGKILL:when={nth}",
            *command,
        ],
        capture_output=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return -9 if done.returncode in (-9, 137) else done.returncode


def kill_after(command: list[str], seconds: float, timeout: float = 120) -> int:
    """Run command and SIGKILL it after seconds (if it is still running)."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
    return process.wait(timeout=timeout)


def spread(count: int, low: int, high: int, seed: int = 11) -> list[int]:
    """count kill points between low and high: evenly spaced plus random ones."""
    chooser = random.Random(seed + int(time.time()) // 3600)
    points = {low + (high - low) * i // max(1, count - 1) for i in range(count)}
    while len(points) < count:
        points.add(chooser.randint(low, high))
    return sorted(points)[:count]


def count_syscalls(command: list[str], syscall: str, timeout: float = 120) -> int:
    """How many times command calls syscall when nothing goes wrong."""
    if STRACE is None:
        pytest.skip("strace is not installed")
    done = subprocess.run(
        [STRACE, "-f", "-qq", "-c", "-e", f"trace={syscall}", "-o", "/dev/stdout", *command],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    for line in done.stdout.splitlines():
        parts = line.split()
        if parts and parts[-1] == syscall:
            return int(parts[3])
    return 0


def dump(path: Path) -> str:
    return "\n".join(sorted(p.name for p in path.iterdir())) if path.exists() else "(none)"


# -- killing a worker forked from a clean, preloaded server (fast rounds) ------------------
# Each round's worker is a real process doing real I/O, SIGKILLed at a random moment; it is
# forked from multiprocessing's fork server, which has the app's modules loaded once, so a
# round costs no interpreter start and the test process (maybe with Qt) is never forked.
PRELOAD = ["companion.services", "companion.cli", "companion.store.protection"]


def _context():  # type: ignore[no-untyped-def]
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


class Reporter:
    """What a worker reports (one line per event, "ready" first), in a file: a line is
    complete only with its newline, so a kill in the middle of a write is never counted."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self, line: str) -> None:
        descriptor = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(descriptor, (line + "\n").encode())
        finally:
            os.close(descriptor)

    def lines(self) -> list[str]:
        if not self.path.exists():
            return []
        text = self.path.read_text(encoding="utf-8")
        complete = text if text.endswith("\n") else text.rpartition("\n")[0]
        return [line for line in complete.splitlines() if line]


def kill_worker(
    target, args: tuple[object, ...], delay: float, report: Path
) -> tuple[list[str], int]:  # type: ignore[no-untyped-def]
    """Start target(reporter, *args) in a worker, SIGKILL it delay seconds after it reports
    "ready" (unless it ended first). Returns its reported lines and exit code."""
    reporter = Reporter(report)
    report.unlink(missing_ok=True)
    worker = _context().Process(target=target, args=(reporter, *args))
    worker.start()
    deadline = time.monotonic() + 120
    while not reporter.lines() and worker.is_alive() and time.monotonic() < deadline:
        time.sleep(0.005)
    worker.join(delay)
    if worker.is_alive():
        worker.kill()
    worker.join(60)
    return reporter.lines(), int(worker.exitcode or 0)


def cli_worker(report: Reporter, argv: list[str]) -> None:
    from companion.cli import main

    report("ready")
    status = main(argv)
    report(f"exit {status}")


def record_outcome(path_name: str, outcome: str) -> None:
    """Add one round's outcome to COMPANION_KILL_REPORT (a JSON-lines file), if set."""
    target = os.environ.get("COMPANION_KILL_REPORT")
    if not target:
        return
    import json

    with open(target, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"path": path_name, "outcome": outcome}) + "\n")


def saves_worker(report: Reporter, folder: str, password: str | None) -> None:
    """Answer saves one after another, each reported once the service returned."""
    from datetime import date, timedelta

    from companion.paths import ProfilePaths
    from companion.services import Services
    from companion.store.cipher import ProfileKey

    key = ProfileKey(password) if password else None
    services = Services.open(ProfilePaths(Path(folder), key=key))
    report("ready")
    for i in range(100000):
        day = date(2020, 1, 1) + timedelta(days=i // 4)
        services.symptoms.set_answer(day, "fatigue", "severity", i % 4)
        report(f"saved {i}")


def protection_worker(report: Reporter, folder: str, old: str | None, new: str | None) -> None:
    """Protect the profile (old None), change the password, or turn it off (new None)."""
    from companion.paths import ProfilePaths
    from companion.services import Services
    from companion.store.cipher import ProfileKey

    services = Services.open(ProfilePaths(Path(folder), key=ProfileKey(old) if old else None))
    report("ready")
    if new is None:
        services.protection.remove(old or "")
    else:
        services.protection.protect(new, new, current=old)
    report("done")
