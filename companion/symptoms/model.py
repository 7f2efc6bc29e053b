"""Plain data the symptom services hand to pages, reports and the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

AnswerKey = tuple[str, str]  # (symptom id, attribute)

# How far back a question asks: the daily check-in asks about today, the weekly PRO-CTCAE
# check-in about the last 7 days (NCI's standard recall), ESAS-r about right now.
RECALL_NOW = 0
RECALL_DAILY = 1
RECALL_WEEKLY = 7
RECALL_PERIODS = (RECALL_NOW, RECALL_DAILY, RECALL_WEEKLY)
SYMPTOM_RECALLS = (RECALL_DAILY, RECALL_WEEKLY)
OVERALL_ANSWERS = ("better", "same", "worse")  # "How are you today compared with yesterday?"


def recall_key(attribute: str, recall_days: int) -> str:
    """An attribute named with its recall period where that is not the daily one, so that
    messages and lookups keep a daily and a weekly answer of one day apart."""
    return attribute if recall_days == RECALL_DAILY else f"{attribute}/{recall_days}"


@dataclass(frozen=True)
class SavedAnswer:
    symptom_id: str
    attribute: str
    value: int
    recorded_at: datetime
    recall_days: int = RECALL_DAILY


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
    compared_with_yesterday: str | None = None  # one of OVERALL_ANSWERS
    daily_done_at: datetime | None = None  # when the patient finished the daily check-in

    @property
    def is_empty(self) -> bool:
        return (
            not self.note
            and self.compared_with_yesterday is None
            and self.daily_done_at is None
            and self.temperature_c is None
            and self.weight_kg is None
            and not self.answers
            and not self.esas
            and not self.flags
        )

    @property
    def daily_done(self) -> bool:
        return self.daily_done_at is not None

    def values(self, recall_days: int = RECALL_DAILY) -> dict[AnswerKey, int]:
        """The answers given for one recall period (the daily check-in's by default)."""
        return {
            (a.symptom_id, a.attribute): a.value
            for a in self.answers
            if a.recall_days == recall_days
        }

    def weekly_values(self) -> dict[AnswerKey, int]:
        return self.values(RECALL_WEEKLY)

    def esas_values(self) -> dict[str, int]:
        return dict(self.esas)


# An answer as a plain row, for reading and writing years of answers at once (the CSV export
# and import): recall_days, symptom id, attribute, value, recorded_at. Rows sort in the order
# a day lists its answers (DayState.answers).
AnswerRow = tuple[int, str, str, int, datetime]


@dataclass(frozen=True)
class DayRows:
    """A day with its answers as plain rows (no object per answer); state holds the rest of
    the day (note, measurements, compared with yesterday, ESAS-r, red flags), no answers."""

    state: DayState
    answers: list[AnswerRow]


@dataclass(frozen=True)
class Change:
    """The result of one saved change: the day as it was and as it is now (for undo and the
    form, so neither reads the day again), and the day's red flags that are still open."""

    day: date
    before: DayState
    after: DayState
    open_flags: tuple[FlagEvent, ...] = field(default=())


@dataclass(frozen=True)
class WeekBurden:
    """One week of the log: each check-in day's worst answer, and per symptom its mean."""

    monday: date
    worst_days: tuple[int, ...]
    symptom_means: dict[str, float]
