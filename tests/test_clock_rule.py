"""Time comes from one injectable clock: no module of the package reads the system time
itself (companion/clock.py is the one place that does)."""

from __future__ import annotations

import ast
from pathlib import Path

import companion

PACKAGE = Path(companion.__file__).parent
CLOCK_MODULE = PACKAGE / "clock.py"

# (receiver, method) pairs that read the system's date or time.
FORBIDDEN = {
    ("date", "today"),
    ("datetime", "today"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("time", "time"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("QDate", "currentDate"),
    ("QDateTime", "currentDateTime"),
    ("QDateTime", "currentDateTimeUtc"),
    ("QDateTime", "currentSecsSinceEpoch"),
    ("QDateTime", "currentMSecsSinceEpoch"),
    ("QTime", "currentTime"),
}


def _receiver(node: ast.expr) -> str | None:
    """The last name of what a method is called on: `datetime.date.today` gives "date"."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def clock_reads(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            pair = (_receiver(node.func.value), node.func.attr)
            if pair in FORBIDDEN:
                found.append((node.lineno, f"{pair[0]}.{pair[1]}()"))
    return found


def test_the_rule_finds_direct_clock_reads() -> None:
    source = (
        "import datetime, time\nfrom datetime import date\n"
        "a = date.today()\nb = datetime.datetime.now()\nc = time.time()\n"
        "d = QDate.currentDate()\ne = clock.today()\nf = date(2026, 1, 1)\n"
    )
    assert [line for line, _ in clock_reads(source)] == [3, 4, 5, 6]


def test_only_the_clock_module_reads_the_system_time() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {call}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != CLOCK_MODULE
        for line, call in clock_reads(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "use the injected Clock (companion/clock.py) instead:\n" + "\n".join(
        offenders
    )
