"""Saving the daily check-in: one change, one transaction, red flags checked in it.

Each change of a day returns a Change with the day before and after (so undo and the form
need not read it again) and the red flags still open for that day.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING

from companion.errors import ValidationError
from companion.store import Store
from companion.store.plain_sql import sql_utc
from companion.symptoms import esas, wording
from companion.symptoms.day_states import checkin_from, state_of
from companion.symptoms.model import (
    OVERALL_ANSWERS,
    RECALL_DAILY,
    SYMPTOM_RECALLS,
    AnswerKey,
    Change,
    DayRows,
    DayState,
    FlagEvent,
    recall_key,
)
from companion.symptoms.red_flag_engine import RedFlagEngine
from companion.symptoms.vocabulary import SymptomVocabulary
from companion.translations import Symptoms

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from companion.store.models import CheckIn

MAX_NOTE_CHARS = 5000
TEMPERATURE_RANGE_C = (30.0, 45.0)
WEIGHT_RANGE_KG = (20.0, 350.0)
EARLIEST_DAY = date(1900, 1, 1)


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


def load_checkin(session: Session, day: date) -> CheckIn | None:
    """The day's check-in with its answers, ESAS-r and flags."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from companion.store.models import CheckIn

    return session.scalar(
        select(CheckIn)
        .where(CheckIn.day == day)
        .options(
            selectinload(CheckIn.answers),
            selectinload(CheckIn.esas),
            selectinload(CheckIn.red_flags),
        )
    )


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


