"""`./dev` sets itself up quietly: one line while it works, pip's output only on failure."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from installed_app import ROOT, user_env

# Builds and installs take minutes, more than the suite's per-test limit.
pytestmark = [pytest.mark.packaging, pytest.mark.timeout(1800)]

TINY_PROJECT = """\
[build-system]
requires = ["setuptools>=77"]
build-backend = "setuptools.build_meta"

[project]
name = "dev-script-probe"
version = "1"

[project.optional-dependencies]
dev = []

[tool.setuptools]
py-modules = []
"""


def run_dev(folder: Path, pyproject: str) -> subprocess.CompletedProcess[str]:
    shutil.copy2(ROOT / "dev", folder / "dev")
    (folder / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    return subprocess.run(
        [folder / "dev", "no-such-verb"],
        cwd=folder,
        env=user_env(folder / "home"),
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_first_run_says_one_line_instead_of_pip_output(tmp_path: Path) -> None:
    done = run_dev(tmp_path, TINY_PROJECT)
    assert done.stderr.splitlines()[0] == "Setting up (about a minute)…"
    assert "Successfully installed" not in done.stdout + done.stderr
    assert done.returncode == 2 and "usage: ./dev" in done.stderr  # set up, then the verb
    again = subprocess.run(
        [tmp_path / "dev", "no-such-verb"], cwd=tmp_path, capture_output=True, text=True
    )
    assert again.stderr.startswith("usage: ./dev")  # set up once only


def test_a_failed_set_up_shows_what_pip_said(tmp_path: Path) -> None:
    done = run_dev(tmp_path, TINY_PROJECT.replace('version = "1"', "version = 1 2"))
    assert done.returncode == 1
    assert done.stderr.startswith("Setting up (about a minute)…\n")
    assert "at line 7" in done.stderr  # pip's own words about the broken file
    assert done.stderr.rstrip().endswith("Setting up failed; pip's messages are above.")
