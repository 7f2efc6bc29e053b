from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from companion.store.models.base import Base, UtcDateTime, utcnow


class CheckIn(Base):
    """One day's check-in. Measurements are stored in one unit (°C, kg)."""

    __tablename__ = "checkin"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(unique=True, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    temperature_c: Mapped[float | None]
    weight_kg: Mapped[float | None]
    # The daily check-in's first question ("better" | "same" | "worse") and when the patient
    # finished the day ("Nothing new today" or "Done for today"); both empty until then.
    compared_with_yesterday: Mapped[str | None] = mapped_column(String(10))
    daily_done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)

    answers: Mapped[list[SymptomAnswer]] = relationship(
        back_populates="checkin", cascade="all, delete-orphan", passive_deletes=True
    )
    esas: Mapped[list[EsasAnswer]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    red_flags: Mapped[list[RedFlagEvent]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class SymptomAnswer(Base):
    """What the patient reported for one attribute of one symptom (0–4, or 0/1 for presence).

    recall_days is the period the question asked about: 1 for the daily check-in ("today"),
    7 for the weekly PRO-CTCAE check-in ("in the last 7 days"). One day may hold both.
    """

    __tablename__ = "symptom_answer"
    __table_args__ = (
        UniqueConstraint(
            "checkin_id", "symptom_id", "attribute", "recall_days", name="uq_answer_per_recall"
        ),
        CheckConstraint("value BETWEEN 0 AND 4", name="value_range"),
        CheckConstraint("recall_days IN (1, 7)", name="recall_period"),
        Index("ix_symptom_answer_symptom", "symptom_id", "checkin_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    checkin_id: Mapped[int] = mapped_column(ForeignKey("checkin.id", ondelete="CASCADE"))
    symptom_id: Mapped[str] = mapped_column(String(80))
    attribute: Mapped[str] = mapped_column(String(20))
    value: Mapped[int]
    recall_days: Mapped[int] = mapped_column(default=1, server_default="1")
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    checkin: Mapped[CheckIn] = relationship(back_populates="answers")


class EsasAnswer(Base):
    """One ESAS-r item (0–10) given with a check-in. ESAS-r asks how the patient feels NOW,
    so its recall period is always 0 days."""

    __tablename__ = "esas_answer"
    __table_args__ = (
        UniqueConstraint("checkin_id", "item", name="uq_esas_per_day"),
        CheckConstraint("value BETWEEN 0 AND 10", name="value_range"),
        CheckConstraint("recall_days = 0", name="recall_now"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    checkin_id: Mapped[int] = mapped_column(
        ForeignKey("checkin.id", ondelete="CASCADE"), index=True
    )
    item: Mapped[str] = mapped_column(String(40))
    value: Mapped[int]
    recall_days: Mapped[int] = mapped_column(default=0, server_default="0")


class RedFlagEvent(Base):
    """A red-flag rule that matched a check-in, kept for reports."""

    __tablename__ = "red_flag_event"
    __table_args__ = (UniqueConstraint("checkin_id", "rule_id", name="uq_flag_per_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    checkin_id: Mapped[int] = mapped_column(
        ForeignKey("checkin.id", ondelete="CASCADE"), index=True
    )
    rule_id: Mapped[str] = mapped_column(String(80))
    urgency: Mapped[str] = mapped_column(String(20))
    message: Mapped[str] = mapped_column(Text)
    raised_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
