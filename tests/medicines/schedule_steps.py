"""Steps the medicine schedule tests share (a module with its own name: a second
conftest.py would shadow the other test folders' `from conftest import …`)."""

from __future__ import annotations

from datetime import date

from companion.services import Services
from companion.store.models import Administration, TherapyLine


def late_cycle_line(services: Services) -> int:
    """A line started on 5 January 2026 whose cycle 2 was given a week late (2 February)."""
    with services.store.session() as session:
        line = TherapyLine(
            number=3, regimen="Tucatinib + trastuzumab + capecitabine", start_date=date(2026, 1, 5)
        )
        line.administrations = [
            Administration(day=date(2026, 1, 5), kind="given", cycle=1),
            Administration(day=date(2026, 2, 2), kind="given", cycle=2),  # due 26 Jan
        ]
        session.add(line)
        session.flush()
        return line.id
