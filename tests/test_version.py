"""One version, from the package metadata, and `companion --version` without Qt or SQLAlchemy."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import companion
from companion.__main__ import main

ROOT = Path(__file__).resolve().parents[1]


def test_the_version_is_the_one_pyproject_declares() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        declared = tomllib.load(handle)["project"]["version"]
    assert companion.__version__ == declared
    from importlib.metadata import version

    assert version(companion.DISTRIBUTION) == declared


def test_version_answers_before_any_heavy_import() -> None:
    # In a fresh interpreter: this test session has imported Qt already.
    probe = (
        "import sys, json\n"
        "from companion.__main__ import main\n"
        "status = main(['--version'])\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'PySide6', 'shiboken6', 'sqlalchemy', 'alembic', 'argparse', 'platformdirs'})\n"
        "print(json.dumps([status, heavy]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    version_line, result = done.stdout.strip().splitlines()
    assert version_line == f"companion {companion.__version__}"
    assert json.loads(result) == [0, []]


def test_version_after_other_options_goes_through_the_parser(capsys) -> None:  # type: ignore[no-untyped-def]
    try:
        main(["--data-dir", "/nonexistent", "--version"])
    except SystemExit as exit_:
        assert exit_.code == 0
    assert capsys.readouterr().out.strip() == f"companion {companion.__version__}"
