"""Crash logs: an excepthook and faulthandler write to the profile's log folder.

A crash log holds the exception type and the code location only: never the exception's
message or any local values, because those can contain what the patient typed.
"""

from __future__ import annotations

import faulthandler
import logging
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from companion import __version__, atomic_file
from companion.clock import default_clock
from companion.errors import CompanionError
from companion.store.backup import timestamp

SEEN_MARKER = ".seen"
_fault_file: IO[str] | None = None


def crash_report(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    lines = [
        f"HER2 Companion {__version__}, Python {platform.python_version()}",
        f"System: {platform.platform()}",
        f"Error type: {exc_type.__module__}.{exc_type.__qualname__}",
        "Where (most recent call last):",
    ]
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def write_crash_log(logs: Path, exc_type: type[BaseException], tb: TracebackType | None) -> Path:
    """Write the report whole or not at all (a full disk leaves no empty crash log).
    Raises FileWriteError when it cannot be written."""
    try:
        logs.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise atomic_file.write_failure(logs, exc) from exc
    path = logs / f"crash-{timestamp(default_clock().now())}.log"
    atomic_file.write_text(path, crash_report(exc_type, tb))
    return path


def install(logs: Path, on_crash: Callable[[Path], None] | None = None) -> None:
    """Route uncaught exceptions and hard faults to crash logs in `logs`."""
    global _fault_file
    logs.mkdir(mode=0o700, parents=True, exist_ok=True)
    fault_path = logs / "fault.log"
    _fault_file = fault_path.open("a", encoding="utf-8")
    fault_path.chmod(0o600)
    faulthandler.enable(_fault_file)

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            path = write_crash_log(logs, exc_type, tb)
        except CompanionError:  # a full or read-only disk: say it where it can be seen
            sys.__excepthook__(exc_type, exc, tb)
            return
        logging.getLogger("companion").error("Unexpected error; crash log %s", path.name)
        if on_crash is not None:
            on_crash(path)

    sys.excepthook = hook


def unseen_crash_logs(logs: Path) -> list[Path]:
    """Crash logs written since the user last looked (fault.log counts when not empty)."""
    marker = logs / SEEN_MARKER
    since = marker.stat().st_mtime if marker.exists() else 0.0
    found = [p for p in logs.glob("crash-*.log") if p.stat().st_mtime > since and p.stat().st_size]
    fault = logs / "fault.log"
    if fault.exists() and fault.stat().st_size > 0 and fault.stat().st_mtime > since:
        found.append(fault)
    return sorted(found)


def mark_seen(logs: Path) -> None:
    (logs / SEEN_MARKER).touch()
