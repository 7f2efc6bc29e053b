"""Plain data the symptom services hand to pages, reports and the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

AnswerKey = tuple[str, str]  # (symptom id, attribute)


@dataclass(frozen=True)
class SavedAnswer:
    symptom_id: str
    attribute: str
    value: int
    recorded_at: datetime


@dataclass(frozen=True)
class FlagEvent:
    """A red flag recorded with a check-in."""

    id: int
    day: date
    rule_id: str
    urgency: str
    message: str
    raised_at: datetime
    acknowledged_at: datetime | None
    reason: str = ""  # what the patient reported that matched, in plain words


@dataclass(frozen=True)
class DayState:
    """Everything recorded for one day, with timestamps: used for undo and restore."""

    day: date
    note: str = ""
    temperature_c: float | None = None
    weight_kg: float | None = None
    answers: tuple[SavedAnswer, ...] = ()
    esas: tuple[tuple[str, int], ...] = ()
    flags: tuple[FlagEvent, ...] = ()

    @property
    def is_empty(self) -> bool:
        return (
            not self.note
            and self.temperature_c is None
            and self.weight_kg is None
            and not self.answers
            and not self.esas
            and not self.flags
        )

    def values(self) -> dict[AnswerKey, int]:
        return {(a.symptom_id, a.attribute): a.value for a in self.answers}

    def esas_values(self) -> dict[str, int]:
        return dict(self.esas)


@dataclass(frozen=True)
class Change:
    """The result of one saved change: the day's red flags that are still open."""

    day: date
    open_flags: tuple[FlagEvent, ...] = field(default=())
