"""The desktop entry and the AppStream metainfo pass their validators and match the app."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / "io.github.her2companion.HER2Companion.desktop"
METAINFO = LINUX / "io.github.her2companion.HER2Companion.metainfo.xml"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_the_desktop_entry_is_valid() -> None:
    done = subprocess.run(["desktop-file-validate", DESKTOP], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_the_metainfo_is_valid() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", METAINFO], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_entry_metainfo_and_app_agree() -> None:
    from companion import __version__
    from companion.app import DESKTOP_ID, WM_CLASS

    entry = desktop_entry()
    component = ET.parse(METAINFO).getroot()
    assert entry["StartupWMClass"] == WM_CLASS
    assert DESKTOP.stem == DESKTOP_ID == component.findtext("id")
    assert component.findtext("launchable") == DESKTOP.name
    assert component.find("releases/release").get("version") == __version__  # type: ignore[union-attr]
    assert (ROOT / "resources" / "icons" / f"{entry['Icon']}.svg").is_file()
    # What a started app tells the window system (a fresh process: the tests' app is pytest-qt's).
    probe = (
        "from companion.app import ensure_application\n"
        "app = ensure_application()\n"
        "print(app.desktopFileName(), app.applicationName())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split() == [DESKTOP_ID, WM_CLASS]
