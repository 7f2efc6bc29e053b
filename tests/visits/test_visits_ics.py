from __future__ import annotations

from datetime import timedelta

from fixed_time import NOW
from icalendar import Calendar

from companion.reports.visits_ics import write_visits_ics


def test_calendar_has_one_event_per_upcoming_visit_with_stable_uids(services, tmp_path) -> None:
    now = NOW
    services.visits.add(now - timedelta(days=10), "nurse", purpose="Past")
    soon = services.visits.add(
        now + timedelta(days=2), "oncologist", "Dr. Okafor", "Clinic B", "Scan results"
    )
    later = services.visits.add(now + timedelta(days=30), "cardiology")
    services.visits.add_question(soon.id, "A private question?")
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert write_visits_ics(services, first) == 2
    write_visits_ics(services, second)

    calendar = Calendar.from_ical(first.read_bytes())
    assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    by_start = {e.decoded("DTSTART"): e for e in events}
    event = by_start[soon.starts_at]
    assert event.decoded("DTSTART").tzinfo is None  # floating local time, as written
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(hours=1)
    assert str(event["SUMMARY"]) == "Visit: Oncologist (Dr. Okafor)"
    assert str(event["LOCATION"]) == "Clinic B"
    assert str(event["DESCRIPTION"]) == "Scan results"
    assert later.starts_at in by_start
    assert b"A private question" not in first.read_bytes()

    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 2
    assert uids == [str(e["UID"]) for e in Calendar.from_ical(second.read_bytes()).walk("VEVENT")]
