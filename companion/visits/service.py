"""Appointments and each visit's question list: add, edit, order, answer, carry over.

Every change is validated first and made in one short transaction; bad input raises
ValidationError and changes nothing.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from companion.errors import ValidationError
from companion.store import Store
from companion.store.plain_sql import sql_datetime
from companion.visits.model import CarryOverOffer, VisitInfo, VisitQuestionInfo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from companion.store.models import Visit, VisitQuestion

MAX_QUESTION = 500
MAX_ANSWER = 5000
MAX_PURPOSE = 2000
MAX_SHORT = 200
FIRST_YEAR, LAST_YEAR = 1990, 2100


def carry_over_key(visit_id: int) -> str:
    return f"carry-over:{visit_id}"


def _question_info(row: VisitQuestion) -> VisitQuestionInfo:
    return VisitQuestionInfo(
        id=row.id,
        visit_id=row.visit_id,
        question_id=row.question_id,
        text=row.question.text,
        topic=row.question.topic,
        bank_id=row.question.bank_id,
        position=row.position,
        asked=row.asked,
        answer=row.answer,
    )


def _clean_question(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise ValidationError("Please write the question first.")
    if len(text) > MAX_QUESTION:
        raise ValidationError(f"The question is too long ({MAX_QUESTION} characters at most).")
    return text


class VisitService:
    def __init__(self, store: Store) -> None:
        self._store = store
        self.clock = store.clock

    def _now(self) -> datetime:
        """Local wall time to the minute, as appointment times are stored."""
        return self._store.clock.wall_now().replace(second=0, microsecond=0)

    # -- visits --------------------------------------------------------------------------
    def all(self, since: date | None = None) -> list[VisitInfo]:
        """Every visit in time order, or those from the day since on."""
        if since is None:
            return self._infos("", {}, "v.starts_at, v.id")
        # starts_at is an indexed wall-clock time; midnight starts the day.
        return self._infos(
            "v.starts_at >= :since",
            {"since": sql_datetime(datetime.combine(since, time()))},
            "v.starts_at, v.id",
        )

    def _infos(
        self, where: str, parameters: dict[str, object], order: str, limit: int | None = None
    ) -> list[VisitInfo]:
        """Visits with their question counts, counted in SQL (the questions themselves are
        read only for the visit shown). Plain SQL: Today's next visit is read before
        SQLAlchemy has loaded."""
        sql = (
            "SELECT v.id, v.starts_at, v.with_whom, v.clinician, v.place, v.purpose, "
            "(SELECT count(*) FROM visit_question AS q WHERE q.visit_id = v.id), "
            "(SELECT count(*) FROM visit_question AS q WHERE q.visit_id = v.id AND NOT q.asked) "
            "FROM visit AS v"
        )
        if where:
            sql += f" WHERE {where}"
        sql += f" ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._store.read() as db:
            rows = db.execute(sql, parameters).fetchall()
        return [
            VisitInfo(number, datetime.fromisoformat(when), who, doctor, place, why, asks, left)
            for number, when, who, doctor, place, why, asks, left in rows
        ]

    def _first(self, where: str, parameters: dict[str, object], order: str) -> VisitInfo | None:
        found = self._infos(where, parameters, order, limit=1)
        return found[0] if found else None

    def upcoming(self, now: datetime | None = None) -> list[VisitInfo]:
        """Visits from today on (a visit this morning still counts: it may be going on).
        Read from the index, so years of past visits cost nothing here."""
        today = (now or self._now()).date()
        return [v for v in self.all(since=today) if v.day >= today]

    def past(self, now: datetime | None = None) -> list[VisitInfo]:
        """Visits before today, the most recent first (read from the index, newest first)."""
        today = (now or self._now()).date()
        return self._infos(
            "v.starts_at < :today",
            {"today": sql_datetime(datetime.combine(today, time()))},
            "v.starts_at DESC, v.id DESC",
        )

    def next_visit(self, now: datetime | None = None) -> VisitInfo | None:
        upcoming = self.upcoming(now)
        return upcoming[0] if upcoming else None

    def get(self, visit_id: int) -> VisitInfo:
        found = self._first("v.id = :visit", {"visit": visit_id}, "v.id")
        if found is None:
            raise ValidationError("That visit no longer exists.")
        return found

    def previous_visit(self, visit_id: int, now: datetime | None = None) -> VisitInfo | None:
        """The last visit before this one that has already happened (the 'last visit')."""
        visit = self.get(visit_id)
        end = min(visit.starts_at, now or self._now())
        return self._first(
            "v.id != :visit AND v.starts_at < :end",
            {"visit": visit.id, "end": sql_datetime(end)},
            "v.starts_at DESC, v.id DESC",
        )

    def add(
        self,
        starts_at: datetime,
        with_whom: str,
        clinician: str = "",
        place: str = "",
        purpose: str = "",
    ) -> VisitInfo:
        from companion.store.models import Visit

        values = self._validated(starts_at, with_whom, clinician, place, purpose)
        with self._store.session() as session:
            row = Visit(**values)
            session.add(row)
            session.flush()
            visit_id = row.id
        return self.get(visit_id)

    def update(
        self,
        visit_id: int,
        starts_at: datetime,
        with_whom: str,
        clinician: str = "",
        place: str = "",
        purpose: str = "",
    ) -> VisitInfo:
        values = self._validated(starts_at, with_whom, clinician, place, purpose)
        with self._store.session() as session:
            row = self._visit(session, visit_id)
            for name, value in values.items():
                setattr(row, name, value)
        return self.get(visit_id)

    def delete(self, visit_id: int) -> None:
        """Delete a visit and its list; questions used nowhere else go too."""
        with self._store.session() as session:
            row = self._visit(session, visit_id)
            question_ids = [q.question_id for q in row.questions]
            session.delete(row)
            session.flush()
            self._drop_orphans(session, question_ids)

    @staticmethod
    def _validated(
        starts_at: datetime, with_whom: str, clinician: str, place: str, purpose: str
    ) -> dict[str, object]:
        if not isinstance(starts_at, datetime):
            raise ValidationError("Please give the date and time of the visit.")
        if not FIRST_YEAR <= starts_at.year <= LAST_YEAR:
            raise ValidationError(f"Please give a date between {FIRST_YEAR} and {LAST_YEAR}.")
        with_whom = with_whom.strip()
        if not with_whom:
            raise ValidationError("Please say who the visit is with.")
        if len(with_whom) > 40:
            raise ValidationError("'With whom' is too long (40 characters at most).")
        for label, value in (("name", clinician), ("place", place)):
            if len(value.strip()) > MAX_SHORT:
                raise ValidationError(f"The {label} is too long ({MAX_SHORT} characters at most).")
        if len(purpose.strip()) > MAX_PURPOSE:
            raise ValidationError(f"The purpose is too long ({MAX_PURPOSE} characters at most).")
        return {
            "starts_at": starts_at.replace(tzinfo=None, second=0, microsecond=0),
            "with_whom": with_whom,
            "clinician": clinician.strip(),
            "place": place.strip(),
            "purpose": purpose.strip(),
        }

    @staticmethod
    def _visit(session: Session, visit_id: int) -> Visit:
        from companion.store.models import Visit

        row = session.get(Visit, visit_id)
        if row is None:
            raise ValidationError("That visit no longer exists.")
        return row

    # -- a visit's questions -------------------------------------------------------------
    def questions(self, visit_id: int) -> list[VisitQuestionInfo]:
        """The visit's list in its order. Plain SQL: the Visits page reads it on its first
        show, where an ORM statement is compiled afresh in each new process."""
        with self._store.read() as db:
            rows = db.execute(
                "SELECT vq.id, vq.visit_id, vq.question_id, q.text, q.topic, q.bank_id, "
                "vq.position, vq.asked, vq.answer FROM visit_question AS vq "
                "JOIN question AS q ON q.id = vq.question_id "
                "WHERE vq.visit_id = ? ORDER BY vq.position, vq.id",
                (visit_id,),
            ).fetchall()
            if (
                not rows
                and db.execute("SELECT 1 FROM visit WHERE id = ?", (visit_id,)).fetchone() is None
            ):
                raise ValidationError("That visit no longer exists.")
        return [
            VisitQuestionInfo(
                number, visit, question, text, topic, bank, position, bool(asked), answer
            )
            for number, visit, question, text, topic, bank, position, asked, answer in rows
        ]

    def add_question(
        self, visit_id: int, text: str, topic: str = "own", bank_id: str | None = None
    ) -> VisitQuestionInfo:
        """Put a question at the end of the visit's list.

        A bank question is one row however many visits it is on; asking to add a question
        the list already has is refused.
        """
        from sqlalchemy import select

        from companion.store.models import Question, VisitQuestion

        text = _clean_question(text)
        with self._store.session() as session:
            visit = self._visit(session, visit_id)
            question = None
            if bank_id:
                question = session.scalar(
                    select(Question).where(Question.bank_id == bank_id).limit(1)
                )
            if question is None:
                question = Question(text=text, topic=topic or "own", bank_id=bank_id)
                session.add(question)
                session.flush()
            if any(q.question_id == question.id for q in visit.questions):
                raise ValidationError("This question is already on the list for this visit.")
            if any(q.question.text.casefold() == text.casefold() for q in visit.questions):
                raise ValidationError("This question is already on the list for this visit.")
            row = VisitQuestion(question=question, position=len(visit.questions))
            visit.questions.append(row)
            session.flush()
            return _question_info(row)

    def edit_question(self, item_id: int, text: str) -> VisitQuestionInfo:
        text = _clean_question(text)
        with self._store.session() as session:
            row = self._item(session, item_id)
            row.question.text = text
            return _question_info(row)

    def remove_question(self, item_id: int) -> VisitQuestionInfo:
        """Take a question off a visit's list. Returns what was removed, for undo."""
        with self._store.session() as session:
            row = self._item(session, item_id)
            removed = _question_info(row)
            visit = row.visit
            visit.questions.remove(row)
            session.flush()
            self._renumber(visit)
        return removed

    def restore_question(self, removed: VisitQuestionInfo) -> VisitQuestionInfo:
        """Put a removed question back where it was (undo of remove_question)."""
        from companion.store.models import Question, VisitQuestion

        with self._store.session() as session:
            visit = self._visit(session, removed.visit_id)
            question = session.get(Question, removed.question_id)
            if question is None:
                question = Question(text=removed.text, topic=removed.topic, bank_id=removed.bank_id)
                session.add(question)
                session.flush()
            row = VisitQuestion(question=question, asked=removed.asked, answer=removed.answer)
            visit.questions.insert(min(removed.position, len(visit.questions)), row)
            self._renumber(visit)
            session.flush()
            return _question_info(row)

    def move_question(self, item_id: int, to_row: int) -> list[VisitQuestionInfo]:
        """Move a question to row to_row (0 = most important). Returns the new order."""
        with self._store.session() as session:
            row = self._item(session, item_id)
            visit = row.visit
            ordered = list(visit.questions)
            ordered.remove(row)
            ordered.insert(max(0, min(to_row, len(ordered))), row)
            for position, item in enumerate(ordered):
                item.position = position
            visit_id = visit.id
        return self.questions(visit_id)

    def set_asked(self, item_id: int, asked: bool) -> VisitQuestionInfo:
        with self._store.session() as session:
            row = self._item(session, item_id)
            row.asked = bool(asked)
            return _question_info(row)

    def set_answer(self, item_id: int, answer: str) -> VisitQuestionInfo:
        if len(answer) > MAX_ANSWER:
            raise ValidationError(f"The answer is too long ({MAX_ANSWER} characters at most).")
        with self._store.session() as session:
            row = self._item(session, item_id)
            row.answer = answer
            return _question_info(row)

    @staticmethod
    def _item(session: Session, item_id: int) -> VisitQuestion:
        from companion.store.models import VisitQuestion

        row = session.get(VisitQuestion, item_id)
        if row is None:
            raise ValidationError("That question is no longer on the list.")
        return row

    @staticmethod
    def _renumber(visit: Visit) -> None:
        for position, item in enumerate(visit.questions):
            item.position = position

    @staticmethod
    def _drop_orphans(session: Session, question_ids: list[int]) -> None:
        from sqlalchemy import func, select

        from companion.store.models import Question, VisitQuestion

        for question_id in question_ids:
            used = session.scalar(
                select(func.count()).where(VisitQuestion.question_id == question_id)
            )
            if not used:
                question = session.get(Question, question_id)
                if question is not None:
                    session.delete(question)

    # -- carrying unanswered questions over ----------------------------------------------
    def carry_over_offer(self, now: datetime | None = None) -> CarryOverOffer | None:
        """The latest visit that has started with unanswered questions, and the next visit.

        None when there is nothing to move (unanswered questions already on the next list
        do not count), no later visit, or the patient said 'not now'.
        """
        from companion.store.models import DismissedSuggestion

        now = now or self._now()
        # Two indexed looks: the last visit that has started, the first one after it today
        # or later.
        source = self._first(
            "v.starts_at <= :now", {"now": sql_datetime(now)}, "v.starts_at DESC, v.id DESC"
        )
        if source is None:
            return None
        target = self._first(
            "v.starts_at > :after AND v.starts_at >= :today",
            {
                "after": sql_datetime(source.starts_at),
                "today": sql_datetime(datetime.combine(now.date(), time())),
            },
            "v.starts_at, v.id",
        )
        if target is None:
            return None
        with self._store.session() as session:
            if session.get(DismissedSuggestion, carry_over_key(source.id)) is not None:
                return None
        on_target = {q.question_id for q in self.questions(target.id)}
        waiting = tuple(
            q for q in self.questions(source.id) if q.unanswered and q.question_id not in on_target
        )
        if not waiting:
            return None
        return CarryOverOffer(from_visit=source, to_visit=target, questions=waiting)

    def carry_over(self, from_visit_id: int, to_visit_id: int) -> int:
        """Move the unanswered questions to the other visit's list (after its own questions).

        A question already on that list just leaves the old one. Returns how many moved.
        """
        from companion.store.models import VisitQuestion

        if from_visit_id == to_visit_id:
            raise ValidationError("Choose a different visit to move the questions to.")
        with self._store.session() as session:
            source = self._visit(session, from_visit_id)
            target = self._visit(session, to_visit_id)
            present = {q.question_id for q in target.questions}
            moving = [q for q in source.questions if not q.asked and not q.answer.strip()]
            for item in moving:
                source.questions.remove(item)
                if item.question_id not in present:
                    target.questions.append(VisitQuestion(question_id=item.question_id))
                    present.add(item.question_id)
            session.flush()
            self._renumber(source)
            self._renumber(target)
        return len(moving)

    def decline_carry_over(self, from_visit_id: int) -> None:
        """'Not now': do not offer to move this visit's questions again."""
        from companion.store.models import DismissedSuggestion

        with self._store.session() as session:
            if session.get(DismissedSuggestion, carry_over_key(from_visit_id)) is None:
                session.add(DismissedSuggestion(key=carry_over_key(from_visit_id)))

    # -- the period a visit looks back on -----------------------------------------------
    def period_before(
        self, visit_id: int, now: datetime | None = None, fallback_days: int = 28
    ) -> tuple[date, date]:
        """From the last visit's day to this visit's day (or today, if that is sooner).

        With no earlier visit, the last fallback_days days.
        """
        visit = self.get(visit_id)
        end = min(visit.day, (now or self._now()).date())
        previous = self.previous_visit(visit_id, now)
        start = previous.day if previous else end - timedelta(days=fallback_days)
        return (min(start, end), end)
