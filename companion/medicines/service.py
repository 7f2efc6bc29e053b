"""Medicine schedules of one profile: set up, dose changes kept as history, the dose log.

Every change can be undone: edits and deletions return a snapshot of the schedule as it was
(with its doses and log), and restoring puts it back with the same ids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from companion.errors import CompanionError, ValidationError
from companion.library.model import Entry
from companion.medicines import engine
from companion.medicines.engine import PATTERNS, TIMED_PATTERNS, AsNeededCheck, DoseStep
from companion.medicines.label import differs_from_label, food_instruction
from companion.medicines.model import (
    SKIP_REASONS,
    STATUSES,
    DueItem,
    LogInfo,
    ScheduleInfo,
    ScheduleInput,
)
from companion.store import Store
from companion.store.plain_sql import as_date, as_local, day_between
from companion.translations import Medicines
from companion.treatments import validation as check
from companion.treatments.rows import RowService, Snapshot, put, take

if TYPE_CHECKING:
    from companion.store.models import (
        DoseLogEntry,
        MedicineSchedule,
    )

MAX_CYCLE_LENGTH = 84
MAX_DOSE = 100_000.0


class DoubleDoseError(CompanionError):
    """This dose is already recorded as taken; the caller asks before recording it again."""


class ScheduleService(RowService):
    table = "medicine_schedule"

    def __init__(self, store: Store, entry: Callable[[str], Entry | None]) -> None:
        super().__init__(store)
        self._entry = entry

    # -- reading --------------------------------------------------------------------------
    def schedules(self, on: date | None = None) -> list[ScheduleInfo]:
        """Every schedule by name; only those current on that day when on is given."""
        # Plain SQL: Today's medicine cards are read before SQLAlchemy has loaded.
        steps: dict[int, list[DoseStep]] = {}
        with self._store.read() as db:
            for schedule_id, start, amount, unit in db.execute(
                "SELECT schedule_id, start_date, amount, unit FROM medicine_dose ORDER BY id"
            ):
                steps.setdefault(schedule_id, []).append(DoseStep(as_date(start), amount, unit))
            rows = db.execute(f"SELECT {_SCHEDULE_COLUMNS} FROM medicine_schedule").fetchall()
        found = [_schedule(row, steps.get(row[0], ())) for row in rows]
        if on is not None:
            found = [s for s in found if s.is_current(on)]
        return sorted(found, key=lambda s: (s.name.casefold(), s.id))

    def get(self, schedule_id: int) -> ScheduleInfo:
        with self._store.session() as session:
            return _info(self._get(session, schedule_id))

    def instruction(self, schedule: ScheduleInfo) -> str:
        entry = self._entry(schedule.library_id) if schedule.library_id else None
        plan = entry.label_plan if entry else None
        return food_instruction(plan.food) if plan else ""

    def label_note(self, schedule: ScheduleInfo) -> str:
        """A note to check with the care team when the schedule differs from the label."""
        entry = self._entry(schedule.library_id) if schedule.library_id else None
        cycle = None
        if schedule.pattern == "cycle" and schedule.cycle_length:
            first = schedule.first_day or 1
            cycle = (first, schedule.last_day or schedule.cycle_length, schedule.cycle_length)
        return differs_from_label(
            entry.label_plan if entry else None, schedule.pattern, len(schedule.times), cycle
        )

    def cycle_starts(self, schedule: ScheduleInfo, until: date) -> list[date]:
        """Cycle day 1 of each cycle: the line's treatment days, then projected."""
        if schedule.pattern != "cycle" or not schedule.cycle_length:
            return []
        days: list[date] = []
        if schedule.line_id is not None:
            earliest = schedule.start_date - timedelta(days=schedule.cycle_length)
            with self._store.read() as db:
                days = [
                    as_date(day)
                    for (day,) in db.execute(
                        "SELECT day FROM administration "
                        "WHERE line_id = ? AND kind = 'given' AND day >= ?",
                        (schedule.line_id, earliest.isoformat()),
                    )
                ]
        return engine.cycle_starts(days, schedule.start_date, schedule.cycle_length, until)

    def due_on(self, day: date) -> list[DueItem]:
        """The timed doses due that day, in time order, with their log entries."""
        items: list[DueItem] = []
        schedules = [s for s in self.schedules(on=day) if s.pattern in TIMED_PATTERNS]
        logged = self._log_by_slot(day, day)
        for schedule in schedules:
            starts = self.cycle_starts(schedule, day)
            instruction = self.instruction(schedule)
            for dose in engine.doses_on(schedule.plan(), day, starts):
                entries = logged.get((schedule.id, day, dose.slot_text), ())
                items.append(DueItem(schedule, dose, instruction, tuple(entries)))
        return sorted(items, key=lambda i: (i.dose.slot, i.schedule.name.casefold()))

    def as_needed(self, day: date) -> list[ScheduleInfo]:
        return [s for s in self.schedules(on=day) if s.pattern == "as_needed"]

    def log(
        self, schedule_id: int | None = None, start: date | None = None, end: date | None = None
    ) -> list[LogInfo]:
        conditions: list[str] = []
        parameters: dict[str, object] = {}
        if schedule_id is not None:
            conditions.append("schedule_id = :schedule")
            parameters["schedule"] = schedule_id
        conditions += day_between("day", start, end, parameters)
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        with self._store.read() as db:
            rows = db.execute(
                "SELECT id, schedule_id, day, slot, status, reason, taken_at, amount, unit, note "
                f"FROM dose_log{where} ORDER BY day, slot",
                parameters,
            ).fetchall()
        return [
            LogInfo(number, schedule, as_date(day), slot, status, reason, as_local(taken), *rest)
            for number, schedule, day, slot, status, reason, taken, *rest in rows
        ]

    def _log_by_slot(self, start: date, end: date) -> dict[tuple[int, date, str], list[LogInfo]]:
        found: dict[tuple[int, date, str], list[LogInfo]] = {}
        for entry in self.log(start=start, end=end):
            found.setdefault((entry.schedule_id, entry.day, entry.slot), []).append(entry)
        return found

    # -- changing schedules ---------------------------------------------------------------
    def add(self, data: ScheduleInput, today: date) -> ScheduleInfo:
        from companion.store.models import MedicineDose, MedicineSchedule

        values = self._validate(data, today)
        start = data.start_date or today
        with self._store.session() as session:
            row = MedicineSchedule(**values, logged_from=max(start, today))
            row.doses = [
                MedicineDose(start_date=s.start, amount=s.amount, unit=s.unit)
                for s in _steps(data, start)
            ]
            session.add(row)
            session.flush()
            return _info(row)

    def update(self, schedule_id: int, data: ScheduleInput, today: date) -> ScheduleInfo:
        """Change how it is taken. A new dose is added from today on (the old one is kept as
        history); a ramp's steps are replaced."""
        from companion.store.models import MedicineDose

        values = self._validate(data, today)
        with self._store.session() as session:
            row = self._get(session, schedule_id)
            for key, value in values.items():
                setattr(row, key, value)
            if data.pattern == "ramp":
                row.doses = [
                    MedicineDose(start_date=s.start, amount=s.amount, unit=s.unit)
                    for s in _steps(data, row.start_date)
                ]
            elif data.amount is not None:
                current = _info(row).dose_on(max(today, row.start_date))
                if current is None or (current.amount, current.unit) != (data.amount, data.unit):
                    self._set_dose(row, max(today, row.start_date), data.amount, data.unit)
            session.flush()
            return _info(row)

    def change_dose(
        self, schedule_id: int, from_day: date, amount: float, unit: str, note: str = ""
    ) -> ScheduleInfo:
        _check_amount(amount, unit)
        with self._store.session() as session:
            row = self._get(session, schedule_id)
            if from_day < row.start_date:
                raise ValidationError(
                    Medicines.tr("A new dose cannot start before the schedule starts.")
                )
            self._set_dose(row, from_day, amount, unit, note)
            session.flush()
            return _info(row)

    @staticmethod
    def _set_dose(
        row: MedicineSchedule, from_day: date, amount: float, unit: str, note: str = ""
    ) -> None:
        from companion.store.models import MedicineDose

        for dose in list(row.doses):
            if dose.start_date == from_day:
                row.doses.remove(dose)
        row.doses.append(
            MedicineDose(start_date=from_day, amount=amount, unit=unit.strip(), note=note)
        )

    def stop(self, schedule_id: int, on: date) -> ScheduleInfo:
        with self._store.session() as session:
            row = self._get(session, schedule_id)
            row.end_date = max(on, row.start_date)
            return _info(row)

    def _validate(self, data: ScheduleInput, today: date) -> dict[str, object]:
        name = check.clean_text(data.name, Medicines.tr("medicine name"), required=True)
        if data.pattern not in PATTERNS:
            raise ValidationError(Medicines.tr("Please choose how often it is taken."))
        try:
            times = engine.parse_times(data.times)
        except ValueError:
            raise ValidationError(
                Medicines.tr("Please write the times of day like 08:00 20:00.")
            ) from None
        if data.pattern in TIMED_PATTERNS and not times:
            raise ValidationError(Medicines.tr("Please add at least one time of day."))
        if data.pattern == "ramp":
            if not data.ramp:
                raise ValidationError(Medicines.tr("Please fill in the dose of week 1."))
            for amount in data.ramp:
                _check_amount(amount, data.unit)
        elif data.amount is not None or data.pattern != "as_needed":
            _check_amount(data.amount, data.unit)
        start = data.start_date or today
        check.check_planned(start, Medicines.tr("start"), today=today)
        check.check_order(start, data.end_date, name)
        values: dict[str, object] = {
            "name": name,
            "library_id": data.library_id,
            "line_id": data.line_id,
            "pattern": data.pattern,
            "times": engine.times_text(times),
            "start_date": start,
            "end_date": data.end_date,
            "note": check.clean_text(data.note, Medicines.tr("note"), limit=check.LONG_TEXT),
            "cycle_length": None,
            "first_day": None,
            "last_day": None,
            "every_weeks": None,
            "min_interval_hours": None,
            "daily_max": None,
        }
        if data.pattern == "cycle":
            length, first, last = data.cycle_length, data.first_day or 1, data.last_day
            if not length or not 1 <= length <= MAX_CYCLE_LENGTH:
                raise ValidationError(
                    Medicines.tr("The cycle length must be 1 to {most} days.").format(
                        most=MAX_CYCLE_LENGTH
                    )
                )
            last = last or length
            if not 1 <= first <= last <= length:
                raise ValidationError(
                    Medicines.tr(
                        "The days taken must be within the cycle: from day 1 to day {length}."
                    ).format(length=length)
                )
            values.update(cycle_length=length, first_day=first, last_day=last)
        elif data.pattern == "weekly":
            if not data.every_weeks or not 1 <= data.every_weeks <= 52:
                raise ValidationError(Medicines.tr("Please write every how many weeks (1 to 52)."))
            values["every_weeks"] = data.every_weeks
        elif data.pattern == "as_needed":
            if data.daily_max is not None and data.daily_max <= 0:
                raise ValidationError(Medicines.tr("The most in a day must be more than 0."))
            if data.min_interval_hours is not None and not 0 < data.min_interval_hours <= 72:
                raise ValidationError(
                    Medicines.tr("The time between doses must be more than 0 and 72 hours at most.")
                )
            values.update(daily_max=data.daily_max, min_interval_hours=data.min_interval_hours)
        return values

    # -- the dose log ---------------------------------------------------------------------
    def record(
        self,
        schedule_id: int,
        day: date,
        slot: str,
        status: str,
        now: datetime,
        *,
        reason: str | None = None,
        amount: float | None = None,
        note: str = "",
        allow_double: bool = False,
    ) -> LogInfo:
        """Log a dose taken, taken late or skipped (with a reason). A second "taken" for the
        same dose raises DoubleDoseError unless allow_double (the patient confirmed)."""
        from sqlalchemy import select

        from companion.store.models import DoseLogEntry

        if status not in STATUSES:
            raise ValidationError(Medicines.tr("Please choose taken, taken late or skipped."))
        if status == "skipped" and reason not in SKIP_REASONS:
            raise ValidationError(Medicines.tr("Please choose why the dose was skipped."))
        if day > now.date():
            raise ValidationError(
                Medicines.tr("A dose can only be recorded once its day has come.")
            )
        with self._store.session() as session:
            schedule = _info(self._get(session, schedule_id))
            if slot and not allow_double and status != "skipped":
                earlier = session.scalars(
                    select(DoseLogEntry).where(
                        DoseLogEntry.schedule_id == schedule_id,
                        DoseLogEntry.day == day,
                        DoseLogEntry.slot == slot,
                        DoseLogEntry.status.in_(("taken", "late")),
                    )
                ).first()
                if earlier is not None:
                    raise DoubleDoseError(
                        Medicines.tr(
                            "{name} at {slot} is already recorded as taken. Record a second dose?"
                        ).format(name=schedule.name, slot=slot)
                    )
            step = schedule.dose_on(day)
            if amount is None and step is not None and status != "skipped":
                amount = step.amount
            taken_at = None
            if status != "skipped":
                taken_at = now if slot == "" or day == now.date() else None
                if taken_at is None:  # back-filling an earlier day: the planned time
                    taken_at = datetime.combine(day, _slot_time(slot))
            row = DoseLogEntry(
                schedule_id=schedule_id,
                day=day,
                slot=slot,
                status=status,
                reason=reason if status == "skipped" else None,
                taken_at=taken_at,
                amount=amount,
                unit=step.unit if step else "",
                note=check.clean_text(note, Medicines.tr("note"), limit=check.LONG_TEXT),
            )
            session.add(row)
            session.flush()
            return _log_info(row)

    def remove_entry(self, entry_id: int) -> Snapshot | None:
        """Take back a log entry (undo); returns it, to put back with restore_entry."""
        from companion.store.models import DoseLogEntry

        with self._store.session() as session:
            row = session.get(DoseLogEntry, entry_id)
            if row is None:
                return None
            snapshot = take(row)
            session.delete(row)
            return snapshot

    def restore_entry(self, snapshot: Snapshot) -> None:
        from companion.store.models import DoseLogEntry

        with self._store.session() as session:
            if session.get(DoseLogEntry, snapshot.row_id) is None:
                put(session, snapshot)

    def check_as_needed(self, schedule_id: int, amount: float, now: datetime) -> AsNeededCheck:
        schedule = self.get(schedule_id)
        since = now.date() - timedelta(days=1)
        taken = [
            (e.taken_at, e.amount or 0.0)
            for e in self.log(schedule_id, start=since, end=now.date())
            if e.taken_at is not None and e.status != "skipped"
        ]
        return engine.check_as_needed(schedule.plan(), taken, now, amount)


