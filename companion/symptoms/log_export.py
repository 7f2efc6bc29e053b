"""The log of a period read for writing out (the CSV export): each day's answers as plain
rows in the order they are written, and the rest of the day as a DayState.

No object per answer: the answers are most of the log (100,000 in ten years), and building
a SavedAnswer for each cost more than SQLite's read. Red flags are explained (their reason)
from the day's answers, so those days alone have their answers made into SavedAnswers.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING

from companion.store import Store
from companion.symptoms.day_states import assemble
from companion.symptoms.model import DayRows, SavedAnswer
from companion.symptoms.red_flag_engine import RedFlagEngine

if TYPE_CHECKING:
    from companion.store.models import RedFlagEvent


class LogExport:
    def __init__(self, store: Store, flags: RedFlagEngine) -> None:
        self._store = store
        self._flags = flags

    def days(self, start: date | None = None, end: date | None = None) -> list[DayRows]:
        """Every day of the period with something recorded, earliest first."""
        bounds = {
            name: bound.isoformat()
            for name, bound in (("start", start), ("end", end))
            if bound is not None
        }
        within = " AND ".join(
            f"checkin.day {'>=' if name == 'start' else '<='} :{name}" for name in bounds
        )
        # The ORM loads here, not with the module: Today's first paint comes before it.
        from sqlalchemy import select, text

        from companion.store.models import CheckIn, RedFlagEvent

        where = f"WHERE {within} " if within else ""
        joined = f"JOIN checkin ON checkin.id = checkin_id {where}" if within else ""
        # Plain sqlite3 reads: dates are ISO text (Date), timestamps naive UTC text
        # (UtcDateTime), each distinct one parsed once.
        with self._store.session() as session:
            raw = Store.sqlite_of(session)
            days = raw.execute(
                "SELECT id, day, note, temperature_c, weight_kg, compared_with_yesterday, "
                f"daily_done_at FROM checkin {where}ORDER BY day",
                bounds,
            ).fetchall()
            rows = raw.execute(
                "SELECT checkin_id, recall_days, symptom_id, attribute, value, recorded_at "
                f"FROM symptom_answer {joined}"
                "ORDER BY checkin_id, recall_days, symptom_id, attribute",
                bounds,
            ).fetchall()
            esas: dict[int, list[tuple[str, int]]] = {}
            for checkin_id, item, value in raw.execute(
                f"SELECT checkin_id, item, value FROM esas_answer {joined}", bounds
            ):
                esas.setdefault(checkin_id, []).append((item, value))
            flags: dict[int, list[RedFlagEvent]] = {}
            events = select(RedFlagEvent).join(CheckIn, RedFlagEvent.checkin_id == CheckIn.id)
            for event in session.scalars(events.where(text(within)) if within else events, bounds):
                flags.setdefault(event.checkin_id, []).append(event)
        moments: dict[str, datetime] = {
            stored: datetime.fromisoformat(stored).replace(tzinfo=UTC)
            for stored in {row[5] for row in rows} | {row[6] for row in days if row[6]}
        }
        answers = {
            checkin_id: [(recall, s, a, v, moments[r]) for _, recall, s, a, v, r in group]
            for checkin_id, group in groupby(rows, itemgetter(0))
        }
        found = []
        for checkin_id, day, note, temperature, weight, compared, done_at in days:
            given = answers.get(checkin_id, [])
            raised = flags.get(checkin_id, ())
            state = assemble(
                date.fromisoformat(day),
                note,
                temperature,
                weight,
                (SavedAnswer(s, a, v, r, recall) for recall, s, a, v, r in given) if raised else (),
                esas.get(checkin_id, ()),
                raised,
                self._flags.flag_view,
                compared,
                moments[done_at] if done_at else None,
            )
            found.append(DayRows(replace(state, answers=()) if raised else state, given))
        return found
