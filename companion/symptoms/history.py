"""Looking back over the log: answers for the table, treatment periods, weekly worst
answers, ESAS-r totals, red flags and notes. Read-only; plain data out.

Answers come back as plain tuples (day, symptom id, attribute, value) so that 100,000 of
them load and sort quickly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from companion.store import Store
from companion.store.plain_sql import as_date, day_between
from companion.symptoms.day_states import assemble, read_checkin, state_of
from companion.symptoms.model import RECALL_DAILY, DayState, FlagEvent, SavedAnswer
from companion.symptoms.red_flag_engine import RedFlagEngine, observations
from companion.symptoms.vocabulary import SymptomVocabulary
from companion.translations import Symptoms
from companion.treatments.current import CurrentTreatments

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement

    from companion.store.models import RedFlagEvent

_UNSEEN = datetime.min  # a stamp not parsed yet (no saved time is the year 1)
LogRow = tuple[date, str, str, int]  # day, symptom id, attribute, value
_MONDAY = date(1900, 1, 1)
_SYMPTOM_IDS = """
    WITH RECURSIVE ids(id) AS (
        SELECT min(symptom_id) FROM symptom_answer
        UNION ALL
        SELECT (SELECT min(symptom_id) FROM symptom_answer WHERE symptom_id > ids.id)
        FROM ids WHERE ids.id IS NOT NULL
    )
    SELECT id FROM ids WHERE id IS NOT NULL
"""  # weeks are counted from this Monday (before any check-in)
MAIN_ATTRIBUTE_ORDER = ("severity", "frequency", "amount", "interference", "presence")


@dataclass(frozen=True)
class TreatmentPeriod:
    id: int
    label: str
    start: date
    end: date | None  # None: going on

    def contains(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class WeekSummary:
    week_start: date  # a Monday
    worst: dict[str, tuple[str, int]]  # symptom id → (attribute, worst value that week)


@dataclass(frozen=True)
class EsasTotal:
    day: date
    total: int
    items: int  # how many of the nine were answered


@dataclass(frozen=True)
class DayNote:
    day: date
    note: str
    temperature_c: float | None
    weight_kg: float | None


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def main_attribute(attributes: Iterable[str]) -> str:
    """The attribute summaries show for a symptom: severity when it is asked."""
    present = list(attributes)
    for attribute in MAIN_ATTRIBUTE_ORDER:
        if attribute in present:
            return attribute
    return present[0] if present else "severity"


def weekly_worst(
    rows: Iterable[LogRow], attributes_of: dict[str, tuple[str, ...]]
) -> list[WeekSummary]:
    """Per week (Monday first) and symptom, the worst answer to the symptom's main question."""
    weeks: dict[date, dict[str, tuple[str, int]]] = {}
    main = {s: main_attribute(a) for s, a in attributes_of.items()}
    for day, symptom_id, attribute, value in rows:
        if main.get(symptom_id, attribute) != attribute:
            continue
        worst = weeks.setdefault(week_start(day), {})
        if symptom_id not in worst or value > worst[symptom_id][1]:
            worst[symptom_id] = (attribute, value)
    return [WeekSummary(week, weeks[week]) for week in sorted(weeks)]


