"""When to tell the patient to call the care team: the library's red-flag rules checked
against a day's answers and the treatment situation, one flag per episode."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypeVar

from companion.library.model import RedFlagRule
from companion.store.plain_sql import as_date
from companion.symptoms import wording
from companion.symptoms.day_states import (
    CheckInRow,
    FlagRecord,
    FlagRow,
    flag_columns,
    flag_row,
    observations_of,
)
from companion.symptoms.model import FlagEvent
from companion.symptoms.redflags import Observations, RedFlagEvaluator, Situation
from companion.symptoms.vocabulary import SymptomVocabulary
from companion.translations import Symptoms
from companion.treatments.current import CurrentTreatments

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from companion.store import Store
    from companion.store.models import CheckIn

EPISODE_GAP_DAYS = 7  # a flag seen again within a week of the last report is the same episode
Event = TypeVar("Event", bound=FlagRecord)


def observations(checkin: CheckIn | CheckInRow) -> Observations:
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

    def situation(
        self, day: date, session: Session | sqlite3.Connection | None = None
    ) -> Situation:
        """The drugs taken, their classes and the sites of spread on day (read in session,
        the caller's transaction, or on the caller's plain connection, when given)."""
        drugs = frozenset(self._treatments.drug_ids(day, session))
        library = self._vocabulary.library
        classes = frozenset(
            entry.drug_class
            for entry in (library.entry(d) for d in drugs)
            if entry is not None and entry.drug_class
        )
        return Situation(drugs, classes, frozenset(self._treatments.site_ids(day, session)))

    def sync(
        self, session: Session, checkin: CheckIn, situation: Situation
    ) -> list[tuple[FlagRecord, date]]:
        """Raise the day's matching rules in the caller's write transaction, one event per
        episode. Returns the event of each matching rule (raised that day or earlier in the
        same episode) with its day."""
        from companion.store.models import RedFlagEvent

        session.flush()  # the plain reads of earlier days see this transaction's changes
        on_day = {e.rule_id: e for e in checkin.red_flags}
        found: list[tuple[FlagRecord, date]] = []
        kept: set[str] = set()
        seen = observations(checkin)
        db = self._store.sqlite_of(session)
        for rule, event in self._matching(db, checkin.day, seen, on_day, situation):
            if event is not None:
                if event[1] == checkin.day:
                    kept.add(rule.id)
                found.append(event)
                continue
            raised = RedFlagEvent(
                rule_id=rule.id,
                urgency=rule.urgency,
                message=rule.message,
                raised_at=self._store.clock.utc_now(),
            )
            checkin.red_flags.append(raised)
            kept.add(rule.id)
            found.append((raised, checkin.day))
        for rule_id, on_record in on_day.items():
            # An unacknowledged flag whose answer was corrected the same day was a slip:
            # nothing to report. Acknowledged flags and unknown rules stay on record.
            if (
                rule_id not in kept
                and on_record.acknowledged_at is None
                and self.evaluator.rule(rule_id) is not None
            ):
                checkin.red_flags.remove(on_record)
        return found

    def day_events(
        self, db: sqlite3.Connection, checkin: CheckInRow, situation: Situation
    ) -> list[tuple[FlagRow, date]]:
        """What sync() would return for the day, changing nothing: the matching rules' events
        (that day's or an episode's from earlier) and the day's other events."""
        on_day = {e.rule_id: e for e in checkin.red_flags}
        found: list[tuple[FlagRow, date]] = []
        kept: set[str] = set()
        seen = observations(checkin)
        for rule, event in self._matching(db, checkin.day, seen, on_day, situation):
            if event is not None:
                if event[1] == checkin.day:
                    kept.add(rule.id)
                found.append(event)
        found.extend((e, checkin.day) for rule_id, e in on_day.items() if rule_id not in kept)
        return found

    def _matching(
        self,
        db: sqlite3.Connection,
        day: date,
        seen: Observations,
        on_day: Mapping[str, Event],
        situation: Situation,
    ) -> list[tuple[RedFlagRule, tuple[Event | FlagRow, date] | None]]:
        """Each rule the day's answers match, with its event: the day's own, an earlier
        day's of the same episode, or None (not raised yet)."""
        matching: list[tuple[RedFlagRule, tuple[Event | FlagRow, date] | None]] = []
        for rule in self.evaluator.matches(seen, situation):
            own = on_day.get(rule.id)
            if own is not None:
                matching.append((rule, (own, day)))
            else:
                matching.append((rule, self._episode_event(db, rule, day)))
        return matching

    def _episode_event(
        self, db: sqlite3.Connection, rule: RedFlagRule, day: date
    ) -> tuple[FlagRow, date] | None:
        """The flag of an episode of this rule still going on at `day`, if any: raised on an
        earlier day, reported again since at least every week, and never reported as gone."""
        previous = db.execute(
            f"SELECT {flag_columns('e')}, c.day FROM red_flag_event AS e "
            "JOIN checkin AS c ON e.checkin_id = c.id WHERE e.rule_id = ? AND c.day < ? "
            "ORDER BY c.day DESC LIMIT 1",
            (rule.id, day.isoformat()),
        ).fetchone()
        if previous is None:
            return None
        event, start = flag_row(previous[:7]), as_date(previous[7])
        if (day - start).days > 366:
            return None
        last_seen = start
        for seen_day, value in self._history_of(db, rule, start, day):
            if value is None:
                continue
            if not self.evaluator.condition_holds(rule, value):
                return None
            last_seen = seen_day
        if (day - last_seen) > timedelta(days=EPISODE_GAP_DAYS):
            return None
        return event, start

    def _history_of(
        self, db: sqlite3.Connection, rule: RedFlagRule, after: date, before: date
    ) -> list[tuple[date, float | None]]:
        period = (after.isoformat(), before.isoformat())
        if rule.symptom in ("temperature", "weight"):
            column = "temperature_c" if rule.symptom == "temperature" else "weight_kg"
            rows = db.execute(
                f"SELECT day, {column} FROM checkin WHERE day > ? AND day < ? ORDER BY day",
                period,
            ).fetchall()
        else:
            rows = db.execute(
                "SELECT c.day, a.value FROM checkin AS c "
                "JOIN symptom_answer AS a ON a.checkin_id = c.id "
                "WHERE c.day > ? AND c.day < ? AND a.symptom_id = ? AND a.attribute = ? "
                "ORDER BY c.day",
                (*period, rule.symptom, self.evaluator.attribute_of(rule) or ""),
            ).fetchall()
        return [(as_date(d), None if v is None else float(v)) for d, v in rows]

    def open_views(
        self, events: Sequence[tuple[FlagRecord, date]], checkin: CheckIn | CheckInRow
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
        self, event: FlagRecord, day: date, observations: Observations | None = None
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
        from sqlalchemy import select

        from companion.store.models import CheckIn, RedFlagEvent

        with self._store.session() as session:
            event = session.get(RedFlagEvent, flag_id)
            if event is None:
                return None
            if event.acknowledged_at is None:
                event.acknowledged_at = self._store.clock.utc_now()
            return session.scalar(select(CheckIn.day).where(CheckIn.id == event.checkin_id))