class CheckInWriter:
    def __init__(
        self,
        store: Store,
        vocabulary: SymptomVocabulary,
        flags: RedFlagEngine,
        notify: Callable[[Iterable[date]], None],
    ) -> None:
        """notify(days) tells the pages which days changed."""
        self._store = store
        self._vocabulary = vocabulary
        self._flags = flags
        self._notify = notify

    # -- one day, one change --------------------------------------------------------------
    def set_answers(
        self,
        day: date,
        values: Mapping[AnswerKey, int | None],
        recall_days: int = RECALL_DAILY,
    ) -> Change:
        """Answers for one recall period: 1 (the daily check-in) or 7 (the weekly one)."""
        from companion.store.models import SymptomAnswer

        if recall_days not in SYMPTOM_RECALLS:
            raise ValidationError(Symptoms.tr("A symptom answer covers 1 or 7 days."))
        for (symptom_id, attribute), value in values.items():
            self._vocabulary.require_answer(symptom_id, attribute, value)

        def apply(checkin: CheckIn) -> None:
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
        from companion.store.models import EsasAnswer

        if item not in esas.ITEM_IDS:
            raise ValidationError(Symptoms.tr("Unknown ESAS-r item: {item}.").format(item=item))
        if value is not None and not 0 <= value <= esas.MAX_VALUE:
            raise ValidationError(Symptoms.tr("ESAS-r answers go from 0 to 10."))

        def apply(checkin: CheckIn) -> None:
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

        def apply(checkin: CheckIn) -> None:
            checkin.compared_with_yesterday = answer
            if done and checkin.daily_done_at is None:
                checkin.daily_done_at = self._store.clock.utc_now()

        return self._write(day, apply)

    def set_daily_done(self, day: date, done: bool) -> Change:
        """Mark the day's daily check-in finished ("Done for today") or open it again."""

        def apply(checkin: CheckIn) -> None:
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

        def apply(checkin: CheckIn) -> None:
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

        def apply(checkin: CheckIn) -> None:
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

        def apply(checkin: CheckIn) -> None:
            checkin.weight_kg = None if kg is None else round(kg, 2)

        return self._write(day, apply)

    def _write(self, day: date, apply: Callable[[CheckIn], None]) -> Change:
        """Validate the day, then read the situation, change the day and check its red
        flags, all in one transaction."""
        from companion.store.models import CheckIn

        self._require_day(day)
        with self._store.session() as session:
            situation = self._flags.situation(day, session)
            checkin = load_checkin(session, day)
            if checkin is None:
                before = DayState(day=day)
                checkin = CheckIn(day=day, note="")
                session.add(checkin)
            else:
                before = state_of(checkin, self._flags.flag_view)
            apply(checkin)
            session.flush()
            events = self._flags.sync(session, checkin, situation)
            if _is_empty(checkin):
                session.delete(checkin)
                after = DayState(day=day)
                opened: tuple[FlagEvent, ...] = ()
            else:
                session.flush()
                after = state_of(checkin, self._flags.flag_view)
                opened = self._flags.open_views(events, checkin)
        self._notify([day])
        return Change(day=day, before=before, after=after, open_flags=opened)

    def _require_day(self, day: date) -> None:
        if day > self._store.clock.today():
            raise ValidationError(Symptoms.tr("A check-in cannot be dated in the future."))
        if day < EARLIEST_DAY:
            raise ValidationError(Symptoms.tr("That date is too long ago."))

    # -- many days ------------------------------------------------------------------------
    def delete_answers(self, keys: Iterable[tuple[date, str, str]]) -> list[date]:
        """Delete answers (day, symptom, attribute); returns the days touched."""
        by_day: dict[date, dict[AnswerKey, int | None]] = {}
        for day, symptom_id, attribute in keys:
            by_day.setdefault(day, {})[(symptom_id, attribute)] = None
        for day, values in by_day.items():
            self.set_answers(day, values)
        return sorted(by_day)

    def delete_day(self, day: date) -> None:
        from sqlalchemy import delete

        from companion.store.models import CheckIn

        with self._store.session() as session:
            session.execute(delete(CheckIn).where(CheckIn.day == day))
        self._notify([day])

    def restore_days(self, states: Iterable[DayState]) -> None:
        """Make each day exactly as in its state (used by undo and redo)."""
        from sqlalchemy import delete

        from companion.store.models import CheckIn

        states = list(states)
        with self._store.session() as session:
            for state in states:
                session.execute(delete(CheckIn).where(CheckIn.day == state.day))
                if not state.is_empty:
                    session.add(checkin_from(state))
        self._notify(s.day for s in states)

    def merge_days(self, days: Iterable[DayRows]) -> int:
        """Add imported days to the log in one transaction; returns how many entries were new.

        What the log already holds with the same value is skipped; a different value for the
        same day and question raises MergeConflict and nothing is changed.
        """
        from sqlalchemy import select
        from sqlalchemy.orm import selectinload

        from companion.store.models import CheckIn

        days = sorted(days, key=lambda d: d.state.day)
        if not days:
            return 0
        added = 0
        with self._store.session() as session:
            known = dict(
                session.execute(
                    select(CheckIn.day, CheckIn.id).where(
                        CheckIn.day >= days[0].state.day, CheckIn.day <= days[-1].state.day
                    )
                ).all()
            )
            new = [d for d in days if d.state.day not in known]
            if new:
                added += self._insert_days(session, new)
            wanted = [d for d in days if d.state.day in known]
            by_id = (
                {
                    c.day: c
                    for c in session.scalars(
                        select(CheckIn)
                        .where(CheckIn.id.in_([known[d.state.day] for d in wanted]))
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
            for entry in wanted:
                added += _merge_into(by_id[entry.state.day], entry)
        self._notify(d.state.day for d in days)
        return added

    def _insert_days(self, session: Session, days: list[DayRows]) -> int:
        """Days the log does not have yet, written in bulk.

        Straight to the session's sqlite3 connection, in its transaction: ten years are
        100,000 answers, and SQLAlchemy's per-row handling took several times what SQLite
        does. Values are stored as the models store them: dates as ISO text (Date),
        timestamps as naive UTC text (UtcDateTime, see plain_sql.sql_utc)."""
        states = [d.state for d in days]
        stored: dict[datetime, str] = {}

        def stamp(moment: datetime | None) -> str | None:
            if moment is None:
                return None
            return stored.get(moment) or stored.setdefault(moment, sql_utc(moment))

        raw = Store.sqlite_of(session)
        now = stamp(self._store.clock.utc_now())
        raw.executemany(
            "INSERT INTO checkin (day, note, temperature_c, weight_kg, "
            "compared_with_yesterday, daily_done_at, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    s.day.isoformat(),
                    s.note,
                    s.temperature_c,
                    s.weight_kg,
                    s.compared_with_yesterday,
                    stamp(s.daily_done_at),
                    now,
                    now,
                )
                for s in states
            ],
        )
        ids = dict(
            raw.execute(
                "SELECT day, id FROM checkin WHERE day BETWEEN ? AND ?",
                (states[0].day.isoformat(), states[-1].day.isoformat()),
            ).fetchall()
        )
        answers = [
            (checkin_id, symptom, attribute, value, recall, stamp(recorded))
            for d in days
            for checkin_id in (ids[d.state.day.isoformat()],)
            for recall, symptom, attribute, value, recorded in d.answers
        ]
        raw.executemany(
            "INSERT INTO symptom_answer (checkin_id, symptom_id, attribute, value, "
            "recall_days, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
            answers,
        )
        esas_rows = [
            (ids[s.day.isoformat()], item, value) for s in states for item, value in s.esas
        ]
        raw.executemany(
            "INSERT INTO esas_answer (checkin_id, item, value) VALUES (?, ?, ?)", esas_rows
        )
        flags = [
            (
                ids[s.day.isoformat()],
                f.rule_id,
                f.urgency,
                f.message,
                stamp(f.raised_at),
                stamp(f.acknowledged_at),
            )
            for s in states
            for f in s.flags
        ]
        raw.executemany(
            "INSERT INTO red_flag_event (checkin_id, rule_id, urgency, message, raised_at, "
            "acknowledged_at) VALUES (?, ?, ?, ?, ?, ?)",
            flags,
        )
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


def _merge_into(checkin: CheckIn, incoming: DayRows) -> int:
    from companion.store.models import EsasAnswer, RedFlagEvent, SymptomAnswer

    added = 0
    state = incoming.state
    day = state.day
    answers = {(a.symptom_id, a.attribute, a.recall_days): a for a in checkin.answers}
    for recall, symptom, attribute, value, recorded in incoming.answers:
        found = answers.get((symptom, attribute, recall))
        if found is None:
            checkin.answers.append(
                SymptomAnswer(
                    symptom_id=symptom,
                    attribute=attribute,
                    value=value,
                    recall_days=recall,
                    recorded_at=recorded,
                )
            )
            added += 1
        elif found.value != value:
            shown = recall_key(attribute, recall)
            raise MergeConflict(day, "symptom", symptom, shown, found.value, value)
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
