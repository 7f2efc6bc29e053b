from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from companion.store.models.base import Base, UtcDateTime, utcnow


class Visit(Base):
    """An appointment. starts_at is local wall-clock time, as the patient wrote it."""

    __tablename__ = "visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    starts_at: Mapped[datetime] = mapped_column(index=True)
    with_whom: Mapped[str] = mapped_column(String(40), default="oncologist")
    clinician: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")

    questions: Mapped[list[VisitQuestion]] = relationship(
        back_populates="visit",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="VisitQuestion.position",
    )


class Question(Base):
    """A question the patient wants to ask: their own, or taken from the bank or a suggestion."""

    __tablename__ = "question"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    topic: Mapped[str] = mapped_column(String(30), default="own")
    bank_id: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class VisitQuestion(Base):
    """A question on a visit's list, in priority order, with its answer."""

    __tablename__ = "visit_question"
    __table_args__ = (
        UniqueConstraint("visit_id", "question_id", name="uq_question_once_per_visit"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    asked: Mapped[bool] = mapped_column(default=False)
    answer: Mapped[str] = mapped_column(Text, default="")

    visit: Mapped[Visit] = relationship(back_populates="questions")
    question: Mapped[Question] = relationship(lazy="joined")


class DismissedSuggestion(Base):
    """A suggested question the patient accepted or dismissed, so it is not offered again."""

    __tablename__ = "dismissed_suggestion"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    dismissed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
