"""Fixtures for treatment tests: a small fake library and a fresh treatment record."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from companion.library.model import Entry, SymptomTerm
from companion.store import Store
from companion.symptoms.recap import SymptomRecap
from companion.treatments.record import TreatmentRecord
from companion.visits.service import VisitService


def drug(
    drug_id: str,
    title: str,
    brands: tuple[str, ...] = (),
    abbreviations: tuple[str, ...] = (),
    aliases: tuple[str, ...] = (),
    route: str | None = None,
) -> Entry:
    return Entry(
        id=drug_id,
        kind="drug",
        title=title,
        summary="",
        reviewed="2026-11-23",
        generic=title.lower(),
        brands=brands,
        abbreviations=abbreviations,
        aliases=aliases,
        route=route,
    )


DRUGS = [
    drug(
        "trastuzumab-deruxtecan",
        "Trastuzumab deruxtecan (T-DXd)",
        ("Enhertu",),
        ("T-DXd",),
        ("tdxd", "thp-like"),
        "Drip into a vein every 3 weeks",
    ),
    drug("trastuzumab", "Trastuzumab", ("Herceptin",), (), ("thp",)),
    drug("pertuzumab", "Pertuzumab", ("Perjeta",), (), ("thp",)),
    drug("docetaxel", "Docetaxel", ("Taxotere",), (), ("thp", "docetaxol")),
    drug("denosumab", "Denosumab", ("Xgeva", "Prolia")),
]
SYMPTOMS = [
    SymptomTerm("nausea", "Nausea", ("frequency", "severity"), "gi", True),
    SymptomTerm("fatigue", "Fatigue", ("severity", "interference"), "general", True),
]


class FakeLibrary:
    def drugs(self) -> list[Entry]:
        return list(DRUGS)

    def symptom(self, symptom_id: str) -> SymptomTerm | None:
        return next((s for s in SYMPTOMS if s.id == symptom_id), None)

    def entry(self, entry_id: str) -> Entry | None:
        return next((d for d in DRUGS if d.id == entry_id), None)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def record(store: Store) -> TreatmentRecord:
    return TreatmentRecord(
        store,
        FakeLibrary,  # type: ignore[arg-type]
        visits=VisitService(store),
        symptoms=SymptomRecap(store),
    )


@pytest.fixture
def fake_library_services(monkeypatch: pytest.MonkeyPatch) -> None:
    """Services.open builds the treatment record over the small fake library."""
    import companion.services

    class FakeLibraryRecord(TreatmentRecord):
        def __init__(self, store: Store, _open_library: object, **features: Any) -> None:
            super().__init__(store, FakeLibrary, **features)  # type: ignore[arg-type]

    monkeypatch.setattr(companion.services, "TreatmentRecord", FakeLibraryRecord)


@pytest.fixture
def page(qtbot, fake_library_services, data_dir: Path):  # type: ignore[no-untyped-def]
    """The Treatments page of a fresh profile, shown in the main window."""
    from companion.app import build_main_window

    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("treatments")
    yield window.page("treatments")
    window.close()
    # Delete the window now: live windows left behind slow every later style change.
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def demo_page(qtbot, demo_dir: Path):  # type: ignore[no-untyped-def]
    """The Treatments page of (a copy of) the demo patient."""
    from companion.app import build_main_window

    window = build_main_window(demo_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("treatments")
    yield window.page("treatments")
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
