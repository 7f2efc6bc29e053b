"""Adherence: each planned dose as taken, taken late, skipped or missed, by day and cycle.

A dose counts as missed once its day is over with nothing recorded. Days before the
schedule's logged_from (doses from before the patient kept the log in the app) are
"not recorded", never missed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from companion.medicines import engine
from companion.medicines.model import LogInfo, ScheduleInfo

# Day statuses, worst first: a day with a missed dose shows as missed.
DAY_STATUSES = ("missed", "skipped", "late", "taken", "pending", "unrecorded")


@dataclass(frozen=True)
class DoseOutcome:
    day: date
    slot: str
    status: str  # taken | late | skipped | missed | pending | unrecorded
    reason: str | None = None


@dataclass(frozen=True)
class PeriodAdherence:
    """Adherence over one cycle (or one week for medicines without cycles)."""

    number: int
    start: date
    end: date
    taken: int  # taken on time or late
    planned: int  # doses whose day is over (or recorded), in the logged period

    @property
    def percent(self) -> int | None:
        return round(100 * self.taken / self.planned) if self.planned else None


def outcomes(
    schedule: ScheduleInfo,
    entries: Sequence[LogInfo],
    starts: Sequence[date],
    first: date,
    last: date,
    now: datetime,
) -> list[DoseOutcome]:
    logged: dict[tuple[date, str], LogInfo] = {}
    for logged_entry in entries:
        logged.setdefault((logged_entry.day, logged_entry.slot), logged_entry)
    found = []
    for day in engine.dose_days(schedule.plan(), first, last, starts):
        for dose in engine.doses_on(schedule.plan(), day, starts):
            entry = logged.get((day, dose.slot_text))
            if entry is not None:
                found.append(DoseOutcome(day, dose.slot_text, entry.status, entry.reason))
            elif day < schedule.logged_from:
                found.append(DoseOutcome(day, dose.slot_text, "unrecorded"))
            elif day < now.date():
                found.append(DoseOutcome(day, dose.slot_text, "missed"))
            else:
                found.append(DoseOutcome(day, dose.slot_text, "pending"))
    return found


def by_day(found: Sequence[DoseOutcome]) -> dict[date, str]:
    days: dict[date, str] = {}
    for outcome in found:
        current = days.get(outcome.day)
        if current is None or DAY_STATUSES.index(outcome.status) < DAY_STATUSES.index(current):
            days[outcome.day] = outcome.status
    return days


def by_period(
    schedule: ScheduleInfo, found: Sequence[DoseOutcome], starts: Sequence[date], last: date
) -> list[PeriodAdherence]:
    """Per cycle when the schedule has cycles, else per week from its start."""
    if starts:
        bounds = [
            (start, (starts[i + 1] - timedelta(days=1)) if i + 1 < len(starts) else last)
            for i, start in enumerate(starts)
        ]
    else:
        bounds = []
        week = schedule.start_date
        while week <= last:
            bounds.append((week, week + timedelta(days=6)))
            week += timedelta(days=7)
    periods = []
    for number, (start, end) in enumerate(bounds, start=1):
        inside = [o for o in found if start <= o.day <= end]
        counted = [o for o in inside if o.status not in ("pending", "unrecorded")]
        if not counted:
            continue
        taken = sum(o.status in ("taken", "late") for o in counted)
        periods.append(PeriodAdherence(number, start, end, taken, len(counted)))
    return periods
