"""Shared fixtures: one QApplication per session, one fresh profile per test."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = os.environ.get("COMPANION_TEST_PLATFORM", "offscreen")
_runtime = tempfile.mkdtemp(prefix="companion-xdg-")
os.chmod(_runtime, 0o700)
atexit.register(shutil.rmtree, _runtime, ignore_errors=True)
os.environ["XDG_RUNTIME_DIR"] = _runtime
os.environ.pop("COMPANION_DATA_DIR", None)

from fixed_time import NOW  # noqa: E402

from companion.clock import FixedClock, set_default_clock  # noqa: E402
from companion.services import Services  # noqa: E402


@pytest.fixture(autouse=True)
def clock() -> Iterator[FixedClock]:
    """The app's clock for one test, standing at fixed_time.NOW; a test may set or advance it."""
    fixed = FixedClock(NOW)
    previous = set_default_clock(fixed)
    yield fixed
    set_default_clock(previous)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A profile folder that does not exist yet."""
    return tmp_path / "profile"


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    opened = Services.open(data_dir)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo profile, written once per test session; tests get copies."""
    from companion.demo import write_demo_profile

    folder = tmp_path_factory.mktemp("demo-template") / "profile"
    write_demo_profile(folder, clock=FixedClock(NOW)).close()
    return folder


@pytest.fixture
def demo_dir(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo profile for one test."""
    target = tmp_path / "demo"
    shutil.copytree(demo_template, target)
    return target


@pytest.fixture
def open_window(qtbot):  # type: ignore[no-untyped-def]
    """Builds the main window of a profile folder, shown and exposed: the one way tests make
    windows. They are closed and deleted when the test ends, before qtbot's own teardown
    (a page's pending timers must not outlive its widgets)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from shiboken6 import isValid

    from companion.app import build_main_window

    built: list = []  # type: ignore[type-arg]  # MainWindow, imported only when a test needs it

    def build(folder: Path):  # type: ignore[no-untyped-def]
        window = build_main_window(folder)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        built.append(window)
        return window

    yield build
    for window in built:
        if isValid(window):  # a test may have deleted it already
            window.close()
            window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window(open_window, data_dir: Path):  # type: ignore[no-untyped-def]
    """The main window of a new profile."""
    return open_window(data_dir)


@pytest.fixture
def demo_window(open_window, demo_dir: Path):  # type: ignore[no-untyped-def]
    """The main window of (a copy of) the demo patient."""
    return open_window(demo_dir)


@pytest.fixture(autouse=True)
def free_windows() -> Iterator[None]:
    """Close and really delete every window a test left open. Closures in the main window
    keep it alive otherwise, and every later test gets slower (each restyle touches all
    old windows)."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
