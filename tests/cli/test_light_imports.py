"""The quick command-line verbs and the crash handler start without Qt or SQLAlchemy.

Each check runs in a fresh interpreter, because this test process has loaded everything.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("PySide6", "shiboken6", "sqlalchemy", "alembic")

REPORT = """
import contextlib, io, sys
{code}
heavy = sorted({{m.split(".")[0] for m in sys.modules}} & set({heavy!r}))
print("HEAVY", *heavy)
"""


def heavy_modules_after(code: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", REPORT.format(code=code, heavy=HEAVY)],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("HEAVY"))
    return line.split()[1:]


def cli(*argv: str) -> str:
    return (
        "from companion.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main({list(argv)!r})"
    )


@pytest.mark.parametrize(
    "argv",
    [("--version",), ("--help",), ("library", "search", "enhertu"), ("export", "--help")],
)
def test_quick_verbs_load_neither_qt_nor_sqlalchemy(argv: tuple[str, ...]) -> None:
    assert heavy_modules_after(cli(*argv)) == []


def test_the_crash_handler_does_not_load_the_store() -> None:
    assert heavy_modules_after("import companion.crash") == []


def test_the_library_service_does_not_load_qt() -> None:
    code = "from companion.library.service import LibraryService\nLibraryService().search('her')"
    assert heavy_modules_after(code) == []
