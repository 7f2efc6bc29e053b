"""The one place a DayState is put together (from loaded rows or from plain reads), the
plain read of one day's check-in, and a check-in row made back from one (for undo and
restore)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from companion.store.plain_sql import as_utc
from companion.symptoms.model import AnswerKey, DayState, FlagEvent, SavedAnswer
from companion.symptoms.redflags import Observations

if TYPE_CHECKING:
    from companion.store.models import CheckIn, SymptomAnswer


class FlagRecord(Protocol):
    """A raised red flag as stored: a RedFlagEvent row of a session, or a FlagRow read."""

    @property
    def id(self) -> int: ...
    @property
    def rule_id(self) -> str: ...
    @property
    def urgency(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def raised_at(self) -> datetime: ...
    @property
    def acknowledged_at(self) -> datetime | None: ...


# (event, day, observations) → the FlagEvent shown, with its reason (RedFlagEngine.flag_view)
FlagView = Callable[[FlagRecord, date, Observations], FlagEvent]


@dataclass(frozen=True)
class FlagRow:
    """A red_flag_event row read with plain SQL."""

    id: int
    checkin_id: int
    rule_id: str
    urgency: str
    message: str
    raised_at: datetime
    acknowledged_at: datetime | None


@dataclass(frozen=True)
class CheckInRow:
    """A day's check-in with its answers, ESAS-r and flags, read with plain SQL."""

    id: int
    day: date
    note: str
    temperature_c: float | None
    weight_kg: float | None
    compared_with_yesterday: str | None
    daily_done_at: datetime | None
    answers: tuple[SavedAnswer, ...]
    esas: tuple[tuple[str, int], ...]
    red_flags: tuple[FlagRow, ...]


_FLAG_COLUMNS = "id, checkin_id, rule_id, urgency, message, raised_at, acknowledged_at"


def flag_row(row: tuple[int, int, str, str, str, str, str | None]) -> FlagRow:
    """A FlagRow from the columns of _FLAG_COLUMNS."""
    raised = as_utc(row[5])
    assert raised is not None  # the column is NOT NULL
    return FlagRow(row[0], row[1], row[2], row[3], row[4], raised, as_utc(row[6]))


def flag_columns(alias: str = "") -> str:
    """The columns flag_row() reads, prefixed with a table alias if given."""
    prefix = f"{alias}." if alias else ""
    return ", ".join(prefix + column for column in _FLAG_COLUMNS.split(", "))


def read_checkin(db: sqlite3.Connection, day: date) -> CheckInRow | None:
    """The day's check-in with its answers, ESAS-r and flags (None when the day has none):
    four indexed reads, no ORM (Today shows it before SQLAlchemy has loaded)."""
    found = db.execute(
        "SELECT id, note, temperature_c, weight_kg, compared_with_yesterday, daily_done_at "
        "FROM checkin WHERE day = ?",
        (day.isoformat(),),
    ).fetchone()
    if found is None:
        return None
    checkin_id, note, temperature, weight, compared, done_at = found
    answers = tuple(
        SavedAnswer(symptom, attribute, value, as_utc(recorded), recall)  # type: ignore[arg-type]  # recorded_at is NOT NULL
        for symptom, attribute, value, recorded, recall in db.execute(
            "SELECT symptom_id, attribute, value, recorded_at, recall_days "
            "FROM symptom_answer WHERE checkin_id = ? ORDER BY id",
            (checkin_id,),
        )
    )
    esas = tuple(
        (item, value)
        for item, value in db.execute(
            "SELECT item, value FROM esas_answer WHERE checkin_id = ? ORDER BY id",
            (checkin_id,),
        )
    )
    flags = tuple(
        flag_row(row)
        for row in db.execute(
            f"SELECT {_FLAG_COLUMNS} FROM red_flag_event WHERE checkin_id = ? ORDER BY id",
            (checkin_id,),
        )
    )
    return CheckInRow(
        checkin_id,
        day,
        note,
        temperature,
        weight,
        compared,
        as_utc(done_at),
        answers,
        esas,
        flags,
    )


