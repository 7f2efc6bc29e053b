"""The PyInstaller bundle and the .deb made from it, used as a user would: outside the source
tree, with a throwaway HOME, after being moved, and installed into a scratch root.

The bundle comes from `./dev bundle` (dist/her2-companion, as .ci/run builds it) or, when
there is none, is built here if PyInstaller is installed."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from installed_app import ROOT, exercise, project_version, run

# Builds and installs take minutes, more than the suite's per-test limit.
pytestmark = [pytest.mark.packaging, pytest.mark.timeout(1800)]
sys.path.insert(0, str(ROOT / "packaging"))
from bundle_contents import left_out  # noqa: E402

NAME = "her2-companion"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = ROOT / "dist" / NAME
    if not (built / NAME).is_file():
        if importlib.util.find_spec("PyInstaller") is None:
            pytest.skip("no bundle in dist/ and PyInstaller is not installed (./dev bundle)")
        dist = tmp_path_factory.mktemp("dist")
        subprocess.run(
            [sys.executable, ROOT / "packaging" / "build_bundle.py", "--dist", dist], check=True
        )
        built = dist / NAME
    return built


def test_the_bundle_carries_what_the_app_needs_and_nothing_it_does_not(bundle: Path) -> None:
    inside = bundle / "_internal"
    migrations = inside / "companion" / "store" / "migrations"
    shipped = {p.name for p in (migrations / "versions").glob("*.py")}
    in_source = {p.name for p in (ROOT / "companion/store/migrations/versions").glob("*.py")}
    assert shipped == in_source and (migrations / "env.py").is_file()
    assert list((migrations / "versions" / "__pycache__").glob("*.pyc")), "no bytecode"
    resources = inside / "companion" / "resources"
    for needed in ("library/library.sqlite", "icons/her2-companion.svg"):
        assert (resources / needed).is_file(), needed
    assert list((resources / "translations").glob("*.qm"))
    qt_libs = sorted({p.name for p in inside.rglob("libQt6*.so*")})
    print("\nQt libraries in the bundle:", ", ".join(qt_libs), file=sys.stderr)
    for wanted in ("Charts", "PrintSupport", "Widgets", "Svg", "XcbQpa"):
        assert any(f"libQt6{wanted}" in n for n in qt_libs), wanted
    unwanted = [str(p.relative_to(inside)) for p in inside.rglob("*") if left_out(str(p))]
    assert unwanted == []
    # The left-out GTK theme's own libraries went with it.
    assert not list(inside.glob("lib*cairo*")) and not list(inside.glob("libpango*"))
    # Nothing inside links to a Qt library that was left out.
    for library in [bundle / NAME, *inside.rglob("*.so*")]:
        if library.is_symlink() or not library.is_file():
            continue
        linked = subprocess.run(["ldd", library], capture_output=True, text=True).stdout
        assert not re.search(r"Qt6(WebEngine|Qml|Quick|Pdf|VirtualKeyboard)", linked), library
        # No search path into the build machine (e.g. the build Python's lib folder).
        header = subprocess.run(["objdump", "-p", library], capture_output=True, text=True)
        for paths in re.findall(r"(?:RUNPATH|RPATH)\s+(\S+)", header.stdout):
            if library.name != NAME:  # the bootloader carries its archive: left as built
                assert all(p.startswith("$ORIGIN") for p in paths.split(":")), (library, paths)


def test_the_bundle_runs_outside_the_tree_and_after_being_moved(
    bundle: Path, tmp_path: Path
) -> None:
    moved = tmp_path / "somewhere else" / NAME
    shutil.copytree(bundle, moved, symlinks=True)
    kinds = [("symptoms", "csv"), ("symptoms", "pdf"), ("record", "fhir"), ("visits", "ics")]
    seen = exercise([moved / NAME], kinds, tmp_path)
    assert seen["version"] == f"companion {project_version()}"


def test_the_deb_installs_and_starts(bundle: Path, tmp_path: Path) -> None:
    if not shutil.which("dpkg-deb"):
        pytest.skip("dpkg-deb is not installed")
    deb = subprocess.run(
        [sys.executable, ROOT / "packaging" / "linux" / "build_deb.py", "--bundle", bundle,
         "--out", tmp_path],
        check=True, capture_output=True, text=True,
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    scratch = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", deb, scratch], check=True)
    link = scratch / "usr" / "bin" / NAME
    assert link.readlink() == Path("/opt", NAME, NAME)  # absolute, as installed
    command = scratch / "opt" / NAME / NAME
    assert command.is_file()
    assert list((scratch / "usr/share/applications").glob("*.desktop"))
    assert (scratch / "usr/share/icons/hicolor/scalable/apps/her2-companion.svg").is_file()
    assert list((scratch / "usr/share/metainfo").glob("*.metainfo.xml"))
    info = subprocess.run(["dpkg-deb", "-f", deb, "Package", "Version"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert f"Version: {project_version()}-" in info
    home = tmp_path / "home"
    assert run([command, "--version"], home, tmp_path).stdout.strip().endswith(project_version())
    shown = run([command, "--demo", "--quit-when-shown"], home, tmp_path).stdout
    assert "Window shown: HER2 Companion" in shown
