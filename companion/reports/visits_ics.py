"""Upcoming visits as an RFC 5545 calendar file (one event per visit, stable UIDs).

Times are 'floating' local times, exactly as the patient wrote them, so a calendar shows
them at the same wall-clock time. Only the purpose goes into the event, never the questions
or answers: calendars are often synced to other services.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from icalendar import Calendar, Event

from companion import APP_NAME, __version__, atomic_file
from companion.translations import TranslationContext
from companion.visits.model import VisitInfo

if TYPE_CHECKING:
    from companion.services import Services

DEFAULT_LENGTH = timedelta(hours=1)
UID_DOMAIN = "her2-companion.invalid"


class VisitsCalendar(TranslationContext):
    """Visits exported as a calendar (ICS)."""


def visit_uid(visit_id: int, token: str) -> str:
    return f"visit-{visit_id}-{token}@{UID_DOMAIN}"


def visits_calendar(visits: list[VisitInfo], token: str, now: datetime) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{APP_NAME}//{__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", VisitsCalendar.tr("Medical visits"))
    stamp = now.astimezone(UTC).replace(microsecond=0)
    for visit in visits:
        event = Event()
        event.add("uid", visit_uid(visit.id, token))
        event.add("dtstamp", stamp)
        event.add("dtstart", visit.starts_at)  # floating local time
        event.add("dtend", visit.starts_at + DEFAULT_LENGTH)
        event.add("summary", VisitsCalendar.tr("Visit: {who}").format(who=visit.who()))
        if visit.place:
            event.add("location", visit.place)
        if visit.purpose:
            event.add("description", visit.purpose)
        calendar.add_component(event)
    return calendar


def write_calendar(calendar: Calendar, path: Path) -> None:
    """Write atomically: a full disk never leaves half a file."""
    atomic_file.write_bytes(Path(path), calendar.to_ical())


def write_visits_ics(services: Services, path: Path, now: datetime | None = None) -> int:
    """Write every upcoming visit to path. Returns how many were written."""
    upcoming = services.visits.upcoming(now.replace(tzinfo=None) if now else None)
    stamp = now or services.clock.utc_now()
    write_calendar(visits_calendar(upcoming, services.profile.token(), stamp), path)
    return len(upcoming)