def observations_of(
    answers: Iterable[SavedAnswer | SymptomAnswer],
    temperature_c: float | None,
    weight_kg: float | None,
) -> Observations:
    measurements = {
        name: value
        for name, value in (("temperature", temperature_c), ("weight", weight_kg))
        if value is not None
    }
    # A weekly answer ("in the last 7 days") counts too: the worse of the two is what a
    # warning sign looks at.
    worst: dict[AnswerKey, int] = {}
    for a in answers:
        key = (a.symptom_id, a.attribute)
        worst[key] = max(a.value, worst.get(key, 0))
    return Observations(worst, measurements)


def assemble(
    day: date,
    note: str | None,
    temperature_c: float | None,
    weight_kg: float | None,
    answers: Iterable[SavedAnswer],
    esas: Iterable[tuple[str, int]],
    events: Iterable[FlagRecord],
    flag_view: FlagView,
    compared_with_yesterday: str | None = None,
    daily_done_at: datetime | None = None,
) -> DayState:
    """A day's state in its one order: answers by recall period, symptom and question,
    ESAS-r by item, flags as raised."""
    saved = tuple(sorted(answers, key=lambda a: (a.recall_days, a.symptom_id, a.attribute)))
    raised = sorted(events, key=lambda e: (e.raised_at, e.rule_id))
    # What the patient reported explains a flag: worked out only on a day that has one.
    observations = observations_of(saved, temperature_c, weight_kg) if raised else None
    return DayState(
        day=day,
        note=note or "",
        temperature_c=temperature_c,
        weight_kg=weight_kg,
        compared_with_yesterday=compared_with_yesterday,
        daily_done_at=daily_done_at,
        answers=saved,
        esas=tuple(sorted(esas)),
        flags=(
            tuple(flag_view(e, day, observations) for e in raised)
            if observations is not None
            else ()
        ),
    )


def state_of(checkin: CheckIn | CheckInRow, flag_view: FlagView) -> DayState:
    """The state of a loaded check-in row (its answers, ESAS-r and flags loaded with it)."""
    return assemble(
        checkin.day,
        checkin.note,
        checkin.temperature_c,
        checkin.weight_kg,
        (
            SavedAnswer(a.symptom_id, a.attribute, a.value, a.recorded_at, a.recall_days)
            for a in checkin.answers
        ),
        (
            ((e.item, e.value) for e in checkin.esas)
            if not isinstance(checkin, CheckInRow)
            else checkin.esas
        ),
        checkin.red_flags,
        flag_view,
        checkin.compared_with_yesterday,
        checkin.daily_done_at,
    )


def checkin_from(state: DayState) -> CheckIn:
    """A new check-in row holding exactly what state holds."""
    from companion.store.models import CheckIn, EsasAnswer, RedFlagEvent, SymptomAnswer

    checkin = CheckIn(
        day=state.day,
        note=state.note,
        temperature_c=state.temperature_c,
        weight_kg=state.weight_kg,
        compared_with_yesterday=state.compared_with_yesterday,
        daily_done_at=state.daily_done_at,
    )
    checkin.answers = [
        SymptomAnswer(
            symptom_id=a.symptom_id,
            attribute=a.attribute,
            value=a.value,
            recall_days=a.recall_days,
            recorded_at=a.recorded_at,
        )
        for a in state.answers
    ]
    checkin.esas = [EsasAnswer(item=item, value=value) for item, value in state.esas]
    checkin.red_flags = [
        RedFlagEvent(
            rule_id=f.rule_id,
            urgency=f.urgency,
            message=f.message,
            raised_at=f.raised_at,
            acknowledged_at=f.acknowledged_at,
        )
        for f in state.flags
    ]
    return checkin
