"""The wheel a user installs with pip is complete: built, installed into a fresh venv outside
the checkout (not editable), and used from there."""

from __future__ import annotations

import subprocess
import sys
import time
import venv
import zipfile
from pathlib import Path

import pytest
from installed_app import (
    copy_clean_tree,
    exercise,
    export_kinds,
    project_version,
    run,
    shipped_package_files,
)

# Builds and installs take minutes, more than the suite's per-test limit.
pytestmark = [pytest.mark.packaging, pytest.mark.timeout(1800)]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = copy_clean_tree(tmp_path_factory.mktemp("clean-clone"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, source],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("her2_companion-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel and its dependencies (from pip's cache when warm)."""
    env_dir = tmp_path_factory.mktemp("user") / "venv"
    venv.create(env_dir, with_pip=True)
    started = time.perf_counter()
    subprocess.run(
        [env_dir / "bin" / "python", "-m", "pip", "install", "-q", wheel],
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - started
    print(f"\nwheel install into a fresh venv: {seconds:.1f} s", file=sys.stderr)
    return env_dir


def test_the_wheel_carries_every_file_of_the_package(wheel: Path) -> None:
    inside = set(zipfile.ZipFile(wheel).namelist())
    missing = sorted(shipped_package_files() - inside)
    assert missing == []
    assert "her2_companion-" in wheel.name and f"-{project_version()}-" in wheel.name
    licence = [n for n in inside if n.endswith("/licenses/LICENSE")]
    assert licence, "the licence text is not in the wheel"


def test_the_installed_wheel_works_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    python = installed / "bin" / "python"
    where = run(
        [python, "-c", "import companion, sqlalchemy; print(companion.__file__)"],
        tmp_path / "home",
        tmp_path,
    ).stdout.strip()
    assert Path(where).is_relative_to(installed), "companion was not imported from the venv"

    kinds = export_kinds([python], tmp_path / "home", tmp_path)
    seen = exercise([installed / "bin" / "companion"], kinds, tmp_path)
    assert seen["version"] == f"companion {project_version()}"
