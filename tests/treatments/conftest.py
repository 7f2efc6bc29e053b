"""Fixtures for treatment tests: a fresh treatment record over a small fake library."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from treatment_library import FakeLibrary

from companion.store import Store
from companion.symptoms.recap import SymptomRecap
from companion.treatments.record import TreatmentRecord
from companion.visits.service import VisitService


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
