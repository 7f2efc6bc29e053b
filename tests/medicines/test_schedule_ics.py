"""`companion export schedule --format ics`: RRULEs that expand to the planned days, a moved
cycle exported where it happened, a VALARM on every event."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from dateutil.rrule import rrulestr
from icalendar import Calendar, Component
from schedule_steps import late_cycle_line

from companion.cli import main
from companion.medicines import engine
from companion.medicines.model import ScheduleInput
from companion.reports.schedule_ics import schedule_calendar
from companion.services import Services

TODAY = date(2026, 3, 10)


def _rule(event: Component) -> str:
    text = event["rrule"].to_ical()
    return text.decode() if isinstance(text, bytes) else str(text)


def _expand(calendar: Calendar, name: str, until: date) -> list[datetime]:
    found: list[datetime] = []
    for event in calendar.walk("VEVENT"):
        if not str(event["summary"]).startswith(name):
            continue
        assert event.walk("VALARM"), "every event carries an alarm"
        start = event.decoded("dtstart")
        rule = _rule(event)
        found += [d for d in rrulestr(rule, dtstart=start) if d.date() <= until]
    return sorted(found)


def test_rrules_expand_to_the_days_the_app_plans(services: Services) -> None:
    schedules = services.treatments.schedules
    line_id = late_cycle_line(services)
    cape = schedules.add(
        ScheduleInput(
            "Capecitabine",
            "cycle",
            1500.0,
            "mg",
            "08:00 20:00",
            date(2026, 1, 5),
            library_id="capecitabine",
            line_id=line_id,
            cycle_length=21,
            first_day=1,
            last_day=14,
        ),
        TODAY,
    )
    tucatinib = schedules.add(
        ScheduleInput(
            "Tucatinib",
            "daily",
            300.0,
            "mg",
            "08:00 20:00",
            date(2026, 1, 5),
            library_id="tucatinib",
            line_id=line_id,
        ),
        TODAY,
    )
    schedules.change_dose(tucatinib.id, date(2026, 2, 20), 250.0, "mg")
    neratinib = schedules.add(
        ScheduleInput(
            "Neratinib",
            "ramp",
            None,
            "mg",
            "09:00",
            date(2026, 3, 2),
            library_id="neratinib",
            ramp=(120.0, 160.0, 240.0),
        ),
        TODAY,
    )
    schedules.add(
        ScheduleInput("Denosumab", "weekly", 120.0, "mg", "10:00", date(2026, 1, 7), every_weeks=4),
        TODAY,
    )
    schedules.add(ScheduleInput("Loperamide", "as_needed", 4.0, "mg", daily_max=16.0), TODAY)

    raw = schedule_calendar(schedules, "token", TODAY).to_ical()
    calendar = Calendar.from_ical(raw)
    until = date(2026, 5, 31)

    # Capecitabine: exactly the engine's days, twice a day; cycle 2 starts on 2 February.
    expected_days = engine.dose_days(
        schedules.get(cape.id).plan(),
        date(2026, 1, 5),
        until,
        schedules.cycle_starts(schedules.get(cape.id), until),
    )
    expanded = _expand(calendar, "Capecitabine", until)
    assert sorted({d.date() for d in expanded}) == expected_days
    assert len(expanded) == 2 * len(expected_days)
    assert datetime(2026, 1, 26, 8) not in expanded  # the old day 1 of cycle 2
    assert datetime(2026, 2, 2, 8) in expanded and datetime(2026, 2, 15, 20) in expanded
    assert datetime(2026, 2, 16, 8) not in expanded

    # Tucatinib every day, split where the dose changed (the summary carries the dose).
    tuc = _expand(calendar, "Tucatinib", until)
    assert len(tuc) == 2 * ((until - date(2026, 1, 5)).days + 1)
    doses = {str(e["summary"]) for e in calendar.walk("VEVENT") if "Tucatinib" in str(e["summary"])}
    assert doses == {"Tucatinib 300 mg", "Tucatinib 250 mg"}

    # Neratinib's ramp: 120 mg week 1, 160 mg week 2, then 240 mg every day.
    by_dose: dict[str, list[datetime]] = {}
    for event in calendar.walk("VEVENT"):
        if str(event["summary"]).startswith("Neratinib"):
            rule = _rule(event)
            days = [
                d for d in rrulestr(rule, dtstart=event.decoded("dtstart")) if d.date() <= until
            ]
            by_dose[str(event["summary"])] = days
    assert [len(by_dose["Neratinib 120 mg"]), len(by_dose["Neratinib 160 mg"])] == [7, 7]
    assert by_dose["Neratinib 240 mg"][0] == datetime(2026, 3, 16, 9)

    # Denosumab every 4 weeks; loperamide (as needed) is not a calendar event.
    assert [d.date() for d in _expand(calendar, "Denosumab", until)] == [
        date(2026, 1, 7) + timedelta(weeks=4 * k) for k in range(6)
    ]
    assert _expand(calendar, "Loperamide", until) == []
    alarm = calendar.walk("VALARM")[0]
    assert alarm["action"] == "DISPLAY" and alarm.decoded("trigger") == timedelta(0)
    assert neratinib.id


def test_cli_writes_the_schedule_calendar(data_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    services = Services.open(data_dir)
    services.treatments.schedules.add(
        ScheduleInput("Letrozole", "daily", 2.5, "mg", "09:00", TODAY), TODAY
    )
    services.close()
    target = tmp_path / "medicines.ics"
    code = main(
        ["--data-dir", str(data_dir), "export", "schedule", "--format", "ics", "-o", str(target)]
    )
    assert code == 0
    calendar = Calendar.from_ical(target.read_bytes())
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Letrozole 2.5 mg"
    assert event.decoded("dtstart").time() == time(9, 0)
    assert "1 event" in capsys.readouterr().out
