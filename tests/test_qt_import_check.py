"""PySide6's check of each imported module answers the same, without caching sources."""

from __future__ import annotations

import linecache
import subprocess
import sys
import types
from pathlib import Path

from companion import qt_import_check


def test_the_check_reads_the_file_and_caches_nothing(tmp_path: Path) -> None:
    using = tmp_path / "using.py"
    using.write_text("from PySide6.QtCore import QTimer\n")
    plain = tmp_path / "plain.py"
    plain.write_text("import os\n")
    linecache.clearcache()
    for path, expected in ((using, True), (plain, False)):
        module = types.ModuleType(path.stem)
        module.__file__ = str(path)
        assert qt_import_check._mentions_pyside(module) is expected
    assert str(using) not in linecache.cache and str(plain) not in linecache.cache
    assert qt_import_check._mentions_pyside(sys) is False  # built in: no file


def test_the_app_keeps_no_module_sources_after_importing_the_orm() -> None:
    code = (
        "import linecache\n"
        "import companion.app\n"
        "import sqlalchemy.orm, companion.store.models\n"
        "print(sum(name.endswith('.py') for name in linecache.cache))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # PySide6's own check put the source of every module imported after it there (~480;
    # SQLAlchemy's generated wrappers are kept there by SQLAlchemy itself, not counted)
    assert int(done.stdout.split()[-1]) < 20
