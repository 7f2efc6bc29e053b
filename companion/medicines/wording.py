"""Words for doses, statuses and reasons, shared by pages and reports."""

from __future__ import annotations

from datetime import date

from companion.medicines.model import ScheduleInfo
from companion.translations import Medicines


def amount_text(amount: float | None, unit: str) -> str:
    """'1500 mg', '2.5 mg'; just the unit when there is no amount."""
    if amount is None:
        return unit
    return f"{amount:g} {unit}".strip()


def status_text(status: str) -> str:
    return {
        "taken": Medicines.tr("Taken"),
        "late": Medicines.tr("Taken late"),
        "skipped": Medicines.tr("Skipped"),
        "missed": Medicines.tr("Missed"),
        "pending": Medicines.tr("Not yet"),
        "unrecorded": Medicines.tr("Not recorded"),
    }.get(status, status)


def reason_text(reason: str | None) -> str:
    return {
        "forgot": Medicines.tr("forgot"),
        "side_effects": Medicines.tr("side effects"),
        "told_to_stop": Medicines.tr("told to stop by the care team"),
        "other": Medicines.tr("other reason"),
    }.get(reason or "", "")


def pattern_text(pattern: str) -> str:
    return {
        "daily": Medicines.tr("Every day"),
        "cycle": Medicines.tr("Some days of each cycle"),
        "ramp": Medicines.tr("Every day, dose going up by week"),
        "weekly": Medicines.tr("Every few weeks"),
        "as_needed": Medicines.tr("As needed"),
    }.get(pattern, pattern)


def schedule_text(schedule: ScheduleInfo, on: date) -> str:
    """'1500 mg at 08:00 and 20:00, days 1–14 of each 21-day cycle'."""
    step = schedule.dose_on(on)
    dose = amount_text(step.amount, step.unit) if step else ""
    times = Medicines.tr(" and ").join(t.strftime("%H:%M") for t in schedule.times)
    if schedule.pattern == "as_needed":
        parts = [Medicines.tr("{dose} as needed").format(dose=dose)]
        if schedule.min_interval_hours:
            parts.append(
                Medicines.tr("at least {hours} hours apart").format(
                    hours=f"{schedule.min_interval_hours:g}"
                )
            )
        if schedule.daily_max:
            parts.append(
                Medicines.tr("at most {amount} a day").format(
                    amount=amount_text(schedule.daily_max, step.unit if step else "")
                )
            )
        return ", ".join(parts)
    text = Medicines.tr("{dose} at {times}").format(dose=dose, times=times)
    if schedule.pattern == "cycle":
        return Medicines.tr("{text}, days {first}–{last} of each {length}-day cycle").format(
            text=text,
            first=schedule.first_day or 1,
            last=schedule.last_day or schedule.cycle_length,
            length=schedule.cycle_length,
        )
    if schedule.pattern == "weekly":
        return Medicines.tr("{text}, every %n weeks", "", schedule.every_weeks or 1).format(
            text=text
        )
    if schedule.pattern == "ramp":
        steps = ", ".join(amount_text(s.amount, s.unit) for s in schedule.doses)
        return Medicines.tr("{text} every day; by week: {steps}").format(text=text, steps=steps)
    return Medicines.tr("{text} every day").format(text=text)
