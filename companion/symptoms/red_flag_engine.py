"""When to tell the patient to call the care team: the library's red-flag rules checked
against a day's answers and the treatment situation, one flag per episode."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from companion.library.model import RedFlagRule
from companion.store import Store
from companion.store.models import CheckIn, RedFlagEvent, SymptomAnswer
from companion.symptoms import wording
from companion.symptoms.day_states import observations_of
from companion.symptoms.model import FlagEvent
from companion.symptoms.redflags import Observations, RedFlagEvaluator, Situation
from companion.symptoms.vocabulary import SymptomVocabulary
from companion.translations import Symptoms
from companion.treatments.current import CurrentTreatments

EPISODE_GAP_DAYS = 7  # a flag seen again within a week of the last report is the same episode


def observations(checkin: CheckIn) -> Observations:
    return observations_of(checkin.answers, checkin.temperature_c, checkin.weight_kg)


class RedFlagEngine:
    def __init__(
        self, store: Store, vocabulary: SymptomVocabulary, treatments: CurrentTreatments
    ) -> None:
        self._store = store
        self._vocabulary = vocabulary
        self._treatments = treatments

    @property
    def evaluator(self) -> RedFlagEvaluator:
        return self._vocabulary.evaluator

    def situation(self, day: date, session: Session | None = None) -> Situation:
        """The drugs taken, their classes and the sites of spread on day (read in session,
        the caller's transaction, when given)."""
        drugs = frozenset(self._treatments.drug_ids(day, session))
        library = self._vocabulary.library
        classes = frozenset(
            entry.drug_class
            for entry in (library.entry(d) for d in drugs)
            if entry is not None and entry.drug_class
        )
        return Situation(drugs, classes, frozenset(self._treatments.site_ids(day, session)))

    def sync(
        self, session: Session, checkin: CheckIn, situation: Situation, *, persist: bool
    ) -> list[tuple[RedFlagEvent, date]]:
        """Raise the day's matching rules, one event per episode. Returns the event of each
        matching rule (raised that day or earlier in the same episode) with its day."""
        matched = self.evaluator.matches(observations(checkin), situation)
        on_day = {e.rule_id: e for e in checkin.red_flags}
        found: list[tuple[RedFlagEvent, date]] = []
        kept: set[str] = set()
        for rule in matched:
            event = on_day.get(rule.id)
            if event is not None:
                kept.add(rule.id)
                found.append((event, checkin.day))
                continue
            episode = self._episode_event(session, rule, checkin.day)
            if episode is not None:
                found.append(episode)
            elif persist:
                event = RedFlagEvent(
                    rule_id=rule.id,
                    urgency=rule.urgency,
                    message=rule.message,
                    raised_at=self._store.clock.utc_now(),
                )
                checkin.red_flags.append(event)
                kept.add(rule.id)
                found.append((event, checkin.day))
        if persist:
            for rule_id, event in on_day.items():
                # An unacknowledged flag whose answer was corrected the same day was a slip:
                # nothing to report. Acknowledged flags and unknown rules stay on record.
                if (
                    rule_id not in kept
                    and event.acknowledged_at is None
                    and self.evaluator.rule(rule_id) is not None
                ):
                    checkin.red_flags.remove(event)
        else:
            found.extend((e, checkin.day) for rule_id, e in on_day.items() if rule_id not in kept)
        return found

    def _episode_event(
        self, session: Session, rule: RedFlagRule, day: date
    ) -> tuple[RedFlagEvent, date] | None:
        """The flag of an episode of this rule still going on at `day`, if any: raised on an
        earlier day, reported again since at least every week, and never reported as gone."""
        previous = session.execute(
            select(RedFlagEvent, CheckIn.day)
            .join(CheckIn, RedFlagEvent.checkin_id == CheckIn.id)
            .where(RedFlagEvent.rule_id == rule.id, CheckIn.day < day)
            .order_by(CheckIn.day.desc())
            .limit(1)
        ).first()
        if previous is None:
            return None
        event, start = previous
        if (day - start).days > 366:
            return None
        last_seen = start
        for seen_day, value in self._history_of(session, rule, start, day):
            if value is None:
                continue
            if not self.evaluator.condition_holds(rule, value):
                return None
            last_seen = seen_day
        if (day - last_seen) > timedelta(days=EPISODE_GAP_DAYS):
            return None
        return event, start

    def _history_of(
        self, session: Session, rule: RedFlagRule, after: date, before: date
    ) -> list[tuple[date, float | None]]:
        if rule.symptom in ("temperature", "weight"):
            column = CheckIn.temperature_c if rule.symptom == "temperature" else CheckIn.weight_kg
            rows = session.execute(
                select(CheckIn.day, column)
                .where(CheckIn.day > after, CheckIn.day < before)
                .order_by(CheckIn.day)
            ).all()
        else:
            rows = session.execute(
                select(CheckIn.day, SymptomAnswer.value)
                .join(SymptomAnswer, SymptomAnswer.checkin_id == CheckIn.id)
                .where(
                    CheckIn.day > after,
                    CheckIn.day < before,
                    SymptomAnswer.symptom_id == rule.symptom,
                    SymptomAnswer.attribute == (self.evaluator.attribute_of(rule) or ""),
                )
                .order_by(CheckIn.day)
            ).all()
        return [(d, None if v is None else float(v)) for d, v in rows]

    def open_views(
        self, events: list[tuple[RedFlagEvent, date]], checkin: CheckIn
    ) -> tuple[FlagEvent, ...]:
        """The events not acknowledged yet, most urgent first."""
        seen = observations(checkin)
        views = [
            self.flag_view(event, day, seen)
            for event, day in events
            if event.acknowledged_at is None
        ]
        views.sort(key=lambda f: wording.URGENCY_ORDER.get(f.urgency, 9))
        return tuple(views)

    def reason(self, rule_id: str, observations: Observations) -> str:
        """What the patient reported that matched the rule, in plain words."""
        rule = self.evaluator.rule(rule_id)
        if rule is None:
            return ""
        value = self.evaluator.observed(rule, observations)
        if value is None:
            return ""
        if rule.symptom == "temperature":
            return Symptoms.tr("Temperature {c:.1f} °C ({f:.1f} °F)").format(
                c=value, f=wording.celsius_to_fahrenheit(value)
            )
        if rule.symptom == "weight":
            return Symptoms.tr("Weight {kg:.1f} kg").format(kg=value)
        attribute = self.evaluator.attribute_of(rule) or "severity"
        return Symptoms.tr("{term}: {answer}").format(
            term=self._vocabulary.term(rule.symptom),
            answer=wording.answer_word(attribute, int(value)),
        )

    def flag_view(
        self, event: RedFlagEvent, day: date, observations: Observations | None = None
    ) -> FlagEvent:
        return FlagEvent(
            id=event.id,
            day=day,
            rule_id=event.rule_id,
            urgency=event.urgency,
            message=event.message,
            raised_at=event.raised_at,
            acknowledged_at=event.acknowledged_at,
            reason=self.reason(event.rule_id, observations) if observations else "",
        )

    def acknowledge(self, flag_id: int) -> date | None:
        """Mark a flag as seen; returns its day (None if it no longer exists)."""
        with self._store.session() as session:
            event = session.get(RedFlagEvent, flag_id)
            if event is None:
                return None
            if event.acknowledged_at is None:
                event.acknowledged_at = self._store.clock.utc_now()
            return session.scalar(select(CheckIn.day).where(CheckIn.id == event.checkin_id))