class SymptomHistory:
    def __init__(
        self,
        store: Store,
        vocabulary: SymptomVocabulary,
        flags: RedFlagEngine,
        treatments: CurrentTreatments,
    ) -> None:
        self._store = store
        self._vocabulary = vocabulary
        self._flags = flags
        self._treatments = treatments

    # -- single days ----------------------------------------------------------------------
    def day_state(self, day: date) -> DayState:
        """Everything recorded on that day (an empty state when nothing is)."""
        with self._store.read() as db:
            checkin = read_checkin(db, day)
        return state_of(checkin, self._flags.flag_view) if checkin else DayState(day=day)

    def states_of(self, days: Iterable[date]) -> list[DayState]:
        """The states of the given days in one read (empty states for days with nothing)."""
        wanted = sorted(set(days))
        if not wanted:
            return []
        if len(wanted) <= 3:
            return [self.day_state(d) for d in wanted]
        found = {s.day: s for s in self.day_states(wanted[0], wanted[-1])}
        return [found.get(d) or DayState(day=d) for d in wanted]

    def previous_day_state(self, day: date) -> DayState | None:
        """The latest earlier day with symptom answers, for "same as yesterday"."""
        from sqlalchemy import select

        from companion.store.models import CheckIn

        with self._store.session() as session:
            found = session.scalar(
                select(CheckIn.day)
                .where(CheckIn.day < day, CheckIn.answers.any())
                .order_by(CheckIn.day.desc())
                .limit(1)
            )
        return None if found is None else self.day_state(found)

    def last_esas_day(self, before: date | None = None) -> date | None:
        """The latest day with ESAS-r answers (on or before the given day, if one is given)."""
        sql = (
            "SELECT c.day FROM checkin AS c WHERE EXISTS "
            "(SELECT 1 FROM esas_answer AS e WHERE e.checkin_id = c.id)"
        )
        parameters: dict[str, object] = {}
        if before is not None:
            sql += " AND c.day <= :before"
            parameters["before"] = before.isoformat()
        with self._store.read() as db:
            row = db.execute(sql + " ORDER BY c.day DESC LIMIT 1", parameters).fetchone()
        return None if row is None else as_date(row[0])

    def open_flags(self, day: date) -> tuple[FlagEvent, ...]:
        """Red flags for this day not acknowledged yet (including an episode that began on an
        earlier day and still goes on)."""
        with self._store.read() as db:
            checkin = read_checkin(db, day)
            if checkin is None:
                return ()
            situation = self._flags.situation(day, db)
            events = self._flags.day_events(db, checkin, situation)
        return self._flags.open_views(events, checkin)

    # -- periods --------------------------------------------------------------------------

    def answers(
        self,
        start: date | None = None,
        end: date | None = None,
        symptom_ids: Iterable[str] | None = None,
        recall_days: int = RECALL_DAILY,
    ) -> list[LogRow]:
        """Answers of one recall period (the daily check-in's unless asked): a chart or table
        built from these never mixes "today" with "the last 7 days"."""
        parameters: dict[str, object] = {"recall": recall_days}
        conditions = ["a.recall_days = :recall", *day_between("c.day", start, end, parameters)]
        if symptom_ids is not None:
            wanted = {f"s{i}": symptom for i, symptom in enumerate(symptom_ids)}
            conditions.append(f"a.symptom_id IN ({', '.join(':' + k for k in wanted) or 'NULL'})")
            parameters.update(wanted)
        # Plain SQL and one date object per day: a chart of ten years reads ~16,000 rows,
        # which the ORM's per-row type handling made several times slower. With a first day,
        # the days are walked on their index and each day's answers looked up (CROSS JOIN
        # keeps that order: SQLite has no statistics to prefer it): 5 years of one symptom
        # 19 -> 12 ms, one year 7 -> 1 ms. All dates are quicker from the symptom's index.
        join = "CROSS JOIN" if start is not None else "JOIN"
        sql = (
            "SELECT c.day, a.symptom_id, a.attribute, a.value "
            f"FROM checkin AS c {join} symptom_answer AS a ON a.checkin_id = c.id "
            f"WHERE {' AND '.join(conditions)} ORDER BY c.day, a.symptom_id, a.attribute"
        )
        with self._store.read() as db:
            found = db.execute(sql, parameters).fetchall()
        days: dict[str, date] = {}
        return [
            (days.get(d) or days.setdefault(d, date.fromisoformat(d)), s, a, int(v))
            for d, s, a, v in found
        ]

    def day_states(self, start: date | None = None, end: date | None = None) -> list[DayState]:
        """Everything recorded on each day of the period (for export), in a few plain reads
        (no ORM objects: quick for 100,000 answers)."""
        from sqlalchemy import select

        from companion.store.models import CheckIn, EsasAnswer, RedFlagEvent

        period: list[ColumnElement[bool]] = []
        if start is not None:
            period.append(CheckIn.day >= start)
        if end is not None:
            period.append(CheckIn.day <= end)

        with self._store.session() as session:
            days = session.execute(
                select(
                    CheckIn.id,
                    CheckIn.day,
                    CheckIn.note,
                    CheckIn.temperature_c,
                    CheckIn.weight_kg,
                    CheckIn.compared_with_yesterday,
                    CheckIn.daily_done_at,
                )
                .where(*period)
                .order_by(CheckIn.day)
            ).all()
            answers: dict[int, list[SavedAnswer]] = {}
            # Plain sqlite3: the answers are most of the rows (100,000 in ten years), and
            # SQLAlchemy's per-row handling cost more than reading them. Timestamps are
            # naive UTC text (UtcDateTime); each distinct one is parsed once.
            bounds: dict[str, str] = {}
            if start is not None:
                bounds["start"] = start.isoformat()
            if end is not None:
                bounds["end"] = end.isoformat()
            within = " AND ".join(
                f"c.day {'>=' if name == 'start' else '<='} :{name}" for name in bounds
            )
            join = f"JOIN checkin AS c ON c.id = a.checkin_id WHERE {within} " if bounds else ""
            stamps: dict[str | None, datetime | None] = {None: None}
            raw = Store.sqlite_of(session)
            for checkin_id, symptom, attribute, value, recorded, recall in raw.execute(
                "SELECT a.checkin_id, a.symptom_id, a.attribute, a.value, a.recorded_at, "
                f"a.recall_days FROM symptom_answer AS a {join}"
                "ORDER BY a.recall_days, a.symptom_id, a.attribute",
                bounds,
            ).fetchall():
                moment = stamps.get(recorded, _UNSEEN)
                if moment is _UNSEEN:
                    moment = stamps[recorded] = datetime.fromisoformat(recorded).replace(tzinfo=UTC)
                answers.setdefault(checkin_id, []).append(
                    SavedAnswer(symptom, attribute, value, moment, recall)  # type: ignore[arg-type]  # raw SQL rows: the columns are checked by the schema
                )
            items: dict[int, list[tuple[str, int]]] = {}
            for checkin_id, item, value in session.execute(
                select(EsasAnswer.checkin_id, EsasAnswer.item, EsasAnswer.value)
                .join(CheckIn, EsasAnswer.checkin_id == CheckIn.id)
                .where(*period)
                .order_by(EsasAnswer.item)
            ):
                items.setdefault(checkin_id, []).append((item, value))
            flags: dict[int, list[RedFlagEvent]] = {}
            for (event,) in session.execute(
                select(RedFlagEvent)
                .join(CheckIn, RedFlagEvent.checkin_id == CheckIn.id)
                .where(*period)
                .order_by(RedFlagEvent.raised_at, RedFlagEvent.rule_id)
            ):
                flags.setdefault(event.checkin_id, []).append(event)
            return [
                assemble(
                    day,
                    note,
                    temperature,
                    weight,
                    answers.get(checkin_id, ()),
                    items.get(checkin_id, ()),
                    flags.get(checkin_id, ()),
                    self._flags.flag_view,
                    compared,
                    done_at,
                )
                for checkin_id, day, note, temperature, weight, compared, done_at in days
            ]

    def count(self, recall_days: int = RECALL_DAILY) -> int:
        """How many answers of one recall period (the daily check-in's unless asked)."""
        with self._store.read() as db:
            (found,) = db.execute(
                "SELECT count(*) FROM symptom_answer WHERE recall_days = ?", (recall_days,)
            ).fetchone()
        return int(found)

    def span(self) -> tuple[date, date] | None:
        # Two scalar subqueries: SQLite reads each end of the day index (one query asking
        # for both min and max would scan the whole table).
        with self._store.read() as db:
            first, last = db.execute(
                "SELECT (SELECT min(day) FROM checkin), (SELECT max(day) FROM checkin)"
            ).fetchone()
        return None if first is None else (as_date(first), as_date(last))

    def symptom_ids(self) -> list[str]:
        """Symptoms that have answers, in vocabulary order (unknown ones last)."""
        # A loose index scan: one index seek per symptom, not a pass over every answer.
        with self._store.read() as db:
            found = {symptom for (symptom,) in db.execute(_SYMPTOM_IDS)}
        order = [t.id for t in self._vocabulary.all()]
        return [s for s in order if s in found] + sorted(found - set(order))

    def periods(self) -> list[TreatmentPeriod]:
        """Therapy lines as periods to shade and filter by, earliest first."""
        result = []
        for line in self._treatments.line_spans():
            if line.setting == "early":
                label = Symptoms.tr("Early treatment: {regimen}").format(regimen=line.regimen)
            else:
                label = Symptoms.tr("Line {number}: {regimen}").format(
                    number=line.number, regimen=line.regimen
                )
            result.append(
                TreatmentPeriod(line.id, label.rstrip(": "), line.start_date, line.end_date)
            )
        return result

    def weekly_worst(
        self, start: date | None = None, end: date | None = None, symptom_id: str | None = None
    ) -> list[WeekSummary]:
        """weekly_worst() of the period's answers, worked out in SQL: one row per week and
        symptom comes back instead of every answer."""
        from sqlalchemy import text

        main = {t.id: main_attribute(t.attributes) for t in self._vocabulary.all()}
        parameters: dict[str, object] = {"monday": _MONDAY.isoformat(), "recall": RECALL_DAILY}
        pairs, known = [], []
        for index, (symptom, attribute) in enumerate(main.items()):
            parameters[f"s{index}"], parameters[f"a{index}"] = symptom, attribute
            pairs.append(f"(:s{index}, :a{index})")
            known.append(f":s{index}")
        conditions = ["a.recall_days = :recall"]  # the daily answers, as answers() gives
        if pairs:
            # Each symptom's main question; a symptom the vocabulary does not know counts
            # with any question. (IN lists become lookups, not a CASE tried row by row.)
            conditions.append(
                f"((a.symptom_id, a.attribute) IN (VALUES {', '.join(pairs)}) "
                f"OR a.symptom_id NOT IN ({', '.join(known)}))"
            )
        for column, value, test in (
            ("start", start, "c.day >= :start"),
            ("end", end, "c.day <= :end"),
            ("symptom", symptom_id, "a.symptom_id = :symptom"),
        ):
            if value is not None:
                parameters[column] = value.isoformat() if isinstance(value, date) else value
                conditions.append(test)
        where = " WHERE " + " AND ".join(conditions)
        # SQLite returns the attribute of the row holding the max (the bare-column rule).
        sql = (
            "SELECT CAST((julianday(c.day) - julianday(:monday)) / 7 AS INTEGER) AS week, "
            "a.symptom_id, a.attribute, max(a.value) "
            "FROM checkin AS c CROSS JOIN symptom_answer AS a ON a.checkin_id = c.id"
            f"{where} GROUP BY week, a.symptom_id ORDER BY week"
        )
        weeks: dict[int, dict[str, tuple[str, int]]] = {}
        with self._store.session() as session:
            for week, symptom, attribute, value in session.execute(text(sql), parameters):
                weeks.setdefault(week, {})[symptom] = (attribute, int(value))
        return [WeekSummary(_MONDAY + timedelta(weeks=w), weeks[w]) for w in sorted(weeks)]

    def esas_totals(self, start: date | None = None, end: date | None = None) -> list[EsasTotal]:
        from sqlalchemy import func, select

        from companion.store.models import CheckIn, EsasAnswer

        query = (
            select(CheckIn.day, func.sum(EsasAnswer.value), func.count(EsasAnswer.id))
            .join(EsasAnswer, EsasAnswer.checkin_id == CheckIn.id)
            .group_by(CheckIn.day)
            .order_by(CheckIn.day)
        )
        if start is not None:
            query = query.where(CheckIn.day >= start)
        if end is not None:
            query = query.where(CheckIn.day <= end)
        with self._store.session() as session:
            return [EsasTotal(day, int(total), int(n)) for day, total, n in session.execute(query)]

    def flags(self, start: date | None = None, end: date | None = None) -> list[FlagEvent]:
        """Red flags raised in the period, with what the patient reported that day."""
        from sqlalchemy import select

        from companion.store.models import CheckIn, RedFlagEvent

        query = (
            select(RedFlagEvent, CheckIn)
            .join(CheckIn, RedFlagEvent.checkin_id == CheckIn.id)
            .order_by(CheckIn.day, RedFlagEvent.raised_at)
        )
        if start is not None:
            query = query.where(CheckIn.day >= start)
        if end is not None:
            query = query.where(CheckIn.day <= end)
        evaluator = self._vocabulary.evaluator
        result = []
        with self._store.session() as session:
            for event, checkin in session.execute(query):
                seen = observations(checkin)
                rule = evaluator.rule(event.rule_id)
                if rule is not None and not evaluator.condition_holds(
                    rule, evaluator.observed(rule, seen)
                ):
                    continue  # the patient corrected the answer: no longer a warning sign
                result.append(self._flags.flag_view(event, checkin.day, seen))
        return result

    def flag_symptoms(
        self, start: date | None = None, end: date | None = None
    ) -> dict[tuple[date, str], str]:
        """(day, symptom id) → urgency of a red flag about that symptom that day."""
        evaluator = self._vocabulary.evaluator
        marks: dict[tuple[date, str], str] = {}
        parameters: dict[str, object] = {}
        period = day_between("c.day", start, end, parameters)
        with self._store.read() as db:
            rows = db.execute(
                "SELECT c.day, e.rule_id, e.urgency FROM red_flag_event AS e "
                "JOIN checkin AS c ON e.checkin_id = c.id"
                + (f" WHERE {' AND '.join(period)}" if period else ""),
                parameters,
            ).fetchall()
        for day, rule_id, urgency in rows:
            rule = evaluator.rule(rule_id)
            symptom = rule.symptom if rule else rule_id
            marks[(as_date(day), symptom)] = urgency
        return marks

    def notes(self, start: date | None = None, end: date | None = None) -> list[DayNote]:
        """Days with a note or a measurement."""
        from sqlalchemy import select

        from companion.store.models import CheckIn

        query = (
            select(CheckIn.day, CheckIn.note, CheckIn.temperature_c, CheckIn.weight_kg)
            .where(
                (CheckIn.note != "")
                | CheckIn.temperature_c.is_not(None)
                | CheckIn.weight_kg.is_not(None)
            )
            .order_by(CheckIn.day)
        )
        if start is not None:
            query = query.where(CheckIn.day >= start)
        if end is not None:
            query = query.where(CheckIn.day <= end)
        with self._store.session() as session:
            return [DayNote(*row) for row in session.execute(query)]
