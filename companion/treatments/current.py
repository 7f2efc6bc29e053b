"""What the patient takes now and where the cancer has spread: feeds the check-in,
the red-flag rules and the library's 'you take this' marks."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from companion.store.plain_sql import as_date, reading

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from companion.store import Store

# Plain SQL: Today's first paint reads these before SQLAlchemy is loaded, and a check-in
# write reads them in its own transaction (through the session's connection).
_LINE_DRUGS = (
    "SELECT d.library_id FROM line_drug AS d JOIN therapy_line AS l ON l.id = d.line_id "
    "WHERE d.library_id IS NOT NULL AND l.start_date <= :day "
    "AND (l.end_date IS NULL OR l.end_date >= :day) "
    "AND (d.start_date IS NULL OR d.start_date <= :day) "
    "AND (d.end_date IS NULL OR d.end_date >= :day)"
)
_OTHER_MEDICINES = (
    "SELECT library_id FROM other_medicine WHERE library_id IS NOT NULL "
    "AND (start_date IS NULL OR start_date <= :day) AND (end_date IS NULL OR end_date >= :day)"
)


def current_drug_ids(
    store: Store, on: date | None = None, session: Session | sqlite3.Connection | None = None
) -> list[str]:
    """Library ids of drugs in an open line (or open other medicines) on the given day."""
    day = {"day": (on or store.clock.today()).isoformat()}
    with reading(store, session) as db:
        line_drugs = [row[0] for row in db.execute(_LINE_DRUGS, day)]
        others = [row[0] for row in db.execute(_OTHER_MEDICINES, day)]
    return list(dict.fromkeys([*line_drugs, *others]))


def current_site_ids(
    store: Store, on: date | None = None, session: Session | sqlite3.Connection | None = None
) -> list[str]:
    day = (on or store.clock.today()).isoformat()
    with reading(store, session) as db:
        rows = db.execute(
            "SELECT site_id FROM metastasis_site WHERE found_date <= ?", (day,)
        ).fetchall()
    return list(dict.fromkeys(row[0] for row in rows))


@dataclass(frozen=True)
class LineSpan:
    """A therapy line as other features see it: a labelled stretch of time."""

    id: int
    number: int
    setting: str
    regimen: str
    start_date: date
    end_date: date | None


class CurrentTreatments:
    """What the treatment history tells the other features (the symptom log asks this; it
    does not read the treatment tables)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def drug_ids(
        self, on: date | None = None, session: Session | sqlite3.Connection | None = None
    ) -> list[str]:
        return current_drug_ids(self._store, on, session)

    def site_ids(
        self, on: date | None = None, session: Session | sqlite3.Connection | None = None
    ) -> list[str]:
        return current_site_ids(self._store, on, session)

    def line_spans(self) -> list[LineSpan]:
        """Every line, earliest start first."""
        with self._store.read() as db:
            rows = db.execute(
                "SELECT id, number, setting, regimen, start_date, end_date FROM therapy_line "
                "ORDER BY start_date"
            ).fetchall()
        return [
            LineSpan(number, line, setting, regimen, as_date(start), as_date(end) if end else None)
            for number, line, setting, regimen, start, end in rows
        ]

    def line_start(self, day: date) -> date | None:
        """The start of the line of treatment open on that day (the latest if several)."""
        with self._store.read() as db:
            row = db.execute(
                "SELECT start_date FROM therapy_line WHERE start_date <= :day "
                "AND (end_date IS NULL OR end_date >= :day) ORDER BY start_date DESC LIMIT 1",
                {"day": day.isoformat()},
            ).fetchone()
        return None if row is None else as_date(row[0])

    def last_given(self, day: date) -> date | None:
        """The latest infusion or cycle day of an open line, on or before day."""
        with self._store.read() as db:
            row = db.execute(
                "SELECT a.day FROM administration AS a JOIN therapy_line AS l "
                "ON a.line_id = l.id WHERE a.day <= :day AND a.kind = 'given' "
                "AND (l.end_date IS NULL OR l.end_date >= :day) ORDER BY a.day DESC LIMIT 1",
                {"day": day.isoformat()},
            ).fetchone()
        return None if row is None else as_date(row[0])
