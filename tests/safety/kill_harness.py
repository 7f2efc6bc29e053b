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
