"""Runs an installed HER2 Companion (wheel in a venv, bundle, .deb) as a user would.

Every check starts the installed command from outside the checkout, with a throwaway HOME and
no PYTHONPATH, so nothing of the source tree can fill a gap in what was shipped.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import zipfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 240


def project_version() -> str:
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def source_files() -> list[Path]:
    """What a clean clone holds (tracked and new, not ignored), relative to ROOT."""
    git = shutil.which("git")
    if git and (ROOT / ".git").exists():
        listed = subprocess.run(
            [git, "ls-files", "-co", "--exclude-standard", "-z"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
        return [Path(p) for p in listed.split("\0") if p and (ROOT / p).is_file()]
    skip = {".venv", ".git", "__pycache__", "build", "dist", ".pytest_cache", ".ruff_cache"}
    return [
        p.relative_to(ROOT)
        for p in ROOT.rglob("*")
        if p.is_file() and not skip & set(p.relative_to(ROOT).parts)
    ]


def copy_clean_tree(target: Path) -> Path:
    """The source as a clean clone would have it, so a build writes nothing into the checkout."""
    for relative in source_files():
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / relative, target / relative)
    return target


def shipped_package_files() -> set[str]:
    """Every file the `companion` package must carry: its code and resources/ (as
    companion/resources/), named as they appear inside an installed package."""
    wanted = set()
    for relative in source_files():
        parts = relative.parts
        if parts[0] == "companion":
            wanted.add(relative.as_posix())
        elif parts[0] == "resources":
            wanted.add(Path("companion", *parts).as_posix())
    return wanted


def user_env(home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "COMPANION_", "VIRTUAL_ENV", "XDG_"))
    }
    home.mkdir(parents=True, exist_ok=True)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_RUNTIME_DIR=str(runtime),
        QT_QPA_PLATFORM="offscreen",
        LANG="C.UTF-8",
    )
    env.update(extra or {})
    return env


def run(
    command: Sequence[str | Path], home: Path, cwd: Path, timeout: float = TIMEOUT
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(c) for c in command],
        cwd=cwd,
        env=user_env(home),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    where = f"{' '.join(map(str, command))}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    assert done.returncode == 0, where
    assert "Traceback" not in done.stderr, where
    assert "unexpected error" not in done.stderr, where
    return done


def export_kinds(python_of_app: Sequence[str | Path], home: Path, cwd: Path) -> list[tuple]:
    """(kind, format or None) for every export the installed app offers, read from its parser."""
    probe = (
        "import argparse, json\n"
        "from companion.cli import build_parser\n"
        "def sub(p):\n"
        "    return next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))\n"
        "found = []\n"
        "for kind, parser in sub(sub(build_parser()).choices['export']).choices.items():\n"
        "    fmt = next((a for a in parser._actions if '--format' in a.option_strings), None)\n"
        "    found += [[kind, f] for f in fmt.choices] if fmt else [[kind, None]]\n"
        "print(json.dumps(found))\n"
    )
    out = run([*python_of_app, "-c", probe], home, cwd).stdout
    return [tuple(pair) for pair in json.loads(out)]


# The public CSV columns (a contract scripts rely on), by export kind.
CSV_COLUMNS = {
    "symptoms": ["date", "kind"],
    "doses": ["date", "time", "medicine", "status"],
}


def check_export(path: Path) -> None:
    """The exported file is what its format promises, not just any bytes."""
    data = path.read_bytes()
    assert data, f"{path} is empty"
    suffix = path.suffix.lstrip(".").lower()
    if suffix == "pdf":
        assert data.startswith(b"%PDF-"), path
    elif suffix == "csv":
        rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
        # Every CSV the app writes starts with a date column and has rows beyond the header.
        assert rows[0][0] == "date" and len(rows) > 1, path
        expected = CSV_COLUMNS.get(path.stem.split("-")[0])
        assert expected is None or rows[0][: len(expected)] == expected, (path, rows[0])
    elif suffix == "json":
        assert json.loads(data)["resourceType"] == "Bundle", path
    elif suffix == "zip":
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None and archive.namelist(), path
    elif suffix == "ics":
        assert data.startswith(b"BEGIN:VCALENDAR"), path


def file_suffix(kind: str, fmt: str | None) -> str:
    """An export without --format writes a PDF (question sheet, brief), except the archive
    for moving to another computer (a zip)."""
    if kind == "archive":
        return "zip"
    return {"fhir": "json", None: "pdf"}.get(fmt, fmt or "pdf")


def exercise(
    companion: Sequence[str | Path],
    kinds: list[tuple],
    work: Path,
) -> dict[str, str]:
    """The user's round: version, demo profile, check, every export, library, the window.

    `companion` is the command as installed (a script, a bundle executable). Returns some
    of what it printed, for the caller's own checks."""
    home = work / "home"
    demo = work / "demo profile"
    seen: dict[str, str] = {}
    seen["version"] = run([*companion, "--version"], home, work).stdout.strip()
    run([*companion, "demo", "--into", demo], home, work)
    assert (demo / "profile.sqlite").is_file()
    seen["check"] = run([*companion, "check", "--data-dir", demo], home, work).stdout
    assert "healthy" in seen["check"]
    assert kinds, "the installed app offers no export"
    for kind, fmt in kinds:
        out = work / "exports" / f"{kind}-{fmt or 'default'}.{file_suffix(kind, fmt)}"
        out.parent.mkdir(exist_ok=True)
        formats = ["--format", fmt] if fmt else []
        run([*companion, "export", kind, *formats, "-o", out, "--data-dir", demo], home, work)
        check_export(out)
    seen["library"] = run([*companion, "library", "search", "trastuzumab"], home, work).stdout
    assert "Trastuzumab" in seen["library"] or "trastuzumab" in seen["library"]
    seen["window"] = run([*companion, "--demo", "--quit-when-shown"], home, work).stdout
    assert "Window shown: HER2 Companion" in seen["window"]
    # Nothing was written to the throwaway HOME's default profile by any of this.
    leftovers = list(home.rglob("*.sqlite"))
    assert leftovers == [], leftovers
    return seen
