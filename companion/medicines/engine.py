"""The schedule engine: which doses fall on which days, in plain Python over dates.

No database and no clock here: callers pass the days, the treatment days of the line and
"now", so every rule can be tested over fixed dates.

Cycle patterns count cycle day 1 from the line's treatment days (the infusions), so a cycle
that starts a week late moves the pills with it. After the last recorded treatment day the
cycles are projected every cycle_length days until the next one is recorded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

PATTERNS = ("daily", "cycle", "ramp", "weekly", "as_needed")
# Patterns taken on some days at set times (as-needed doses have no times).
TIMED_PATTERNS = ("daily", "cycle", "ramp", "weekly")


@dataclass(frozen=True)
class DoseStep:
    """The prescribed dose from start on (until the next step)."""

    start: date
    amount: float
    unit: str


@dataclass(frozen=True)
class Plan:
    pattern: str
    start: date
    end: date | None = None
    times: tuple[time, ...] = ()
    doses: tuple[DoseStep, ...] = ()
    cycle_length: int | None = None
    first_day: int | None = None  # days first_day..last_day of each cycle
    last_day: int | None = None
    every_weeks: int | None = None
    min_interval: timedelta | None = None
    daily_max: float | None = None

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class DueDose:
    day: date
    slot: time
    amount: float | None
    unit: str

    @property
    def at(self) -> datetime:
        return datetime.combine(self.day, self.slot)

    @property
    def slot_text(self) -> str:
        return slot_text(self.slot)


def slot_text(value: time) -> str:
    return value.strftime("%H:%M")


def parse_times(text: str) -> tuple[time, ...]:
    """'08:00 20:00' (or with commas) to sorted times; raises ValueError on a bad time."""
    found: set[time] = set()
    for part in text.replace(",", " ").split():
        hours, _, minutes = part.partition(":")
        found.add(time(int(hours), int(minutes or 0)))
    return tuple(sorted(found))


def times_text(times: Iterable[time]) -> str:
    return " ".join(slot_text(t) for t in times)


def ramp_steps(start: date, weekly: Sequence[tuple[float, str]]) -> tuple[DoseStep, ...]:
    """Dose steps by week: weekly[0] in week 1, weekly[1] in week 2… the last one stays."""
    return tuple(
        DoseStep(start + timedelta(weeks=index), amount, unit)
        for index, (amount, unit) in enumerate(weekly)
    )


def dose_on(plan: Plan, day: date) -> DoseStep | None:
    """The dose prescribed on that day: the latest step that has started."""
    current = None
    for step in sorted(plan.doses, key=lambda s: s.start):
        if step.start <= day:
            current = step
    return current


# -- cycles -------------------------------------------------------------------------------
def cycle_starts(
    treatment_days: Iterable[date], first_start: date, cycle_length: int, until: date
) -> list[date]:
    """Cycle day 1 of every cycle up to until: the recorded treatment days (or first_start
    when none is recorded), then projected every cycle_length days."""
    starts = sorted(set(treatment_days)) or [first_start]
    projected = starts[-1] + timedelta(days=cycle_length)
    while projected <= until:
        starts.append(projected)
        projected += timedelta(days=cycle_length)
    return starts


@dataclass(frozen=True)
class CyclePosition:
    number: int  # 1 for the first recorded cycle
    day: int  # 1 for cycle day 1
    start: date


def cycle_position(day: date, starts: Sequence[date]) -> CyclePosition | None:
    current = None
    for number, start in enumerate(starts, start=1):
        if start > day:
            break
        current = CyclePosition(number, (day - start).days + 1, start)
    return current


# -- which days ---------------------------------------------------------------------------
def is_dose_day(plan: Plan, day: date, starts: Sequence[date] = ()) -> bool:
    if plan.pattern not in TIMED_PATTERNS or not plan.active_on(day):
        return False
    if plan.pattern in ("daily", "ramp"):
        return True
    if plan.pattern == "weekly":
        weeks = max(1, plan.every_weeks or 1)
        return (day - plan.start).days % (7 * weeks) == 0
    position = cycle_position(day, starts)
    if position is None or plan.cycle_length is None:
        return False
    first = plan.first_day or 1
    last = plan.last_day or plan.cycle_length
    return first <= position.day <= last


def dose_days(plan: Plan, start: date, end: date, starts: Sequence[date] = ()) -> list[date]:
    days = []
    day = start
    while day <= end:
        if is_dose_day(plan, day, starts):
            days.append(day)
        day += timedelta(days=1)
    return days


def doses_on(plan: Plan, day: date, starts: Sequence[date] = ()) -> list[DueDose]:
    """The doses due that day, one per time of day, with the dose prescribed then."""
    if not is_dose_day(plan, day, starts):
        return []
    step = dose_on(plan, day)
    amount, unit = (step.amount, step.unit) if step else (None, "")
    return [DueDose(day, slot, amount, unit) for slot in plan.times or (time(9, 0),)]


# -- as needed ----------------------------------------------------------------------------
@dataclass(frozen=True)
class AsNeededCheck:
    taken_today: float  # in the dose's unit, before this dose
    over_daily_max: bool
    too_soon: bool
    next_allowed: datetime | None  # when the minimum interval has passed


def check_as_needed(
    plan: Plan, taken: Iterable[tuple[datetime, float]], now: datetime, amount: float
) -> AsNeededCheck:
    """Would one more dose of amount at now go over the daily maximum or come too soon?

    taken holds (when, amount) of the doses already logged; a day is the calendar day.
    """
    earlier = [(at, dose) for at, dose in taken if at <= now]
    today = sum(dose for at, dose in earlier if at.date() == now.date())
    over = plan.daily_max is not None and today + amount > plan.daily_max + 1e-9
    next_allowed = None
    too_soon = False
    if plan.min_interval is not None and earlier:
        next_allowed = max(at for at, _dose in earlier) + plan.min_interval
        too_soon = now < next_allowed
    return AsNeededCheck(today, over, too_soon, next_allowed)
