"""What the symptom log says about a period: worst answers, red flags, measurements.

Plain data for the visit brief and the suggested questions (the visits feature asks this
service; it does not read the symptom tables itself).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from companion.library.model import ANSWER_SCALES, SymptomTerm
from companion.store import Store
from companion.symptoms.model import RECALL_DAILY, WeekBurden
from companion.translations import translate

if TYPE_CHECKING:
    pass

SEVERE = 3  # answer index: Severe / Frequently / Quite a bit, or worse


@dataclass(frozen=True)
class SymptomSummary:
    symptom_id: str
    term: str
    attribute: str
    worst: int
    days_reported: int  # days with an answer above the lowest
    severe_days: int  # days at SEVERE or worse
    daily: tuple[tuple[date, int], ...]

    @property
    def worst_word(self) -> str:
        return answer_word(self.attribute, self.worst)


def answer_word(attribute: str, value: int) -> str:
    scale = ANSWER_SCALES.get(attribute, ANSWER_SCALES["severity"])
    word = scale[max(0, min(value, len(scale) - 1))]
    return translate("AnswerScale", word)


@dataclass(frozen=True)
class RedFlagInfo:
    day: date
    rule_id: str
    urgency: str
    message: str  # the advice the patient was shown
    reason: str = ""  # what the patient reported, e.g. "Temperature 38.3 °C (100.9 °F)"


def _primary_attribute(term: SymptomTerm | None, seen: set[str]) -> str | None:
    """The attribute that says how bad a symptom was: severity when it has one."""
    order = list(term.attributes) if term else []
    order += sorted(seen - set(order))
    for wanted in ("severity", *order):
        if wanted in seen and wanted != "presence":
            return wanted
    return None


def symptom_summaries(
    store: Store, start: date, end: date, terms: dict[str, SymptomTerm]
) -> list[SymptomSummary]:
    """Per symptom, its worst answer in the period; worst first. Yes/no signs are left out."""
    from sqlalchemy import select

    from companion.store.models import CheckIn, SymptomAnswer

    with store.session() as session:
        rows = session.execute(
            select(
                CheckIn.day, SymptomAnswer.symptom_id, SymptomAnswer.attribute, SymptomAnswer.value
            )
            .join(CheckIn, SymptomAnswer.checkin_id == CheckIn.id)
            .where(CheckIn.day >= start, CheckIn.day <= end)
            .where(SymptomAnswer.recall_days == RECALL_DAILY)  # day by day: daily answers
            .order_by(CheckIn.day)
        ).all()
    by_symptom: dict[str, dict[str, dict[date, int]]] = defaultdict(lambda: defaultdict(dict))
    for day, symptom_id, attribute, value in rows:
        by_symptom[symptom_id][attribute][day] = value
    summaries = []
    for symptom_id, attributes in by_symptom.items():
        term = terms.get(symptom_id)
        shown = _primary_attribute(term, set(attributes))
        if shown is None:
            continue
        daily = sorted(attributes[shown].items())
        values = [v for _, v in daily]
        summaries.append(
            SymptomSummary(
                symptom_id=symptom_id,
                term=term.term if term else symptom_id.replace("_", " ").capitalize(),
                attribute=shown,
                worst=max(values),
                days_reported=sum(1 for v in values if v > 0),
                severe_days=sum(1 for v in values if v >= SEVERE),
                daily=tuple(daily),
            )
        )
    summaries.sort(key=lambda s: (-s.worst, -s.severe_days, -s.days_reported, s.term))
    return summaries


def red_flags(store: Store, start: date, end: date) -> list[RedFlagInfo]:
    from sqlalchemy import select

    from companion.store.models import CheckIn, RedFlagEvent

    with store.session() as session:
        rows = session.execute(
            select(CheckIn.day, RedFlagEvent.rule_id, RedFlagEvent.urgency, RedFlagEvent.message)
            .join(CheckIn, RedFlagEvent.checkin_id == CheckIn.id)
            .where(CheckIn.day >= start, CheckIn.day <= end)
            .order_by(CheckIn.day, RedFlagEvent.id)
        ).all()
    return [RedFlagInfo(day=d, rule_id=r, urgency=u, message=m) for d, r, u, m in rows]


@dataclass(frozen=True)
class Measurements:
    highest_temperature: tuple[date, float] | None
    weight_first: tuple[date, float] | None
    weight_last: tuple[date, float] | None


def measurements(store: Store, start: date, end: date) -> Measurements:
    from sqlalchemy import select

    from companion.store.models import CheckIn

    with store.session() as session:
        temps = session.execute(
            select(CheckIn.day, CheckIn.temperature_c)
            .where(CheckIn.day.between(start, end), CheckIn.temperature_c.is_not(None))
            .order_by(CheckIn.temperature_c.desc(), CheckIn.day.desc())
            .limit(1)
        ).first()
        weights = session.execute(
            select(CheckIn.day, CheckIn.weight_kg)
            .where(CheckIn.day.between(start, end), CheckIn.weight_kg.is_not(None))
            .order_by(CheckIn.day)
        ).all()
    # The queries keep only rows with a value: the Nones the column type allows are gone.
    return Measurements(
        highest_temperature=(temps[0], float(temps[1] or 0)) if temps else None,
        weight_first=(weights[0][0], float(weights[0][1] or 0)) if weights else None,
        weight_last=(weights[-1][0], float(weights[-1][1] or 0)) if weights else None,
    )


def checkin_count(store: Store, start: date, end: date) -> int:
    from sqlalchemy import func, select

    from companion.store.models import CheckIn

    with store.session() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(CheckIn).where(CheckIn.day.between(start, end))
            )
            or 0
        )


def weekly_burden(store: Store) -> list[WeekBurden]:
    """Per week: the worst answer of each day, and each symptom's mean. Summed in SQL, so
    years of daily check-ins stay quick."""
    from sqlalchemy import func, select

    from companion.store.models import CheckIn, SymptomAnswer

    answer = (
        select(CheckIn.day, SymptomAnswer.symptom_id, SymptomAnswer.value)
        .join(SymptomAnswer, SymptomAnswer.checkin_id == CheckIn.id)
        .where(SymptomAnswer.attribute != "presence")
        .where(SymptomAnswer.recall_days == RECALL_DAILY)  # the daily check-in's days
        .subquery()
    )
    monday = func.date(answer.c.day, "-6 days", "weekday 1")
    with store.session() as session:
        day_rows = session.execute(
            select(answer.c.day, func.max(answer.c.value)).group_by(answer.c.day)
        ).all()
        symptom_rows = session.execute(
            select(monday, answer.c.symptom_id, func.avg(answer.c.value)).group_by(
                monday, answer.c.symptom_id
            )
        ).all()
    weeks: dict[date, list[int]] = defaultdict(list)
    for day, worst in day_rows:
        weeks[day - timedelta(days=day.weekday())].append(worst)
    per_week: dict[date, dict[str, float]] = defaultdict(dict)
    for week, symptom_id, mean in symptom_rows:
        per_week[date.fromisoformat(week)][symptom_id] = float(mean)
    return [WeekBurden(m, tuple(days), per_week[m]) for m, days in weeks.items()]


class SymptomRecap:
    """The period reads above over one profile's log."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def summaries(
        self, start: date, end: date, terms: dict[str, SymptomTerm]
    ) -> list[SymptomSummary]:
        return symptom_summaries(self._store, start, end, terms)

    def red_flags(self, start: date, end: date) -> list[RedFlagInfo]:
        return red_flags(self._store, start, end)

    def measurements(self, start: date, end: date) -> Measurements:
        return measurements(self._store, start, end)

    def checkin_count(self, start: date, end: date) -> int:
        return checkin_count(self._store, start, end)

    def weekly_burden(self) -> list[WeekBurden]:
        return weekly_burden(self._store)
