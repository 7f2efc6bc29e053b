"""Record the daily check-in: one saved change per answer, red flags checked after each.

Every write is one short transaction. Each method that changes a day returns a Change with
the red flags still open for that day; day_state()/restore_day() give the page what it
needs to undo any change exactly (answers, measurements, note, ESAS-r and flags).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from functools import cached_property

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, selectinload

from companion.errors import CompanionError, ValidationError
from companion.library.model import Entry, RedFlagRule, SymptomTerm
from companion.library.service import LibraryService
from companion.store import Store
from companion.store.models import (
    CheckIn,
    EsasAnswer,
    PinnedSymptom,
    RedFlagEvent,
    SymptomAnswer,
)
from companion.symptoms import esas, wording
from companion.symptoms.history import SymptomHistory
from companion.symptoms.model import (
    OVERALL_ANSWERS,
    RECALL_DAILY,
    SYMPTOM_RECALLS,
    AnswerKey,
    Change,
    DayState,
    FlagEvent,
    SavedAnswer,
    recall_key,
)
from companion.symptoms.redflags import Observations, RedFlagEvaluator, Situation
from companion.translations import Symptoms
from companion.treatments.current import current_drug_ids, current_site_ids

# Asked when the treatment history gives no side effects to ask about.
DEFAULT_SYMPTOMS = (
    "fatigue",
    "nausea",
    "general_pain",
    "diarrhea",
    "decreased_appetite",
    "shortness_of_breath",
    "numbness_tingling",
)
ALWAYS_ASKED = ("fever",)  # the warning sign that matters on any cancer treatment
EPISODE_GAP_DAYS = 7  # a flag seen again within a week of the last report is the same episode
MAX_NOTE_CHARS = 5000
TEMPERATURE_RANGE_C = (30.0, 45.0)
WEIGHT_RANGE_KG = (20.0, 350.0)
EARLIEST_DAY = date(1900, 1, 1)

Listener = Callable[[frozenset[date]], None]


class MergeConflict(ValidationError):
    """An imported entry differs from what the log already holds for that day."""

    def __init__(
        self, day: date, kind: str, item: str, attribute: str, current: object, incoming: object
    ) -> None:
        super().__init__(
            Symptoms.tr(
                "{day}: the log already holds {current} here; the file says {incoming}."
            ).format(day=day.isoformat(), current=current, incoming=incoming)
        )
        self.day = day
        self.key = (day, kind, item, attribute)
        self.current = current
        self.incoming = incoming


log = logging.getLogger(__name__)


class _NoLibrary:
    """Stands in when the library cannot be opened: notes and measurements still work."""

    def symptoms(self) -> list[SymptomTerm]:
        return []

    def red_flag_rules(self) -> list[RedFlagRule]:
        return []

    def entry(self, entry_id: str) -> Entry | None:
        return None

    def drug_side_effect_symptoms(self, drug_ids: list[str]) -> list[str]:
        return []


class SymptomService:
    def __init__(
        self, store: Store, library: LibraryService | Callable[[], LibraryService]
    ) -> None:
        """library: an open LibraryService, or a callable that opens it on first use."""
        self._store = store
        self.clock = store.clock
        self._library_source = library
        self._listeners: list[Listener] = []
        self.history = SymptomHistory(store, self)

    @cached_property
    def library(self) -> LibraryService | _NoLibrary:
        source = self._library_source
        if not isinstance(source, type) and hasattr(source, "symptoms"):
            return source  # type: ignore[return-value]
        try:
            return source()  # type: ignore[operator]
        except (CompanionError, OSError, sqlite3.Error) as exc:
            log.warning("library unavailable for the symptom log: %s", exc)
            return _NoLibrary()

    def close(self) -> None:
        opened = self.__dict__.get("library")
        if opened is not None and opened is not self._library_source and hasattr(opened, "close"):
            opened.close()

    # -- listeners: pages refresh when any change (or undo) touches the log --------------
    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def notify(self, days: Iterable[date]) -> None:
        changed = frozenset(days)
        for listener in list(self._listeners):
            listener(changed)

    # -- vocabulary ---------------------------------------------------------------------
    @cached_property
    def _terms(self) -> dict[str, SymptomTerm]:
        return {s.id: s for s in self.library.symptoms()}

    @cached_property
    def evaluator(self) -> RedFlagEvaluator:
        return RedFlagEvaluator(
            self.library.red_flag_rules(), {s.id: s.attributes for s in self._terms.values()}
        )

    def term(self, symptom_id: str) -> str:
        found = self._terms.get(symptom_id)
        return found.term if found else symptom_id

    def known(self, symptom_id: str) -> bool:
        return symptom_id in self._terms

    def attributes(self, symptom_id: str) -> tuple[str, ...]:
        found = self._terms.get(symptom_id)
        return found.attributes if found else ()

    def vocabulary(self) -> list[SymptomTerm]:
        return list(self._terms.values())

    def search(self, text: str, limit: int = 30) -> list[SymptomTerm]:
        """Terms containing every word typed, those starting with it first."""
        words = text.casefold().split()
        hits = [
            s
            for s in self._terms.values()
            if all(w in f"{s.term} {s.id.replace('_', ' ')} {s.category}".casefold() for w in words)
        ]
        first = words[0] if words else ""
        hits.sort(key=lambda s: (not s.term.casefold().startswith(first), s.term.casefold()))
        return hits[:limit]

    # -- pinned symptoms ---------------------------------------------------------------
    def pinned(self) -> list[str]:
        with self._store.session() as session:
            rows = session.scalars(
                select(PinnedSymptom.symptom_id).order_by(PinnedSymptom.pinned_at)
            ).all()
        return [r for r in rows if r in self._terms]

    def set_pinned(self, symptom_id: str, pinned: bool) -> None:
        self._require_symptom(symptom_id)
        with self._store.session() as session:
            row = session.get(PinnedSymptom, symptom_id)
            if pinned and row is None:
                session.add(PinnedSymptom(symptom_id=symptom_id))
            elif not pinned and row is not None:
                session.delete(row)

    # -- what the check-in asks -----------------------------------------------------------
    def checkin_symptoms(self, day: date) -> list[str]:
        """Side effects of the drugs taken on that day (or a default set), pinned symptoms,
        the fever warning sign, and anything already answered that day."""
        drugs = current_drug_ids(self._store, on=day)
        asked = self.library.drug_side_effect_symptoms(drugs) if drugs else []
        if not asked:
            asked = list(DEFAULT_SYMPTOMS)
        answered = [a.symptom_id for a in self.day_state(day).answers if a.recall_days == 1]
        ordered = dict.fromkeys([*asked, *self.pinned(), *ALWAYS_ASKED, *answered])
        return [s for s in ordered if s in self._terms and self._terms[s].attributes]

    def situation(self, day: date) -> Situation:
        drugs = frozenset(current_drug_ids(self._store, on=day))
        classes = frozenset(
            entry.drug_class
            for entry in (self.library.entry(d) for d in drugs)
            if entry is not None and entry.drug_class
        )
        return Situation(drugs, classes, frozenset(current_site_ids(self._store, on=day)))

    # -- reading --------------------------------------------------------------------------
    def day_state(self, day: date) -> DayState:
        """Everything recorded on that day (an empty state when nothing is)."""
        with self._store.session() as session:
            checkin = self._load(session, day)
            return self._state(checkin) if checkin else DayState(day=day)

    def day_states(self, days: Iterable[date]) -> list[DayState]:
        """The states of many days in one read (empty states for days with nothing)."""
        wanted = sorted(set(days))
        if not wanted:
            return []
        if len(wanted) <= 3:
            return [self.day_state(d) for d in wanted]
        found = {s.day: s for s in self.history.day_states(wanted[0], wanted[-1])}
        return [found.get(d) or DayState(day=d) for d in wanted]

    def previous_day_state(self, day: date) -> DayState | None:
        """The latest earlier day with symptom answers, for "same as yesterday"."""
        with self._store.session() as session:
            found = session.scalar(
                select(CheckIn.day)
                .where(CheckIn.day < day, CheckIn.answers.any())
                .order_by(CheckIn.day.desc())
                .limit(1)
            )
        return None if found is None else self.day_state(found)

    def last_esas_day(self, before: date | None = None) -> date | None:
        query = select(CheckIn.day).where(CheckIn.esas.any())
        if before is not None:
            query = query.where(CheckIn.day <= before)
        with self._store.session() as session:
            return session.scalar(query.order_by(CheckIn.day.desc()).limit(1))

    def open_flags(self, day: date) -> tuple[FlagEvent, ...]:
        """Red flags for this day not acknowledged yet (including an episode that began on an
        earlier day and still goes on)."""
        situation = self.situation(day)
        with self._store.session() as session:
            checkin = self._load(session, day)
            if checkin is None:
                return ()
            events = self._sync_flags(session, checkin, situation, persist=False)
            return self._open(events, checkin)

    # -- writing --------------------------------------------------------------------------
    def set_answer(
        self,
        day: date,
        symptom_id: str,
        attribute: str,
        value: int | None,
        recall_days: int = RECALL_DAILY,
    ) -> Change:
        return self.set_answers(day, {(symptom_id, attribute): value}, recall_days)

    def set_answers(
        self,
        day: date,
        values: Mapping[AnswerKey, int | None],
        recall_days: int = RECALL_DAILY,
    ) -> Change:
        """Answers for one recall period: 1 (the daily check-in) or 7 (the weekly one)."""
        if recall_days not in SYMPTOM_RECALLS:
            raise ValidationError(Symptoms.tr("A symptom answer covers 1 or 7 days."))
        for (symptom_id, attribute), value in values.items():
            self._require_answer(symptom_id, attribute, value)

        def apply(session: Session, checkin: CheckIn) -> None:
            current = {
                (a.symptom_id, a.attribute): a
                for a in checkin.answers
                if a.recall_days == recall_days
            }
            for key, value in values.items():
                row = current.get(key)
                if value is None:
                    if row is not None:
                        checkin.answers.remove(row)
                elif row is None:
                    checkin.answers.append(
                        SymptomAnswer(
                            symptom_id=key[0],
                            attribute=key[1],
                            value=value,
                            recall_days=recall_days,
                        )
                    )
                elif row.value != value:
                    row.value = value
                    row.recorded_at = self._store.clock.utc_now()

        return self._write(day, apply)

    def set_esas(self, day: date, item: str, value: int | None) -> Change:
        if item not in esas.ITEM_IDS:
            raise ValidationError(Symptoms.tr("Unknown ESAS-r item: {item}.").format(item=item))
        if value is not None and not 0 <= value <= esas.MAX_VALUE:
            raise ValidationError(Symptoms.tr("ESAS-r answers go from 0 to 10."))

        def apply(session: Session, checkin: CheckIn) -> None:
            row = next((e for e in checkin.esas if e.item == item), None)
            if value is None:
                if row is not None:
                    checkin.esas.remove(row)
            elif row is None:
                checkin.esas.append(EsasAnswer(item=item, value=value))
            else:
                row.value = value

        return self._write(day, apply)

    def set_overall(self, day: date, answer: str | None, *, done: bool = False) -> Change:
        """The answer to "How are you today compared with yesterday?"; done=True also
        finishes the day ("Nothing new today")."""
        if answer is not None and answer not in OVERALL_ANSWERS:
            raise ValidationError(Symptoms.tr("Please answer better, same or worse."))

        def apply(session: Session, checkin: CheckIn) -> None:
            checkin.compared_with_yesterday = answer
            if done and checkin.daily_done_at is None:
                checkin.daily_done_at = self._store.clock.utc_now()

        return self._write(day, apply)

    def set_daily_done(self, day: date, done: bool) -> Change:
        """Mark the day's daily check-in finished ("Done for today") or open it again."""

        def apply(session: Session, checkin: CheckIn) -> None:
            if not done:
                checkin.daily_done_at = None
            elif checkin.daily_done_at is None:
                checkin.daily_done_at = self._store.clock.utc_now()

        return self._write(day, apply)

    def set_note(self, day: date, text: str) -> Change:
        text = text.strip()
        if len(text) > MAX_NOTE_CHARS:
            raise ValidationError(
                Symptoms.tr("The note is too long ({count} characters at most).").format(
                    count=MAX_NOTE_CHARS
                )
            )

        def apply(session: Session, checkin: CheckIn) -> None:
            checkin.note = text

        return self._write(day, apply)

    def set_temperature(self, day: date, celsius: float | None) -> Change:
        low, high = TEMPERATURE_RANGE_C
        if celsius is not None and not low <= celsius <= high:
            raise ValidationError(
                Symptoms.tr(
                    "A body temperature is between {low} and {high} °C ({flow} and {fhigh} °F)."
                ).format(
                    low=low,
                    high=high,
                    flow=round(wording.celsius_to_fahrenheit(low)),
                    fhigh=round(wording.celsius_to_fahrenheit(high)),
                )
            )

        def apply(session: Session, checkin: CheckIn) -> None:
            checkin.temperature_c = None if celsius is None else round(celsius, 2)

        return self._write(day, apply)

    def set_weight(self, day: date, kg: float | None) -> Change:
        low, high = WEIGHT_RANGE_KG
        if kg is not None and not low <= kg <= high:
            raise ValidationError(
                Symptoms.tr("A weight is between {low:.0f} and {high:.0f} kg.").format(
                    low=low, high=high
                )
            )

        def apply(session: Session, checkin: CheckIn) -> None:
            checkin.weight_kg = None if kg is None else round(kg, 2)

        return self._write(day, apply)

    def delete_answers(self, keys: Iterable[tuple[date, str, str]]) -> list[date]:
        """Delete answers (day, symptom, attribute); returns the days touched."""
        by_day: dict[date, dict[AnswerKey, int | None]] = {}
        for day, symptom_id, attribute in keys:
            by_day.setdefault(day, {})[(symptom_id, attribute)] = None
        for day, values in by_day.items():
            self.set_answers(day, values)
        return sorted(by_day)

    def delete_day(self, day: date) -> None:
        with self._store.session() as session:
            session.execute(delete(CheckIn).where(CheckIn.day == day))
        self.notify([day])

    def restore_day(self, state: DayState) -> None:
        """Make the day exactly as in state (used by undo and redo)."""
        self.restore_days([state])

    def restore_days(self, states: Iterable[DayState]) -> None:
        states = list(states)
        with self._store.session() as session:
            for state in states:
                session.execute(delete(CheckIn).where(CheckIn.day == state.day))
                if not state.is_empty:
                    session.add(self._row_from_state(state))
        self.notify(s.day for s in states)

    def merge_days(self, states: Iterable[DayState]) -> int:
        """Add imported days to the log in one transaction; returns how many entries were new.

        What the log already holds with the same value is skipped; a different value for the
        same day and question raises MergeConflict and nothing is changed.
        """
        states = sorted(states, key=lambda s: s.day)
        if not states:
            return 0
        added = 0
        with self._store.session() as session:
            known = dict(
                session.execute(
                    select(CheckIn.day, CheckIn.id).where(
                        CheckIn.day >= states[0].day, CheckIn.day <= states[-1].day
                    )
                ).all()
            )
            new = [s for s in states if s.day not in known]
            if new:
                added += self._insert_days(session, new)
            wanted = [s for s in states if s.day in known]
            by_id = (
                {
                    c.day: c
                    for c in session.scalars(
                        select(CheckIn)
                        .where(CheckIn.id.in_([known[s.day] for s in wanted]))
                        .options(
                            selectinload(CheckIn.answers),
                            selectinload(CheckIn.esas),
                            selectinload(CheckIn.red_flags),
                        )
                    )
                }
                if wanted
                else {}
            )
            for state in wanted:
                added += self._merge_into(by_id[state.day], state)
        self.notify(s.day for s in states)
        return added

    def _insert_days(self, session: Session, states: list[DayState]) -> int:
        """Days the log does not have yet, written in bulk."""
        now = self._store.clock.utc_now()
        session.execute(
            insert(CheckIn),
            [
                {
                    "day": s.day,
                    "note": s.note,
                    "temperature_c": s.temperature_c,
                    "weight_kg": s.weight_kg,
                    "compared_with_yesterday": s.compared_with_yesterday,
                    "daily_done_at": s.daily_done_at,
                    "created_at": now,
                    "updated_at": now,
                }
                for s in states
            ],
        )
        ids = dict(
            session.execute(
                select(CheckIn.day, CheckIn.id).where(
                    CheckIn.day >= states[0].day, CheckIn.day <= states[-1].day
                )
            ).all()
        )
        answers = [
            {
                "checkin_id": ids[s.day],
                "symptom_id": a.symptom_id,
                "attribute": a.attribute,
                "value": a.value,
                "recall_days": a.recall_days,
                "recorded_at": a.recorded_at,
            }
            for s in states
            for a in s.answers
        ]
        esas_rows = [
            {"checkin_id": ids[s.day], "item": item, "value": value}
            for s in states
            for item, value in s.esas
        ]
        flags = [
            {
                "checkin_id": ids[s.day],
                "rule_id": f.rule_id,
                "urgency": f.urgency,
                "message": f.message,
                "raised_at": f.raised_at,
                "acknowledged_at": f.acknowledged_at,
            }
            for s in states
            for f in s.flags
        ]
        for model, rows in (
            (SymptomAnswer, answers),
            (EsasAnswer, esas_rows),
            (RedFlagEvent, flags),
        ):
            if rows:
                session.execute(insert(model), rows)
        return (
            len(answers)
            + len(esas_rows)
            + len(flags)
            + sum(
                bool(s.note)
                + (s.temperature_c is not None)
                + (s.weight_kg is not None)
                + (s.compared_with_yesterday is not None)
                for s in states
            )
        )

    def _merge_into(self, checkin: CheckIn, state: DayState) -> int:
        added = 0
        day = state.day
        answers = {(a.symptom_id, a.attribute, a.recall_days): a for a in checkin.answers}
        for answer in state.answers:
            key = (answer.symptom_id, answer.attribute, answer.recall_days)
            found = answers.get(key)
            if found is None:
                checkin.answers.append(
                    SymptomAnswer(
                        symptom_id=answer.symptom_id,
                        attribute=answer.attribute,
                        value=answer.value,
                        recall_days=answer.recall_days,
                        recorded_at=answer.recorded_at,
                    )
                )
                added += 1
            elif found.value != answer.value:
                attribute = recall_key(key[1], key[2])
                raise MergeConflict(day, "symptom", key[0], attribute, found.value, answer.value)
        esas_rows = {e.item: e for e in checkin.esas}
        for item, value in state.esas:
            found_esas = esas_rows.get(item)
            if found_esas is None:
                checkin.esas.append(EsasAnswer(item=item, value=value))
                added += 1
            elif found_esas.value != value:
                raise MergeConflict(day, "esas", item, "", found_esas.value, value)
        for kind, attribute in (("temperature", "temperature_c"), ("weight", "weight_kg")):
            incoming = getattr(state, attribute)
            current = getattr(checkin, attribute)
            if incoming is None or current == incoming:
                continue
            if current is not None:
                raise MergeConflict(day, kind, "", "", current, incoming)
            setattr(checkin, attribute, incoming)
            added += 1
        if state.compared_with_yesterday and checkin.compared_with_yesterday is None:
            checkin.compared_with_yesterday = state.compared_with_yesterday
            checkin.daily_done_at = checkin.daily_done_at or state.daily_done_at
            added += 1
        if state.note and state.note != checkin.note:
            if checkin.note:
                raise MergeConflict(day, "note", "", "", checkin.note, state.note)
            checkin.note = state.note
            added += 1
        known_flags = {f.rule_id for f in checkin.red_flags}
        for flag in state.flags:
            if flag.rule_id in known_flags:
                continue
            checkin.red_flags.append(
                RedFlagEvent(
                    rule_id=flag.rule_id,
                    urgency=flag.urgency,
                    message=flag.message,
                    raised_at=flag.raised_at,
                    acknowledged_at=flag.acknowledged_at,
                )
            )
            added += 1
        return added

    def acknowledge(self, flag_id: int) -> None:
        with self._store.session() as session:
            event = session.get(RedFlagEvent, flag_id)
            if event is None:
                return
            if event.acknowledged_at is None:
                event.acknowledged_at = self._store.clock.utc_now()
            day = session.scalar(select(CheckIn.day).where(CheckIn.id == event.checkin_id))
        if day is not None:
            self.notify([day])

    # -- internals ------------------------------------------------------------------------
    def _require_day(self, day: date) -> None:
        if day > self._store.clock.today():
            raise ValidationError(Symptoms.tr("A check-in cannot be dated in the future."))
        if day < EARLIEST_DAY:
            raise ValidationError(Symptoms.tr("That date is too long ago."))

    def _require_symptom(self, symptom_id: str) -> None:
        if symptom_id not in self._terms:
            raise ValidationError(Symptoms.tr("Unknown symptom: {id}.").format(id=symptom_id))

    def _require_answer(self, symptom_id: str, attribute: str, value: int | None) -> None:
        self._require_symptom(symptom_id)
        if attribute not in self._terms[symptom_id].attributes:
            raise ValidationError(
                Symptoms.tr("{term} is not asked about “{attribute}”.").format(
                    term=self.term(symptom_id), attribute=attribute
                )
            )
        if value is not None and not 0 <= value <= wording.max_value(attribute):
            raise ValidationError(
                Symptoms.tr("Answers about “{attribute}” go from 0 to {top}.").format(
                    attribute=attribute, top=wording.max_value(attribute)
                )
            )

    def _write(self, day: date, apply: Callable[[Session, CheckIn], None]) -> Change:
        self._require_day(day)
        situation = self.situation(day)
        with self._store.session() as session:
            checkin = self._load(session, day)
            if checkin is None:
                checkin = CheckIn(day=day, note="")
                session.add(checkin)
            apply(session, checkin)
            session.flush()
            events = self._sync_flags(session, checkin, situation, persist=True)
            if self._is_empty(checkin):
                session.delete(checkin)
                opened: tuple[FlagEvent, ...] = ()
            else:
                session.flush()
                opened = self._open(events, checkin)
        self.notify([day])
        return Change(day=day, open_flags=opened)

    @staticmethod
    def _load(session: Session, day: date) -> CheckIn | None:
        return session.scalar(
            select(CheckIn)
            .where(CheckIn.day == day)
            .options(
                selectinload(CheckIn.answers),
                selectinload(CheckIn.esas),
                selectinload(CheckIn.red_flags),
            )
        )

    @staticmethod
    def _is_empty(checkin: CheckIn) -> bool:
        return (
            not checkin.answers
            and not checkin.esas
            and not checkin.red_flags
            and not checkin.note
            and checkin.temperature_c is None
            and checkin.weight_kg is None
            and checkin.compared_with_yesterday is None
            and checkin.daily_done_at is None
        )

    @staticmethod
    def _observations(checkin: CheckIn) -> Observations:
        measurements = {}
        if checkin.temperature_c is not None:
            measurements["temperature"] = checkin.temperature_c
        if checkin.weight_kg is not None:
            measurements["weight"] = checkin.weight_kg
        # A weekly answer ("in the last 7 days") counts too: the worse of the two is what a
        # warning sign looks at.
        answers: dict[AnswerKey, int] = {}
        for a in checkin.answers:
            key = (a.symptom_id, a.attribute)
            answers[key] = max(a.value, answers.get(key, 0))
        return Observations(answers=answers, measurements=measurements)

    def _sync_flags(
        self, session: Session, checkin: CheckIn, situation: Situation, *, persist: bool
    ) -> list[tuple[RedFlagEvent, date]]:
        """Raise the day's matching rules, one event per episode. Returns the event of each
        matching rule (raised that day or earlier in the same episode) with its day."""
        matched = self.evaluator.matches(self._observations(checkin), situation)
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

    def _open(
        self, events: list[tuple[RedFlagEvent, date]], checkin: CheckIn
    ) -> tuple[FlagEvent, ...]:
        observations = self._observations(checkin)
        views = [
            self.flag_view(event, day, observations)
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
            term=self.term(rule.symptom), answer=wording.answer_word(attribute, int(value))
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

    def _state(self, checkin: CheckIn) -> DayState:
        observations = self._observations(checkin)
        return DayState(
            day=checkin.day,
            note=checkin.note or "",
            temperature_c=checkin.temperature_c,
            weight_kg=checkin.weight_kg,
            compared_with_yesterday=checkin.compared_with_yesterday,
            daily_done_at=checkin.daily_done_at,
            answers=tuple(
                SavedAnswer(a.symptom_id, a.attribute, a.value, a.recorded_at, a.recall_days)
                for a in sorted(
                    checkin.answers, key=lambda a: (a.recall_days, a.symptom_id, a.attribute)
                )
            ),
            esas=tuple(sorted((e.item, e.value) for e in checkin.esas)),
            flags=tuple(
                self.flag_view(e, checkin.day, observations)
                for e in sorted(checkin.red_flags, key=lambda e: (e.raised_at, e.rule_id))
            ),
        )

    @staticmethod
    def _row_from_state(state: DayState) -> CheckIn:
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
