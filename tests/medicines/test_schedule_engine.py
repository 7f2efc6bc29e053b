"""The schedule engine over fixed dates: cycles that follow the treatment days, ramps,
every-N-weeks and as-needed limits."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from companion.medicines.engine import (
    DoseStep,
    Plan,
    check_as_needed,
    cycle_position,
    cycle_starts,
    dose_days,
    dose_on,
    doses_on,
    parse_times,
    ramp_steps,
)

MORNING_EVENING = (time(8, 0), time(20, 0))


def capecitabine(start: date) -> Plan:
    return Plan(
        pattern="cycle",
        start=start,
        times=MORNING_EVENING,
        doses=(DoseStep(start, 1500, "mg"),),
        cycle_length=21,
        first_day=1,
        last_day=14,
    )


def test_days_1_to_14_of_each_21_day_cycle() -> None:
    start = date(2026, 1, 5)
    starts = cycle_starts([start], start, 21, until=date(2026, 3, 1))
    assert starts == [start, date(2026, 1, 26), date(2026, 2, 16)]
    days = dose_days(capecitabine(start), start, date(2026, 2, 28), starts)
    assert days[0] == start and days[13] == date(2026, 1, 18)
    assert date(2026, 1, 19) not in days and date(2026, 1, 25) not in days
    assert days[14] == date(2026, 1, 26)
    assert len(days) == 14 * 3 - 1  # the third cycle is cut at 28 February (day 13)


def test_a_delayed_cycle_moves_the_pills_with_it() -> None:
    start = date(2026, 1, 5)
    # Cycle 2 was due on 26 January but given a week late, on 2 February.
    treatment_days = [start, date(2026, 2, 2)]
    starts = cycle_starts(treatment_days, start, 21, until=date(2026, 3, 1))
    assert starts == [start, date(2026, 2, 2), date(2026, 2, 23)]
    days = set(dose_days(capecitabine(start), start, date(2026, 3, 1), starts))
    # Off days stretch to the real start of cycle 2: no pills 19 Jan – 1 Feb.
    assert not any(date(2026, 1, 19) + timedelta(days=k) in days for k in range(14))
    assert date(2026, 2, 2) in days and date(2026, 2, 15) in days
    assert date(2026, 2, 16) not in days  # day 15 of the delayed cycle
    assert cycle_position(date(2026, 2, 16), starts).day == 15  # type: ignore[union-attr]
    assert cycle_position(date(2026, 2, 23), starts).number == 3  # type: ignore[union-attr]


def test_cycles_are_projected_until_the_next_treatment_day_is_recorded() -> None:
    start = date(2026, 1, 5)
    projected = cycle_starts([start], start, 21, until=date(2026, 2, 20))
    assert projected == [start, date(2026, 1, 26), date(2026, 2, 16)]
    # The infusion of 26 January is then recorded on 29 January: the projection follows it.
    recorded = cycle_starts([start, date(2026, 1, 29)], start, 21, until=date(2026, 2, 20))
    assert recorded == [start, date(2026, 1, 29), date(2026, 2, 19)]


def test_two_doses_a_day_carry_the_dose_of_that_day() -> None:
    start = date(2026, 1, 5)
    plan = capecitabine(start)
    starts = cycle_starts([start], start, 21, until=date(2026, 1, 31))
    due = doses_on(plan, date(2026, 1, 6), starts)
    assert [(d.slot_text, d.amount, d.unit) for d in due] == [
        ("08:00", 1500, "mg"),
        ("20:00", 1500, "mg"),
    ]
    assert doses_on(plan, date(2026, 1, 20), starts) == []


def test_a_ramp_steps_the_dose_up_by_week() -> None:
    start = date(2026, 3, 2)
    steps = ramp_steps(start, [(120, "mg"), (160, "mg"), (240, "mg")])
    plan = Plan(pattern="ramp", start=start, times=(time(9, 0),), doses=steps)
    assert dose_on(plan, start).amount == 120  # type: ignore[union-attr]
    assert dose_on(plan, date(2026, 3, 8)).amount == 120  # type: ignore[union-attr]
    assert dose_on(plan, date(2026, 3, 9)).amount == 160  # type: ignore[union-attr]
    assert dose_on(plan, date(2026, 3, 15)).amount == 160  # type: ignore[union-attr]
    assert dose_on(plan, date(2026, 3, 16)).amount == 240  # type: ignore[union-attr]
    assert dose_on(plan, date(2026, 9, 1)).amount == 240  # type: ignore[union-attr]
    assert len(dose_days(plan, start, date(2026, 3, 31))) == 30  # every day


def test_every_four_weeks_from_the_start() -> None:
    start = date(2026, 1, 7)
    plan = Plan(pattern="weekly", start=start, times=(time(10, 0),), every_weeks=4)
    assert dose_days(plan, start, date(2026, 4, 30)) == [
        date(2026, 1, 7),
        date(2026, 2, 4),
        date(2026, 3, 4),
        date(2026, 4, 1),
        date(2026, 4, 29),
    ]


def test_a_schedule_ends_on_its_end_date() -> None:
    start = date(2026, 1, 1)
    plan = Plan(pattern="daily", start=start, end=date(2026, 1, 3), times=(time(8, 0),))
    assert dose_days(plan, date(2025, 12, 30), date(2026, 1, 10)) == [
        date(2026, 1, 1),
        date(2026, 1, 2),
        date(2026, 1, 3),
    ]


def test_as_needed_daily_maximum_and_minimum_interval() -> None:
    plan = Plan(
        pattern="as_needed",
        start=date(2026, 1, 1),
        daily_max=16,
        min_interval=timedelta(hours=2),
    )
    day = date(2026, 1, 10)
    taken = [(datetime.combine(day, time(h, 0)), 4.0) for h in (7, 10, 13)]
    fourth = check_as_needed(plan, taken, datetime.combine(day, time(16, 0)), 4)
    assert (fourth.taken_today, fourth.over_daily_max, fourth.too_soon) == (12, False, False)
    fifth = check_as_needed(
        plan, [*taken, (datetime.combine(day, time(16, 0)), 4.0)], datetime(2026, 1, 10, 17), 2
    )
    assert fifth.taken_today == 16 and fifth.over_daily_max
    assert fifth.too_soon and fifth.next_allowed == datetime(2026, 1, 10, 18)
    # A new day starts a new count.
    next_day = check_as_needed(plan, taken, datetime(2026, 1, 11, 7), 4)
    assert next_day.taken_today == 0 and not next_day.over_daily_max


def test_times_of_day_are_read_sorted_and_bad_ones_refused() -> None:
    assert parse_times("20:00, 8:00") == MORNING_EVENING
    assert parse_times("") == ()
    for bad in ("25:00", "8:61", "noon"):
        try:
            parse_times(bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad!r} was accepted")
