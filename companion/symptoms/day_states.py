"""The one place a DayState is put together (from loaded rows or from plain reads), and a
check-in row made back from one (for undo and restore)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

from companion.store.models import CheckIn, EsasAnswer, RedFlagEvent, SymptomAnswer
from companion.symptoms.model import AnswerKey, DayState, FlagEvent, SavedAnswer
from companion.symptoms.redflags import Observations

# (event, day, observations) → the FlagEvent shown, with its reason (RedFlagEngine.flag_view)
FlagView = Callable[[RedFlagEvent, date, Observations], FlagEvent]


def observations_of(
    answers: Iterable[SavedAnswer | SymptomAnswer],
    temperature_c: float | None,
    weight_kg: float | None,
) -> Observations:
    measurements = {
        name: value
        for name, value in (("temperature", temperature_c), ("weight", weight_kg))
        if value is not None
    }
    # A weekly answer ("in the last 7 days") counts too: the worse of the two is what a
    # warning sign looks at.
    worst: dict[AnswerKey, int] = {}
    for a in answers:
        key = (a.symptom_id, a.attribute)
        worst[key] = max(a.value, worst.get(key, 0))
    return Observations(worst, measurements)


def assemble(
    day: date,
    note: str | None,
    temperature_c: float | None,
    weight_kg: float | None,
    answers: Iterable[SavedAnswer],
    esas: Iterable[tuple[str, int]],
    events: Iterable[RedFlagEvent],
    flag_view: FlagView,
    compared_with_yesterday: str | None = None,
    daily_done_at: datetime | None = None,
) -> DayState:
    """A day's state in its one order: answers by recall period, symptom and question,
    ESAS-r by item, flags as raised."""
    saved = tuple(sorted(answers, key=lambda a: (a.recall_days, a.symptom_id, a.attribute)))
    raised = sorted(events, key=lambda e: (e.raised_at, e.rule_id))
    # What the patient reported explains a flag: worked out only on a day that has one.
    observations = observations_of(saved, temperature_c, weight_kg) if raised else None
    return DayState(
        day=day,
        note=note or "",
        temperature_c=temperature_c,
        weight_kg=weight_kg,
        compared_with_yesterday=compared_with_yesterday,
        daily_done_at=daily_done_at,
        answers=saved,
        esas=tuple(sorted(esas)),
        flags=(
            tuple(flag_view(e, day, observations) for e in raised)
            if observations is not None
            else ()
        ),
    )


def state_of(checkin: CheckIn, flag_view: FlagView) -> DayState:
    """The state of a loaded check-in row (its answers, ESAS-r and flags loaded with it)."""
    return assemble(
        checkin.day,
        checkin.note,
        checkin.temperature_c,
        checkin.weight_kg,
        (
            SavedAnswer(a.symptom_id, a.attribute, a.value, a.recorded_at, a.recall_days)
            for a in checkin.answers
        ),
        ((e.item, e.value) for e in checkin.esas),
        checkin.red_flags,
        flag_view,
        checkin.compared_with_yesterday,
        checkin.daily_done_at,
    )


def checkin_from(state: DayState) -> CheckIn:
    """A new check-in row holding exactly what state holds."""
    checkin = CheckIn(
        day=state.day,
        note=state.note,
        temperature_c=state.temperature_c,
        weight_kg=state.weight_kg,
        compared_with_yesterday=state.compared_with_yesterday,
        daily_done_at=state.daily_done_at,
    )
    checkin.answers = [
        SymptomAnswer(
            symptom_id=a.symptom_id,
            attribute=a.attribute,
            value=a.value,
            recall_days=a.recall_days,
            recorded_at=a.recorded_at,
        )
        for a in state.answers
    ]
    checkin.esas = [EsasAnswer(item=item, value=value) for item, value in state.esas]
    checkin.red_flags = [
        RedFlagEvent(
            rule_id=f.rule_id,
            urgency=f.urgency,
            message=f.message,
            raised_at=f.raised_at,
            acknowledged_at=f.acknowledged_at,
        )
        for f in state.flags
    ]
    return checkin
