"""Plain data of the medicine schedules, handed to pages and reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from companion.medicines.engine import DoseStep, DueDose, Plan

STATUSES = ("taken", "late", "skipped")
SKIP_REASONS = ("forgot", "side_effects", "told_to_stop", "other")


@dataclass(frozen=True)
class ScheduleInfo:
    id: int
    name: str
    library_id: str | None
    line_id: int | None
    pattern: str
    times: tuple[time, ...]
    start_date: date
    end_date: date | None
    logged_from: date
    doses: tuple[DoseStep, ...]
    cycle_length: int | None = None
    first_day: int | None = None
    last_day: int | None = None
    every_weeks: int | None = None
    min_interval_hours: float | None = None
    daily_max: float | None = None
    note: str = ""

    def plan(self) -> Plan:
        interval = self.min_interval_hours
        return Plan(
            pattern=self.pattern,
            start=self.start_date,
            end=self.end_date,
            times=self.times,
            doses=self.doses,
            cycle_length=self.cycle_length,
            first_day=self.first_day,
            last_day=self.last_day,
            every_weeks=self.every_weeks,
            min_interval=timedelta(hours=interval) if interval else None,
            daily_max=self.daily_max,
        )

    def dose_on(self, day: date) -> DoseStep | None:
        current = None
        for step in self.doses:
            if step.start <= day:
                current = step
        return current or (self.doses[0] if self.doses else None)

    def is_current(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


@dataclass(frozen=True)
class ScheduleInput:
    """What the patient enters. The dose is theirs: nothing here is ever suggested.

    For a ramp, ramp holds the dose of week 1, week 2… (the last one stays)."""

    name: str
    pattern: str
    amount: float | None
    unit: str
    times: str = ""
    start_date: date | None = None
    end_date: date | None = None
    library_id: str | None = None
    line_id: int | None = None
    cycle_length: int | None = None
    first_day: int | None = None
    last_day: int | None = None
    every_weeks: int | None = None
    min_interval_hours: float | None = None
    daily_max: float | None = None
    ramp: tuple[float, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class LogInfo:
    id: int
    schedule_id: int
    day: date
    slot: str  # "08:00", or "" for an as-needed dose
    status: str  # taken | late | skipped
    reason: str | None
    taken_at: datetime | None
    amount: float | None
    unit: str
    note: str


@dataclass(frozen=True)
class DueItem:
    """A dose due on a day, with what the log says about it."""

    schedule: ScheduleInfo
    dose: DueDose
    instruction: str  # from the label, e.g. "Take with food"; "" when the label has none
    entries: tuple[LogInfo, ...] = field(default=())

    @property
    def answered(self) -> bool:
        return bool(self.entries)

    @property
    def key(self) -> tuple[int, date, str]:
        return (self.schedule.id, self.dose.day, self.dose.slot_text)
