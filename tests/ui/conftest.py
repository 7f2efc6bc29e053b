"""Fixtures for the user-flow tests: the pages as the main window shows them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from treatment_library import FakeLibrary

from companion.store import Store
from companion.treatments.record import TreatmentRecord
from companion.ui.main_window import MainWindow


@pytest.fixture
def fake_library_services(monkeypatch: pytest.MonkeyPatch) -> None:
    """Services.open builds the treatment record over the small fake library."""
    import companion.services

    class FakeLibraryRecord(TreatmentRecord):
        def __init__(self, store: Store, _open_library: object, **features: Any) -> None:
            super().__init__(store, FakeLibrary, **features)  # type: ignore[arg-type]  # a fake

    monkeypatch.setattr(companion.services, "TreatmentRecord", FakeLibraryRecord)


@pytest.fixture
def treatments_page(
    open_window: Callable[[Path], MainWindow], fake_library_services: None, data_dir: Path
):  # type: ignore[no-untyped-def]
    """The Treatments page of a fresh profile, shown in the main window."""
    window = open_window(data_dir)
    window.show_page("treatments")
    return window.page("treatments")


@pytest.fixture
def demo_treatments_page(open_window: Callable[[Path], MainWindow], demo_dir: Path):  # type: ignore[no-untyped-def]
    """The Treatments page of (a copy of) the demo patient."""
    window = open_window(demo_dir)
    window.show_page("treatments")
    return window.page("treatments")
