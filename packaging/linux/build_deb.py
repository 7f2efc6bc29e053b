"""Build a .deb from the PyInstaller bundle with dpkg-deb (after `./dev bundle`):
/opt/her2-companion, /usr/bin/her2-companion, the desktop entry, the icon, the metainfo.

    .venv/bin/python packaging/linux/build_deb.py [--bundle dist/her2-companion] [--out dist]

Prints the path of the .deb on its last line.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from bundle_contents import project_version  # noqa: E402

PACKAGE = "her2-companion"
DESKTOP_ID = "io.github.her2companion.HER2Companion"
MAINTAINER = "HER2 Companion developers <her2-companion@users.noreply.github.com>"
# What the bundled Qt loads from the system (the bundle carries Qt itself).
DEPENDS = [
    "libc6 (>= 2.28)",
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libfreetype6",
    "libglib2.0-0",
    "libdbus-1-3",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "sensible-utils",  # Python's pydoc pager in the bundle calls sensible-pager
]
REVISION = "1"  # the Debian revision of this packaging of the upstream version
DESCRIPTION = """\
Private notebook for HER2-positive metastatic breast cancer
 HER2 Companion helps people living with HER2-positive metastatic breast
 cancer, and the family members who help them, keep track of symptoms,
 treatments and visits, and explains medicines and tests in plain words.
 Everything stays on the computer. It gives no medical advice."""
COPYRIGHT = f"""\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: HER2 Companion

Files: *
Copyright: 2026 HER2 Companion developers
License: GPL-3+
 On Debian systems the full text of the GNU General Public License version 3
 is in /usr/share/common-licenses/GPL-3.

Files: opt/{PACKAGE}/_internal/PySide6/*
Copyright: The Qt Company Ltd. and other contributors
License: LGPL-3
 On Debian systems the full text of the GNU Lesser General Public License
 version 3 is in /usr/share/common-licenses/LGPL-3.
"""


def deb_version() -> str:
    return f"{project_version(ROOT)}-{REVISION}"


# A self-contained bundle in /opt (as the project asks) is what these tags describe.
LINTIAN_OVERRIDES = f"""\
# The app is a PyInstaller bundle installed to /opt/{PACKAGE}: it carries its own Python,
# Qt and the libraries they link, so the same files work on every distribution.
{PACKAGE}: dir-or-file-in-opt
{PACKAGE}: embedded-library
"""


def stage(bundle: Path, root: Path) -> None:
    version = deb_version()
    # No __pycache__ in a Debian package (lintian: package-installs-python-pycache-dir):
    # /opt is read-only to the app, so Python compiles the few migration files in memory.
    shutil.copytree(
        bundle,
        root / "opt" / PACKAGE,
        symlinks=True,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")
    share = root / "usr" / "share"
    for source, target in (
        (ROOT / f"packaging/linux/{DESKTOP_ID}.desktop", share / "applications"),
        (ROOT / f"packaging/linux/{DESKTOP_ID}.metainfo.xml", share / "metainfo"),
        (ROOT / "resources/icons/her2-companion.svg", share / "icons/hicolor/scalable/apps"),
    ):
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / source.name)
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")
    changelog = (
        f"{PACKAGE} ({version}) unstable; urgency=low\n\n"
        "  * Built from the upstream release; see CHANGELOG.md upstream.\n\n"
        f" -- {MAINTAINER}  Thu, 03 Dec 2026 00:00:00 +0000\n"
    )
    with (
        (doc / "changelog.Debian.gz").open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as handle,
    ):
        handle.write(changelog.encode())
    size_kib = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) // 1024
    control = root / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        f"Package: {PACKAGE}\nVersion: {version}\nArchitecture: amd64\n"
        f"Maintainer: {MAINTAINER}\nInstalled-Size: {size_kib}\nDepends: {', '.join(DEPENDS)}\n"
        "Section: misc\nPriority: optional\nHomepage: https://github.com/her2companion\n"
        f"Description: {DESCRIPTION}\n",
        encoding="utf-8",
    )
    overrides = share / "lintian" / "overrides"
    overrides.mkdir(parents=True)
    (overrides / PACKAGE).write_text(LINTIAN_OVERRIDES, encoding="utf-8")
    program = root / "opt" / PACKAGE / PACKAGE
    for path in root.rglob("*"):  # as a package installs it: root's, world-readable
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or path == program else 0o644)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / PACKAGE)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    root = args.out / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    stage(args.bundle, root)
    deb = args.out / f"{PACKAGE}_{deb_version()}_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(root)
    print(f"{deb.stat().st_size / 1024 / 1024:.0f} MiB")
    print(deb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
