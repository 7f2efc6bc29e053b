"""Schedules in a profile: set up, label notes, dose history with undo, the dose log."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from schedule_steps import late_cycle_line

from companion.errors import ValidationError
from companion.medicines import adherence
from companion.medicines.model import ScheduleInput
from companion.medicines.service import DoubleDoseError
from companion.services import Services

TODAY = date(2026, 3, 10)
NOW = datetime.combine(TODAY, time(9, 30))


def capecitabine(**changes: object) -> ScheduleInput:
    values: dict[str, object] = {
        "name": "Capecitabine",
        "library_id": "capecitabine",
        "pattern": "cycle",
        "amount": 1500.0,
        "unit": "mg",
        "times": "08:00 20:00",
        "start_date": date(2026, 3, 2),
        "cycle_length": 21,
        "first_day": 1,
        "last_day": 14,
    }
    values.update(changes)
    return ScheduleInput(**values)  # type: ignore[arg-type]


def test_label_instruction_and_a_note_when_the_pattern_differs(services: Services) -> None:
    schedules = services.treatments.schedules
    usual = schedules.add(capecitabine(), TODAY)
    assert schedules.instruction(usual) == "Take within 30 minutes after a meal"
    assert schedules.label_note(usual) == ""
    every_day = schedules.add(capecitabine(pattern="daily"), TODAY)  # allowed…
    note = schedules.label_note(every_day)  # …but shown with a note
    assert "days 1–14 of a 21-day cycle" in note and "check it with your care team" in note
    once = schedules.add(capecitabine(times="08:00"), TODAY)
    assert "twice a day" in schedules.label_note(once)
    neratinib = schedules.add(
        ScheduleInput(
            "Neratinib", "ramp", None, "mg", "09:00", library_id="neratinib", ramp=(120, 160, 240)
        ),
        TODAY,
    )
    assert schedules.instruction(neratinib) == "Take with food"
    assert schedules.label_note(neratinib) == ""


def test_nothing_is_suggested_the_dose_must_be_entered(services: Services) -> None:
    schedules = services.treatments.schedules
    with pytest.raises(ValidationError, match="dose your care team prescribed"):
        schedules.add(capecitabine(amount=None), TODAY)
    with pytest.raises(ValidationError, match="unit"):
        schedules.add(capecitabine(unit=" "), TODAY)
    with pytest.raises(ValidationError, match="within the cycle"):
        schedules.add(capecitabine(last_day=22), TODAY)
    with pytest.raises(ValidationError, match="times of day"):
        schedules.add(capecitabine(times="8h"), TODAY)
    assert schedules.schedules() == []


def test_pills_follow_the_lines_treatment_days(services: Services) -> None:
    line_id = late_cycle_line(services)
    schedules = services.treatments.schedules
    cape = schedules.add(capecitabine(start_date=date(2026, 1, 5), line_id=line_id), TODAY)
    assert schedules.due_on(date(2026, 1, 27)) == []  # the old day 1 of cycle 2: off
    due = schedules.due_on(date(2026, 2, 2))
    slots = [(d.schedule.id, d.dose.slot_text) for d in due]
    assert slots == [(cape.id, "08:00"), (cape.id, "20:00")]
    assert schedules.cycle_starts(cape, date(2026, 3, 1)) == [
        date(2026, 1, 5),
        date(2026, 2, 2),
        date(2026, 2, 23),
    ]


def test_a_dose_change_keeps_history_and_can_be_undone(services: Services) -> None:
    schedules = services.treatments.schedules
    cape = schedules.add(capecitabine(), TODAY)
    before = schedules.snapshot(cape.id)
    changed = schedules.update(cape.id, capecitabine(amount=1000.0), TODAY)
    assert [(s.start, s.amount) for s in changed.doses] == [
        (date(2026, 3, 2), 1500.0),
        (TODAY, 1000.0),
    ]
    assert changed.dose_on(TODAY - timedelta(days=1)).amount == 1500.0  # type: ignore[union-attr]
    assert changed.dose_on(TODAY).amount == 1000.0  # type: ignore[union-attr]
    schedules.restore(before)
    assert [s.amount for s in schedules.get(cape.id).doses] == [1500.0]


def test_taken_twice_asks_first_and_skips_need_a_reason(services: Services) -> None:
    schedules = services.treatments.schedules
    cape = schedules.add(capecitabine(), TODAY)
    first = schedules.record(cape.id, TODAY, "08:00", "taken", NOW)
    assert (first.amount, first.unit, first.taken_at) == (1500.0, "mg", NOW)
    with pytest.raises(DoubleDoseError, match="already recorded as taken"):
        schedules.record(cape.id, TODAY, "08:00", "taken", NOW)
    schedules.record(cape.id, TODAY, "08:00", "taken", NOW, allow_double=True)
    with pytest.raises(ValidationError, match="why"):
        schedules.record(cape.id, TODAY, "20:00", "skipped", NOW)
    with pytest.raises(ValidationError, match="once its day has come"):
        schedules.record(cape.id, TODAY + timedelta(days=1), "08:00", "taken", NOW)
    skipped = schedules.record(cape.id, TODAY, "20:00", "skipped", NOW, reason="side_effects")
    assert skipped.taken_at is None and skipped.reason == "side_effects"
    assert [len(d.entries) for d in schedules.due_on(TODAY)] == [2, 1]
    schedules.remove_entry(skipped.id)
    assert [len(d.entries) for d in schedules.due_on(TODAY)] == [2, 0]


def test_as_needed_beyond_the_daily_maximum_is_flagged(services: Services) -> None:
    schedules = services.treatments.schedules
    loperamide = schedules.add(
        ScheduleInput(
            "Loperamide",
            "as_needed",
            4.0,
            "mg",
            daily_max=16.0,
            min_interval_hours=2.0,
            start_date=TODAY,
        ),
        TODAY,
    )
    for hour in (6, 9, 12, 15):
        at = datetime.combine(TODAY, time(hour, 0))
        assert not schedules.check_as_needed(loperamide.id, 4.0, at).over_daily_max
        schedules.record(loperamide.id, TODAY, "", "taken", at, amount=4.0)
    check = schedules.check_as_needed(loperamide.id, 2.0, datetime.combine(TODAY, time(16)))
    assert check.taken_today == 16.0 and check.over_daily_max and check.too_soon


def test_adherence_counts_missed_days_only_since_logging_began(services: Services) -> None:
    schedules = services.treatments.schedules
    cape = schedules.add(capecitabine(start_date=date(2026, 3, 2)), date(2026, 3, 9))
    assert cape.logged_from == date(2026, 3, 9)
    now = datetime(2026, 3, 12, 9, 0)
    for day in (date(2026, 3, 9), date(2026, 3, 10)):
        for slot in ("08:00", "20:00"):
            schedules.record(cape.id, day, slot, "taken", now)
    schedules.record(cape.id, date(2026, 3, 11), "20:00", "skipped", now, reason="forgot")
    schedules.record(cape.id, date(2026, 3, 11), "08:00", "late", now)
    starts = schedules.cycle_starts(cape, date(2026, 3, 31))
    found = adherence.outcomes(
        cape, schedules.log(cape.id), starts, cape.start_date, date(2026, 3, 22), now
    )
    days = adherence.by_day(found)
    assert days[date(2026, 3, 8)] == "unrecorded"
    assert days[date(2026, 3, 10)] == "taken"
    assert days[date(2026, 3, 11)] == "skipped"
    assert days[date(2026, 3, 12)] == "pending"
    assert date(2026, 3, 16) not in days  # day 15: off
    [cycle] = adherence.by_period(cape, found, starts, date(2026, 3, 22))
    assert (cycle.number, cycle.taken, cycle.planned, cycle.percent) == (1, 5, 6, 83)