def _check_amount(amount: float | None, unit: str) -> None:
    if amount is None or not 0 < amount <= MAX_DOSE:
        raise ValidationError(
            Medicines.tr("Please write the dose your care team prescribed (a number above 0).")
        )
    if not unit.strip():
        raise ValidationError(
            Medicines.tr("Please write the unit of the dose, like mg or tablets.")
        )


def _steps(data: ScheduleInput, start: date) -> Iterable[DoseStep]:
    if data.pattern == "ramp":
        return engine.ramp_steps(start, [(amount, data.unit.strip()) for amount in data.ramp])
    if data.amount is None:
        return ()
    return (DoseStep(start, data.amount, data.unit.strip()),)


def _slot_time(slot: str) -> time:
    parsed = engine.parse_times(slot)
    return parsed[0] if parsed else time(12, 0)


_SCHEDULE_COLUMNS = (
    "id, name, library_id, line_id, pattern, times, start_date, end_date, logged_from, "
    "cycle_length, first_day, last_day, every_weeks, min_interval_hours, daily_max, note"
)


def _schedule(row: tuple[Any, ...], doses: Iterable[DoseStep]) -> ScheduleInfo:
    """A ScheduleInfo from the columns of _SCHEDULE_COLUMNS and its dose steps."""
    (number, name, library_id, line_id, pattern, times, start, end, logged_from) = row[:9]
    cycle_length, first_day, last_day, every_weeks, interval, daily_max, note = row[9:]
    return ScheduleInfo(
        id=number,
        name=name,
        library_id=library_id,
        line_id=line_id,
        pattern=pattern,
        times=engine.parse_times(times),
        start_date=as_date(start),
        end_date=None if end is None else as_date(end),
        logged_from=as_date(logged_from),
        doses=tuple(sorted(doses, key=lambda d: d.start)),
        cycle_length=cycle_length,
        first_day=first_day,
        last_day=last_day,
        every_weeks=every_weeks,
        min_interval_hours=interval,
        daily_max=daily_max,
        note=note,
    )


def _info(row: MedicineSchedule) -> ScheduleInfo:
    return ScheduleInfo(
        id=row.id,
        name=row.name,
        library_id=row.library_id,
        line_id=row.line_id,
        pattern=row.pattern,
        times=engine.parse_times(row.times),
        start_date=row.start_date,
        end_date=row.end_date,
        logged_from=row.logged_from,
        doses=tuple(
            DoseStep(d.start_date, d.amount, d.unit)
            for d in sorted(row.doses, key=lambda d: d.start_date)
        ),
        cycle_length=row.cycle_length,
        first_day=row.first_day,
        last_day=row.last_day,
        every_weeks=row.every_weeks,
        min_interval_hours=row.min_interval_hours,
        daily_max=row.daily_max,
        note=row.note,
    )


def _log_info(row: DoseLogEntry) -> LogInfo:
    return LogInfo(
        id=row.id,
        schedule_id=row.schedule_id,
        day=row.day,
        slot=row.slot,
        status=row.status,
        reason=row.reason,
        taken_at=row.taken_at,
        amount=row.amount,
        unit=row.unit,
        note=row.note,
    )
