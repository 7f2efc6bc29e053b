"""Medicines at home over a period, for the visit brief: doses taken of those planned, and
the missed or skipped ones with why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from companion.medicines import adherence
from companion.medicines.service import ScheduleService


@dataclass(frozen=True)
class HomeMedicine:
    name: str
    taken: int
    planned: int
    misses: tuple[adherence.DoseOutcome, ...]  # missed or skipped, oldest first


def home_medicines(
    service: ScheduleService, start: date, end: date, now: datetime
) -> list[HomeMedicine]:
    """Each timed schedule that had doses in start..end (days already over or recorded)."""
    found = []
    last = min(end, now.date())
    for schedule in service.schedules():
        if schedule.pattern == "as_needed":
            continue
        if schedule.start_date > last or (schedule.end_date and schedule.end_date < start):
            continue
        first = max(start, schedule.logged_from)
        if first > last:
            continue
        starts = service.cycle_starts(schedule, last + timedelta(days=1))
        outcomes = adherence.outcomes(
            schedule, service.log(schedule.id, first, last), starts, first, last, now
        )
        counted = [o for o in outcomes if o.status not in ("pending", "unrecorded")]
        if not counted:
            continue
        found.append(
            HomeMedicine(
                schedule.name,
                sum(o.status in ("taken", "late") for o in counted),
                len(counted),
                tuple(o for o in counted if o.status in ("missed", "skipped")),
            )
        )
    return found
