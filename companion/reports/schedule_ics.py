"""Medicine schedules as an RFC 5545 calendar, for people who keep a calendar.

Every dose time of a schedule is a recurring event with a VALARM (the app's own reminders
do not depend on it: many calendar programs drop the alarms of imported files).

- every day (and each dose step of a ramp or a dose change): RRULE FREQ=DAILY, ended with
  UNTIL where the next dose starts;
- every N weeks: RRULE FREQ=WEEKLY;INTERVAL=N;
- days N–M of a cycle: one event per cycle with RRULE FREQ=DAILY;COUNT=M-N+1, starting on
  that cycle's own day N. Cycle day 1 comes from the line's treatment days, so a cycle that
  moved is exported where it really happened; cycles not yet given are projected for
  PROJECTED_CYCLES cycles (export again after the next treatment day). UIDs are stable per
  schedule, time and cycle, so importing again updates the events.

Times are floating local times, as the patient set them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from icalendar import Alarm, Calendar, Event

from companion import APP_NAME, __version__
from companion.medicines.engine import DoseStep
from companion.medicines.model import ScheduleInfo
from companion.medicines.service import ScheduleService
from companion.medicines.wording import amount_text
from companion.reports.visits_ics import UID_DOMAIN, write_calendar
from companion.translations import TranslationContext

if TYPE_CHECKING:
    from companion.services import Services

PROJECTED_CYCLES = 6
DOSE_LENGTH = timedelta(minutes=15)


class ScheduleCalendar(TranslationContext):
    """Medicine schedules exported as a calendar (ICS)."""


@dataclass(frozen=True)
class Series:
    """One recurring event: a dose time from start, with its rule."""

    key: str
    schedule: ScheduleInfo
    slot: time
    start: date
    rule: dict[str, object]
    dose: DoseStep | None


def _steps(schedule: ScheduleInfo) -> list[tuple[date, date | None, DoseStep | None]]:
    """(from, until, dose) segments: a new segment where the dose changes."""
    steps = [s for s in schedule.doses if schedule.end_date is None or s.start <= schedule.end_date]
    if not steps:
        return [(schedule.start_date, schedule.end_date, None)]
    found: list[tuple[date, date | None, DoseStep | None]] = []
    for index, step in enumerate(steps):
        begin = max(step.start, schedule.start_date)
        end = steps[index + 1].start - timedelta(days=1) if index + 1 < len(steps) else None
        if schedule.end_date is not None and (end is None or end > schedule.end_date):
            end = schedule.end_date
        if end is None or end >= begin:
            found.append((begin, end, step))
    return found


def _until(day: date, slot: time) -> datetime:
    return datetime.combine(day, slot)


def series_of(service: ScheduleService, schedule: ScheduleInfo, today: date) -> list[Series]:
    found: list[Series] = []
    for slot in schedule.times:
        tag = slot.strftime("%H%M")
        if schedule.pattern == "cycle" and schedule.cycle_length:
            length = schedule.cycle_length
            horizon = max(today, schedule.start_date) + timedelta(days=length * PROJECTED_CYCLES)
            if schedule.end_date is not None:
                horizon = min(horizon, schedule.end_date)
            starts = service.cycle_starts(schedule, horizon)
            first = (schedule.first_day or 1) - 1
            days_on = (schedule.last_day or length) - first
            for number, cycle_start in enumerate(starts, start=1):
                begin = cycle_start + timedelta(days=first)
                end = begin + timedelta(days=days_on - 1)
                if number < len(starts):  # a later cycle started early: stop there
                    end = min(end, starts[number] - timedelta(days=1))
                if schedule.end_date is not None:
                    end = min(end, schedule.end_date)
                begin = max(begin, schedule.start_date)
                if end < begin:
                    continue
                found.append(
                    Series(
                        f"{tag}-cycle-{cycle_start.isoformat()}",
                        schedule,
                        slot,
                        begin,
                        {"freq": "daily", "count": (end - begin).days + 1},
                        schedule.dose_on(begin),
                    )
                )
            continue
        for index, (begin, until, step) in enumerate(_steps(schedule)):
            rule: dict[str, object] = {"freq": "daily"}
            if schedule.pattern == "weekly":
                rule = {"freq": "weekly", "interval": schedule.every_weeks or 1}
                # The series keeps the schedule's rhythm: start on its next dose day.
                period = 7 * (schedule.every_weeks or 1)
                offset = (begin - schedule.start_date).days % period
                if offset:
                    begin += timedelta(days=period - offset)
            if until is not None:
                if until < begin:
                    continue
                rule["until"] = _until(until, slot)
            found.append(Series(f"{tag}-{index + 1}", schedule, slot, begin, rule, step))
    return found


def schedule_calendar(
    service: ScheduleService, token: str, today: date, now: datetime | None = None
) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{APP_NAME}//{__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", ScheduleCalendar.tr("Medicines"))
    stamp = (now.astimezone(UTC) if now else datetime.combine(today, time(), UTC)).replace(
        microsecond=0
    )
    for schedule in service.schedules():
        if schedule.pattern == "as_needed":
            continue
        if schedule.end_date is not None and schedule.end_date < today:
            continue
        instruction = service.instruction(schedule)
        for series in series_of(service, schedule, today):
            dose = amount_text(series.dose.amount, series.dose.unit) if series.dose else ""
            summary = ScheduleCalendar.tr("{name} {dose}").format(name=schedule.name, dose=dose)
            event = Event()
            event.add("uid", f"dose-{schedule.id}-{series.key}-{token}@{UID_DOMAIN}")
            event.add("dtstamp", stamp)
            event.add("dtstart", datetime.combine(series.start, series.slot))
            event.add("duration", DOSE_LENGTH)
            event.add("summary", summary.strip())
            event.add("rrule", series.rule)
            description = [
                ScheduleCalendar.tr("The dose your care team prescribed, as you entered it.")
            ]
            if instruction:
                description.insert(0, instruction)
            event.add("description", "\n".join(description))
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", timedelta(0))
            alarm.add(
                "description",
                ScheduleCalendar.tr("Time for {what}").format(what=summary.strip()),
            )
            event.add_component(alarm)
            calendar.add_component(event)
    return calendar


def write_schedule_ics(services: Services, path: Path, now: datetime) -> int:
    """Write every current schedule to path; returns how many events were written."""
    schedules = services.treatments.schedules
    calendar = schedule_calendar(schedules, services.profile.token(), now.date(), now)
    write_calendar(calendar, path)
    return len(calendar.walk("VEVENT"))
