"""The label's words beside the patient's schedule: how to take it with meals, and a note
when the schedule differs from the label's usual pattern (the app never changes a dose or a
schedule: the patient keeps what the care team prescribed)."""

from __future__ import annotations

from companion.library.model import LabelPlan
from companion.translations import Medicines


def food_instruction(food: str) -> str:
    texts = {
        "with_food": Medicines.tr("Take with food"),
        "after_meal": Medicines.tr("Take within 30 minutes after a meal"),
        "empty_stomach": Medicines.tr(
            "Take on an empty stomach: at least 1 hour before or 1 hour after a meal"
        ),
        "with_or_without": Medicines.tr("With or without food"),
    }
    return texts.get(food, "")


def times_phrase(count: int) -> str:
    if count == 1:
        return Medicines.tr("once a day")
    if count == 2:
        return Medicines.tr("twice a day")
    return Medicines.tr("%n times a day", "", count)


def label_pattern(plan: LabelPlan) -> str:
    """'twice a day, days 1–14 of a 21-day cycle' (the label's usual pattern)."""
    parts = [times_phrase(plan.times_per_day)] if plan.times_per_day else []
    if plan.days_on and plan.cycle_days:
        parts.append(
            Medicines.tr("days 1–{last} of a {length}-day cycle").format(
                last=plan.days_on, length=plan.cycle_days
            )
        )
    else:
        parts.append(Medicines.tr("every day"))
    return ", ".join(parts)


def differs_from_label(
    plan: LabelPlan | None,
    pattern: str,
    times_per_day: int,
    cycle_days: tuple[int, int, int] | None,
) -> str:
    """A note when a schedule differs from its label's usual pattern, else "".

    cycle_days is (first day, last day, cycle length) for a cycle pattern.
    """
    if plan is None or pattern == "as_needed":
        return ""
    differs = bool(plan.times_per_day) and times_per_day != plan.times_per_day
    if plan.days_on and plan.cycle_days:
        differs = differs or cycle_days != (1, plan.days_on, plan.cycle_days)
    elif pattern in ("cycle", "weekly"):
        on_every_day = cycle_days is not None and cycle_days[1] - cycle_days[0] + 1 >= cycle_days[2]
        differs = differs or not on_every_day
    if not differs:
        return ""
    return Medicines.tr(
        "This differs from the label's usual pattern ({pattern}). That can be right for you, "
        "but please check it with your care team."
    ).format(pattern=label_pattern(plan))
