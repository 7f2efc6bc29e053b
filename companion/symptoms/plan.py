"""What the check-ins ask and when: the short daily list, the weekly PRO-CTCAE items, the
week's day, and what got worse (companion.symptoms.changes) read from the log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, Protocol

from companion.library.model import SymptomTerm
from companion.store import Store
from companion.store.plain_sql import as_date, day_between
from companion.symptoms import daily, weekly
from companion.symptoms.changes import WeeklyAnswers, Worsening, what_changed, worse_since
from companion.symptoms.model import RECALL_WEEKLY, AnswerKey, DayState
from companion.symptoms.redflags import RedFlagEvaluator, Situation
from companion.translations import Symptoms
from companion.treatments.current import CurrentTreatments


class SymptomLog(Protocol):
    """What the plan reads from the symptom log (SymptomService provides it; named here so
    that the plan does not import the service that holds it)."""

    treatments: CurrentTreatments
    history: Any

    @property
    def library(self) -> Any: ...

    @property
    def evaluator(self) -> RedFlagEvaluator: ...

    def vocabulary(self) -> list[SymptomTerm]: ...

    def attributes(self, symptom_id: str) -> tuple[str, ...]: ...

    def term(self, symptom_id: str) -> str: ...

    def pinned(self) -> list[str]: ...

    def situation(self, day: date) -> Situation: ...

    def day_state(self, day: date) -> DayState: ...


WEEK = timedelta(days=7)


class CheckInPlan:
    def __init__(self, store: Store, service: SymptomLog) -> None:
        self._store = store
        self._service = service

    # -- the daily check-in ---------------------------------------------------------------
    def daily_questions(self, day: date) -> list[AnswerKey]:
        """Pinned symptoms and the warning signs of today's medicines, one question each."""
        service = self._service
        attributes = {t.id: t.attributes for t in service.vocabulary()}
        signs = daily.warning_signs(
            service.evaluator.rules, service.evaluator, service.situation(day)
        )
        answered = service.day_state(day).values()
        return daily.daily_questions(
            pinned=service.pinned(), signs=signs, attributes=attributes, answered=answered
        )

    # -- the weekly check-in ------------------------------------------------------------
    def weekly_items(self, day: date, added: Sequence[str] = ()) -> list[str]:
        """The PRO-CTCAE items for the current treatment (NCI order) and any the patient
        added or already answered that day."""
        service = self._service
        drugs = service.treatments.drug_ids(day)
        side_effects = service.library.drug_side_effect_symptoms(drugs) if drugs else []
        return weekly.weekly_items(
            side_effects=side_effects,
            pinned=service.pinned(),
            added=added,
            answered=service.day_state(day).weekly_values(),
            terms={t.id: t for t in service.vocabulary()},
        )

    def item_numbers(self) -> dict[str, int]:
        return weekly.item_numbers(self._service.vocabulary())

    def line_start(self, day: date) -> date | None:
        """The start of the line of treatment open on that day (the latest if several)."""
        return self._service.treatments.line_start(day)

    def default_weekday(self, day: date) -> int:
        """The weekday (0 Monday) of the current line's treatment day: its latest infusion or
        cycle day, or the day it started; Monday without a line."""
        treated = self._service.treatments.last_given(day)
        start = treated or self.line_start(day)
        return start.weekday() if start else 0

    def weekly_days(self, start: date | None = None, end: date | None = None) -> list[date]:
        """Days with a weekly check-in (answers of the last 7 days), in the period."""
        conditions = [
            "EXISTS (SELECT 1 FROM symptom_answer AS a "
            "WHERE a.checkin_id = c.id AND a.recall_days = :weekly)"
        ]
        parameters: dict[str, object] = {"weekly": RECALL_WEEKLY}
        conditions += day_between("c.day", start, end, parameters)
        with self._store.read() as db:
            rows = db.execute(
                f"SELECT c.day FROM checkin AS c WHERE {' AND '.join(conditions)} ORDER BY c.day",
                parameters,
            ).fetchall()
        return [as_date(day) for (day,) in rows]

    def weekly_due(self, day: date, weekday: int) -> bool:
        """Due from the chosen weekday until a weekly check-in is done (on or after it)."""
        since = day - timedelta(days=(day.weekday() - weekday) % 7)
        return not self.weekly_days(since, day)

    # -- what changed ---------------------------------------------------------------------
    def weeks(self, end: date, start: date | None = None) -> list[WeeklyAnswers]:
        """Every weekly check-in up to end (from start), oldest first: one read of the
        weekly answers only, not of the whole log (years of daily answers)."""
        by_day: dict[date, dict[AnswerKey, int]] = {}
        for day, symptom_id, attribute, value in self._service.history.answers(
            start, end, recall_days=RECALL_WEEKLY
        ):
            by_day.setdefault(day, {})[(symptom_id, attribute)] = value
        return [WeeklyAnswers(day, values) for day, values in by_day.items()]

    def worse_this_week(self, day: date) -> list[Worsening]:
        """What the latest weekly check-in (of the last 7 days) marked worse."""
        if not self.weekly_days(day - WEEK, day):  # an indexed look at one week
            return []
        line_start = self.line_start(day)
        weeks = self.weeks(day, line_start)  # what_changed reads the current line only
        recent = [w for w in weeks if day - w.day <= WEEK]
        if not recent:
            return []
        changes = what_changed(weeks, line_start, self._service.attributes)
        return changes.get(recent[-1].day, [])

    def worse_since(self, since: date, day: date) -> list[Worsening]:
        """Every question marked worse in the weekly check-ins after `since` (a visit)."""
        line_start = self.line_start(day)
        return worse_since(self.weeks(day, line_start), line_start, self._service.attributes, since)

    def describe(self, mark: Worsening) -> str:
        """E.g. "diarrhea (frequency 1 → 3)"; "–" where the reference week had no answer."""
        term = self._service.term(mark.symptom_id)
        term = term[:1].lower() + term[1:] if not term[:2].isupper() else term
        before = "–" if mark.before is None else str(mark.before)
        return Symptoms.tr("{term} ({attribute} {before} → {after})").format(
            term=term,
            attribute=weekly.attribute_noun(mark.attribute),
            before=before,
            after=mark.after,
        )

    def worse_line(self, marks: Sequence[Worsening]) -> str:
        if not marks:
            return ""
        return Symptoms.tr("Worse this week: {items}").format(
            items=", ".join(self.describe(m) for m in marks)
        )
